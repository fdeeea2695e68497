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
        /// <summary>The pack standards the vehicle accepts: bit n for <see cref="PackStandard"/> n (PackStandards.MaskOf),
        /// 0 = any (an authorisation that names none). A truck's positions take this unless
        /// <see cref="PositionStandards"/> names their own.</summary>
        public int AcceptedStandards;
        /// <summary>Truck bay: per block position (index = position - 1) the standards that position accepts (a mask as
        /// <see cref="AcceptedStandards"/>); null, or 0 at a position, = <see cref="AcceptedStandards"/>.</summary>
        public int[] PositionStandards;
        /// <summary>Clock.NowMs after which this authorisation is void, or 0 for none.</summary>
        public long ExpiresAtMs;

        /// <summary>The standards block position <paramref name="position"/> (1..3) accepts; <see cref="AcceptedStandards"/>
        /// for a car or a position the booking gives none for.</summary>
        public int AcceptedAt(int position)
        {
            if (PositionStandards == null || position < 1 || position > PositionStandards.Length) return AcceptedStandards;
            int own = PositionStandards[position - 1];
            return own != 0 ? own : AcceptedStandards;
        }

        /// <summary>Takes the booking terms read from a command (cloud or console): positions and accepted standards.</summary>
        public void Book(BookingTerms terms)
        {
            BlockPositions = terms.Positions;
            AcceptedStandards = terms.Accepts;
            PositionStandards = terms.PositionStandards();
        }

        /// <summary>Creates an authorisation.</summary>
        public SwapAuthorization(string vehicleId, string packSerial)
        {
            VehicleId = vehicleId;
            PackSerial = packSerial;
        }
    }
}
