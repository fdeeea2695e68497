using System;

namespace Station.Hal
{
    /// <summary>Time for the core. The core never reads the wall clock itself; the simulator supplies simulated time.</summary>
    public interface IClock
    {
        /// <summary>Monotonic milliseconds since an arbitrary start. Never goes backwards; used for every deadline.</summary>
        long NowMs { get; }

        /// <summary>Wall-clock time in UTC, for records and messages only (it may jump when NTP sets it).</summary>
        DateTime UtcNow { get; }
    }
}
