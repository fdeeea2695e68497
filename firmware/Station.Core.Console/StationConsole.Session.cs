using System.Text;
using Station.Core.Config;

namespace Station.Core.Console
{
    /// <summary>The session around the commands: help that fits an 80-column serial terminal, version, the end of a
    /// session (exit, quit, Ctrl-D), Ctrl-L and Ctrl-C, and fault texts completed with the configuration values they name.</summary>
    public sealed partial class StationConsole
    {
        /// <summary>Widest help line: an 80-column terminal wraps at column 80, so 79 characters and the line end.</summary>
        public const int HelpWidth = 79;

        /// <summary>Column where the help text of a command starts.</summary>
        public const int HelpColumn = 28;

        private const string KeysHelp = "Keys: Enter runs, Backspace erases, Up/Down recall, Tab completes, Ctrl-C stops"
            + " a console motion or clears the line, Ctrl-L redraws, Ctrl-D (empty line) ends the session,"
            + " Ctrl-X is the emergency stop.";

        private ConsoleReportHandler _cloudReport;
        private string _extensionHelp;

        /// <summary>Raised when the technician ends the session (exit, quit, Ctrl-D on an empty line).</summary>
        public event ConsoleSessionHandler SessionEnded;

        /// <summary>Shows <paramref name="report"/> (the cloud link and its outbox) in <c>status</c>.</summary>
        public void SetCloudReport(ConsoleReportHandler report)
        {
            _cloudReport = report;
        }

        /// <summary>Help lines of the extension noun (see <see cref="SetExtension"/>), listed by <c>help</c> and
        /// <c>help</c> plus the noun; each under <see cref="HelpWidth"/> columns.</summary>
        public void SetExtensionHelp(string help)
        {
            _extensionHelp = help;
        }

        private void EndSession(string how)
        {
            _editor.Clear();
            bool wasOn = _maintenance;
            EndMaintenanceQuietly();
            _output.WriteLine("session ended (" + how + ")" + (wasOn ? "; maintenance ended" : "")
                + ". Press Enter for a new session.");
            if (how == "Ctrl-D")
            {
                Record("^D", true, "session ended");
            }

            ConsoleSessionHandler ended = SessionEnded;
            if (ended != null)
            {
                ended();
            }
        }

        private void RedrawScreen()
        {
            // ANSI clear-screen and home: every terminal program a technician uses (screen, minicom, picocom, PuTTY)
            // knows it; then the prompt and the line typed so far.
            _output.WriteByte(0x1B);
            _output.Write("[H");
            _output.WriteByte(0x1B);
            _output.Write("[2J");
            _editor.Prompt = Prompt();
            _editor.Redraw();
            _shownPrompt = _editor.Prompt;
        }

        private void CancelHint()
        {
            // Ctrl-C stops what the console started (any key does); a swap belongs to the sequencer.
            if (_station.SwapRunning)
            {
                _output.WriteLine("(line cleared; Ctrl-C does not stop a swap: Ctrl-X or 'stop' is the emergency stop,"
                    + " 'swap cancel' before it moves)");
            }
            else
            {
                _output.WriteLine("(line cleared)");
            }
        }

        private string VersionText()
        {
            return "StationFirmware " + FirmwareVersion.Text + " (commit " + FirmwareVersion.Commit
                + "; semantic versioning, CHANGELOG.md) on station "
                + _config.Text(ConfigTable.StationId);
        }

        /// <summary>Fault and status texts name configuration keys (lock.travel_ms); the technician also needs the
        /// value now in force: the first mention of each key gets " (= value)".</summary>
        private string WithValues(string text)
        {
            if (text == null)
            {
                return null;
            }

            for (int i = 0; i < ConfigTable.Keys.Length; i++)
            {
                ConfigKey key = ConfigTable.Keys[i];
                if (key.Kind != ConfigKind.Integer)
                {
                    continue;
                }

                int at = text.IndexOf(key.Name);
                int end = at + key.Name.Length;
                if (at < 0 || (end < text.Length && IsNameChar(text[end])) || HasValueAfter(text, end))
                {
                    continue;
                }

                text = text.Substring(0, end) + " (= " + _config.Show(i) + ")" + text.Substring(end);
            }

            return text;
        }

        // A key name continues with letters, digits and '_' ("lift.speed_mm_s" is not "lift.speed_mm_s2").
        private static bool IsNameChar(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }

        // "lift.soft_max_mm = 560 mm": the text already gives the value.
        private static bool HasValueAfter(string text, int end)
        {
            return end + 1 < text.Length && text[end] == ' ' && text[end + 1] == '=';
        }

        private void Help(string audited, string noun)
        {
            string wanted = noun == null ? null : noun.ToLower();
            if (wanted != null && _extensionHelp != null && wanted == _extensionNoun)
            {
                Reply(audited, true, _extensionHelp);
                return;
            }

            if (wanted != null && !CommandTable.IsNoun(wanted))
            {
                Reply(audited, false, "help: no command '" + noun + "'; the commands are: " + JoinNouns());
                return;
            }

            StringBuilder text = new StringBuilder();
            for (int i = 0; i < CommandTable.Count; i++)
            {
                ConsoleCommand c = CommandTable.At(i);
                if (wanted != null && c.Noun != wanted)
                {
                    continue;
                }

                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(c.Usage);
                int column = c.Usage.Length;
                if (column > HelpColumn - 1)
                {
                    text.Append('\n');
                    column = 0;
                }

                text.Append(' ', HelpColumn - column);
                Wrap(text, c.NeedsMaintenance ? c.Help + " [maint]" : c.Help, HelpColumn);
                if (wanted != null)
                {
                    text.Append("\n    e.g. ").Append(c.Example);
                }
            }

            if (wanted == null)
            {
                text.Append('\n');
                Wrap(text, KeysHelp, 0);
                if (_extensionHelp != null)
                {
                    text.Append('\n').Append(_extensionHelp);
                }
            }

            Reply(audited, true, text.ToString());
        }

        // Appends words from the current column (the text's last line is at <indent>), breaking before HelpWidth and
        // indenting continuation lines to <indent>.
        private static void Wrap(StringBuilder text, string words, int indent)
        {
            int column = indent;
            int start = 0;
            while (start < words.Length)
            {
                int space = words.IndexOf(' ', start);
                int end = space < 0 ? words.Length : space;
                int length = end - start;
                if (column > indent && column + 1 + length > HelpWidth)
                {
                    text.Append('\n').Append(' ', indent);
                    column = indent;
                }
                else if (column > indent)
                {
                    text.Append(' ');
                    column++;
                }

                text.Append(words, start, length);
                column += length;
                start = end + 1;
            }
        }
    }
}
