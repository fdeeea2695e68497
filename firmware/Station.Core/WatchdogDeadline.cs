namespace Station.Core
{
    /// <summary>The deadline a loop watchdog keeps: fed with the time of each completed tick, expired when no feed came
    /// for longer than the timeout. Used by the managed watchdog adapters (its supervising thread asks
    /// <see cref="Expired"/>) and by the simulated one. Allocation-free.</summary>
    public sealed class WatchdogDeadline
    {
        private long _lastFeedMs;
        private bool _armed;

        /// <summary>Timeout in milliseconds (0 until armed).</summary>
        public int TimeoutMs { get; private set; }

        /// <summary>Feeds seen since arming.</summary>
        public long Feeds { get; private set; }

        /// <summary>Arms with <paramref name="timeoutMs"/> (at least one millisecond) from <paramref name="nowMs"/>.</summary>
        public bool Arm(int timeoutMs, long nowMs)
        {
            if (timeoutMs <= 0) return false;
            TimeoutMs = timeoutMs;
            _lastFeedMs = nowMs;
            _armed = true;
            return true;
        }

        /// <summary>A tick completed at <paramref name="nowMs"/>.</summary>
        public void Feed(long nowMs)
        {
            _lastFeedMs = nowMs;
            Feeds++;
        }

        /// <summary>True when armed and not fed for longer than the timeout.</summary>
        public bool Expired(long nowMs) { return _armed && nowMs - _lastFeedMs > TimeoutMs; }
    }
}
