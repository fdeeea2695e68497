namespace Station.Core.Can
{
    /// <summary>Name table of <see cref="PackSessionState"/> and <see cref="PackSessionFailure"/>.</summary>
    public static class PackSessionStates
    {
        private static readonly string[] StateNames =
        {
            "idle", "handshake", "recognition", "parameters", "wait_bms_ready", "status", "stopping", "statistics", "ended", "failed",
        };

        private static readonly string[] FailureNames =
        {
            "none", "no_bhm", "no_brm", "no_bcp", "no_bro", "no_bcs", "no_bcl", "no_bst", "no_bsd", "bms_timeout_report", "bms_stopped",
        };

        /// <summary>Name of a state.</summary>
        public static string Name(PackSessionState state)
        {
            int i = (int)state;
            return i >= 0 && i < StateNames.Length ? StateNames[i] : "unknown";
        }

        /// <summary>Name of a failure.</summary>
        public static string Name(PackSessionFailure failure)
        {
            int i = (int)failure;
            return i >= 0 && i < FailureNames.Length ? FailureNames[i] : "unknown";
        }
    }
}
