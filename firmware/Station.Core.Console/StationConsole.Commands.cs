using System.Text;
using Station.Core.Config;
using Station.Hal;

namespace Station.Core.Console
{
    /// <summary>The command handlers, one per <see cref="CommandId"/>. Each returns through <c>Reply</c> so every
    /// command is shown, logged and audited once.</summary>
    public sealed partial class StationConsole
    {
        /// <summary>Runs one command line as if typed (used by tests and by the simulator's scripted sessions).</summary>
        public void Execute(string line)
        {
            if (_extension != null)
            {
                string[] words = CommandTable.Split(line);
                if (words != null && words.Length > 0 && words[0].ToLower() == _extensionNoun)
                {
                    Reply(line.Trim(), true, _extension(line.Trim()));
                    return;
                }
            }

            ParsedCommand parsed = CommandTable.Parse(line);
            if (parsed.Command == null)
            {
                if (parsed.Error.Length > 0)
                {
                    Reply(Redact(line, null), false, parsed.Error);
                }

                return;
            }

            ConsoleCommand command = parsed.Command;
            string audited = Redact(line, parsed);
            if (command.NeedsMaintenance && !_maintenance)
            {
                Reply(audited, false, command.Words + ": needs maintenance mode; enter it with 'maint enter <pin>'");
                return;
            }

            switch (command.Id)
            {
                case CommandId.Status: Reply(audited, true, WithValues(StatusText())); break;
                case CommandId.Why: Reply(audited, true, WithValues(WhyText())); break;
                case CommandId.Faults: Reply(audited, true, WithValues(_station.FaultReport())); break;
                case CommandId.FaultReset: FaultReset(audited, parsed.Arg(0)); break;
                case CommandId.LiftJog: LiftJog(audited, parsed.Arg(0)); break;
                case CommandId.Home: StartMotion(audited, _station.StartHoming(), "homing the lift; any key stops it"); break;
                case CommandId.BmsShow: Reply(audited, true, _station.BmsReport()); break;
                case CommandId.RackShow: Reply(audited, true, _station.RackReport()); break;
                case CommandId.SwapHistory: Reply(audited, true, _station.SwapHistory()); break;
                case CommandId.RackSet: RackSet(audited, parsed.Arg(0), parsed.Arg(1), parsed.Arg(2), parsed.Arg(3)); break;
                case CommandId.RackClear: RackClear(audited, parsed.Arg(0)); break;
                case CommandId.PackPlace: PackPlaceSet(audited, parsed.Arg(0), parsed.Arg(1), parsed.Arg(2)); break;
                case CommandId.ConveyorStage: ConveyorStage(audited); break;
                case CommandId.LocksEngage: StartMotion(audited, _station.StartRelock(), "engaging the locks: lift up to the pack, locks, lift home; any key stops it"); break;
                case CommandId.ConfigShow: Reply(audited, true, ConfigShowText()); break;
                case CommandId.ConfigGet: ConfigGet(audited, parsed.Arg(0)); break;
                case CommandId.ConfigSet: ConfigSet(audited, parsed.Arg(0), parsed.Arg(1)); break;
                case CommandId.ConfigSave: ConfigSave(audited); break;
                case CommandId.ConfigDefault: ConfigDefault(audited); break;
                case CommandId.MaintEnter: MaintEnter(audited, parsed.Arg(0)); break;
                case CommandId.MaintExit: MaintExit(audited); break;
                case CommandId.SelfTest: StartMotion(audited, _station.StartSelfTest(_config.Number(ConfigTable.LiftJogSpeedMmS)), "self-test running; any key stops it"); break;
                case CommandId.LogTail: LogTail(audited, parsed.Arg(0)); break;
                case CommandId.RecoverConfirm: StartMotion(audited, _station.ConfirmRecovery(), "recovery confirmed: the station homes; any key stops it"); break;
                case CommandId.SwapAuthorize: SwapAuthorize(audited, parsed.Arg(0), parsed.Arg(1)); break;
                case CommandId.SwapCancel: Outcome(audited, "swap cancel", _station.CancelSwap()); break;
                case CommandId.Stop: EmergencyStop("stop command"); break;
                case CommandId.Help: Help(audited, parsed.Arg(0)); break;
                case CommandId.Version: Reply(audited, true, VersionText()); break;
                case CommandId.Exit:
                case CommandId.Quit: Record(audited, true, "session ended"); EndSession(FirstWords(audited)); break;
            }
        }

