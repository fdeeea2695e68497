using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Station.CanTool;
using Xunit;

namespace Station.Can.Tests;

/// <summary>The CAN log tool's decode command, in process (the same code path as the executable).</summary>
public class CanToolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cantool").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private (int Code, string[] Lines, string Err) Decode(string content, params string[] extra)
    {
        string path = Path.Combine(_dir, "log.txt");
        File.WriteAllText(path, content);
        return DecodeFile(path, extra);
    }

    private static (int Code, string[] Lines, string Err) DecodeFile(string path, params string[] extra)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(new[] { "decode", path }.Concat(extra).ToArray(), o, e);
        return (code, o.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), e.ToString());
    }

    private const string Session =
        "(1700000000.100000) can0 1826F456#010100\n" +
        "(1700000000.110000) can0 182756F4#A510\n" +
        "(1700000000.200000) can0 1CEC56F4#10090002FF001100\n" +
        "(1700000000.201000) can0 1CECF456#110201FFFF001100\n" +
        "(1700000000.202000) can0 1CEB56F4#01C50EA00F4C614D\n" +
        "(1700000000.203000) can0 1CEB56F4#020000FFFFFFFFFF\n" +
        "(1700000000.204000) can0 1CECF456#13090002FF001100\n" +
        "(1700000000.210000) can0 0CF00400#FFFFFF0000FFFFFF\n";

    [Fact]
    public void Decode_prints_one_json_line_per_message_then_counts()
    {
        var (code, lines, err) = Decode(Session);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal(4, lines.Length);
        var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal("CHM", docs[0].GetProperty("msg").GetString());
        Assert.Equal("1700000000.100000", docs[0].GetProperty("t").GetRawText());
        Assert.Equal("0x56", docs[0].GetProperty("sa").GetString());
        var bcs = docs[2];
        Assert.Equal("BCS", bcs.GetProperty("msg").GetString());
        Assert.Equal("1700000000.203000", bcs.GetProperty("t").GetRawText()); // the last DT, not the ACK
        Assert.Equal("0xF4", bcs.GetProperty("sa").GetString());
        Assert.Equal(378.1, bcs.GetProperty("voltage_v").GetDouble());
        Assert.Equal(3.32, bcs.GetProperty("max_cell_v").GetDouble());
        Assert.Equal(6, bcs.GetProperty("max_cell_group").GetInt32());
        Assert.Equal(77, bcs.GetProperty("soc_pct").GetInt32());
        var counts = docs[3].GetProperty("counts");
        Assert.Equal(8, counts.GetProperty("frames").GetInt32());
        Assert.Equal(3, counts.GetProperty("messages").GetInt32());
        Assert.Equal(1, counts.GetProperty("ignored").GetInt32());
        Assert.Equal(0, counts.GetProperty("dropped").GetInt32());
    }

    [Fact]
    public void Dropped_sessions_and_bad_lines_are_reported_and_the_exit_code_stays_0()
    {
        string log = Session.Replace("1CEB56F4#020000FFFFFFFFFF", "1CEB56F4#030000FFFFFFFFFF") +
                     "this is not a frame\n" +
                     "(1700000001.000000) can0 181056F4#A510\n" +
                     "(1700000001.100000) can0 1CEC56F4#10310007FF000200\n";
        var (code, lines, _) = Decode(log);
        Assert.Equal(0, code);
        var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var dropped = docs.Where(d => d.TryGetProperty("dropped", out _)).Select(d => d.GetProperty("dropped").GetString()).ToArray();
        Assert.Equal(new[] { "wrong_sequence", "bad_log_line", "short_frame", "unfinished" }, dropped);
        Assert.Equal(9, docs.Single(d => d.TryGetProperty("line", out _)).GetProperty("line").GetInt32());
        Assert.DoesNotContain(docs, d => d.TryGetProperty("msg", out var m) && m.GetString() == "BCS" && !d.TryGetProperty("dropped", out _));
        var counts = docs.Last().GetProperty("counts");
        Assert.Equal(4, counts.GetProperty("dropped").GetInt32());
        // the ACK after the broken session stays with it: RTS, CTS, DT1, DT3, ACK, plus the short frame and the open RTS
        Assert.Equal(7, counts.GetProperty("dropped_frames").GetInt32());
        Assert.Equal(1, counts.GetProperty("by_reason").GetProperty("wrong_sequence").GetInt32());
    }

    [Fact]
    public void Every_frame_lands_in_exactly_one_bucket_and_stray_data_packets_get_their_own_line()
    {
        string log =
            // two stray data packets BMS -> station with no session
            "(1700000000.000000) can0 1CEB56F4#01C50EA00F4C614D\n" +
            "(1700000000.001000) can0 1CEB56F4#020000FFFFFFFFFF\n" +
            // unrelated traffic: an engine controller, a TP.DT between two other nodes, a standard id
            "(1700000000.002000) can0 0CF00400#FFFFFF0000FFFFFF\n" +
            "(1700000000.003000) can0 1CEB2001#0102030405060708\n" +
            "(1700000000.004000) can0 123#00\n" +
            // CHM and BHM single frames, a complete transported BCS (RTS, CTS, 2 DT, ACK), an engine frame
            Session.Substring(Session.IndexOf("(1700000000.100000)")) +
            // a broken session: RTS, CTS, a data packet out of sequence, then its late packet (no second report)
            "(1700000002.000000) can0 1CEC56F4#10090002FF001100\n" +
            "(1700000002.001000) can0 1CECF456#110201FFFF001100\n" +
            "(1700000002.002000) can0 1CEB56F4#020000FFFFFFFFFF\n" +
            "(1700000002.003000) can0 1CEB56F4#01C50EA00F4C614D\n";
        int frames = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var (code, lines, _) = Decode(log);
        Assert.Equal(0, code);
        var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var dropped = docs.Where(d => d.TryGetProperty("dropped", out var v) && v.ValueKind == JsonValueKind.String)
                          .Select(d => d.GetProperty("dropped").GetString()).ToArray();
        Assert.Equal(new[] { "no_session", "no_session", "wrong_sequence" }, dropped);
        var counts = docs.Last().GetProperty("counts");
        long Get(string name) => counts.GetProperty(name).GetInt64();
        Assert.Equal(frames, Get("lines"));
        Assert.Equal(frames, Get("frames"));
        Assert.Equal(Get("frames"), Get("message_frames") + Get("ignored") + Get("dropped_frames"));
        // CHM, BHM and the 5 frames of the BCS session
        Assert.Equal(7, Get("message_frames"));
        Assert.Equal(3 + 1, Get("ignored")); // the three unrelated frames and the engine frame of Session
        // 2 stray DTs, the broken session's 3 frames, its late packet
        Assert.Equal(6, Get("dropped_frames"));
        Assert.Equal(3, Get("dropped"));
        Assert.Equal(3, Get("messages"));
    }

    [Fact]
    public void Unreadable_files_give_a_clear_message_and_a_non_zero_exit()
    {
        var (code, lines, err) = DecodeFile(Path.Combine(_dir, "missing.log"));
        Assert.Equal(1, code);
        Assert.Empty(lines);
        Assert.Contains("cannot read", err);
        Assert.Contains("missing.log", err);
        (code, _, err) = DecodeFile(_dir);
        Assert.Equal(1, code);
        Assert.Contains("directory", err);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        var e = new StringWriter();
        Assert.Equal(2, Program.Run(Array.Empty<string>(), new StringWriter(), e));
        Assert.Contains("Required command was not provided", e.ToString());
        Assert.Contains("try Station.CanTool --help", e.ToString());
        Assert.Equal(2, Program.Run(new[] { "frobnicate" }, new StringWriter(), new StringWriter()));
        Assert.Equal(2, Program.Run(new[] { "decode", "x", "--bms", "ZZ" }, new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Bms_option_adds_addresses()
    {
        string log = "(1.000000) can0 181056F5#A510D80E02\n";
        Assert.Single(Decode(log).Lines);
        var lines = Decode(log, "--bms", "F5").Lines;
        Assert.Equal(2, lines.Length);
        Assert.Equal("0xF5", JsonDocument.Parse(lines[0]).RootElement.GetProperty("sa").GetString());
    }

    [Fact]
    public void Hostile_files_binary_huge_lines_and_nul_bytes_never_crash()
    {
        string path = Path.Combine(_dir, "hostile.bin");
        var r = new Random(5);
        using (var f = File.Create(path))
        {
            var junk = new byte[200_000];
            r.NextBytes(junk);
            f.Write(junk);
            f.WriteByte((byte)'\n');
            var huge = Encoding.ASCII.GetBytes("(1.0) can0 1826F456#" + new string('A', 5_000_000));
            f.Write(huge);
            f.WriteByte((byte)'\n');
            f.Write(new byte[10_000]); // NUL bytes, no newline at the end
            f.Write(Encoding.ASCII.GetBytes("\n(2.000000) can0 181056F4#A510D80E02"));
        }
        var (code, lines, err) = DecodeFile(path);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Contains(docs, d => d.TryGetProperty("detail", out var x) && x.GetString()!.StartsWith("line longer than"));
        Assert.Contains(docs, d => d.TryGetProperty("msg", out var m) && m.GetString() == "BCL");
        Assert.True(docs.Last().GetProperty("counts").GetProperty("dropped").GetInt32() >= 3);
    }
}
