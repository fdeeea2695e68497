using Station.Hal;

namespace Station.Core.Motion
{
    /// <summary>A digital input as the core believes it: a new level counts once it has held for the debounce time.</summary>
    /// <remarks>
    /// Debouncing lives in the core, not in the adapters (see IDigitalInput), so the same rule holds on every board and in
    /// the simulator. Safety inputs are built with <c>dropAtOnce</c>: a change to inactive (beam broken, e-stop open,
    /// relay dropped) is believed in the same tick, because stopping late is worse than stopping on a glitch. Only the
    /// change back to active waits. The first sample after start is taken as it is.
    /// Each owner samples its inputs together as an <see cref="InputGroup"/>: on nanoFramework's interpreter a method call
    /// costs about three field reads, and a group on an input bank whose levels hold (nearly every tick) then costs one
    /// bank read and one comparison; inputs in no bank are sampled in one loop (<see cref="SampleAll"/>).
    /// </remarks>
    public sealed class DebouncedInput
    {
        // The port; read by this input's Sample and SampleAll, or through its bank by an InputGroup.
        internal readonly IDigitalInput Port;
        private readonly int _debounceMs;
        private readonly bool _dropAtOnce;
        private bool _primed;
        private long _changeSinceMs = -1;
        // Primed and no change being timed: a sample that reads Level then has nothing to do (and Level == RawLevel).
        internal bool Quiet;

        // Fields, not properties, for the core's own readers in the tick (a getter call each on the interpreter).
        /// <summary>The debounced level (the same as <see cref="Value"/>).</summary>
        internal bool Level;
        /// <summary>The level read at the last sample (the same as <see cref="Raw"/>).</summary>
        internal bool RawLevel;

        /// <summary>Wraps a raw input.</summary>
        public DebouncedInput(IDigitalInput raw, int debounceMs, bool dropAtOnce)
        {
            Port = raw;
            _debounceMs = debounceMs;
            _dropAtOnce = dropAtOnce;
        }

        /// <summary>The debounced level.</summary>
        public bool Value { get { return Level; } }

        /// <summary>The level read at the last sample, before debouncing.</summary>
        public bool Raw { get { return RawLevel; } }

        /// <summary>Reads the input once; call every tick (or sample the owner's inputs as an <see cref="InputGroup"/>).</summary>
        public void Sample(long nowMs)
        {
            bool r = Port.Read();
            RawLevel = r;
            if (r != Level || !Quiet) Settle(r, nowMs);
        }

        /// <summary>Reads every input of <paramref name="inputs"/> once, in one loop, exactly as <see cref="Sample"/> each;
        /// true when a debounced level changed. Allocation-free.</summary>
        public static bool SampleAll(DebouncedInput[] inputs, long nowMs)
        {
            bool changed = false;
            for (int i = 0; i < inputs.Length; i++)
            {
                DebouncedInput d = inputs[i];
                bool r = d.Port.Read();
                d.RawLevel = r;
                if ((r != d.Level || !d.Quiet) && d.Settle(r, nowMs)) changed = true;
            }
            return changed;
        }

        // Everything but the common case (the level holds and nothing is timed); true when the debounced level changed.
        internal bool Settle(bool r, long nowMs)
        {
            if (!_primed)
            {
                _primed = true;
                Quiet = true;
                bool first = Level != r;
                Level = r;
                return first;
            }
            if (r == Level || (_dropAtOnce && !r))
            {
                // Back to the believed level before the debounce time (a glitch), or a safety input dropping: at once.
                _changeSinceMs = -1;
                Quiet = true;
                if (r == Level) return false;
                Level = false;
                return true;
            }
            if (_changeSinceMs < 0) _changeSinceMs = nowMs;
            if (nowMs - _changeSinceMs < _debounceMs)
            {
                Quiet = false;
                return false;
            }
            Level = r;
            _changeSinceMs = -1;
            Quiet = true;
            return true;
        }
    }
}
