using Station.Core.Config;
using Station.Hal;

namespace Station.Core.Console
{
    /// <summary>The technician's serial console: line editing, the command table, maintenance mode with PIN and
    /// lockout, and the emergency key. Call <see cref="Poll"/> from the control loop (the same thread that ticks the
    /// station), so console commands and the sequencer never run at the same time.</summary>
    /// <remarks>
    /// Maintenance states:
    /// <list type="table">
    /// <item><term>Off</term><description>reading commands only; <c>maint enter PIN</c> with no swap running and the
    /// bay clear goes to On; a wrong PIN counts; the third goes to LockedOut.</description></item>
    /// <item><term>On</term><description>motion and configuration commands allowed, the sequencer held. Ends (to Off)
    /// on <c>maint exit</c>, on <c>swap authorize</c>, after <c>maint.idle_timeout_s</c> without a key, and on any new
    /// fault or the emergency key.</description></item>
    /// <item><term>LockedOut</term><description><c>maint enter</c> refused for <c>maint.lockout_s</c>; reading commands
    /// and the emergency key still work.</description></item>
    /// </list>
    /// Emergency: a Ctrl-X byte anywhere in the bytes read in one poll stops the station before any other byte of that
    /// read is handled, and the input queued ahead of it is thrown away (a queued jog must not run after a stop).
    /// <c>stop</c> typed as a command does the same in line order. While a console-started motion runs, any byte
    /// stops it (outputs off at once, no fault: the operator asked) and is not typed.
    /// </remarks>
    public sealed partial class StationConsole
    {
        /// <summary>Bytes read from the line per poll at most; the rest waits for the next poll.</summary>
        public const int IntakeBytes = 256;

        /// <summary>Wrong PINs in a row that lock maintenance entry.</summary>
        public const int PinTries = 3;

        /// <summary>The emergency key (Ctrl-X, CAN in ASCII).</summary>
        public const byte EmergencyKey = 0x18;

        private readonly ISerialLine _line;
        private readonly IConsoleStation _station;
        private readonly ConfigValues _config;
        private readonly ConfigFile _file;
        private readonly IClock _clock;
        private readonly LogRing _log;
        private readonly ConsoleOutput _output;
        private readonly LineEditor _editor;
        private readonly byte[] _intake = new byte[IntakeBytes];

        private bool _maintenance;
        private int _faultAtEntry;
        private int _wrongPins;
        private long _lockedUntilMs;
        private long _lastKeyMs;
        private bool _watchingMotion;
        private string _shownPrompt = "";
        private long _saltCounter;
        private string _prompt;
        private int _promptFault;
        private bool _promptMaintenance;
        private string _promptState;
        private string _promptId;
        private string _extensionNoun;
        private ConsoleExtensionHandler _extension;

        /// <summary>A console on <paramref name="line"/> for <paramref name="station"/>.</summary>
        public StationConsole(ISerialLine line, IConsoleStation station, ConfigValues config, ConfigFile file,
            IClock clock, LogRing log)
        {
            _line = line;
            _station = station;
            _config = config;
            _file = file;
            _clock = clock;
            _log = log;
            _output = new ConsoleOutput(line);
            _editor = new LineEditor(_output, new LineHistory(16));
            _lastKeyMs = clock.NowMs;
        }

        /// <summary>Raised once for every command line and every emergency key, for the audit journal.</summary>
        public event ConsoleAuditHandler Audit;

        /// <summary>Registers extra commands under <paramref name="noun"/> (not in the command table or help: the
        /// simulator's fault injection). Lines starting with that word go to <paramref name="handler"/>, audited.</summary>
        public void SetExtension(string noun, ConsoleExtensionHandler handler)
        {
            _extensionNoun = noun;
            _extension = handler;
        }

        /// <summary>True while maintenance mode is on.</summary>
        public bool InMaintenance
        {
            get { return _maintenance; }
        }

        /// <summary>True while <c>maint enter</c> is locked after wrong PINs.</summary>
        public bool LockedOut
        {
            get { return _clock.NowMs < _lockedUntilMs; }
        }