        private void Reply(string audited, bool accepted, string text)
        {
            if (text != null && text.Length > 0)
            {
                _output.WriteLine(text);
            }

            Record(audited, accepted, text);
        }

        private void Outcome(string audited, string words, ConsoleOutcome outcome)
        {
            Reply(audited, outcome.Accepted, outcome.Accepted ? outcome.Message : words + ": " + outcome.Message);
        }

        private string StatusText()
        {
            StringBuilder text = new StringBuilder();
            text.Append(_station.Status());
            text.Append("\nmaintenance: ").Append(_maintenance ? "on (sequencer held)" : "off");
            if (LockedOut)
            {
                text.Append("\nconsole: maintenance entry locked for ").Append(LockoutSecondsLeft()).Append(" s after wrong PINs");
            }

            if (_config.Unsaved)
            {
                text.Append("\nconfig: unsaved changes ('config save' stores them)");
            }

            text.Append("\ncloud: ").Append(_cloudReport == null ? "no link (mqtt.enabled = 0 or not provisioned)" : _cloudReport());
            string state = _station.StateName;
            if (_station.FaultCode != 0 || state.IndexOf("held") >= 0 || state == "recovery")
            {
                text.Append("\nwhy:\n").Append(WhyText());
            }

            return text.ToString();
        }

        private string WhyText()
        {
            StringBuilder text = new StringBuilder();
            if (_maintenance)
            {
                text.Append("maintenance mode is on: the sequencer starts nothing until 'maint exit'\n");
            }

            text.Append(_station.WhyNotSwapping());
            return text.ToString();
        }

        private void FaultReset(string audited, string arg)
        {
            int code;
            if (!NumberText.TryParse(arg, out code) || code <= 0)
            {
                Reply(audited, false, "fault reset: '" + arg + "' is not a fault number; expected the number 'faults' shows, e.g. 'fault reset 21'");
                return;
            }

            int latched = _station.FaultCode;
            if (latched == 0)
            {
                Reply(audited, false, "fault reset: no fault is latched; nothing to reset");
                return;
            }

            if (code != latched)
            {
                Reply(audited, false, "fault reset: fault " + code.ToString() + " is not latched; the latched fault is "
                    + _station.DescribeFault(latched) + "; use 'fault reset " + latched.ToString() + "'");
                return;
            }

            ConsoleOutcome outcome = _station.ResetFault(code);
            if (outcome.Accepted)
            {
                // The reset itself is not a new fault: keep maintenance on.
                _faultAtEntry = 0;
            }

            Outcome(audited, "fault reset", outcome);
        }

        private void LiftJog(string audited, string arg)
        {
            int step = _config.Number(ConfigTable.LiftJogStepMm);
            string range = "between -" + step.ToString() + " and +" + step.ToString() + " mm";
            int mm;
            if (!NumberText.TryParse(arg, out mm))
            {
                Reply(audited, false, "lift jog: '" + arg + "' is not a distance; expected a whole number of mm " + range + ", e.g. 'lift jog +10'");
                return;
            }

            if (mm == 0 || mm < -step || mm > step)
            {
                Reply(audited, false, "lift jog: distance must be " + range + " (and not 0); got " + mm.ToString() + " mm");
                return;
            }

            if (!_station.LiftHomed)
            {
                Reply(audited, false, "lift jog: the lift is not homed, so its position is unknown; run 'home' first");
                return;
            }

            int position = _station.LiftPositionMm;
            int softMin = _config.Number(ConfigTable.LiftSoftMinMm);
            int softMax = _config.Number(ConfigTable.LiftSoftMaxMm);
            int target = position + mm;
            if (target > softMax)
            {
                int room = softMax - position;
                Reply(audited, false, "lift jog: target " + target.ToString() + " mm is above the soft limit lift.soft_max_mm = "
                    + softMax.ToString() + " mm (lift at " + position.ToString() + " mm); "
                    + (room > 0 ? "at most +" + room.ToString() + " mm up is possible" : "no further move up is possible"));
                return;
            }

            if (target < softMin)
            {
                int room = position - softMin;
                Reply(audited, false, "lift jog: target " + target.ToString() + " mm is below the soft limit lift.soft_min_mm = "
                    + softMin.ToString() + " mm (lift at " + position.ToString() + " mm); "
                    + (room > 0 ? "at most -" + room.ToString() + " mm down is possible" : "no further move down is possible; 'home' goes to the home switch"));
                return;
            }

            int speed = _config.Number(ConfigTable.LiftJogSpeedMmS);
            StartMotion(audited, _station.StartLiftMove(target, speed),
                "jogging lift " + NumberText.Signed(mm) + " mm to " + target.ToString() + " mm at " + speed.ToString() + " mm/s; any key stops it");
        }

