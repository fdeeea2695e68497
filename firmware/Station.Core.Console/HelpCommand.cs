using System.Text;

namespace Station.Core.Console
{
    /// <summary><c>help</c> and <c>help NOUN</c>, fitted to an 80-column serial terminal: each command's usage, its
    /// text from <see cref="HelpColumn"/> wrapped before <see cref="HelpWidth"/>, then the keys.</summary>
    public sealed class HelpCommand
    {
        /// <summary>Widest help line: an 80-column terminal wraps at column 80, so 79 characters and the line end.</summary>
        public const int HelpWidth = 79;

        /// <summary>Column where the help text of a command starts.</summary>
        public const int HelpColumn = 28;

        private const string KeysHelp = "Keys: Enter runs, Backspace erases, Up/Down recall, Tab completes, Ctrl-C stops"
            + " a console motion or clears the line, Ctrl-L redraws, Ctrl-D (empty line) ends the session,"
            + " Ctrl-X is the emergency stop.";

        private readonly ConsoleReplies _replies;
        private readonly IConsoleStation _station;

        /// <summary>Help replied through <paramref name="replies"/>, listing the commands <paramref name="station"/>'s bay has.</summary>
        public HelpCommand(ConsoleReplies replies, IConsoleStation station)
        {
            _replies = replies;
            _station = station;
        }

        /// <summary>The noun of the extension commands (not in the command table), or null.</summary>
        public string ExtensionNoun;

        /// <summary>Help lines of the extension noun, listed by <c>help</c> and <c>help</c> plus the noun, or null.</summary>
        public string ExtensionHelp;

        /// <summary>Replies with the help of every command, or of <paramref name="noun"/>'s commands with examples.</summary>
        public void Reply(string audited, string noun)
        {
            string wanted = noun == null ? null : noun.ToLower();
            if (wanted != null && ExtensionHelp != null && wanted == ExtensionNoun)
            {
                _replies.Reply(audited, true, ExtensionHelp);
                return;
            }

            if (wanted != null && !CommandTable.IsNoun(wanted))
            {
                _replies.Reply(audited, false, "help: no command '" + noun + "'; the commands are: " + JoinNouns());
                return;
            }

            StringBuilder text = new StringBuilder();
            for (int i = 0; i < CommandTable.Count; i++)
            {
                ConsoleCommand c = CommandTable.At(i);
                if ((wanted != null && c.Noun != wanted) || (c.Device != null && !_station.Has(c.Device)))
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
                if (ExtensionHelp != null)
                {
                    text.Append('\n').Append(ExtensionHelp);
                }
            }

            _replies.Reply(audited, true, text.ToString());
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
