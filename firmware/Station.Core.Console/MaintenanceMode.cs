using Station.Core.Config;
using Station.Hal;

namespace Station.Core.Console
{
    /// <summary>Maintenance mode: entry with the PIN, the lockout after wrong PINs, and its ends (exit, idle timeout, a
    /// new fault, the emergency key, a swap authorised). While on, the station's sequencer is held.</summary>
    /// <remarks>
    /// <list type="table">
    /// <item><term>Off</term><description>reading commands only; <c>maint enter PIN</c> with no swap running and the
    /// bay clear goes to On; a wrong PIN counts; the third goes to LockedOut.</description></item>
    /// <item><term>On</term><description>motion and configuration commands allowed, the sequencer held. Ends (to Off)
    /// on <c>maint exit</c>, on <c>swap authorize</c>, after <c>maint.idle_timeout_s</c> without a key, and on any new
    /// fault or the emergency key.</description></item>
    /// <item><term>LockedOut</term><description><c>maint enter</c> refused for <c>maint.lockout_s</c>; reading commands
    /// and the emergency key still work.</description></item>
    /// </list>
    /// </remarks>
    public sealed class MaintenanceMode
    {
        /// <summary>Wrong PINs in a row that lock maintenance entry.</summary>
        public const int PinTries = 3;

        private readonly IConsoleStation _station;
        private readonly ConfigValues _config;
        private readonly IClock _clock;
        private readonly LogRing _log;
        private bool _on;
        private int _faultAtEntry;
        private int _wrongPins;
        private long _lockedUntilMs;
        private long _lastKeyMs;

        /// <summary>Maintenance of <paramref name="station"/> under the PIN and timeouts of <paramref name="config"/>.</summary>
        public MaintenanceMode(IConsoleStation station, ConfigValues config, IClock clock, LogRing log)
        {
            _station = station;
            _config = config;
            _clock = clock;
            _log = log;
            _lastKeyMs = clock.NowMs;
        }

        /// <summary>True while maintenance mode is on.</summary>
        public bool On
        {
            get { return _on; }
        }

        /// <summary>True while <c>maint enter</c> is locked after wrong PINs.</summary>
        public bool LockedOut
        {
            get { return _clock.NowMs < _lockedUntilMs; }
        }

        /// <summary>Whole seconds until maintenance entry unlocks (0 when it is not locked).</summary>
        public int LockoutSecondsLeft()
        {
            long left = _lockedUntilMs - _clock.NowMs;
            return left <= 0 ? 0 : (int)((left + 999) / 1000);
        }

        /// <summary>A key arrived at <paramref name="now"/>: the idle timeout starts again.</summary>
        public void KeyPressed(long now)
        {
            _lastKeyMs = now;
        }

        /// <summary>The latched fault was reset from the console: the reset itself is not a new fault, maintenance stays on.</summary>
        public void FaultReset()
        {
            _faultAtEntry = 0;
        }

        /// <summary>A swap was authorised from maintenance: the station already released the sequencer for it.</summary>
        public void EndedBySwap()
        {
            _on = false;
        }

        /// <summary><c>maint enter</c>: the reply, refused or accepted.</summary>
        public ConsoleOutcome Enter(string pin)
        {
            if (_on)
            {
                return ConsoleOutcome.Refused("maint enter: already in maintenance; 'maint exit' leaves it");
            }

            if (LockedOut)
            {
                return ConsoleOutcome.Refused("maint enter: locked for " + LockoutSecondsLeft().ToString() + " more s after "
                    + PinTries.ToString() + " wrong PINs");
            }

            if (_station.SwapRunning)
            {
                return ConsoleOutcome.Refused("maint enter: a swap is running; wait for it to end or use 'swap cancel'");
            }

            if (!_station.BayClear)
            {
                return ConsoleOutcome.Refused("maint enter: the bay is not clear (e-stop, light curtain or doors); clear it first ('why' says which)");
            }

            if (!PinHash.IsWellFormed(pin) || !_config.PinMatches(pin))
            {
                return WrongPin();
            }

            ConsoleOutcome held = _station.SetMaintenance(true);
            if (!held.Accepted)
            {
                return ConsoleOutcome.Refused("maint enter: refused by the station: " + held.Message);
            }

            _wrongPins = 0;
            _on = true;
            _faultAtEntry = _station.FaultCode;
            return ConsoleOutcome.Done("maintenance on: the sequencer is held; ends on 'maint exit', after "
                + _config.Number(ConfigTable.MaintIdleTimeoutS).ToString() + " s without a key, or on any fault");
        }

        private ConsoleOutcome WrongPin()
        {
            _wrongPins++;
            if (_wrongPins >= PinTries)
            {
                _wrongPins = 0;
                _lockedUntilMs = _clock.NowMs + (long)_config.Number(ConfigTable.MaintLockoutS) * 1000;
                return ConsoleOutcome.Refused("maint enter: wrong PIN; maintenance entry locked for "
                    + _config.Number(ConfigTable.MaintLockoutS).ToString() + " s");
            }

            int left = PinTries - _wrongPins;
            return ConsoleOutcome.Refused("maint enter: wrong PIN; " + left.ToString() + (left == 1 ? " try" : " tries")
                + " left before a lock; the PIN is " + PinHash.MinDigits.ToString() + " to " + PinHash.MaxDigits.ToString() + " digits");
        }

        /// <summary><c>maint exit</c>: the reply, refused or accepted.</summary>
        public ConsoleOutcome Exit()
        {
            if (!_on)
            {
                return ConsoleOutcome.Refused("maint exit: not in maintenance");
            }

            EndQuietly();
            return ConsoleOutcome.Done(_config.Unsaved
                ? "maintenance off: the sequencer is released (configuration changes are not stored: 'config save' in maintenance)"
                : "maintenance off: the sequencer is released");
        }

        /// <summary>Ends maintenance when a new fault latched or no key came for <c>maint.idle_timeout_s</c>; returns the
        /// announcement then, else null. <paramref name="motionWatched"/>: a console motion runs (not inactivity).</summary>
        public string Watch(long now, bool motionWatched)
        {
            if (!_on)
            {
                return null;
            }

            if (motionWatched && _station.Busy)
            {
                // A long homing or self-test is not inactivity.
                _lastKeyMs = now;
            }

            int fault = _station.FaultCode;
            if (fault != 0 && fault != _faultAtEntry)
            {
                EndQuietly();
                return "*** maintenance ended by fault " + ConfigValueHints.Insert(_config, _station.DescribeFault(fault)) + " ***";
            }

            if (fault == 0)
            {
                // A fault latched at entry and reset since: a new one of the same number must end maintenance too.
                _faultAtEntry = 0;
            }

            long idleMs = (long)_config.Number(ConfigTable.MaintIdleTimeoutS) * 1000;
            if (now - _lastKeyMs >= idleMs)
            {
                EndQuietly();
                return "*** maintenance ended: no key for " + _config.Number(ConfigTable.MaintIdleTimeoutS).ToString() + " s ***";
            }

            return null;
        }

        /// <summary>Stops a console motion and leaves maintenance (the sequencer released), logged, without a reply.</summary>
        public void EndQuietly()
        {
            if (_station.Busy)
            {
                _station.StopMotion();
            }

            if (_on)
            {
                _on = false;
                _station.SetMaintenance(false);
                if (_log != null)
                {
                    _log.Write(LogLevel.Info, "console: maintenance ended");
                }
            }
        }
    }
}
