using System.Device.Gpio;
using System.Threading;

namespace Station.Hal.Nano
{
    /// <summary>A quadrature encoder decoded in GPIO change events, for chips without a counter the managed API
    /// reaches (STM32). Every edge of A and B is one count (x4 decoding).</summary>
    /// <remarks>Managed interrupts cost tens of microseconds each: keep the edge rate to a few thousand per second
    /// at most (see boards/stm32f769i-discovery/README.md). A missed edge shows as position error, which the core's
    /// homing and limit switches bound.</remarks>
    public sealed class InterruptQuadratureEncoder : IPositionInput
    {
        // Index: previous AB (2 bits) * 4 + current AB. +1 / -1 for a valid step, 0 for none or an invalid jump.
        private static readonly int[] Step = { 0, 1, -1, 0, -1, 0, 0, 1, 1, 0, 0, -1, 0, -1, 1, 0 };

        private readonly GpioPin _a;
        private readonly GpioPin _b;
        private readonly bool _invert;
        private int _state;
        private int _count;

        /// <summary>Opens both channels as inputs and starts counting. <paramref name="invert"/> flips the direction so
        /// that counts increase going up.</summary>
        public InterruptQuadratureEncoder(GpioController gpio, int pinA, int pinB, bool invert)
        {
            _invert = invert;
            _a = gpio.OpenPin(pinA, PinMode.InputPullUp);
            _b = gpio.OpenPin(pinB, PinMode.InputPullUp);
            _state = ReadAb();
            _a.ValueChanged += OnEdge;
            _b.ValueChanged += OnEdge;
        }

        /// <inheritdoc />
        public int ReadCounts()
        {
            int c = Interlocked.CompareExchange(ref _count, 0, 0);
            return _invert ? -c : c;
        }

        private int ReadAb()
        {
            int a = _a.Read().Equals(PinValue.High) ? 2 : 0;
            int b = _b.Read().Equals(PinValue.High) ? 1 : 0;
            return a | b;
        }

        private void OnEdge(object sender, PinValueChangedEventArgs e)
        {
            int now = ReadAb();
            int step = Step[_state * 4 + now];
            _state = now;
            if (step > 0) Interlocked.Increment(ref _count);
            else if (step < 0) Interlocked.Decrement(ref _count);
        }
    }
}
