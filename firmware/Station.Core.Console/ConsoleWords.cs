namespace Station.Core.Console
{
    /// <summary>Word rules every console command shares: what an identifier is, the first words of a command line for
    /// its messages, and the line as the log and the audit journal keep it (a PIN redacted).</summary>
    public static class ConsoleWords
    {
        /// <summary>True for a vehicle id or pack serial: 1 to 24 characters of A-Z a-z 0-9 . _ -.</summary>
        public static bool IsIdentifier(string text)
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

        /// <summary>The command's words without its arguments ("lift jog" of "lift jog +10"), for refusal messages.</summary>
        public static string FirstWords(string audited)
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
        public static string Redact(string line, ParsedCommand parsed)
        {
            if (parsed != null && parsed.Command != null)
            {
                if (parsed.Command.Id == CommandId.MaintEnter)
                {
                    return "maint enter ****";
                }

                if (parsed.Command.Id == CommandId.ConfigSet && Station.Core.Config.ConfigTable.IndexOf(parsed.Arg(0)) == Station.Core.Config.ConfigTable.MaintPin)
                {
                    return "config set maint.pin ****";
                }

                return line.Trim();
            }

            // An unparsed line may still hold a PIN typed in the wrong place: keep only its first word.
            string[] words = CommandTable.Split(line);
            return words == null || words.Length == 0 ? "(unparsed line)" : words[0] + (words.Length > 1 ? " ..." : "");
        }

        /// <summary>The first line of <paramref name="text"/> (the log and the audit keep one line per command).</summary>
        public static string FirstLine(string text)
        {
            int nl = text.IndexOf('\n');
            return nl < 0 ? text : text.Substring(0, nl);
        }
    }
}
