namespace Station.Core
{
    /// <summary>Permission to swap one vehicle's pack, from the cloud, the console or the simulator.</summary>
    public sealed class SwapAuthorization
    {
        /// <summary>Start of the placeholder the inventory uses for a vehicle's pack whose serial nobody told the station
        /// ("unknown@" + vehicle id): not a serial a person can type; the serial on the pack's label replaces it.</summary>
        public const string UnknownPackPrefix = "unknown@";

        /// <summary>Vehicle identifier (VIN or fleet id), 1..32 characters.</summary>
        public string VehicleId;
        /// <summary>Serial of the charged pack to install, or null to let the station pick the ready pack with the highest SOC.</summary>
        public string PackSerial;
        /// <summary>Serial of the pack now in the vehicle when known (else null: the record says "unknown").</summary>
        public string VehiclePackSerial;
        /// <summary>State of charge of the vehicle's pack when known, else -1.</summary>
        public int VehiclePackSocPct = -1;
        /// <summary>Truck bay: the block positions to swap, bit p-1 for position p (1..3); 0 in a car bay's authorisation.</summary>
        public int BlockPositions;
        /// <summary>Truck bay: how many blocks the booking says it swaps (must equal the positions named), or 0 when it
        /// names only positions.</summary>
        public int BlockCount;
        /// <summary>Clock.NowMs after which this authorisation is void, or 0 for none.</summary>
        public long ExpiresAtMs;

        /// <summary>Creates an authorisation.</summary>
        public SwapAuthorization(string vehicleId, string packSerial)
        {
            VehicleId = vehicleId;
            PackSerial = packSerial;
        }
    }
}
