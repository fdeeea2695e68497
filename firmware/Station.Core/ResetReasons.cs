using Station.Hal;

namespace Station.Core
{
    /// <summary>Names of reset reasons for the console, logs and the cloud (an enum prints as a number on nanoFramework).</summary>
    public static class ResetReasons
    {
        private static readonly string[] Names = { "unknown", "power_on", "watchdog", "software", "brown_out" };

        /// <summary>"watchdog", "unknown"…; a number this firmware has no name for prints as "reason_N".</summary>
        public static string Name(ResetReason reason)
        {
            int i = (int)reason;
            return i >= 0 && i < Names.Length ? Names[i] : "reason_" + i.ToString();
        }
    }
}
