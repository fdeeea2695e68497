using System.IO;
using System.Linq;
using System.Text.Json;
using Station.CanTool;
using Xunit;

namespace Station.Can.Tests;

/// <summary>CanTool record and replay: the simulator writes its CAN traffic; the simulated bay then talks to the
/// recorded pack instead of a simulated one.</summary>
public class ReplayRecordTests : System.IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("replay").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static JsonElement LastJson(StringWriter o) =>
        JsonDocument.Parse(o.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Last()).RootElement;

    [Theory]
    [InlineData(null, 1, "None", true)]
    [InlineData("insulation", 0, "PackInsulationFault", false)]
    public void A_recorded_pack_replayed_into_the_simulated_bay_gets_the_same_verdict(string fault, int completed, string latched, bool verified)
    {
        string log = Path.Combine(_dir, "rec.log");
        var args = fault == null ? new[] { "record", log } : new[] { "record", log, "--bms-fault", fault };
        var o = new StringWriter();
        Assert.Equal(0, Program.Run(args, o, new StringWriter()));
        Assert.Equal(latched, LastJson(o).GetProperty("latched_fault").GetString());
        o = new StringWriter();
        Assert.Equal(0, Program.Run(new[] { "replay", log, "--quiet" }, o, new StringWriter()));
        var r = LastJson(o).GetProperty("replay");
        Assert.Equal("PK0001", r.GetProperty("recorded_serial").GetString());
        Assert.Equal("PK0001", r.GetProperty("reported_serial").GetString());
        Assert.Equal(completed, r.GetProperty("swaps_completed").GetInt32());
        Assert.Equal(latched, r.GetProperty("latched_fault").GetString());
        Assert.Equal(verified, r.GetProperty("bms_verified").GetBoolean());
        Assert.Equal(r.GetProperty("frames").GetInt32(), r.GetProperty("played").GetInt32());
    }

    [Fact]
    public void Replaying_a_log_without_a_pack_holds_the_vehicle_with_bms_no_answer()
    {
        // Only the station's own frame: a real log, but no BMS ever answered in it.
        string log = Path.Combine(_dir, "nopack.log");
        File.WriteAllText(log, "(1.000000) can0 1826F456#010100\nnot a frame\n");
        var o = new StringWriter();
        Assert.Equal(0, Program.Run(new[] { "replay", log, "--quiet" }, o, new StringWriter()));
        var r = LastJson(o).GetProperty("replay");
        Assert.Equal(1, r.GetProperty("bad_lines").GetInt32());
        Assert.Equal("BmsNoAnswer", r.GetProperty("latched_fault").GetString());
    }

    [Fact]
    public void Record_and_replay_report_unwritable_and_unreadable_files()
    {
        var e = new StringWriter();
        Assert.Equal(1, Program.Run(new[] { "record", Path.Combine(_dir, "no", "such", "dir.log") }, new StringWriter(), e));
        Assert.Contains("cannot write", e.ToString());
        e = new StringWriter();
        Assert.Equal(1, Program.Run(new[] { "replay", Path.Combine(_dir, "missing.log") }, new StringWriter(), e));
        Assert.Contains("cannot read", e.ToString());
        Assert.Equal(2, Program.Run(new[] { "record", "x", "--bms-fault", "gremlins" }, new StringWriter(), new StringWriter()));
    }
}
