using System.Text;

namespace Station.Core.Can
{
    /// <summary>JSON text of decoded messages and drops, one object per line (the CAN log tool's output and the
    /// cloud's pack telemetry). Built at the edge only: it appends to a caller's StringBuilder.</summary>
    public static class PackJson
    {
        private const string Hex = "0123456789ABCDEF";

        /// <summary>Appends <c>{"t":…,"sa":…,"da":…,"msg":…, fields…}</c>; <paramref name="time"/> is the log's timestamp text
        /// (a JSON number) or null to print the message's milliseconds as seconds.</summary>
        public static void AppendMessage(StringBuilder sb, DecodedMessage m, string time)
        {
            sb.Append("{\"t\":");
            AppendTime(sb, time, m.TimeMs);
            AppendHex(sb, ",\"sa\":\"0x", m.Source, 2);
            AppendHex(sb, ",\"da\":\"0x", m.Destination, 2);
            sb.Append(",\"msg\":\"").Append(m.Message.Name).Append('"');
            AppendFields(sb, m);
            sb.Append('}');
        }

        /// <summary>Appends <c>{"t":…,"dropped":"reason",…}</c> for a dropped session or rejected frame.</summary>
        public static void AppendDrop(StringBuilder sb, DropReason reason, int sender, int receiver, int pgn, PackProfile profile,
                                      string time, long timeMs, string detail)
        {
            sb.Append("{\"t\":");
            AppendTime(sb, time, timeMs);
            sb.Append(",\"dropped\":\"").Append(DropReasons.Name(reason)).Append('"');
            if (sender >= 0) AppendHex(sb, ",\"sa\":\"0x", sender, 2);
            if (receiver >= 0) AppendHex(sb, ",\"da\":\"0x", receiver, 2);
            if (pgn >= 0)
            {
                AppendHex(sb, ",\"pgn\":\"0x", pgn, 4);
                PackMessage m = profile == null || (pgn & 0xFF00FF) != 0 ? null : profile.ByPf((pgn >> 8) & 0xFF);
                if (m != null) sb.Append(",\"msg\":\"").Append(m.Name).Append('"');
            }
            if (detail != null)
            {
                sb.Append(",\"detail\":");
                AppendString(sb, detail);
            }
            sb.Append('}');
        }

        // J1939 addresses and PGNs are hex everywhere people meet them (candump, the --bms option, the standard's
        // tables), so the JSON says "0xF4" rather than 244.
        private static void AppendHex(StringBuilder sb, string prefix, int value, int minDigits)
        {
            sb.Append(prefix);
            int digits = minDigits;
            while (digits < 8 && (value >> (digits * 4)) != 0) digits++;
            for (int k = digits - 1; k >= 0; k--) sb.Append(Hex[(value >> (k * 4)) & 0xF]);
            sb.Append('"');
        }

        /// <summary>Appends <c>,"key":value</c> for every signal of the message.</summary>
        public static void AppendFields(StringBuilder sb, DecodedMessage m)
        {
            PackSignal[] signals = m.Message.Signals;
            for (int i = 0; i < signals.Length; i++)
            {
                PackSignal s = signals[i];
                bool has = m.States[i] == SignalState.Value || m.States[i] == SignalState.OutOfRange;
                switch (s.Kind)
                {
                    case SignalKind.Number:
                        Key(sb, s.Key);
                        if (has) AppendUnits(sb, m.Units(i), s.Decimals); else sb.Append("null");
                        if (s.HexKey != null)
                        {
                            Key(sb, s.HexKey);
                            if (has) AppendHex(sb, (ulong)m.Raw[i], (s.Width + 3) / 4); else sb.Append("null");
                        }
                        break;
                    case SignalKind.Enumeration:
                        Key(sb, s.CodeKey);
                        if (has) sb.Append(m.Raw[i]); else sb.Append("null");
                        Key(sb, s.Key);
                        if (!has) sb.Append("null");
                        else
                        {
                            string name = s.NameOf(m.Raw[i]);
                            AppendString(sb, name == null ? "unknown" : name);
                        }
                        break;
                    default:
                        Key(sb, s.Key);
                        if (!has) sb.Append("null");
                        else AppendBlock(sb, s, m.Data, s.Byte - 1);
                        break;
                }
            }
            int errors = m.RangeErrors;
            if (errors > 0)
            {
                sb.Append(",\"out_of_range\":[");
                bool first = true;
                for (int i = 0; i < signals.Length; i++)
                {
                    if (m.States[i] != SignalState.OutOfRange) continue;
                    if (!first) sb.Append(',');
                    first = false;
                    AppendString(sb, signals[i].Key);
                }
                sb.Append(']');
            }
        }

