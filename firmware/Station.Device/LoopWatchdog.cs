using System.Threading;
using nanoFramework.Runtime.Native;
using Station.Core;
using Station.Core.Journal;
using Station.Hal;

namespace Station.Device
{
    /// <summary>The board watchdog as nanoFramework lets managed code have one, on ESP32 and STM32 alike: neither target
    /// publishes a managed API to arm or feed its hardware watchdog or to read the reset cause. STM32 (ChibiOS) targets
    /// start the independent watchdog (IWDG) in nanoCLR's main (Watchdog_Init) and the interpreter itself feeds it
    /// (Watchdog_Reset in its execution loop): it restarts a board whose interpreter hangs, not one whose control thread
    /// is stuck. ESP32 targets are built with the task watchdog off (CONFIG_ESP_TASK_WDT_INIT=n). So this adapter adds
    /// the missing half in managed code: a supervising thread checks the control loop's feeds and, when none came within
    /// the timeout, switches every output off, leaves a "watchdog" intent (ResetJournal) and restarts the board through
    /// Power.RebootDevice. What it cannot catch is a hang of the interpreter itself — that is the native IWDG's job
    /// where the target has one.</summary>
    public sealed class LoopWatchdog : IWatchdog
    {
        private readonly IClock _clock;
        private readonly WiredBoard _board;
        private readonly WatchdogDeadline _deadline = new WatchdogDeadline();
        private readonly object _gate = new object();

        /// <summary>Supervises feeds on <paramref name="clock"/>; on expiry restarts <paramref name="board"/> (outputs off,
        /// watchdog intent in its storage's reset journal).</summary>
        public LoopWatchdog(IClock clock, WiredBoard board)
        {
            _clock = clock;
            _board = board;
        }

        /// <inheritdoc />
        public ResetReason TargetResetReason { get { return ResetReason.Unknown; } } // neither target tells (see above)

        /// <inheritdoc />
        public bool Start(int timeoutMs)
        {
            lock (_gate)
            {
                if (!_deadline.Arm(timeoutMs, _clock.NowMs)) return false;
            }
            Thread t = new Thread(Supervise);
            t.Priority = ThreadPriority.AboveNormal; // below the control loop (Highest), above console and cloud
            t.Start();
            return true;
        }

        /// <inheritdoc />
        public void Feed()
        {
            long now = _clock.NowMs;
            lock (_gate) { _deadline.Feed(now); }
        }

        private void Supervise()
        {
            int period = _deadline.TimeoutMs / 4 > 10 ? _deadline.TimeoutMs / 4 : 10;
            while (true)
            {
                Thread.Sleep(period);
                bool expired;
                lock (_gate) { expired = _deadline.Expired(_clock.NowMs); }
                if (!expired) continue;
                _board.Restart(ResetReason.Watchdog);
            }
        }
    }
}
