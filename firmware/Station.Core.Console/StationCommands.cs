using System.Text;
using Station.Core.Config;

namespace Station.Core.Console
{
    /// <summary>The commands about the station as a whole: <c>status</c>, <c>why</c>, <c>fault reset</c>, <c>swap
    /// authorize</c>, <c>log tail</c> and <c>version</c>.</summary>
    public sealed class StationCommands
    {
        private readonly ConsoleReplies _replies;
        private readonly IConsoleStation _station;
        private readonly ConfigValues _config;
        private readonly MaintenanceMode _maintenance;
        private readonly LogRing _log;
        private readonly BookingTerms _booking = new BookingTerms();

        /// <summary>Commands on <paramref name="station"/>; <paramref name="log"/> may be null.</summary>
        public StationCommands(ConsoleReplies replies, IConsoleStation station, ConfigValues config, MaintenanceMode maintenance, LogRing log)
        {
            _replies = replies;
            _station = station;
            _config = config;
            _maintenance = maintenance;
            _log = log;
        }

        /// <summary>Shows the cloud link and its outbox in <c>status</c>, or null when there is none.</summary>
        public ConsoleReportHandler CloudReport;

        /// <summary>The station's status, the console's own state, and why it is held when it is.</summary>
        public string StatusText()
        {
            StringBuilder text = new StringBuilder();
            text.Append(_station.Status());
            text.Append("\nmaintenance: ").Append(_maintenance.On ? "on (sequencer held)" : "off");
            if (_maintenance.LockedOut)
            {
                text.Append("\nconsole: maintenance entry locked for ").Append(_maintenance.LockoutSecondsLeft()).Append(" s after wrong PINs");
            }

            if (_config.Unsaved)
            {
                text.Append("\nconfig: unsaved changes ('config save' stores them)");
            }

            text.Append("\ncloud: ").Append(CloudReport == null ? "no link (mqtt.enabled = 0 or not provisioned)" : CloudReport());
            string state = _station.StateName;
            if (_station.FaultCode != 0 || state.IndexOf("held") >= 0 || state == "recovery")
            {
                text.Append("\nwhy:\n").Append(WhyText());
            }

            return text.ToString();
        }

        /// <summary>Why the station does not swap, maintenance first.</summary>
        public string WhyText()
        {
            StringBuilder text = new StringBuilder();
            if (_maintenance.On)
            {
                text.Append("maintenance mode is on: the sequencer starts nothing until 'maint exit'\n");
            }

            text.Append(_station.WhyNotSwapping());
            return text.ToString();
        }

        /// <summary><c>fault reset CODE</c>: only the latched fault, by its number.</summary>
        public void FaultReset(string audited, string arg)
        {
            int code;
            if (!NumberText.TryParse(arg, out code) || code <= 0)
            {
                _replies.Reply(audited, false, "fault reset: '" + arg + "' is not a fault number; expected the number 'faults' shows, e.g. 'fault reset 21'");
                return;
            }

            int latched = _station.FaultCode;
            if (latched == 0)
            {
                _replies.Reply(audited, false, "fault reset: no fault is latched; nothing to reset");
                return;
            }

            if (code != latched)
            {
                _replies.Reply(audited, false, "fault reset: fault " + code.ToString() + " is not latched; the latched fault is "
                    + _station.DescribeFault(latched) + "; use 'fault reset " + latched.ToString() + "'");
                return;
            }

            ConsoleOutcome outcome = _station.ResetFault(code);
            if (outcome.Accepted)
            {
                _maintenance.FaultReset();
            }

            _replies.Outcome(audited, "fault reset", outcome);
        }

        /// <summary><c>log tail [N]</c>: the last lines of the log ring.</summary>
        public void LogTail(string audited, string arg)
        {
            int n = 10;
            int capacity = _log == null ? 0 : _log.Capacity;
            if (arg != null && (!NumberText.TryParse(arg, out n) || n < 1 || n > capacity))
            {
                _replies.Reply(audited, false, "log tail: '" + arg + "' is not a line count; expected 1.." + capacity.ToString());
                return;
            }

            string tail = _log == null ? "" : _log.Tail(n);
            _replies.Reply(audited, true, tail.Length == 0 ? "(log is empty)" : tail);
        }

        /// <summary><c>swap authorize VEHICLE [PACK] [TERM VALUE]...</c>: from maintenance, which ends when the station
        /// takes the swap. The terms are the cloud's booking (<c>positions 1,3</c>, <c>accepts qiji75</c>,
        /// <c>accepts3 partner-a</c>), read by the same <see cref="BookingTerms"/>; whether they fit the bay and the
        /// vehicle is the admission chain's decision, as for the cloud's.</summary>
        public void SwapAuthorize(string audited, string[] args)
        {
            string pack;
            string refused = ReadBooking(args, out pack);
            if (refused != null)
            {
                _replies.Reply(audited, false, "swap authorize: " + refused + "; e.g. 'swap authorize LSV123 positions 1,3 accepts qiji75'");
                return;
            }

            SwapAuthorization auth = new SwapAuthorization(args[0], pack);
            auth.Book(_booking);

            // The sequencer does not run in maintenance: release it, then authorise; on refusal hold it again.
            _station.SetMaintenance(false);
            ConsoleOutcome outcome = _station.AuthorizeSwap(auth);
            if (outcome.Accepted)
            {
                _maintenance.EndedBySwap();
                _replies.Reply(audited, true, (outcome.Message == null || outcome.Message.Length == 0 ? "swap authorized" : outcome.Message)
                    + "; maintenance ended, the sequencer runs the swap");
            }
            else
            {
                _station.SetMaintenance(true);
                _replies.Reply(audited, false, "swap authorize: refused: " + outcome.Message + "; maintenance continues");
            }
        }

        // The vehicle, an optional pack (a word that is no booking term: into pack, else null) and term-value pairs into
        // _booking; null when they read, else what is wrong. Typed at 3 a.m.: every mistake is named, nothing is guessed.
        private string ReadBooking(string[] args, out string pack)
        {
            _booking.Clear();
            pack = null;
            if (BookingTerms.TermOf(args[0]) >= 0)
            {
                return "the vehicle id comes first, then the booking";
            }

            int next = args.Length > 1 && BookingTerms.TermOf(args[1]) < 0 ? 2 : 1;
            if (!ConsoleWords.IsIdentifier(args[0]) || (next == 2 && !ConsoleWords.IsIdentifier(args[1])))
            {
                return "vehicle and pack ids are 1 to 24 characters of A-Z a-z 0-9 . _ -";
            }

            pack = next == 2 ? args[1] : null;

            for (int i = next; i < args.Length; i += 2)
            {
                int term = BookingTerms.TermOf(args[i]);
                string refused = term < 0 ? "'" + args[i] + "' is not a booking term (positions, accepts, accepts1, accepts2, accepts3)"
                    : i + 1 >= args.Length ? BookingTerms.Word(term) + ": a value is needed after it"
                    : _booking.Take(term, args[i + 1]);
                if (refused != null)
                {
                    return refused;
                }
            }

            return _booking.Unbooked();
        }

        /// <summary>The firmware version and the station it runs on.</summary>
        public string VersionText()
        {
            return "StationFirmware " + FirmwareVersion.Text + " (commit " + FirmwareVersion.Commit
                + "; semantic versioning, CHANGELOG.md) on station "
                + _config.Text(ConfigTable.StationId);
        }
    }
}