        /// <summary>Appends a value in units of 10^-<paramref name="decimals"/> as an exact decimal number.</summary>
        public static void AppendUnits(StringBuilder sb, long units, int decimals)
        {
            if (units < 0) { sb.Append('-'); units = -units; }
            long pow = 1;
            for (int i = 0; i < decimals; i++) pow *= 10;
            sb.Append(units / pow);
            if (decimals == 0) return;
            sb.Append('.');
            long frac = units % pow;
            for (long p = pow / 10; p > 0; p /= 10)
            {
                sb.Append((char)('0' + (int)(frac / p)));
                frac %= p;
            }
        }

        /// <summary>Appends a JSON string with escapes; bytes outside printable ASCII become \u00XX.</summary>
        public static void AppendString(StringBuilder sb, string text)
        {
            sb.Append('"');
            for (int i = 0; i < text.Length; i++) AppendChar(sb, text[i]);
            sb.Append('"');
        }

        private static void AppendBlock(StringBuilder sb, PackSignal s, byte[] d, int at)
        {
            switch (s.Kind)
            {
                case SignalKind.Text:
                {
                    int n = s.Width;
                    // Trailing NUL or 0xFF bytes are padding (some BMSs zero-fill optional text).
                    while (n > 0 && (d[at + n - 1] == 0 || d[at + n - 1] == 0xFF)) n--;
                    sb.Append('"');
                    for (int i = 0; i < n; i++) AppendChar(sb, (char)d[at + i]);
                    sb.Append('"');
                    return;
                }
                case SignalKind.Version:
                    sb.Append("\"V").Append(d[at + 1] | (d[at + 2] << 8)).Append('.').Append(d[at]).Append('"');
                    return;
                case SignalKind.Date:
                    sb.Append('"');
                    AppendDate(sb, d[at] + (int)s.Offset, d[at + 1], d[at + 2]);
                    sb.Append('"');
                    return;
                case SignalKind.SoftwareVersion:
                    sb.Append("{\"serial\":").Append(d[at]).Append(",\"date\":\"");
                    AppendDate(sb, d[at + 3] | (d[at + 4] << 8), d[at + 2], d[at + 1]);
                    sb.Append("\"}");
                    return;
                case SignalKind.BcdTime:
                    sb.Append('"');
                    AppendBcd(sb, d[at + 6]);
                    AppendBcd(sb, d[at + 5]);
                    sb.Append('-');
                    AppendBcd(sb, d[at + 4]);
                    sb.Append('-');
                    AppendBcd(sb, d[at + 3]);
                    sb.Append('T');
                    AppendBcd(sb, d[at + 2]);
                    sb.Append(':');
                    AppendBcd(sb, d[at + 1]);
                    sb.Append(':');
                    AppendBcd(sb, d[at]);
                    sb.Append('"');
                    return;
            }
            sb.Append("null");
        }

        private static void AppendDate(StringBuilder sb, int year, int month, int day)
        {
            AppendPadded(sb, year, 4);
            sb.Append('-');
            AppendPadded(sb, month, 2);
            sb.Append('-');
            AppendPadded(sb, day, 2);
        }

        private static void AppendPadded(StringBuilder sb, int value, int digits)
        {
            int pow = 1;
            for (int i = 1; i < digits; i++) pow *= 10;
            while (pow > 1 && value < pow) { sb.Append('0'); pow /= 10; }
            sb.Append(value);
        }

        private static void AppendBcd(StringBuilder sb, byte b)
        {
            // A nibble above 9 is not BCD; it is printed as its hex digit rather than hidden.
            sb.Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
        }

        private static void AppendHex(StringBuilder sb, ulong value, int digits)
        {
            sb.Append("\"0x");
            for (int i = digits - 1; i >= 0; i--) sb.Append(Hex[(int)((value >> (i * 4)) & 0xF)]);
            sb.Append('"');
        }

        private static void AppendTime(StringBuilder sb, string time, long ms)
        {
            if (time != null) { sb.Append(time); return; }
            AppendUnits(sb, ms, 3);
        }

        private static void AppendChar(StringBuilder sb, char c)
        {
            if (c == '"' || c == '\\') { sb.Append('\\').Append(c); return; }
            if (c < 0x20 || c > 0x7E)
            {
                sb.Append("\\u").Append(Hex[(c >> 12) & 0xF]).Append(Hex[(c >> 8) & 0xF]).Append(Hex[(c >> 4) & 0xF]).Append(Hex[c & 0xF]);
                return;
            }
            sb.Append(c);
        }

        private static void Key(StringBuilder sb, string key)
        {
            sb.Append(",\"").Append(key).Append("\":");
        }
    }
}
