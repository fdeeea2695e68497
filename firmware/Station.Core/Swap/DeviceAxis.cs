using Station.Core.Motion;

namespace Station.Core.Swap
{
    /// <summary>An axis as the bay names it to the technician (console status, jog, homing and self-test).</summary>
    public sealed class DeviceAxis
    {
        /// <summary>The axis's name ("lift"; a truck robot's "travel", "height", "fork").</summary>
        public readonly string Name;
        /// <summary>The axis controller.</summary>
        public readonly LiftAxis Axis;
        /// <summary>The configuration whose soft limits (SoftLimitMinMm, SoftLimitMaxMm) bound the axis: a jog stays inside.</summary>
        public readonly StationConfig Limits;
        /// <summary>What the axis does moving away from home ("rises", "advances", "reaches out"), for the self-test.</summary>
        public readonly string Forward;
        /// <summary>The axis that must stand home before this one moves (a truck robot's fork, for travel and height), or null.</summary>
        public DeviceAxis Blocker;
        /// <summary>True when the axis has a pack-contact switch (the car's lift).</summary>
        public readonly bool HasPackContact;

        /// <summary>The axis <paramref name="axis"/> named <paramref name="name"/>.</summary>
        public DeviceAxis(string name, LiftAxis axis, StationConfig limits, string forward, bool hasPackContact)
        {
            Name = name;
            Axis = axis;
            Limits = limits;
            Forward = forward;
            HasPackContact = hasPackContact;
        }
    }
}
