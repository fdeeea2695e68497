namespace Station.Core.Cloud
{
    /// <summary>Name table for <see cref="CloudReason"/> (nanoFramework prints enums as numbers).</summary>
    public static class CloudReasons
    {
        static readonly string[] Names =
        {
            "accepted", "oversized", "malformed", "unsupported_version", "unknown_command", "unknown_field",
            "wrong_type", "missing_field", "out_of_range", "expired", "replayed", "wrong_topic", "clock_not_set",
            "unsafe_state", "busy", "not_remotely_resettable", "unknown_key", "outbox_full", "refused", "no_such_fault",
            "not_remotely_settable", "not_in_maintenance", "update_refused",
        };

        /// <summary>The snake_case name carried in replies.</summary>
        public static string Name(CloudReason reason)
        {
            int i = (int)reason;
            return i >= 0 && i < Names.Length ? Names[i] : "unknown";
        }

        /// <summary>How many reasons exist (for tests and documentation).</summary>
        public static int Count { get { return Names.Length; } }
    }
}
