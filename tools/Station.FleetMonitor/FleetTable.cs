using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Station.FleetMonitor
{
    /// <summary>The monitor's model: every message from <c>stations/{id}/…</c> updates that station's row. Records are
    /// checked for gaps and repeats in their sequence number (a gap = a lost record, a repeat = a duplicate).</summary>
    public sealed class FleetTable
    {
        readonly object _gate = new object();
        readonly SortedDictionary<string, FleetRow> _rows = new SortedDictionary<string, FleetRow>(StringComparer.Ordinal);
        readonly Dictionary<string, HashSet<long>> _seen = new Dictionary<string, HashSet<long>>();
        /// <summary>Messages taken.</summary>
        public long Messages;
        /// <summary>Messages that were not valid JSON or lacked the envelope.</summary>
        public long Malformed;

        /// <summary>Takes one message.</summary>
        public void Take(string topic, byte[] payload, DateTime nowUtc)
        {
            string[] parts = topic.Split('/');
            if (parts.Length != 3 || parts[0] != "stations") return;
            string id = parts[1], kind = parts[2];
            JsonElement j;
            try { j = JsonDocument.Parse(payload).RootElement.Clone(); }
            catch (JsonException) { lock (_gate) Malformed++; return; }
            if (j.ValueKind != JsonValueKind.Object) { lock (_gate) Malformed++; return; }
            lock (_gate)
            {
                Messages++;
                if (!_rows.TryGetValue(id, out var row)) _rows[id] = row = new FleetRow { Station = id };
                row.LastSeenUtc = nowUtc;
                string type = Str(j, "type");
                switch (kind)
                {
                    case "state":
                        if (type == "death") { row.Online = false; row.State = "offline"; }
                        else
                        {
                            row.Online = true;
                            if (type == "birth") row.Births++;
                            row.State = Str(j, "state") ?? row.State;
                            if (j.TryGetProperty("swapsToday", out var st) && st.ValueKind == JsonValueKind.Number) row.SwapsToday = st.GetInt32();
                        }
                        if (j.TryGetProperty("bdSeq", out var bd) && bd.ValueKind == JsonValueKind.Number) row.BdSeq = bd.GetInt64();
                        break;
                    case "telemetry":
                        // Samples kept while offline are journaled records and share the record counter.
                        if (j.TryGetProperty("offline", out var off) && off.ValueKind == JsonValueKind.True) Record(row, j);
                        row.State = Str(j, "state") ?? row.State;
                        if (j.TryGetProperty("swapsToday", out var s2) && s2.ValueKind == JsonValueKind.Number) row.SwapsToday = s2.GetInt32();
                        if (j.TryGetProperty("lastFault", out var lf) && lf.ValueKind == JsonValueKind.Number && lf.GetInt32() != 0)
                            row.LastFault = lf.GetInt32() + " " + Str(j, "lastFaultName");
                        break;
                    case "faults":
                        if (type == "fault.raised") row.LastFault = Str(j, "code") + " " + Str(j, "name");
                        Record(row, j);
                        break;
                    case "events":
                        if (Record(row, j) && type == "swap.completed") row.SwapsToday++;
                        break;
                    case "audit":
                        Record(row, j);
                        break;
                    case "reply":
                        row.LastReply = ReplyText(j);
                        row.LastReplyUtc = nowUtc;
                        break;
                }
            }
        }

        // True for a record not seen before.
        bool Record(FleetRow row, JsonElement j)
        {
            if (!j.TryGetProperty("seq", out var s) || s.ValueKind != JsonValueKind.Number) return true;
            long seq = s.GetInt64();
            if (!_seen.TryGetValue(row.Station, out var set)) _seen[row.Station] = set = new HashSet<long>();
            if (!set.Add(seq)) { row.Duplicates++; return false; }
            if (row.LastRecordSeq >= 0 && seq > row.LastRecordSeq + 1) row.RecordGaps += (int)(seq - row.LastRecordSeq - 1);
            if (seq > row.LastRecordSeq) row.LastRecordSeq = seq;
            return true;
        }

        // "swap.authorize accepted" or "swap.authorize rejected: unsafe_state (light curtain interrupted)"; any member
        // may be missing or of the wrong type in a hostile reply, which then reads "?" rather than failing.
        static string ReplyText(JsonElement j)
        {
            string cmd = Str(j, "cmd") ?? "?";
            bool ok = j.TryGetProperty("ok", out var o) && o.ValueKind == JsonValueKind.True;
            if (ok) return cmd + " accepted";
            string text = cmd + " rejected: " + (Str(j, "reason") ?? "?");
            string msg = Str(j, "msg");
            return string.IsNullOrEmpty(msg) ? text : text + " (" + msg + ")";
        }

        static string Str(JsonElement j, string name) =>
            j.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()) : null;

        /// <summary>A copy of the rows, by station id.</summary>
        public FleetRow[] Rows { get { lock (_gate) return _rows.Values.Select(r => (FleetRow)r.MemberwiseCloneRow()).ToArray(); } }

        /// <summary>The table as text: one line per station (at most <paramref name="maxRows"/>), then totals.</summary>
        public string Render(int maxRows = 40)
        {
            var rows = Rows;
            var sb = new StringBuilder();
            sb.AppendLine($"{"station",-20} {"state",-14} {"swaps",6} {"last fault",-26} {"link",-8} {"bdSeq",6} {"gaps",5} {"dups",5}");
            foreach (var r in rows.Take(maxRows))
                sb.AppendLine($"{Cut(r.Station, 20),-20} {Cut(r.State, 14),-14} {r.SwapsToday,6} {Cut(r.LastFault, 26),-26} {(r.Online ? "online" : "OFFLINE"),-8} {r.BdSeq,6} {r.RecordGaps,5} {r.Duplicates,5}");
            if (rows.Length > maxRows) sb.AppendLine($"… {rows.Length - maxRows} more");
            // Replies to the commands typed in watch mode, newest first, so an operator sees what became of them.
            var replies = rows.Where(r => r.LastReply != null).OrderByDescending(r => r.LastReplyUtc).Take(5).ToArray();
            if (replies.Length > 0)
            {
                sb.AppendLine("last replies:");
                foreach (var r in replies) sb.AppendLine($"  {r.LastReplyUtc:HH:mm:ss} {Clean(r.Station, 32)}: {Clean(r.LastReply, 100)}");
            }
            sb.Append($"{rows.Length} stations, {rows.Count(r => r.Online)} online, {rows.Sum(r => r.SwapsToday)} swaps today, {rows.Count(r => r.LastFault != "-")} with faults, {rows.Sum(r => r.RecordGaps)} record gaps; {Messages} messages");
            return sb.ToString();
        }

        // A reply's text comes from the network: no control characters (terminal escapes) reach the screen.
        internal static string Clean(string s, int n)
        {
            var sb = new StringBuilder(s.Length);
            foreach (char c in s) sb.Append(char.IsControl(c) ? '?' : c);
            return Cut(sb.ToString(), n);
        }

        static string Cut(string s, int n) => s == null ? "" : s.Length <= n ? s : s.Substring(0, n - 1) + "…";
    }

    static class RowCopy
    {
        public static FleetRow MemberwiseCloneRow(this FleetRow r) => new FleetRow
        {
            Station = r.Station, State = r.State, SwapsToday = r.SwapsToday, LastFault = r.LastFault, Online = r.Online,
            BdSeq = r.BdSeq, Births = r.Births, LastRecordSeq = r.LastRecordSeq, RecordGaps = r.RecordGaps,
            Duplicates = r.Duplicates, LastSeenUtc = r.LastSeenUtc, LastReply = r.LastReply, LastReplyUtc = r.LastReplyUtc,
        };
    }
}
