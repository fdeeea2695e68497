using System;

namespace Station.Hal.Host
{
    /// <summary>Reconnect delay: exponential back-off with "equal jitter", so a fleet that lost its broker at the same
    /// instant does not come back in lock-step.</summary>
    public static class ReconnectBackoff
    {
        /// <summary>Delay before attempt <paramref name="attempt"/> (0-based): half of min·2^attempt (capped at max)
        /// plus a uniform share of the other half picked by <paramref name="random01"/> in [0,1).</summary>
        public static int DelayMs(int attempt, int minMs, int maxMs, double random01)
        {
            if (minMs < 1) minMs = 1;
            if (maxMs < minMs) maxMs = minMs;
            double ceiling = minMs * Math.Pow(2, Math.Min(attempt, 30));
            if (ceiling > maxMs) ceiling = maxMs;
            double half = ceiling / 2;
            return (int)(half + half * Math.Clamp(random01, 0, 1));
        }
    }
}
