using Station.Core;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>A simulated board watchdog on the simulated clock: counts feeds, says when it would have restarted the
    /// board (<see cref="Expired"/>), and reports a chosen reason for the last reset.</summary>
    public sealed class SimWatchdog : IWatchdog
    {
        private readonly IClock _clock;
        private readonly WatchdogDeadline _deadline = new WatchdogDeadline();

        /// <summary>Watchdog on <paramref name="clock"/>; <paramref name="targetReason"/> is what the "target" reports.</summary>
        public SimWatchdog(IClock clock, ResetReason targetReason = ResetReason.Unknown)
        {
            _clock = clock;
            TargetResetReason = targetReason;
        }

        /// <inheritdoc />
        public ResetReason TargetResetReason { get; set; }

        /// <summary>Feeds since start.</summary>
        public long Feeds => _deadline.Feeds;

        /// <summary>True once armed and not fed within the timeout: a real board would have restarted.</summary>
        public bool Expired => _deadline.Expired(_clock.NowMs);

        /// <inheritdoc />
        public bool Start(int timeoutMs) => _deadline.Arm(timeoutMs, _clock.NowMs);

        /// <inheritdoc />
        public void Feed() => _deadline.Feed(_clock.NowMs);
    }
}
