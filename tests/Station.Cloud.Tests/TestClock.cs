using System;
using Station.Hal;

namespace Station.Cloud.Tests
{
    /// <summary>A clock the test advances; UTC follows the monotonic time from a fixed epoch.</summary>
    public sealed class TestClock : IClock
    {
        public DateTime Epoch = new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc);
        public long NowMs { get; set; }
        public DateTime UtcNow => Epoch.AddMilliseconds(NowMs);
        public void Advance(long ms) => NowMs += ms;
    }
}
