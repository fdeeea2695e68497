using Station.Core.Config;
using Station.Hal;

namespace Station.Core.Console
{
    /// <summary>The technician's serial console: line editing, the command table, maintenance mode with PIN and
    /// lockout (<see cref="MaintenanceMode"/>), and the emergency key. Call <see cref="Poll"/> from the control loop (the
    /// same thread that ticks the station), so console commands and the sequencer never run at the same time.</summary>
    /// <remarks>
    /// Emergency: a Ctrl-X byte anywhere in the bytes read in one poll stops the station before any other byte of that
    /// read is handled, and the input queued ahead of it is thrown away (a queued jog must not run after a stop).
    /// <c>stop</c> typed as a command does the same in line order. While a console-started motion runs, any byte
    /// stops it (outputs off at once, no fault: the operator asked) and is not typed.
    /// </remarks>
    public sealed class StationConsole
    {
        /// <summary>Bytes read from the line per poll at most; the rest waits for the next poll.</summary>
        public const int IntakeBytes = 256;

        /// <summary>Wrong PINs in a row that lock maintenance entry.</summary>
        public const int PinTries = MaintenanceMode.PinTries;

        /// <summary>The emergency key (Ctrl-X, CAN in ASCII).</summary>
        public const byte EmergencyKey = 0x18;

        /// <summary>Widest help line (see <see cref="HelpCommand.HelpWidth"/>).</summary>
        public const int HelpWidth = HelpCommand.HelpWidth;

        /// <summary>Column where the help text of a command starts.</summary>
        public const int HelpColumn = HelpCommand.HelpColumn;

        private readonly ISerialLine _line;
        private readonly IConsoleStation _station;
        private readonly ConfigValues _config;
        private readonly IClock _clock;
        private readonly ConsoleOutput _output;
        private readonly LineEditor _editor;
        private readonly byte[] _intake = new byte[IntakeBytes];
        private readonly MaintenanceMode _maintenance;
        private readonly ConsolePrompt _prompt;
        private readonly ConsoleReplies _replies;
        private readonly StationCommands _stationCommands;
        private readonly MotionCommands _motion;
        private readonly ConfigCommands _configCommands;
        private readonly InventoryCommands _inventory;
        private readonly HelpCommand _help;
        private readonly ConsoleSession _session;
        private ConsoleExtensionHandler _extension;

        /// <summary>A console on <paramref name="line"/> for <paramref name="station"/>.</summary>
        public StationConsole(ISerialLine line, IConsoleStation station, ConfigValues config, ConfigFile file,
            IClock clock, LogRing log)
        {
            _line = line;
            _station = station;
            _config = config;
            _clock = clock;
            _output = new ConsoleOutput(line);
            _editor = new LineEditor(_output, new LineHistory(16));
            _maintenance = new MaintenanceMode(station, config, clock, log);
            _prompt = new ConsolePrompt(station, config, _maintenance);
            _replies = new ConsoleReplies(_output, _editor, _prompt, clock, log);
            _stationCommands = new StationCommands(_replies, station, config, _maintenance, log);
            _motion = new MotionCommands(_replies, station, config);
            _configCommands = new ConfigCommands(_replies, station, config, file, clock);
            _inventory = new InventoryCommands(_replies, station);
            _help = new HelpCommand(_replies, station);
            _session = new ConsoleSession(station, _output, _editor, _replies, _maintenance);
        }

        /// <summary>Raised once for every command line and every emergency key, for the audit journal.</summary>
        public event ConsoleAuditHandler Audit
        {
            add { _replies.Audit += value; }
            remove { _replies.Audit -= value; }
        }

        /// <summary>Raised when the technician ends the session (exit, quit, Ctrl-D on an empty line).</summary>
        public event ConsoleSessionHandler SessionEnded
        {
            add { _session.Ended += value; }
            remove { _session.Ended -= value; }
        }

