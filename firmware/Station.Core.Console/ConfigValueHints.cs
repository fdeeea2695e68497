using Station.Core.Config;

namespace Station.Core.Console
{
    /// <summary>Fault and status texts name configuration keys (lock.travel_ms); the technician also needs the value now
    /// in force: the first mention of each key gets " (= value)".</summary>
    public static class ConfigValueHints
    {
        /// <summary><paramref name="text"/> with the value of <paramref name="config"/> after the first mention of each
        /// integer key that does not already give one; null stays null.</summary>
        public static string Insert(ConfigValues config, string text)
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

                text = text.Substring(0, end) + " (= " + config.Show(i) + ")" + text.Substring(end);
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
    }
}
