using System;
using System.Diagnostics;
using System.Threading;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>Simulated time for the core and the plant. Advanced explicitly by the simulator, one control tick at a
    /// time; runs as fast as the CPU allows unless <see cref="PacedToWallTime"/> is set.</summary>
    public sealed class SimClock : IClock
    {
        private readonly Stopwatch _wall = new Stopwatch();
        private long _wallOriginMs;

        /// <summary>A clock at <paramref name="startMs"/> whose UTC time starts at <paramref name="epochUtc"/>.</summary>
        public SimClock(DateTime epochUtc, long startMs = 0)
        {
            EpochUtc = epochUtc;
            NowMs = startMs;
        }

        /// <summary>A clock starting at 0 ms with a fixed, reproducible epoch (2026-01-01 08:00 UTC).</summary>
        public SimClock() : this(new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc)) { }

        /// <summary>The UTC time that simulated 0 ms corresponds to.</summary>
        public DateTime EpochUtc { get; set; }

        /// <summary>When true, <see cref="UtcNow"/> is the host's wall clock (as a station with NTP would have) instead
        /// of <see cref="EpochUtc"/> plus simulated time: a simulated station talking to a real broker must judge the
        /// cloud's expiry times against real time. Deadlines keep using simulated <see cref="NowMs"/>.</summary>
        public bool FollowsWallUtc { get; set; }

        /// <inheritdoc />
        public long NowMs { get; private set; }

        /// <inheritdoc />
        public DateTime UtcNow => FollowsWallUtc ? DateTime.UtcNow : EpochUtc.AddMilliseconds(NowMs);

        /// <summary>When true, <see cref="Advance"/> sleeps so that simulated time does not run ahead of wall time
        /// (times <see cref="Speed"/>), for a person watching.</summary>
        public bool PacedToWallTime
        {
            get => _wall.IsRunning;
            set
            {
                if (value && !_wall.IsRunning) { _wallOriginMs = NowMs; _wall.Restart(); }
                if (!value) _wall.Stop();
            }
        }

        /// <summary>Simulated seconds per wall second when paced (1 = real time).</summary>
        public double Speed { get; set; } = 1.0;

        /// <summary>Moves simulated time forward by <paramref name="ms"/> (must not be negative).</summary>
        public void Advance(int ms)
        {
            if (ms < 0) throw new ArgumentOutOfRangeException(nameof(ms), "time never goes backwards");
            NowMs += ms;
            if (_wall.IsRunning)
            {
                double dueWallMs = (NowMs - _wallOriginMs) / Speed;
                long ahead = (long)dueWallMs - _wall.ElapsedMilliseconds;
                if (ahead > 0) Thread.Sleep((int)Math.Min(ahead, int.MaxValue));
            }
        }
    }
}