        /// <summary>The prompt for the current state: <c>bay1[idle]&gt; </c>, <c>bay1[MAINT]&gt; </c>, <c>bay1[FAULT 21]&gt; </c>.
        /// Built again only when one of its parts changed (it is checked every poll, which must not allocate).</summary>
        public string Prompt()
        {
            int fault = _station.FaultCode;
            string stateName = _station.StateName;
            string id = _config.Text(ConfigTable.StationId);
            if (_prompt != null && fault == _promptFault && _maintenance == _promptMaintenance
                && (object)stateName == (object)_promptState && (object)id == (object)_promptId)
            {
                return _prompt;
            }

            _promptFault = fault;
            _promptMaintenance = _maintenance;
            _promptState = stateName;
            _promptId = id;
            _prompt = BuildPrompt(fault, stateName, id);
            return _prompt;
        }

        private string BuildPrompt(int fault, string stateName, string id)
        {
            string state;
            if (fault != 0)
            {
                state = _maintenance ? "MAINT FAULT " + fault.ToString() : "FAULT " + fault.ToString();
            }
            else if (_maintenance)
            {
                state = "MAINT";
            }
            else
            {
                state = stateName;
            }

            return id + "[" + state + "]> ";
        }

        /// <summary>Greets the technician and shows the first prompt.</summary>
        public void Start()
        {
            _output.WriteLine("");
            _output.WriteLine("StationFirmware console on " + _config.Text(ConfigTable.StationId)
                + ". 'help' lists the commands; Ctrl-X is the emergency stop.");
            ShowPrompt();
            _output.Flush();
        }

        /// <summary>One console period: takes input, watches maintenance and console motion, writes output.</summary>
        public void Poll()
        {
            long now = _clock.NowMs;
            _station.Update();
            int count = 0;
            while (count < _intake.Length)
            {
                int n = _line.Read(_intake, count, _intake.Length - count);
                if (n <= 0)
                {
                    break;
                }

                count += n;
            }

            int from = 0;
            if (count > 0)
            {
                _lastKeyMs = now;
                for (int i = count - 1; i >= 0; i--)
                {
                    if (_intake[i] == EmergencyKey)
                    {
                        EmergencyStop("Ctrl-X");
                        from = i + 1;
                        break;
                    }
                }

                if (from < count && _station.Busy)
                {
                    // Any key stops a console-started motion; the keys themselves are not typed. If they did not end with
                    // Enter, a line was being typed: its rest (still to come) is refused whole, never run on its own
                    // ("config set lift.vehicle_height_mm 850" must not become "m 850").
                    _station.StopMotion();
                    Announce("stopped by the operator (key); no fault");
                    Record("(key during motion)", true, "motion stopped");
                    byte last = _intake[count - 1];
                    if (last != 0x0D && last != 0x0A && last != 0x03 && last != 0x15) // Enter, Ctrl-C, Ctrl-U end the line
                    {
                        _editor.RefuseRestOfLine("line refused: its first keys stopped a motion, so the rest of it is not a whole command; nothing was done");
                    }

                    from = count;
                }
            }

            for (int i = from; i < count; i++)
            {
                Handle(_editor.Feed(_intake[i]));
            }

            WatchMaintenance(now);
            WatchMotion();
            RefreshPrompt();
            _output.Flush();
        }

        private void Handle(LineEvent e)
        {
            switch (e)
            {
                case LineEvent.Submit:
                    if (_editor.SubmitError != null)
                    {
                        _output.WriteLine(_editor.SubmitError);
                        Record("(refused line)", false, _editor.SubmitError);
                    }
                    else
                    {
                        Execute(_editor.Submitted);
                    }

                    ShowPrompt();
                    break;
                case LineEvent.Cancel:
                    CancelHint();
                    ShowPrompt();
                    break;
                case LineEvent.EndSession:
                    _output.Write("\n");
                    EndSession("Ctrl-D");
                    break;
                case LineEvent.Redraw:
                    RedrawScreen();
                    break;
                case LineEvent.Emergency:
                    EmergencyStop("Ctrl-X");
                    break;
                case LineEvent.Complete:
                    string[] candidates;
                    string completed = WordCompletion.Complete(_editor.Current, out candidates);
                    if (candidates != null)
                    {
                        _output.Write("\n");
                        for (int i = 0; i < candidates.Length; i++)
                        {
                            _output.Write(i == 0 ? candidates[i] : "  " + candidates[i]);
                        }

                        _output.Write("\n");
                        _editor.Redraw();
                    }
                    else if (completed != _editor.Current)
                    {
                        _editor.Replace(completed);
                    }
                    else
                    {
                        _output.WriteByte(0x07);
                    }

                    break;
            }
        }

