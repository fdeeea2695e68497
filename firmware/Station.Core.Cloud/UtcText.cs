using System;

namespace Station.Core.Cloud
{
    /// <summary>Parses the one timestamp form the contract allows: ISO 8601 UTC "YYYY-MM-DDTHH:MM:SSZ" with optional
    /// ".f" to ".fff" fractions. Anything else (offsets, local time, missing Z) is refused.</summary>
    public static class UtcText
    {
        /// <summary>True and the time when <paramref name="s"/> is a valid contract timestamp.</summary>
        public static bool TryParse(string s, out DateTime utc)
        {
            utc = DateTime.MinValue;
            if (s == null || s.Length < 20 || s.Length > 24 || s[s.Length - 1] != 'Z') return false;
            int year, month, day, hour, minute, second, ms = 0;
            if (!Digits(s, 0, 4, out year) || s[4] != '-' || !Digits(s, 5, 2, out month) || s[7] != '-'
                || !Digits(s, 8, 2, out day) || s[10] != 'T' || !Digits(s, 11, 2, out hour) || s[13] != ':'
                || !Digits(s, 14, 2, out minute) || s[16] != ':' || !Digits(s, 17, 2, out second)) return false;
            int fractionLength = s.Length - 20;
            if (fractionLength == 1) return false; // a lone "."
            if (fractionLength > 1)
            {
                if (s[19] != '.' || !Digits(s, 20, fractionLength - 1, out ms)) return false;
                for (int i = fractionLength - 1; i < 3; i++) ms *= 10;
            }
            if (year < 2000 || year > 2999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59) return false;
            utc = new DateTime(year, month, day, hour, minute, second, ms);
            return true;
        }

        static bool Digits(string s, int start, int count, out int value)
        {
            value = 0;
            for (int i = start; i < start + count; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') return false;
                value = value * 10 + (c - '0');
            }
            return true;
        }
    }
}
