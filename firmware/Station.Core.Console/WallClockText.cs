using System;
using Station.Hal;

namespace Station.Core.Console
{
    /// <summary>Times for people: UTC wall-clock ("2026-03-14T09:26:53Z") once the clock has been set (network time,
    /// RTC), otherwise the time since boot ("boot+93.250s"), so a log line never pretends to know the date.</summary>
    public static class WallClockText
    {
        /// <summary>A clock reading earlier than this year is an unset clock (a board starts at its epoch).</summary>
        public const int FirstValidYear = 2024;

        /// <summary>True when <paramref name="utc"/> is a real wall-clock time.</summary>
        public static bool IsSet(DateTime utc)
        {
            return utc.Year >= FirstValidYear;
        }

        /// <summary>Now, as UTC to the second when the clock is set, else as seconds since boot.</summary>
        public static string Now(IClock clock)
        {
            DateTime utc = clock.UtcNow;
            if (IsSet(utc))
            {
                return Utc(utc);
            }

            long ms = clock.NowMs;
            return "boot+" + (ms / 1000).ToString() + "." + Pad((int)(ms % 1000), 3) + "s";
        }

        /// <summary>"YYYY-MM-DDTHH:MM:SSZ".</summary>
        public static string Utc(DateTime utc)
        {
            return Pad(utc.Year, 4) + "-" + Pad(utc.Month, 2) + "-" + Pad(utc.Day, 2) + "T" + Pad(utc.Hour, 2) + ":"
                + Pad(utc.Minute, 2) + ":" + Pad(utc.Second, 2) + "Z";
        }

        private static string Pad(int value, int digits)
        {
            // No custom numeric formats on nanoFramework: pad by hand.
            string text = value.ToString();
            while (text.Length < digits)
            {
                text = "0" + text;
            }

            return text;
        }
    }
}
