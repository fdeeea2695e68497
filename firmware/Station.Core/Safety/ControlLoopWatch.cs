namespace Station.Core.Safety
{
    /// <summary>Measures the gap between control ticks: a tick later than <c>TickLateMs</c> after the one before means
    /// the firmware watched nothing in between (the sequencer then stops whatever was driven: ControlTickLate).</summary>
    /// <remarks>Late ticks are counted whether or not anything moved, so a loop that falls behind shows in the console
    /// and the telemetry before it stops a swap. Allocation-free.</remarks>
    public sealed class ControlLoopWatch
    {
        private readonly StationConfig _c;
        private long _lastTickMs = -1;

        /// <summary>A watch over <paramref name="config"/>'s <c>TickLateMs</c> (read each tick, so a live change applies).</summary>
        public ControlLoopWatch(StationConfig config) { _c = config; }

        /// <summary>Control ticks that came later than <c>TickLateMs</c> after the one before, since power-up.</summary>
        public int LateTicks { get; private set; }

        /// <summary>The longest gap between two control ticks since power-up, ms.</summary>
        public long LongestGapMs { get { return _longestGapMs; } }

        // The tick reads and writes the field: on the interpreter an auto-property read is a call, and this runs every tick.
        private long _longestGapMs;

        /// <summary>A tick runs at <paramref name="nowMs"/>: true when it came later than <c>TickLateMs</c> after the one before.</summary>
        public bool Tick(long nowMs)
        {
            long gap = _lastTickMs < 0 ? 0 : nowMs - _lastTickMs;
            _lastTickMs = nowMs;
            if (gap > _longestGapMs) _longestGapMs = gap;
            if (gap <= _c.TickLateMs) return false;
            LateTicks++;
            return true;
        }
    }
}