        /// <summary>Registers extra commands under <paramref name="noun"/> (not in the command table or help: the
        /// simulator's fault injection). Lines starting with that word go to <paramref name="handler"/>, audited.</summary>
        public void SetExtension(string noun, ConsoleExtensionHandler handler)
        {
            _help.ExtensionNoun = noun;
            _extension = handler;
        }

        /// <summary>Help lines of the extension noun (see <see cref="SetExtension"/>), listed by <c>help</c> and
        /// <c>help</c> plus the noun; each under <see cref="HelpWidth"/> columns.</summary>
        public void SetExtensionHelp(string help)
        {
            _help.ExtensionHelp = help;
        }

        /// <summary>Shows <paramref name="report"/> (the cloud link and its outbox) in <c>status</c>.</summary>
        public void SetCloudReport(ConsoleReportHandler report)
        {
            _stationCommands.CloudReport = report;
        }

        /// <summary>True while maintenance mode is on.</summary>
        public bool InMaintenance
        {
            get { return _maintenance.On; }
        }

        /// <summary>True while <c>maint enter</c> is locked after wrong PINs.</summary>
        public bool LockedOut
        {
            get { return _maintenance.LockedOut; }
        }

        /// <summary>The prompt for the current state: <c>bay1[idle]&gt; </c>, <c>bay1[MAINT]&gt; </c>, <c>bay1[FAULT 21]&gt; </c>.</summary>
        public string Prompt()
        {
            return _prompt.Text();
        }

