using System;
using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>Simulated time: moves only when Advance is called.</summary>
    public sealed class FakeClock : IClock
    {
        private long _nowMs = 1000;

        /// <inheritdoc />
        public long NowMs { get { return _nowMs; } }

        /// <inheritdoc />
        public DateTime UtcNow { get { return new DateTime(2026, 1, 1, 0, 0, 0).AddMilliseconds(_nowMs); } }

        /// <summary>Moves time on.</summary>
        public void Advance(int ms) { _nowMs += ms; }
    }
}
