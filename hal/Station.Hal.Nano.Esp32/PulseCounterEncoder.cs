using System.Device.Gpio;

namespace Station.Hal.Nano.Esp32
{
    /// <summary>A quadrature encoder counted by the ESP32's pulse counter (PCNT) hardware: no interrupt per edge.</summary>
    public sealed class PulseCounterEncoder : IPositionInput
    {
        private readonly GpioPulseCounter _counter;
        private readonly bool _invert;

        /// <summary>Starts counting channel A against channel B. <paramref name="invert"/> flips the direction so that
        /// counts increase going up.</summary>
        public PulseCounterEncoder(int pinA, int pinB, bool invert)
        {
            _invert = invert;
            _counter = new GpioPulseCounter(pinA, pinB);
            _counter.Polarity = GpioPulsePolarity.Both;
            _counter.Start();
        }

        /// <inheritdoc />
        public int ReadCounts()
        {
            // The core works in int counts: 2^31 counts is far beyond any lift's travel.
            int c = (int)_counter.Read().Count;
            return _invert ? -c : c;
        }
    }
}
