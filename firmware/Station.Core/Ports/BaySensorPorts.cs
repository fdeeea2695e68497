using Station.Hal;

namespace Station.Core
{
    /// <summary>The car bay's presence sensors: the vehicle at the swap position and a pack at each place the
    /// conveyors move it between (staging point, lift platform, rack return point). Inputs are "active = present".</summary>
    /// <remarks>Another bay kind names its own places (a truck bay: each block position, the rack shuttle).</remarks>
    public sealed class BaySensorPorts
    {
        /// <summary>A vehicle stands in the bay at the swap position.</summary>
        public IDigitalInput VehiclePositioned;
        /// <summary>A pack sits at the staging point.</summary>
        public IDigitalInput PackAtStaging;
        /// <summary>A pack sits on the lift platform.</summary>
        public IDigitalInput PackOnLift;
        /// <summary>A pack sits at the rack return point.</summary>
        public IDigitalInput PackAtReturn;
    }
}