        private void StartMotion(string audited, ConsoleOutcome outcome, string started)
        {
            if (!outcome.Accepted)
            {
                Reply(audited, false, FirstWords(audited) + ": refused: " + outcome.Message);
                return;
            }

            _watchingMotion = true;
            Reply(audited, true, outcome.Message != null && outcome.Message.Length > 0 ? started + "\n" + outcome.Message : started);
        }

        private string ConfigShowText()
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < ConfigTable.Keys.Length; i++)
            {
                if (i > 0)
                {
                    text.Append('\n');
                }

                ConfigKey key = ConfigTable.Keys[i];
                text.Append(key.Name).Append(" = ").Append(_config.Show(i)).Append("  [").Append(key.RangeText()).Append(']');
            }

            if (_config.Unsaved)
            {
                text.Append("\n(unsaved changes: 'config save' stores them)");
            }

            return text.ToString();
        }

        private int KeyOrReply(string audited, string words, string name)
        {
            int index = ConfigTable.IndexOf(name);
            if (index < 0)
            {
                Reply(audited, false, words + ": unknown key '" + name + "'; 'config show' lists the keys (Tab completes them)");
            }

            return index;
        }

        private void ConfigGet(string audited, string name)
        {
            int index = KeyOrReply(audited, "config get", name);
            if (index >= 0)
            {
                ConfigKey key = ConfigTable.Keys[index];
                Reply(audited, true, key.Name + " = " + _config.Show(index) + "  [" + key.RangeText() + "]\n  " + key.Help);
            }
        }

        private void ConfigSet(string audited, string name, string value)
        {
            int index = KeyOrReply(audited, "config set", name);
            if (index < 0)
            {
                return;
            }

            _saltCounter++;
            string error = _config.TrySet(index, value, _clock.UtcNow.Ticks ^ (_clock.NowMs << 20) ^ _saltCounter);
            if (error != null)
            {
                Reply(audited, false, "config set: " + error);
                return;
            }

            ConsoleOutcome applied = _station.ApplyConfig(_config);
            string text = ConfigTable.Keys[index].Name + " = " + _config.Show(index) + " (not stored until 'config save')";
            if (!applied.Accepted)
            {
                text = text + "\nstation: " + applied.Message;
            }

            Reply(audited, true, text);
        }

        private void ConfigSave(string audited)
        {
            if (_file.Save(_config))
            {
                Reply(audited, true, "configuration saved (generation " + _file.Generation.ToString() + ")");
            }
            else
            {
                Reply(audited, false, "config save: the storage refused the write; the stored configuration is unchanged; try again or check the flash");
            }
        }

        private void ConfigDefault(string audited)
        {
            _config.ResetToDefaults();
            ConsoleOutcome applied = _station.ApplyConfig(_config);
            string text = "every key set to its default (the PIN too: " + ConfigTable.Keys[ConfigTable.MaintPin].DefaultText
                + "); not stored until 'config save'";
            if (!applied.Accepted)
            {
                text = text + "\nstation: " + applied.Message;
            }

            Reply(audited, true, text);
        }

        private void MaintEnter(string audited, string pin)
        {
            if (_maintenance)
            {
                Reply(audited, false, "maint enter: already in maintenance; 'maint exit' leaves it");
                return;
            }

            if (LockedOut)
            {
                Reply(audited, false, "maint enter: locked for " + LockoutSecondsLeft().ToString() + " more s after "
                    + PinTries.ToString() + " wrong PINs");
                return;
            }

            if (_station.SwapRunning)
            {
                Reply(audited, false, "maint enter: a swap is running; wait for it to end or use 'swap cancel'");
                return;
            }

            if (!_station.BayClear)
            {
                Reply(audited, false, "maint enter: the bay is not clear (e-stop, light curtain or doors); clear it first ('why' says which)");
                return;
            }

            if (!PinHash.IsWellFormed(pin) || !_config.PinMatches(pin))
            {
                _wrongPins++;
                if (_wrongPins >= PinTries)
                {
                    _wrongPins = 0;
                    _lockedUntilMs = _clock.NowMs + (long)_config.Number(ConfigTable.MaintLockoutS) * 1000;
                    Reply(audited, false, "maint enter: wrong PIN; maintenance entry locked for "
                        + _config.Number(ConfigTable.MaintLockoutS).ToString() + " s");
                }
                else
                {
                    int left = PinTries - _wrongPins;
                    Reply(audited, false, "maint enter: wrong PIN; " + left.ToString() + (left == 1 ? " try" : " tries")
                        + " left before a lock; the PIN is " + PinHash.MinDigits.ToString() + " to " + PinHash.MaxDigits.ToString() + " digits");
                }

                return;
            }

            ConsoleOutcome held = _station.SetMaintenance(true);
            if (!held.Accepted)
            {
                Reply(audited, false, "maint enter: refused by the station: " + held.Message);
                return;
            }

            _wrongPins = 0;
            _maintenance = true;
            _faultAtEntry = _station.FaultCode;
            Reply(audited, true, "maintenance on: the sequencer is held; ends on 'maint exit', after "
                + _config.Number(ConfigTable.MaintIdleTimeoutS).ToString() + " s without a key, or on any fault");
        }

        private void MaintExit(string audited)
        {
            if (!_maintenance)
            {
                Reply(audited, false, "maint exit: not in maintenance");
                return;
            }

            EndMaintenanceQuietly();
            Reply(audited, true, _config.Unsaved
                ? "maintenance off: the sequencer is released (configuration changes are not stored: 'config save' in maintenance)"
                : "maintenance off: the sequencer is released");
        }

        private void LogTail(string audited, string arg)
        {
            int n = 10;
            int capacity = _log == null ? 0 : _log.Capacity;
            if (arg != null && (!NumberText.TryParse(arg, out n) || n < 1 || n > capacity))
            {
                Reply(audited, false, "log tail: '" + arg + "' is not a line count; expected 1.." + capacity.ToString());
                return;
            }

            string tail = _log == null ? "" : _log.Tail(n);
            Reply(audited, true, tail.Length == 0 ? "(log is empty)" : tail);
        }

        private void SwapAuthorize(string audited, string vehicle, string pack)
        {
            if (!IsIdentifier(vehicle) || (pack != null && !IsIdentifier(pack)))
            {
                Reply(audited, false, "swap authorize: vehicle and pack ids are 1 to 24 characters of A-Z a-z 0-9 . _ -; e.g. 'swap authorize CAR42'");
                return;
            }

            // The sequencer does not run in maintenance: release it, then authorise; on refusal hold it again.
            _station.SetMaintenance(false);
            ConsoleOutcome outcome = _station.AuthorizeSwap(vehicle, pack);
            if (outcome.Accepted)
            {
                _maintenance = false;
                Reply(audited, true, (outcome.Message == null || outcome.Message.Length == 0 ? "swap authorized" : outcome.Message)
                    + "; maintenance ended, the sequencer runs the swap");
            }
            else
            {
                _station.SetMaintenance(true);
                Reply(audited, false, "swap authorize: refused: " + outcome.Message + "; maintenance continues");
            }
        }

        private int LockoutSecondsLeft()
        {
            long left = _lockedUntilMs - _clock.NowMs;
            return left <= 0 ? 0 : (int)((left + 999) / 1000);
        }

        private static string JoinNouns()
        {
            string[] nouns = CommandTable.Nouns();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < nouns.Length; i++)
            {
                text.Append(i == 0 ? "" : ", ").Append(nouns[i]);
            }

            return text.ToString();
        }

        private static bool IsIdentifier(string text)
        {
            if (text == null || text.Length < 1 || text.Length > 24)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        private static string FirstWords(string audited)
        {
            string[] words = CommandTable.Split(audited);
            if (words == null || words.Length == 0)
            {
                return audited;
            }

            return words.Length > 1 && !CommandTable.IsNoun(words[1]) && CommandTable.VerbsOf(words[0].ToLower()).Length > 0
                ? words[0] + " " + words[1] : words[0];
        }

        /// <summary>The line for the log and the audit journal: a PIN (maint enter, config set maint.pin) becomes ****.</summary>
        private static string Redact(string line, ParsedCommand parsed)
        {
            if (parsed != null && parsed.Command != null)
            {
                if (parsed.Command.Id == CommandId.MaintEnter)
                {
                    return "maint enter ****";
                }

                if (parsed.Command.Id == CommandId.ConfigSet && ConfigTable.IndexOf(parsed.Arg(0)) == ConfigTable.MaintPin)
                {
                    return "config set maint.pin ****";
                }

                return line.Trim();
            }

            // An unparsed line may still hold a PIN typed in the wrong place: keep only its first word.
            string[] words = CommandTable.Split(line);
            return words == null || words.Length == 0 ? "(unparsed line)" : words[0] + (words.Length > 1 ? " ..." : "");
        }
    }
}
