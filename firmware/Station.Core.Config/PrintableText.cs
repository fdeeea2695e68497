namespace Station.Core.Config
{
    /// <summary>Outside text made safe to echo in a reply, a log line or the audit trail: printable ASCII only, bounded.</summary>
    public static class PrintableText
    {
        /// <summary>At most <paramref name="max"/> characters of <paramref name="text"/> (not null), each one outside
        /// printable ASCII (a control byte, DEL, anything beyond 126) as '?'. Allocates: replies and records only.</summary>
        public static string Of(string text, int max)
        {
            int n = text.Length < max ? text.Length : max;
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) chars[i] = text[i] >= ' ' && text[i] < (char)127 ? text[i] : '?';
            return new string(chars);
        }
    }
}
