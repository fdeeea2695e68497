using System.Collections.Generic;
using System.IO;
using System.Linq;
using Station.Core;
using Station.Hal.Sim;
using Station.Simulator;
using Xunit;

namespace Station.Can.Tests;

/// <summary>Whole simulated swaps (the real StationController on the simulated bay) going through the real GB/T
/// session and BMS release gate on the virtual CAN bus.</summary>
public class SimulatedSwapTests
{
    private static BayRun Run(params ScenarioEvent[] events)
    {
        var run = new BayRun(new PlantParameters(), 1, 0, events.ToList());
        run.Run();
        return run;
    }

    [Fact]
    public void A_healthy_pack_passes_the_bms_gate_and_the_swap_record_says_bms_verified()
    {
        var run = Run();
        Assert.Equal(1, run.SwapsCompleted);
        var rec = run.Controller.LastSwap ?? run.Controller.CurrentSwap;
        Assert.True(rec.BmsVerified);
        Assert.Equal(rec.PackInSerial, run.PackCan.Check.Session.Identity.SerialText);
        Assert.Empty(run.Faults);
        Assert.True(run.PackCan.Bms.Sent["BRM"] >= 1);
        Assert.Equal("ended", PackSessionStateName(run));
    }

    private static string PackSessionStateName(BayRun run) =>
        Station.Core.Can.PackSessionStates.Name(run.PackCan.Check.Session.State);

    [Fact]
    public void A_full_simulated_swap_is_held_when_the_new_packs_bms_reports_an_insulation_fault()
    {
        var run = Run(new ScenarioEvent { AtSeconds = 0, Do = "bms_fault", Args = { ["kind"] = "insulation" } });
        Assert.Equal(0, run.SwapsCompleted);
        Assert.Equal(FaultCode.PackInsulationFault, run.Controller.LatchedFault);
        Assert.Contains(run.Faults, f => f.Code == (int)FaultCode.PackInsulationFault);
        Assert.NotNull(run.Bay.Vehicle);                     // the vehicle is held in the bay
        Assert.NotNull(run.Bay.PackAtVehicle);
        Assert.Equal(SimPackFault.Insulation, run.Bay.PackAtVehicle.FaultFlags);
        Assert.Equal(1, run.PackCan.Check.Session.Status.InsulationState);
    }

    [Theory]
    [InlineData("insulation", FaultCode.PackInsulationFault)]
    [InlineData("connector", FaultCode.PackConnectorNotMated)]
    [InlineData("over_temperature", FaultCode.PackOverTemperature)]
    public void A_pack_fault_the_bms_raises_after_its_verdict_holds_the_vehicle_with_its_fault(string kind, FaultCode expected)
    {
        // The verdict is reached early in LowerEmpty; the pack develops the fault a second later, seconds before release.
        var run = new BayRun(new PlantParameters(), 1, 0, new List<ScenarioEvent>());
        long passedAt = -1;
        string applied = null;
        run.AfterTick = () =>
        {
            var check = run.PackCan.Check;
            if (check == null || run.Controller == null || run.Controller.State != SwapState.LowerEmpty) return;
            if (passedAt < 0 && check.Verdict == GateVerdict.Passed) passedAt = run.Clock.NowMs;
            if (passedAt >= 0 && applied == null && run.Clock.NowMs - passedAt >= 1000)
                applied = run.PackCan.Apply(kind, run.Controller.CurrentSwap.PackInSerial);
        };
        run.Run();
        Assert.True(passedAt >= 0, "the check never passed during LowerEmpty");
        Assert.NotNull(applied);
        Assert.Equal(0, run.SwapsCompleted);
        Assert.Equal(expected, run.Controller.LatchedFault);
        Assert.NotNull(run.Bay.Vehicle); // held in the bay
        Assert.Empty(run.Bay.Hazards);
    }

    [Fact]
    public void The_release_rests_on_bms_data_confirmed_within_the_freshness_window()
    {
        var run = new BayRun(new PlantParameters(), 1, 0, new List<ScenarioEvent>());
        long ageAtRelease = -1;
        run.AfterTick = () =>
        {
            if (ageAtRelease < 0 && run.Controller != null && run.Controller.State == SwapState.Released)
                ageAtRelease = run.Clock.NowMs - run.PackCan.Check.ConfirmedAtMs;
        };
        run.Run();
        Assert.Equal(1, run.SwapsCompleted);
        Assert.InRange(ageAtRelease, 0, run.Config.GateFreshMs);
        Assert.Equal("ended", PackSessionStateName(run)); // the session still ends cleanly after the release
    }

    [Theory]
    [InlineData("silent", FaultCode.BmsNoAnswer)]
    [InlineData("wrong_serial", FaultCode.PackSerialMismatch)]
    [InlineData("out_of_order", FaultCode.BmsProtocolError)]
    public void Scenario_bms_faults_hold_the_vehicle_with_their_fault(string kind, FaultCode expected)
    {
        var run = Run(new ScenarioEvent { AtSeconds = 0, Do = "bms_fault", Args = { ["kind"] = kind } });
        Assert.Equal(0, run.SwapsCompleted);
        Assert.Equal(expected, run.Controller.LatchedFault);
        Assert.NotNull(run.Bay.Vehicle);
    }

    [Fact]
    public void The_scenario_reader_knows_the_bms_fault_key_and_refuses_unknown_kinds()
    {
        var ok = ScenarioReader.Parse("{\"name\":\"t\",\"expect\":{\"latched_fault\":\"PackInsulationFault\"},\"events\":[{\"at_s\":0,\"do\":\"bms_fault\",\"kind\":\"insulation\",\"serial\":\"PK0001\"}]}");
        Assert.Equal("bms_fault", Assert.Single(ok.Events).Do);
        var ex = Assert.Throws<ScenarioException>(() => ScenarioReader.Parse("{\"name\":\"t\",\"expect\":{\"final_state\":\"Faulted\"},\"events\":[{\"at_s\":0,\"do\":\"bms_fault\",\"kind\":\"gremlins\"}]}"));
        Assert.Contains("insulation", ex.Message);
    }

    [Fact]
    public void The_simulator_records_its_can_traffic_as_a_candump_log_the_tool_decodes()
    {
        var run = new BayRun(new PlantParameters(), 1);
        var log = new StringWriter();
        using (run.PackCan.Record(log)) run.Run();
        string text = log.ToString();
        Assert.StartsWith("(", text);
        var o = new StringWriter();
        string path = Path.GetTempFileName();
        File.WriteAllText(path, text);
        try { Assert.Equal(0, Station.CanTool.Program.Run(new[] { "decode", path }, o, new StringWriter())); }
        finally { File.Delete(path); }
        var lines = o.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        var names = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
                         .Where(d => d.TryGetProperty("msg", out _) && !d.TryGetProperty("dropped", out _))
                         .Select(d => d.GetProperty("msg").GetString()).ToHashSet();
        foreach (var m in new[] { "CHM", "BHM", "CRM", "BRM", "BCP", "CTS", "CML", "BRO", "CRO", "BCL", "BCS", "CCS", "BSM", "CST", "BST", "BSD", "CSD" })
            Assert.Contains(m, names);
        Assert.Contains("\"dropped\":0", lines.Last());
    }
}
