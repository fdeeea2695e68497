using System;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>The encoder's signal path between the counter (<see cref="SimEncoder"/>) and the core: the faults a
    /// certification test asks for on a position channel. Slip loses a share of the motion (a slipping coupling or
    /// measuring wheel), offset shifts the count once (a jump from noise or a mis-set preset), scale multiplies it (wrong
    /// resolution or gear), wrap folds it into a counter of a given size (a 16-bit counter the driver does not extend).</summary>
    public sealed class EncoderFaults : IPositionInput
    {
        private readonly IPositionInput _counter;
        private int _lastRaw;
        private double _lostCounts;
        private bool _started;

        /// <summary>The faults in front of <paramref name="counter"/> (all healthy).</summary>
        public EncoderFaults(IPositionInput counter) { _counter = counter ?? throw new ArgumentNullException(nameof(counter)); }

        /// <summary>Share of each movement the count misses while slipping, 0..1 (0 = healthy).</summary>
        public double SlipFraction { get; set; }

        /// <summary>Counts added to every reading (0 = healthy).</summary>
        public int OffsetCounts { get; set; }

        /// <summary>Factor on the count (1 = healthy).</summary>
        public double Scale { get; set; } = 1.0;

        /// <summary>Size of the counter the reading wraps in (e.g. 4096 for 12 bits, 65536 for 16), 0 = no wrap.</summary>
        public int WrapCounts { get; set; }

        /// <summary>True when any fault is set.</summary>
        public bool Faulty => SlipFraction > 0 || OffsetCounts != 0 || Scale != 1.0 || WrapCounts > 0;

        /// <summary>Removes every fault; counts already lost to slip stay lost, as on a real coupling.</summary>
        public void Heal()
        {
            SlipFraction = 0;
            OffsetCounts = 0;
            Scale = 1.0;
            WrapCounts = 0;
        }

        /// <summary>The counter restarted (power-up): nothing lost yet.</summary>
        public void Restart()
        {
            _started = false;
            _lostCounts = 0;
        }

        /// <inheritdoc />
        public int ReadCounts()
        {
            int raw = _counter.ReadCounts();
            if (_started) _lostCounts += (raw - _lastRaw) * SlipFraction;
            _started = true;
            _lastRaw = raw;
            double counts = (raw - _lostCounts) * Scale + OffsetCounts;
            long c = (long)Math.Round(counts);
            if (WrapCounts > 0)
            {
                long half = WrapCounts / 2;
                c = ((c + half) % WrapCounts + WrapCounts) % WrapCounts - half;
            }
            return (int)Math.Clamp(c, int.MinValue, int.MaxValue);
        }
    }
}
