using System;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>A simulated PWM channel (the lift drive's speed reference).</summary>
    public sealed class SimPwm : IPwmOutput
    {
        /// <summary>A channel at <paramref name="frequencyHz"/>.</summary>
        public SimPwm(string name, int frequencyHz) { Name = name; FrequencyHz = frequencyHz; }

        /// <summary>The StationIo name of this channel.</summary>
        public string Name { get; }

        /// <inheritdoc />
        public double Duty => StuckDuty >= 0 ? StuckDuty : _duty;

        /// <summary>When 0..1: the drive keeps this speed reference whatever the core writes (a frozen analogue output,
        /// a drive stuck on its last command); -1 = healthy.</summary>
        public double StuckDuty { get; set; } = -1;

        private double _duty;

        /// <summary>The reference the core last wrote (whatever <see cref="StuckDuty"/> makes of it).</summary>
        public double WrittenDuty => _duty;

        /// <inheritdoc />
        public int FrequencyHz { get; }

        /// <inheritdoc />
        public void SetDuty(double duty)
        {
            if (double.IsNaN(duty)) duty = 0;
            _duty = Math.Clamp(duty, 0.0, 1.0);
        }

        /// <summary>Drops the reference to 0 as a loss of supply does.</summary>
        public void PowerOff() => _duty = 0;
    }
}