        /// <summary>Greets the technician and shows the first prompt.</summary>
        public void Start()
        {
            _output.WriteLine("");
            _output.WriteLine("StationFirmware console on " + _config.Text(ConfigTable.StationId)
                + ". 'help' lists the commands; Ctrl-X is the emergency stop.");
            _replies.ShowPrompt();
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
                _maintenance.KeyPressed(now);
                for (int i = count - 1; i >= 0; i--)
                {
                    if (_intake[i] == EmergencyKey)
                    {
                        _session.EmergencyStop("Ctrl-X");
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
                    _replies.Announce("stopped by the operator (key); no fault");
                    _replies.Record("(key during motion)", true, "motion stopped");
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
                LineEvent e = _editor.Feed(_intake[i]);
                if (e == LineEvent.Submit)
                {
                    Submit();
                }
                else
                {
                    _session.Handle(e);
                }
            }

            string ended = _maintenance.Watch(now, _motion.Watching);
            if (ended != null)
            {
                _replies.Announce(ended);
            }

            _motion.Watch();
            _replies.RefreshPrompt(_motion.Watching);
            _output.Flush();
        }

        private void Submit()
        {
            if (_editor.SubmitError != null)
            {
                _output.WriteLine(_editor.SubmitError);
                _replies.Record("(refused line)", false, _editor.SubmitError);
            }
            else
            {
                Execute(_editor.Submitted);
            }

            _replies.ShowPrompt();
        }

        /// <summary>Runs one command line as if typed (used by tests and by the simulator's scripted sessions).</summary>
        public void Execute(string line)
        {
            if (_extension != null)
            {
                string[] words = CommandTable.Split(line);
                if (words != null && words.Length > 0 && words[0].ToLower() == _help.ExtensionNoun)
                {
                    _replies.Reply(line.Trim(), true, _extension(line.Trim()));
                    return;
                }
            }

            ParsedCommand parsed = CommandTable.Parse(line);
            if (parsed.Command == null)
            {
                if (parsed.Error.Length > 0)
                {
                    _replies.Reply(ConsoleWords.Redact(line, null), false, parsed.Error);
                }

                return;
            }

            ConsoleCommand command = parsed.Command;
            string audited = ConsoleWords.Redact(line, parsed);
            if (command.NeedsMaintenance && !_maintenance.On)
            {
                _replies.Reply(audited, false, command.Words + ": needs maintenance mode; enter it with 'maint enter <pin>'");
                return;
            }

            if (command.Device != null && !_station.Has(command.Device))
            {
                _replies.Reply(audited, false, command.Words + ": this bay has no " + command.Device + "; 'help' lists its commands");
                return;
            }

            Run(command.Id, audited, parsed);
        }

        private void Run(CommandId id, string audited, ParsedCommand parsed)
        {
            switch (id)
            {
                case CommandId.Status: _replies.Reply(audited, true, WithValues(_stationCommands.StatusText())); break;
                case CommandId.Why: _replies.Reply(audited, true, WithValues(_stationCommands.WhyText())); break;
                case CommandId.Faults: _replies.Reply(audited, true, WithValues(_station.FaultReport())); break;
                case CommandId.FaultReset: _stationCommands.FaultReset(audited, parsed.Arg(0)); break;
                case CommandId.LiftJog: _motion.LiftJog(audited, parsed.Arg(0)); break;
                case CommandId.Home: _motion.Start(audited, _station.StartHoming(), "homing the " + _station.Mover + "; any key stops it"); break;
                case CommandId.RobotJog: _motion.RobotJog(audited, parsed.Arg(0), parsed.Arg(1)); break;
                case CommandId.BmsShow: _replies.Reply(audited, true, _station.BmsReport()); break;
                case CommandId.RackShow: _replies.Reply(audited, true, _station.RackReport()); break;
                case CommandId.SwapHistory: _replies.Reply(audited, true, _station.SwapHistory()); break;
                case CommandId.RackSet: _inventory.RackSet(audited, parsed.Arg(0), parsed.Arg(1), parsed.Arg(2), parsed.Arg(3)); break;
                case CommandId.RackClear: _inventory.RackClear(audited, parsed.Arg(0)); break;
                case CommandId.PackPlace: _inventory.PackPlaceSet(audited, parsed.Arg(0), parsed.Arg(1), parsed.Arg(2)); break;
                case CommandId.ConveyorStage: _motion.Stage(audited); break;
                case CommandId.LocksEngage: _motion.Start(audited, _station.StartRelock(), "engaging the locks: lift up to the pack, locks, lift home; any key stops it"); break;
                case CommandId.ConfigShow: _configCommands.Show(audited); break;
                case CommandId.ConfigGet: _configCommands.Get(audited, parsed.Arg(0)); break;
                case CommandId.ConfigSet: _configCommands.Set(audited, parsed.Arg(0), parsed.Arg(1)); break;
                case CommandId.ConfigSave: _configCommands.Save(audited); break;
                case CommandId.ConfigDefault: _configCommands.Default(audited); break;
                case CommandId.MaintEnter: _replies.Outcome(audited, null, _maintenance.Enter(parsed.Arg(0))); break;
                case CommandId.MaintExit: _replies.Outcome(audited, null, _maintenance.Exit()); break;
                case CommandId.SelfTest: _motion.Start(audited, _station.StartSelfTest(_config.Number(ConfigTable.LiftJogSpeedMmS)), "self-test running; any key stops it"); break;
                case CommandId.LogTail: _stationCommands.LogTail(audited, parsed.Arg(0)); break;
                case CommandId.RecoverConfirm: _motion.Start(audited, _station.ConfirmRecovery(), "recovery confirmed: the station homes; any key stops it"); break;
                case CommandId.SwapAuthorize: _stationCommands.SwapAuthorize(audited, parsed.Args); break;
                case CommandId.SwapCancel: _replies.Outcome(audited, "swap cancel", _station.CancelSwap()); break;
                case CommandId.Stop: _session.EmergencyStop("stop command"); break;
                case CommandId.Help: _help.Reply(audited, parsed.Arg(0)); break;
                case CommandId.Version: _replies.Reply(audited, true, _stationCommands.VersionText()); break;
                case CommandId.Exit:
                case CommandId.Quit: _replies.Record(audited, true, "session ended"); _session.End(ConsoleWords.FirstWords(audited)); break;
            }
        }

        private string WithValues(string text)
        {
            return ConfigValueHints.Insert(_config, text);
        }
    }
}
