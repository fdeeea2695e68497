using System.Device.Gpio;

namespace Station.Hal.Nano
{
    /// <summary>A native GPIO input as an <see cref="IDigitalInput"/>: the raw level mapped to "active", no debounce
    /// (the core debounces; see IDigitalInput).</summary>
    public sealed class GpioDigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;

        /// <summary>Opens <paramref name="pinNumber"/> as an input. Active-low inputs (an optocoupler pulling the pin
        /// down) get the chip's pull-up where the pin has one; ESP32 GPIO34..39 have none and need an external one.</summary>
        public GpioDigitalInput(GpioController gpio, int pinNumber, bool activeLow)
        {
            _activeLow = activeLow;
            PinMode mode = activeLow && gpio.IsPinModeSupported(pinNumber, PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input;
            _pin = gpio.OpenPin(pinNumber, mode);
        }

        /// <inheritdoc />
        public bool Read()
        {
            bool high = _pin.Read().Equals(PinValue.High);
            return high != _activeLow;
        }
    }
}
