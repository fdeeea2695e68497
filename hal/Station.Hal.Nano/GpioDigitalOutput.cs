using System.Device.Gpio;

namespace Station.Hal.Nano
{
    /// <summary>A native GPIO output as an <see cref="IDigitalOutput"/>. Opened de-energised.</summary>
    public sealed class GpioDigitalOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;

        /// <summary>Opens <paramref name="pinNumber"/> as a push-pull output, off.</summary>
        public GpioDigitalOutput(GpioController gpio, int pinNumber, bool activeLow)
        {
            _activeLow = activeLow;
            _pin = gpio.OpenPin(pinNumber, PinMode.Output);
            Write(false);
        }

        /// <inheritdoc />
        public bool State { get; private set; }

        /// <inheritdoc />
        public void Write(bool on)
        {
            // Written every time, not only on change: a level disturbed by noise is restored on the next tick.
            _pin.Write(on != _activeLow ? PinValue.High : PinValue.Low);
            State = on;
        }
    }
}
