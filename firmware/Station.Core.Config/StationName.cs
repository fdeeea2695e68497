namespace Station.Core.Config
{
    /// <summary>The one rule for a name that becomes an MQTT client id or one MQTT topic level (<c>station.id</c>,
    /// <c>mqtt.topic_prefix</c>): 1 to 32 characters of A-Z a-z 0-9 - _. No '.', '/', '+', '#' or spaces, so broker ACL
    /// patterns with %c/%u confine a station exactly. Configuration, the controller and the cloud link all check it here.</summary>
    public static class StationName
    {
        /// <summary>Longest name.</summary>
        public const int MaxLength = 32;

        /// <summary>The rule in words, for error messages and <c>config show</c>.</summary>
        public const string RuleText = "1 to 32 characters of A-Z a-z 0-9 - _";

        /// <summary>True when <paramref name="name"/> follows the rule.</summary>
        public static bool IsValid(string name)
        {
            if (name == null || name.Length < 1 || name.Length > MaxLength)
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
