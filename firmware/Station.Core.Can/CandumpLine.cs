using System.Text;
using Station.Hal;

namespace Station.Core.Can
{
    /// <summary>can-utils <c>candump -l</c> log lines: <c>(1700000000.123456) can0 1826F456#0102030405060708</c>.</summary>
    /// <remarks>
    /// A 3-hex-digit id is an 11-bit frame, an 8-hex-digit id a 29-bit frame (as candump writes them). Data is 0..8 bytes
    /// of two hex digits. Remote frames (<c>#R</c>) and CAN FD frames (<c>##</c>) are refused with a reason; an optional
    /// trailing direction flag (<c> R</c>/<c> T</c>, newer candump) is accepted. Parsing allocates nothing; the reasons are
    /// constant strings.
    /// </remarks>
    public static class CandumpLine
    {
        private const string Hex = "0123456789ABCDEF";

        /// <summary>Parses one line. On success fills <paramref name="frame"/> and the timestamp in microseconds, and
        /// returns null; otherwise returns why the line is not a frame.</summary>
        public static string TryParse(string line, ref CanFrame frame, out long micros, out int timeStart, out int timeLength)
        {
            micros = 0;
            timeStart = 0;
            timeLength = 0;
            if (line == null) return "empty line";
            int n = line.Length;
            int i = 0;
            while (i < n && (line[i] == ' ' || line[i] == '\t')) i++;
            if (i >= n || line[i] != '(') return "no '(' timestamp";
            i++;
            timeStart = i;
            long seconds = 0;
            int digits = 0;
            while (i < n && IsDigit(line[i]))
            {
                if (++digits > 12) return "timestamp too large";
                seconds = seconds * 10 + (line[i] - '0');
                i++;
            }
            if (digits == 0 || i >= n || line[i] != '.') return "bad timestamp";
            i++;
            long fraction = 0;
            int fracDigits = 0;
            while (i < n && IsDigit(line[i]))
            {
                if (++fracDigits > 9) return "bad timestamp";
                fraction = fraction * 10 + (line[i] - '0');
                i++;
            }
            if (fracDigits == 0 || i >= n || line[i] != ')') return "bad timestamp";
            timeLength = i - timeStart;
            for (int k = fracDigits; k < 6; k++) fraction *= 10;
            for (int k = 6; k < fracDigits; k++) fraction /= 10;
            micros = seconds * 1000000 + fraction;
            i++;
            if (i >= n || line[i] != ' ') return "no interface";
            while (i < n && line[i] == ' ') i++;
            int ifaceStart = i;
            while (i < n && line[i] != ' ') i++;
            if (i == ifaceStart || i >= n) return "no interface";
            while (i < n && line[i] == ' ') i++;
            int idStart = i;
            uint id = 0;
            while (i < n && line[i] != '#')
            {
                int h = HexValue(line[i]);
                if (h < 0) return "bad identifier";
                if (i - idStart >= 8) return "bad identifier";
                id = (id << 4) | (uint)h;
                i++;
            }
            int idLength = i - idStart;
            if (i >= n) return "no '#'";
            if (idLength == 3) { if (id > 0x7FF) return "bad identifier"; frame.Extended = false; }
            else if (idLength == 8) { if (id > 0x1FFFFFFF) return "bad identifier"; frame.Extended = true; }
            else return "bad identifier";
            i++;
            if (i < n && line[i] == '#') return "CAN FD frame";
            if (i < n && (line[i] == 'R' || line[i] == 'r')) return "remote frame";
            ulong data = 0;
            int length = 0;
            while (i < n && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            {
                if (i + 1 >= n) return "odd number of data digits";
                int hi = HexValue(line[i]);
                int lo = HexValue(line[i + 1]);
                if (hi < 0 || lo < 0) return "bad data";
                if (length >= 8) return "more than 8 data bytes";
                data |= (ulong)(uint)((hi << 4) | lo) << (length * 8);
                length++;
                i += 2;
            }
            while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) i++;
            if (i < n && (line[i] == 'R' || line[i] == 'T')) i++;
            while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) i++;
            if (i != n) return "trailing text";
            frame.Id = id;
            frame.Length = (byte)length;
            frame.Data = data;
            return null;
        }

        /// <summary>Appends one candump line (without newline) for <paramref name="frame"/> at <paramref name="micros"/>.</summary>
        public static void Append(StringBuilder sb, long micros, string iface, ref CanFrame frame)
        {
            if (micros < 0) micros = 0;
            sb.Append('(').Append(micros / 1000000).Append('.');
            long frac = micros % 1000000;
            for (long p = 100000; p > 0; p /= 10)
            {
                sb.Append((char)('0' + (int)(frac / p)));
                frac %= p;
            }
            sb.Append(") ").Append(iface).Append(' ');
            int idDigits = frame.Extended ? 8 : 3;
            uint id = frame.Extended ? frame.Id & 0x1FFFFFFF : frame.Id & 0x7FF;
            for (int k = idDigits - 1; k >= 0; k--) sb.Append(Hex[(int)((id >> (k * 4)) & 0xF)]);
            sb.Append('#');
            int length = frame.Length > 8 ? 8 : frame.Length;
            for (int k = 0; k < length; k++)
            {
                int b = frame[k];
                sb.Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1;
        }
    }
}
