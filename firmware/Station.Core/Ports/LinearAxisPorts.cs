using Station.Hal;

namespace Station.Core
{
    /// <summary>The ports of one linear axis: a drive with speed reference, direction, enable and holding brake, an
    /// incremental encoder, a home switch, an overtravel limit and a contact sensor at the far end.</summary>
    /// <remarks>
    /// One shape for every axis a bay has: the car bay's lift, and a side-swap robot's travel, height and fork axes.
    /// "Away" is the direction in which the encoder counts rise (up for a lift, out for a fork).
    /// </remarks>
    public sealed class LinearAxisPorts
    {
        /// <summary>Drive speed reference (duty 0..1 of maximum speed).</summary>
        public IPwmOutput Drive;
        /// <summary>Direction: true = away from home (counts increase).</summary>
        public IDigitalOutput DirectionAway;
        /// <summary>Drive enable (on only while a move is commanded).</summary>
        public IDigitalOutput Enable;
        /// <summary>Holding brake: true = brake released (the brake holds when unpowered).</summary>
        public IDigitalOutput BrakeRelease;
        /// <summary>Incremental encoder, counts increase away from home.</summary>
        public IPositionInput Encoder;
        /// <summary>Home switch at the near end of travel, also the reference for homing.</summary>
        public IDigitalInput HomeSwitch;
        /// <summary>Overtravel limit switch at the far end of travel.</summary>
        public IDigitalInput FarLimit;
        /// <summary>Contact sensor on the carriage: made while the carriage (or the load it carries) touches its
        /// counterpart at the far end (the lift platform against the vehicle's pack). Second position channel near
        /// contact, beside the encoder.</summary>
        public IDigitalInput FarContact;
    }
}
