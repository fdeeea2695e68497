using Station.Hal;

namespace Station.Core.Motion
{
    /// <summary>A digital input as the core believes it: a new level counts once it has held for the debounce time.</summary>
    /// <remarks>
    /// Debouncing lives in the core, not in the adapters (see IDigitalInput), so the same rule holds on every board and in
    /// the simulator. Safety inputs are built with <c>dropAtOnce</c>: a change to inactive (beam broken, e-stop open,
    /// relay dropped) is believed in the same tick, because stopping late is worse than stopping on a glitch. Only the
    /// change back to active waits. The first sample after start is taken as it is.
    /// </remarks>
    public sealed class DebouncedInput
    {
        private readonly IDigitalInput _raw;
        private readonly int _debounceMs;
        private readonly bool _dropAtOnce;
        private bool _stable;
        private bool _primed;
        private long _changeSinceMs = -1;
        // A field, not an auto-property: Sample runs for every input in every tick, and a setter call is dear on nanoFramework.
        private bool _rawLevel;

        /// <summary>Wraps a raw input.</summary>
        public DebouncedInput(IDigitalInput raw, int debounceMs, bool dropAtOnce)
        {
            _raw = raw;
            _debounceMs = debounceMs;
            _dropAtOnce = dropAtOnce;
        }

        /// <summary>The debounced level.</summary>
        public bool Value { get { return _stable; } }

        /// <summary>The level read at the last sample, before debouncing.</summary>
        public bool Raw { get { return _rawLevel; } }

        /// <summary>Reads the input once; call every tick.</summary>
        public void Sample(long nowMs)
        {
            bool r = _raw.Read();
            _rawLevel = r;
            // The common case first (the level holds): one comparison, and no store unless a change was being timed.
            if (r == _stable && _primed)
            {
                if (_changeSinceMs >= 0) _changeSinceMs = -1;
                return;
            }
            if (!_primed)
            {
                _primed = true;
                _stable = r;
                return;
            }
            if (_dropAtOnce && !r)
            {
                _stable = false;
                _changeSinceMs = -1;
                return;
            }
            if (_changeSinceMs < 0) _changeSinceMs = nowMs;
            if (nowMs - _changeSinceMs >= _debounceMs)
            {
                _stable = r;
                _changeSinceMs = -1;
            }
        }
    }
}
