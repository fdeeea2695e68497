using Station.Hal;

namespace Station.Core
{
    /// <summary>The truck bay's own port groups, beside the ones it shares with the car bay in <see cref="StationIo"/>
    /// (the robot's height axis is <see cref="StationIo.Lift"/>, the rack shuttle <see cref="StationIo.StagingConveyor"/>,
    /// the exchange rollers <see cref="StationIo.TransferConveyor"/>, the safety chain <see cref="StationIo.Safety"/>).
    /// Inputs are "active = true" and read true when healthy.</summary>
    public sealed class TruckPorts
    {
        /// <summary>Block positions a truck can carry (QIJI: one to three blocks).</summary>
        public const int Positions = 3;

        /// <summary>The side-swap robot's travel axis along the truck ("away" = from the rack exchange towards the rear).</summary>
        public readonly LinearAxisPorts Travel = new LinearAxisPorts();
        /// <summary>The robot's fork axis ("away" = reaching into the chassis cradle).</summary>
        public readonly LinearAxisPorts Fork = new LinearAxisPorts();
        /// <summary>Per block position: the latches holding the block in its cradle.</summary>
        public readonly LockSetPorts[] BlockLocks = { new LockSetPorts(), new LockSetPorts(), new LockSetPorts() };
        /// <summary>Per block position: the power/CAN connector's actuator (engage = mate, release = unmate; locked sensor =
        /// mated, unlocked sensor = retracted), one "latch" each.</summary>
        public readonly LockSetPorts[] Connectors = { new LockSetPorts(), new LockSetPorts(), new LockSetPorts() };
        /// <summary>Per block position: a block sits in the cradle (the station's proximity sensor beside the truck).</summary>
        public readonly IDigitalInput[] BlockPresent = new IDigitalInput[Positions];
        /// <summary>The fork's load cell is within the maximum load (GB/T 29772's maximum-load limit); false = overload.</summary>
        public IDigitalInput LoadWithinLimit;
        /// <summary>The robot stands level on its rails (anti-tipping inclination switch); false = tipping.</summary>
        public IDigitalInput Upright;
    }
}
