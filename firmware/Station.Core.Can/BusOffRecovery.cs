namespace Station.Core.Can
{
    /// <summary>When a CAN adapter re-initialises its controller after bus-off. Portable so it is tested here; the adapters
    /// report what they read and do what this says.</summary>
    /// <remarks>
    /// ISO 11898-1 lets a bus-off node return after 128 × 11 recessive bits (5.6 ms at 250 kbit/s); controllers do that
    /// themselves (bxCAN ABOM, MCP2515 automatically). If the controller is still bus-off after
    /// <see cref="FirstRetryMs"/>, the adapter resets and re-configures it; each further attempt waits twice as long,
    /// up to <see cref="MaxRetryMs"/>, so a shorted bus is not hammered. Back to error-active restarts the count.
    /// </remarks>
    public sealed class BusOffRecovery
    {
        /// <summary>Wait before the first reset after bus-off.</summary>
        public int FirstRetryMs = 100;
        /// <summary>Longest wait between resets.</summary>
        public int MaxRetryMs = 5000;
        private long _busOffSinceMs = -1;
        private int _waitMs;

        /// <summary>Resets done so far.</summary>
        public int Resets { get; private set; }

        /// <summary>Times the controller went bus-off.</summary>
        public int BusOffEvents { get; private set; }

        /// <summary>Feeds the state read at <paramref name="nowMs"/>; true when the adapter should reset and re-initialise
        /// the controller now.</summary>
        public bool ShouldReset(CanErrorState state, long nowMs)
        {
            if (state != CanErrorState.BusOff)
            {
                if (state == CanErrorState.Active) _waitMs = 0;
                _busOffSinceMs = -1;
                return false;
            }
            if (_busOffSinceMs < 0)
            {
                _busOffSinceMs = nowMs;
                BusOffEvents++;
                if (_waitMs == 0) _waitMs = FirstRetryMs;
                return false;
            }
            if (nowMs - _busOffSinceMs < _waitMs) return false;
            Resets++;
            _busOffSinceMs = nowMs;
            _waitMs = _waitMs * 2 > MaxRetryMs ? MaxRetryMs : _waitMs * 2;
            return true;
        }
    }
}
