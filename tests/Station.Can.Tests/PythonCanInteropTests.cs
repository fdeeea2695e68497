using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Station.CanTool;
using Station.Core.Can;
using Station.Hal;
using Xunit;

namespace Station.Can.Tests;

/// <summary>Interoperability with python-can (Debian package python3-can, for /usr/bin/python3): python-can reads the
/// logs the tool writes, and the tool decodes logs python-can writes.</summary>
public class PythonCanInteropTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pycan").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static (int Code, string Out, string Err) Exec(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string o = p.StandardOutput.ReadToEnd();
        string e = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, o, e);
    }

    private string Python(string script, params string[] args)
    {
        const string hint = "python-can is missing: install the Debian package python3-can (apt-get install python3-can; tools/test.sh does it)";
        Assert.True(File.Exists("/usr/bin/python3"), "/usr/bin/python3 not found. " + hint);
        var probe = Exec("/usr/bin/python3", "-c", "import can");
        Assert.True(probe.Code == 0, hint + ". /usr/bin/python3 said: " + probe.Err.Trim());
        string path = Path.Combine(_dir, "script.py");
        File.WriteAllText(path, script);
        var r = Exec("/usr/bin/python3", new[] { path }.Concat(args).ToArray());
        Assert.True(r.Code == 0, "python script failed: " + r.Err);
        return r.Out;
    }

    [Fact]
    public void Python_can_reads_the_log_the_tool_records()
    {
        string log = Path.Combine(_dir, "station.log");
        Assert.Equal(0, Program.Run(new[] { "record", log }, new StringWriter(), new StringWriter()));
        string json = Python(@"
import can, json, sys
msgs = list(can.LogReader(sys.argv[1]))
print(json.dumps([{'t': m.timestamp, 'id': m.arbitration_id, 'ext': m.is_extended_id, 'data': m.data.hex(), 'ch': m.channel} for m in msgs]))
", log);
        var theirs = JsonDocument.Parse(json).RootElement.EnumerateArray().ToArray();
        var ours = File.ReadAllLines(log);
        Assert.Equal(ours.Length, theirs.Length);
        Assert.True(ours.Length > 20);
        for (int i = 0; i < ours.Length; i++)
        {
            var f = new CanFrame();
            Assert.Null(CandumpLine.TryParse(ours[i], ref f, out long us, out _, out _));
            Assert.Equal(f.Id, theirs[i].GetProperty("id").GetUInt32());
            Assert.Equal(f.Extended, theirs[i].GetProperty("ext").GetBoolean());
            string hex = string.Concat(Enumerable.Range(0, f.Length).Select(k => f[k].ToString("x2")));
            Assert.Equal(hex, theirs[i].GetProperty("data").GetString());
            Assert.Equal(us / 1e6, theirs[i].GetProperty("t").GetDouble(), 5);
            Assert.Equal("can0", theirs[i].GetProperty("ch").GetString());
        }
        Assert.Equal(0x1826F456u, theirs[0].GetProperty("id").GetUInt32()); // the station's CHM opens the exchange
    }

    [Fact]
    public void The_tool_decodes_a_log_python_can_writes()
    {
        string log = Path.Combine(_dir, "pycan.log");
        Python(@"
import can, sys
t = [1700000000.0]
w = can.Logger(sys.argv[1])
def send(i, data, ext=True):
    t[0] += 0.005
    w.on_message_received(can.Message(timestamp=t[0], arbitration_id=i, is_extended_id=ext, data=bytes(data), channel='can0'))
send(0x1826F456, [1, 1, 0])
send(0x182756F4, [0xA5, 0x10])
bcs = [0xC5, 0x0E, 0xA0, 0x0F, 0x4C, 0x61, 0x4D, 0x00, 0x00]
send(0x1CEC56F4, [16, 9, 0, 2, 0xFF, 0x00, 0x11, 0x00])
send(0x1CECF456, [17, 2, 1, 0xFF, 0xFF, 0x00, 0x11, 0x00])
send(0x1CEB56F4, [1] + bcs[0:7])
send(0x1CEB56F4, [2] + bcs[7:9] + [0xFF] * 5)
send(0x1CECF456, [19, 9, 0, 2, 0xFF, 0x00, 0x11, 0x00])
send(0x181356F4, [0x0A, 0x5B, 0x0A, 0x4A, 0x03, 0x00, 0xD1])
send(0x7DF, [2, 1, 0], ext=False)
w.stop()
", log);
        var o = new StringWriter();
        Assert.Equal(0, Program.Run(new[] { "decode", log }, o, new StringWriter()));
        var docs = o.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(new[] { "CHM", "BHM", "BCS", "BSM" }, docs.Where(d => d.TryGetProperty("msg", out _)).Select(d => d.GetProperty("msg").GetString()));
        var bcs = docs[2];
        Assert.Equal(378.1, bcs.GetProperty("voltage_v").GetDouble());
        Assert.Equal(3.32, bcs.GetProperty("max_cell_v").GetDouble());
        Assert.Equal(6, bcs.GetProperty("max_cell_group").GetInt32());
        Assert.Equal(77, bcs.GetProperty("soc_pct").GetInt32());
        Assert.Equal(1700000000.030, bcs.GetProperty("t").GetDouble(), 4); // the last DT, float-written by python
        Assert.Equal(1, docs[3].GetProperty("insulation_state").GetInt32());
        var counts = docs.Last().GetProperty("counts");
        Assert.Equal(0, counts.GetProperty("dropped").GetInt32());
        Assert.Equal(1, counts.GetProperty("ignored").GetInt32());
    }
}
