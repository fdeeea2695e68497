namespace Station.Core.Can
{
    /// <summary>Name table for <see cref="DropReason"/> (nanoFramework prints enums as numbers).</summary>
    public static class DropReasons
    {
        /// <summary>Number of reasons, for count arrays indexed by reason.</summary>
        public const int Count = 23;

        private static readonly string[] Names =
        {
            "none", "timeout_t1", "timeout_t2", "timeout_t3", "timeout_t4", "timeout_tr",
            "aborted_by_sender", "aborted_by_receiver", "wrong_sequence", "duplicate_sequence", "unexpected_packet",
            "bad_announcement", "short_packet", "no_resources", "restarted", "bad_control_frame",
            "short_frame", "short_message", "wrong_addressing", "unfinished", "bad_log_line", "unknown_pgn",
            "no_session",
        };

        /// <summary>snake_case name of a reason, "unknown" outside the table.</summary>
        public static string Name(DropReason reason)
        {
            int i = (int)reason;
            return i >= 0 && i < Names.Length ? Names[i] : "unknown";
        }
    }
}
