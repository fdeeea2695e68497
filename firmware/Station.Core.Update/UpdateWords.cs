namespace Station.Core.Update
{
    /// <summary>The words the cloud sees for an update's state and reason (nanoFramework prints enums as numbers):
    /// one table each, indexed by the enum's value, so a status record reads the same on every firmware.</summary>
    public static class UpdateWords
    {
        static readonly string[] States =
        {
            "idle", "offered", "downloading", "downloaded", "verifying", "refused", "waiting", "installing", "trial",
            "confirmed", "rolled_back", "cancelled",
        };

        static readonly string[] Reasons =
        {
            "", "manifest_malformed", "unknown_format", "wrong_board", "loader_too_old", "below_minimum_version",
            "signature_invalid", "size_mismatch", "hash_mismatch", "chunk_out_of_order", "chunk_corrupt",
            "chunk_too_large", "storage_failed", "station_busy", "outbox_not_durable", "update_in_progress",
            "offer_malformed", "cancelled_by_operator", "boots_exhausted", "watchdog_reset", "cloud_not_reached",
            "fault_during_probation", "image_unloadable", "resumed_after_restart", "already_running",
        };

        /// <summary>The status word of <paramref name="state"/>: "verified" once the bundle passed its check and no
        /// blocker is known yet, "waiting" while something keeps the station from restarting.</summary>
        public static string Status(UpdateState state, UpdateReason reason)
        {
            if (state == UpdateState.WaitingForSafeMoment && reason == UpdateReason.None) return "verified";
            int i = (int)state;
            return i >= 0 && i < States.Length ? States[i] : "unknown";
        }

        /// <summary>The word of <paramref name="reason"/> ("" for none).</summary>
        public static string Reason(UpdateReason reason)
        {
            int i = (int)reason;
            return i >= 0 && i < Reasons.Length ? Reasons[i] : "unknown";
        }

        /// <summary>Number of reason words (one per <see cref="UpdateReason"/> value).</summary>
        public static int ReasonCount { get { return Reasons.Length; } }

        /// <summary>Number of state words (one per <see cref="UpdateState"/> value).</summary>
        public static int StateCount { get { return States.Length; } }
    }
}