        private void EmergencyStop(string how)
        {
            _station.EmergencyStop();
            _editor.Clear();
            string ended = _maintenance ? "; maintenance ended" : "";
            EndMaintenanceQuietly();
            Announce("*** EMERGENCY STOP (" + how + "): all motion off, fault latched" + ended + " ***");
            Record(how == "Ctrl-X" ? "^X" : "stop", true, "emergency stop");
        }

        private void WatchMotion()
        {
            if (!_watchingMotion)
            {
                return;
            }

            string progress = _station.TakeProgress();
            if (progress != null)
            {
                Announce(WithValues(progress));
            }

            if (!_station.Busy)
            {
                _watchingMotion = false;
                string last = _station.TakeProgress();
                if (last != null)
                {
                    Announce(WithValues(last));
                }
            }
        }

        private void WatchMaintenance(long now)
        {
            if (!_maintenance)
            {
                return;
            }

            if (_watchingMotion && _station.Busy)
            {
                // A long homing or self-test is not inactivity.
                _lastKeyMs = now;
            }

            int fault = _station.FaultCode;
            if (fault != 0 && fault != _faultAtEntry)
            {
                EndMaintenanceQuietly();
                Announce("*** maintenance ended by fault " + WithValues(_station.DescribeFault(fault)) + " ***");
                return;
            }

            if (fault == 0)
            {
                // A fault latched at entry and reset since: a new one of the same number must end maintenance too.
                _faultAtEntry = 0;
            }

            long idleMs = (long)_config.Number(ConfigTable.MaintIdleTimeoutS) * 1000;
            if (now - _lastKeyMs >= idleMs)
            {
                EndMaintenanceQuietly();
                Announce("*** maintenance ended: no key for " + _config.Number(ConfigTable.MaintIdleTimeoutS).ToString() + " s ***");
            }
        }

        private void EndMaintenanceQuietly()
        {
            if (_station.Busy)
            {
                _station.StopMotion();
            }

            if (_maintenance)
            {
                _maintenance = false;
                _station.SetMaintenance(false);
                Log(LogLevel.Info, "console: maintenance ended");
            }
        }

        private void Announce(string text)
        {
            // A message that arrives while the technician types: own line(s), then the prompt and the typed text again.
            _output.Write("\r\n");
            _output.WriteLine(text);
            _editor.Prompt = Prompt();
            _editor.Redraw();
            _shownPrompt = _editor.Prompt;
        }

        private void ShowPrompt()
        {
            _editor.Prompt = Prompt();
            _shownPrompt = _editor.Prompt;
            _output.Write(_editor.Prompt);
        }

        private void RefreshPrompt()
        {
            string prompt = Prompt();
            if (prompt == _shownPrompt)
            {
                return;
            }

            _editor.Prompt = prompt;
            if (_editor.Length == 0 && !_watchingMotion)
            {
                // Overwrite the old prompt in place (plain CR and spaces, no escape sequences: works on any terminal).
                _output.CarriageReturn();
                _output.Write(new string(' ', _shownPrompt.Length));
                _output.CarriageReturn();
                _output.Write(prompt);
                _shownPrompt = prompt;
            }
        }

        private void Record(string command, bool accepted, string result)
        {
            Log(accepted ? LogLevel.Info : LogLevel.Warning, "console: " + command + " -> " + (accepted ? "ok" : "refused")
                + (result == null ? "" : ": " + FirstLine(result)));
            ConsoleAuditHandler audit = Audit;
            if (audit != null)
            {
                audit(_clock.NowMs, command, accepted, result == null ? "" : FirstLine(result));
            }
        }

        private void Log(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, message);
            }
        }

        private static string FirstLine(string text)
        {
            int nl = text.IndexOf('\n');
            return nl < 0 ? text : text.Substring(0, nl);
        }
    }
}
