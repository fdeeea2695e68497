using System;
using System.Globalization;
using Station.Core.Can;
using Station.Hal;

namespace Station.CanTool;

/// <summary>What one log line held.</summary>
public enum LogLineKind
{
    /// <summary>A data frame.</summary>
    Frame,
    /// <summary>A remote (RTR) frame: valid on the bus, carries no data; GB/T 27930 never uses one.</summary>
    Remote,
    /// <summary>A header, comment or blank line of the format (ASC "date …", "Begin Triggerblock", "//").</summary>
    Skip,
    /// <summary>Not a frame in any format read here.</summary>
    Bad,
}

/// <summary>Reads the CAN log formats people have, one line at a time: can-utils <c>candump -l</c>
/// (<c>(1700000000.123456) can0 1826F456#0102</c>, via the core's <see cref="CandumpLine"/>), candump's default screen
/// format with or without <c>-t a|d|z</c> (<c>(1700000000.123456)  can0  1826F456   [2]  01 02</c>) and Vector ASC
/// (<c>0.012345 1  1826F456x  Rx   d 2 01 02</c>, hexadecimal base).</summary>
public sealed class LogLine
{
    private bool _ascDecimal;

    /// <summary>Parses <paramref name="line"/>. For a frame fills <paramref name="frame"/>, the time in microseconds
    /// (0 when the line has none) and its text (null when none); for <see cref="LogLineKind.Bad"/> says why.</summary>
    public LogLineKind Parse(string line, ref CanFrame frame, out long micros, out string? timeText, out string? error)
    {
        micros = 0;
        timeText = null;
        error = null;
        string t = line.Trim();
        if (t.Length == 0) return LogLineKind.Skip;
        if (t[0] == '(' && t.IndexOf('#') > 0)
        {
            error = CandumpLine.TryParse(line, ref frame, out micros, out int start, out int length);
            if (error == "remote frame") return LogLineKind.Remote;
            if (error != null) return LogLineKind.Bad;
            timeText = line.Substring(start, length);
            return LogLineKind.Frame;
        }
        string[] w = t.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        if (t.IndexOf('[') > 0 || (w.Length > 3 && w[2].StartsWith('['))) return Screen(w, ref frame, ref micros, ref timeText, ref error);
        if (double.TryParse(w[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && w.Length >= 5)
            return Asc(w, seconds, ref frame, ref micros, ref timeText, ref error);
        if (t.StartsWith("//") || t.StartsWith("date ") || t.StartsWith("base ") || t.Contains("internal events")
            || t.StartsWith("Begin Triggerblock", StringComparison.OrdinalIgnoreCase) || t.StartsWith("End Triggerblock", StringComparison.OrdinalIgnoreCase)
            || t.Contains("Start of measurement"))
        {
            if (t.StartsWith("base ")) _ascDecimal = w.Length > 1 && w[1] == "dec";
            return LogLineKind.Skip;
        }
        error = "not a frame in candump -l, candump or ASC format";
        return LogLineKind.Bad;
    }

    // candump's default output: [(time)] iface id [dlc] bytes…  or  … [dlc] remote request
    private static LogLineKind Screen(string[] w, ref CanFrame frame, ref long micros, ref string? timeText, ref string? error)
    {
        int i = 0;
        if (w[0].StartsWith('('))
        {
            string inner = w[0].Trim('(', ')');
            if (!decimal.TryParse(inner, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal s)) { error = "bad timestamp"; return LogLineKind.Bad; }
            micros = (long)(s * 1000000);
            timeText = inner;
            i = 1;
        }
        if (w.Length < i + 3) { error = "too few fields"; return LogLineKind.Bad; }
        string id = w[i + 1];
        if (!TryId(id, id.Length == 8, ref frame)) { error = "bad identifier"; return LogLineKind.Bad; }
        string dlcText = w[i + 2];
        if (dlcText.Length < 3 || dlcText[0] != '[' || dlcText[^1] != ']' || !int.TryParse(dlcText.AsSpan(1, dlcText.Length - 2), out int dlc) || dlc < 0 || dlc > 8)
        {
            error = "bad length (CAN FD is not read)";
            return LogLineKind.Bad;
        }
        if (w.Length > i + 3 && w[i + 3] == "remote") return LogLineKind.Remote;
        return Bytes(w, i + 3, dlc, ref frame, ref error, allowTrailing: true);
    }

    // Vector ASC: time channel id[x] Rx|Tx d|r dlc bytes… [trailing fields]
    private LogLineKind Asc(string[] w, double seconds, ref CanFrame frame, ref long micros, ref string? timeText, ref string? error)
    {
        micros = (long)Math.Round(seconds * 1000000);
        timeText = w[0];
        string id = w[2];
        bool extended = id.EndsWith('x') || id.EndsWith('X');
        if (extended) id = id.Substring(0, id.Length - 1);
        if (_ascDecimal)
        {
            if (!uint.TryParse(id, out uint v)) { error = "bad identifier"; return LogLineKind.Bad; }
            id = v.ToString(extended ? "X8" : "X3");
        }
        if (w[1] == "CANFD" || !TryId(id, extended, ref frame)) { error = "not a classic CAN frame line"; return LogLineKind.Bad; }
        if (w[3] != "Rx" && w[3] != "Tx") { error = "no Rx/Tx direction"; return LogLineKind.Bad; }
        if (w[4] == "r" || w[4] == "R") return LogLineKind.Remote;
        if (w[4] != "d" || w.Length < 6 || !int.TryParse(w[5], out int dlc) || dlc < 0 || dlc > 8) { error = "bad length"; return LogLineKind.Bad; }
        return Bytes(w, 6, dlc, ref frame, ref error, allowTrailing: true);
    }

    private static bool TryId(string text, bool extended, ref CanFrame frame)
    {
        if (text.Length == 0 || text.Length > 8 || !uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint id)) return false;
        if (!extended && id > 0x7FF) extended = true; // an ASC id without 'x' but past 11 bits
        if (extended && id > 0x1FFFFFFF) return false;
        frame.Id = id;
        frame.Extended = extended;
        return true;
    }

    private static LogLineKind Bytes(string[] w, int from, int dlc, ref CanFrame frame, ref string? error, bool allowTrailing)
    {
        if (w.Length < from + dlc) { error = "fewer data bytes than the length says"; return LogLineKind.Bad; }
        ulong data = 0;
        for (int k = 0; k < dlc; k++)
        {
            string b = w[from + k];
            if (b.Length != 2 || !byte.TryParse(b, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte v)) { error = "bad data"; return LogLineKind.Bad; }
            data |= (ulong)v << (k * 8);
        }
        if (!allowTrailing && w.Length > from + dlc) { error = "trailing text"; return LogLineKind.Bad; }
        frame.Length = (byte)dlc;
        frame.Data = data;
        return LogLineKind.Frame;
    }
}
