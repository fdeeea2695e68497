using System;
using System.IO;
using System.IO.Pipes;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Station.CanTool;
using Station.Core.Can;
using Xunit;

namespace Station.Can.Tests;

/// <summary>The CAN tool as a user meets it: --help, the log formats people have, live input from a pipe, remote
/// frames, empty and binary files, replay of garbage, hex addresses and the DBC export.</summary>
public class CanToolCommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cantool-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    // CHM from the station, then a BCS over BAM-less CMDT (the same session as CanToolTests) in three formats.
    private static readonly (string Id, string Data)[] Frames =
    {
        ("1826F456", "010100"), ("182756F4", "A510"), ("1CEC56F4", "10090002FF001100"), ("1CECF456", "110201FFFF001100"),
        ("1CEB56F4", "01C50EA00F4C614D"), ("1CEB56F4", "020000FFFFFFFFFF"), ("1CECF456", "13090002FF001100"),
    };

    private static string CandumpL() => string.Concat(Frames.Select((f, i) => $"(1700000000.{100000 + i * 1000:000000}) can0 {f.Id}#{f.Data}\n"));
    private static string Spaced(string hex) => string.Join(" ", Enumerable.Range(0, hex.Length / 2).Select(k => hex.Substring(k * 2, 2)));
    private static string CandumpScreen() => string.Concat(Frames.Select((f, i) => $" (1700000000.{100000 + i * 1000:000000})  can0  {f.Id}   [{f.Data.Length / 2}]  {Spaced(f.Data)}\n"));
    private static string Asc() => "date Sun Dec 6 10:00:00.000 am 2026\nbase hex  timestamps absolute\nno internal events logged\nBegin Triggerblock Sun Dec 6 10:00:00.000 am 2026\n"
        + string.Concat(Frames.Select((f, i) => $"   {0.1 + i * 0.001:0.000000} 1  {f.Id}x       Rx   d {f.Data.Length / 2} {Spaced(f.Data)}\n")) + "End TriggerBlock\n";

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private string File(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static string[] Messages(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => JsonDocument.Parse(l).RootElement).Where(j => j.TryGetProperty("msg", out _))
        .Select(j => Regex.Replace(j.GetRawText(), "\"t\":[0-9.]+,", "")).ToArray();

    [Fact]
    public void Help_lists_the_commands_and_exits_0()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (var c in new[] { "decode", "record", "replay", "dbc" }) Assert.Contains(c, output);
        (code, output, _) = Run("decode", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--bms", output);
    }

    [Fact]
    public void The_default_candump_format_and_vector_asc_decode_like_candump_l()
    {
        var (code, l, err) = Run("decode", File("l.log", CandumpL()));
        Assert.True(code == 0, err);
        string[] expected = Messages(l);
        Assert.Contains(expected, m => m.Contains("\"msg\":\"BCS\""));
        var screen = Run("decode", File("screen.log", CandumpScreen()));
        Assert.Equal(0, screen.Code);
        Assert.Equal(expected, Messages(screen.Out));
        var asc = Run("decode", File("log.asc", Asc()));
        Assert.Equal(0, asc.Code);
        Assert.Equal(expected, Messages(asc.Out));
        Assert.DoesNotContain("bad_log_line", asc.Out); // the ASC header lines are understood, not rejected
    }

    [Fact]
    public void Addresses_and_pgns_print_as_hex_and_bms_takes_0x_or_plain_hex()
    {
        string bcp = "(1.000000) can0 1CEC56F5#100D0002FF000600\n(1.001000) can0 1CEB56F5#01C50E00000000E0\n(1.002000) can0 1CEB56F5#021501EE027D0F00\n";
        foreach (string form in new[] { "F5", "0xF5", "0XF5,F6" })
        {
            var (code, output, err) = Run("decode", File("bcp.log", bcp), "--bms", form);
            Assert.True(code == 0, form + ": " + err);
            var bcpLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).First(j => j.TryGetProperty("msg", out var m) && m.GetString() == "BCP");
            Assert.Equal("0xF5", bcpLine.GetProperty("sa").GetString());
            Assert.Equal("0x56", bcpLine.GetProperty("da").GetString());
        }
        var bad = Run("decode", File("bcp.log", bcp), "--bms", "G5");
        Assert.Equal(2, bad.Code);
        Assert.Contains("--bms wants hex addresses like F5 or 0xF5", bad.Err);
        var drop = Run("decode", File("drop.log", "(1.000000) can0 181056F4#A510\n"));
        Assert.Contains("\"pgn\":\"0x1000\"", drop.Out);
    }

    [Fact]
    public void A_remote_frame_is_a_frame_not_a_bad_line()
    {
        var (code, output, err) = Run("decode", File("r.log", "(1.000000) can0 123#R\n(1.001000) can0 1826F456#010100\n  can0  123   [0]  remote request\n"));
        Assert.True(code == 0, err);
        Assert.DoesNotContain("bad_log_line", output);
        var counts = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last()).RootElement.GetProperty("counts");
        Assert.Equal(2, counts.GetProperty("remote_frames").GetInt32());
    }

    [Fact]
    public void An_empty_or_binary_file_is_an_error_with_a_reason()
    {
        var empty = Run("decode", File("empty.log", ""));
        Assert.Equal(1, empty.Code);
        Assert.Contains("is empty", empty.Err);
        string bin = Path.Combine(_dir, "bin.log");
        var bytes = new byte[5000];
        new Random(3).NextBytes(bytes);
        System.IO.File.WriteAllBytes(bin, bytes);
        var binary = Run("decode", bin);
        Assert.Equal(1, binary.Code);
        Assert.Contains("holds no CAN frame", binary.Err);
    }

    [Fact]
    public void Replay_of_garbage_refuses_without_running_a_swap()
    {
        var (code, output, err) = Run("replay", File("garbage.log", "hello\nthis is not candump\n"));
        Assert.Equal(1, code);
        Assert.Contains("nothing to replay", err);
        Assert.DoesNotContain("swaps_completed", output);
    }

    [Fact]
    public void Decode_of_standard_input_prints_each_message_as_it_arrives()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle);
        var output = new StringBuilder();
        var writer = new LockedWriter(output);
        int code = -1;
        var decode = new Thread(() => code = Program.Run(new[] { "decode", "-" }, writer, new StringWriter(), reader));
        decode.Start();
        var first = Encoding.ASCII.GetBytes("  can0  1826F456   [3]  01 01 00\n");
        pipe.Write(first);
        pipe.Flush();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!writer.Text.Contains("CHM") && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.Contains("\"msg\":\"CHM\"", writer.Text); // while the pipe is still open
        Assert.True(decode.IsAlive);
        pipe.Dispose();
        Assert.True(decode.Join(10000));
        Assert.Equal(0, code);
        Assert.Contains("\"counts\"", writer.Text);
    }

    private sealed class LockedWriter : TextWriter
    {
        private readonly StringBuilder _sb;
        public LockedWriter(StringBuilder sb) => _sb = sb;
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) { lock (_sb) _sb.Append(value); }
        public override void Write(string value) { lock (_sb) _sb.Append(value); }
        public string Text { get { lock (_sb) return _sb.ToString(); } }
    }

    [Fact]
    public void The_dbc_export_declares_every_profile_message_with_signals_inside_their_frames()
    {
        var (code, dbc, err) = Run("dbc", "-");
        Assert.True(code == 0, err);
        var profile = GbT27930Profile.Instance;
        var messages = Regex.Matches(dbc, @"^BO_ (\d+) (\w+): (\d+) (\w+)$", RegexOptions.Multiline);
        Assert.Equal(profile.Messages.Length, messages.Count);
        foreach (Match bo in messages)
        {
            uint id = uint.Parse(bo.Groups[1].Value);
            var m = profile.ByName(bo.Groups[2].Value);
            Assert.NotNull(m);
            Assert.Equal(0x80000000u, id & 0x80000000u);                // extended frame
            Assert.Equal(m.Pf, (int)((id >> 16) & 0xFF));
            Assert.Equal(m.Priority, (int)((id >> 26) & 7));
            Assert.Equal(m.FromBms ? 0xF4 : 0x56, (int)(id & 0xFF));    // source address
            int length = int.Parse(bo.Groups[3].Value);
            Assert.Equal(m.Length, length);
            // The signals of this message: between its BO_ line and the next blank line.
            string block = dbc.Substring(bo.Index).Split("\n\n")[0];
            var signals = Regex.Matches(block, @"^ SG_ (\w+) : (\d+)\|(\d+)@1\+ \(([-0-9.E]+),([-0-9.E]+)\) \[([-0-9.E]+)\|([-0-9.E]+)\] ""[^""]*"" (\w+)$", RegexOptions.Multiline);
            Assert.Equal(block.Split('\n').Count(l => l.StartsWith(" SG_ ")), signals.Count); // every SG_ line is well formed
            Assert.Equal(signals.Count, signals.Select(s => s.Groups[1].Value).Distinct().Count());
            foreach (Match sg in signals)
            {
                int start = int.Parse(sg.Groups[2].Value), bits = int.Parse(sg.Groups[3].Value);
                Assert.True(bits is > 0 and <= 64 && start + bits <= length * 8, $"{m.Name}.{sg.Groups[1].Value} outside the frame");
                Assert.True(sg.Groups[1].Value.Length <= 32);
            }
        }
        // One value checked against the decoder's own table: BHM's maximum charge voltage is 0.1 V per bit from byte 1.
        Assert.Matches(@"BO_ \d+ BHM: 2 BMS\n SG_ max_charge_voltage_v : 0\|16@1\+ \(0\.1,0\)", dbc);
        Assert.Contains("VAL_ ", dbc);
        Assert.Contains("BA_ \"ProtocolType\" \"J1939\";", dbc);
    }
}
