namespace Station.Boards
{
    /// <summary>Pins of one linear axis (see <c>Station.Core.LinearAxisPorts</c>; field names match its ports, the
    /// encoder has channels A and B).</summary>
    public sealed class LinearAxisPins
    {
        /// <summary>Drive speed reference (PWM).</summary>
        public int Drive = BoardPinMap.NoPin;
        /// <summary>PWM frequency of the drive reference, Hz.</summary>
        public int DriveFrequencyHz;
        /// <summary>Direction output (high = away from home).</summary>
        public int DirectionAway = BoardPinMap.NoPin;
        /// <summary>Drive enable output.</summary>
        public int Enable = BoardPinMap.NoPin;
        /// <summary>Brake release output (high = released).</summary>
        public int BrakeRelease = BoardPinMap.NoPin;
        /// <summary>Encoder channel A.</summary>
        public int EncoderA = BoardPinMap.NoPin;
        /// <summary>Encoder channel B.</summary>
        public int EncoderB = BoardPinMap.NoPin;
        /// <summary>Home switch.</summary>
        public int HomeSwitch = BoardPinMap.NoPin;
        /// <summary>Far-end overtravel limit switch.</summary>
        public int FarLimit = BoardPinMap.NoPin;
        /// <summary>Far-end contact sensor (the lift platform touching the vehicle's pack).</summary>
        public int FarContact = BoardPinMap.NoPin;

        internal void AddTo(PinList pins, string group)
        {
            pins.Add(group + ".Drive", Drive, PinRole.Pwm);
            pins.Add(group + ".DirectionAway", DirectionAway, PinRole.Output);
            pins.Add(group + ".Enable", Enable, PinRole.Output);
            pins.Add(group + ".BrakeRelease", BrakeRelease, PinRole.Output);
            pins.Add(group + ".EncoderA", EncoderA, PinRole.Encoder);
            pins.Add(group + ".EncoderB", EncoderB, PinRole.Encoder);
            pins.Add(group + ".HomeSwitch", HomeSwitch, PinRole.Input);
            pins.Add(group + ".FarLimit", FarLimit, PinRole.Input);
            pins.Add(group + ".FarContact", FarContact, PinRole.Input);
        }
    }
}
