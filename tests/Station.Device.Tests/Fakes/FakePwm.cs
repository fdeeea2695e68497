using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>A PWM output that remembers its duty.</summary>
    public sealed class FakePwm : IPwmOutput
    {
        private double _duty;

        /// <inheritdoc />
        public double Duty { get { return _duty; } }

        /// <inheritdoc />
        public int FrequencyHz { get { return 2000; } }

        /// <inheritdoc />
        public void SetDuty(double duty) { _duty = duty < 0 ? 0 : (duty > 1 ? 1 : duty); }
    }
}
