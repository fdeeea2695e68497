using System.Device.Pwm;

namespace Station.Hal.Nano
{
    /// <summary>A PWM channel as an <see cref="IPwmOutput"/> (the lift drive's speed reference).</summary>
    /// <remarks>On ESP32 the pin must be routed to a PWM function first (Station.Hal.Nano.Esp32.Esp32Routing);
    /// on STM32 the pin must be one of the timer channels the firmware target configures.</remarks>
    public sealed class PwmSpeedOutput : IPwmOutput
    {
        private readonly PwmChannel _channel;

        /// <summary>Creates the channel on <paramref name="pin"/> at <paramref name="frequencyHz"/>, duty 0, and starts it.</summary>
        public PwmSpeedOutput(int pin, int frequencyHz)
        {
            _channel = PwmChannel.CreateFromPin(pin, frequencyHz, 0.0);
            FrequencyHz = frequencyHz;
            Duty = 0.0;
            _channel.Start();
        }

        /// <inheritdoc />
        public double Duty { get; private set; }

        /// <inheritdoc />
        public int FrequencyHz { get; private set; }

        /// <inheritdoc />
        public void SetDuty(double duty)
        {
            // Clamp, and treat NaN as 0: a bad number from anywhere must never mean "full speed".
            if (!(duty > 0.0)) duty = 0.0;
            else if (duty > 1.0) duty = 1.0;
            if (duty == Duty) return;
            _channel.DutyCycle = duty;
            Duty = duty;
        }
    }
}
