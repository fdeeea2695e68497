using System.Collections.Generic;
using Station.Core;
using Station.Core.Can;
using Station.Hal;
using Station.Hal.Sim;
using Xunit;

namespace Station.Can.Tests;

/// <summary>The station's GB/T 27930 session against a simulated BMS on a virtual bus, and the release-gate check's
/// every refusal reason.</summary>
public class PackSessionTests
{
    internal sealed class Rig
    {
        public readonly SimClock Clock = new();
        public readonly VirtualCanBus Bus;
        public readonly SimPack Pack = new("PK0001", 92, "LFP-75kWh");
        public readonly SimBms Bms;
        public readonly PackSession Session;
        public readonly List<CanFrame> StationFrames = new();
        public bool PackPresent = true;

        public Rig()
        {
            Bus = new VirtualCanBus(Clock);
            Bms = new SimBms(Bus, () => PackPresent ? Pack : null);
            var port = Bus.Connect("station");
            Session = new PackSession(port, GbT27930Profile.Instance, 0xF4);
            Bus.FrameSent += (long t, in CanFrame f, string who) => { if (who == "station") StationFrames.Add(f); };
        }

        public void Run(int ms, System.Action<long> tick)
        {
            for (int t = 0; t < ms; t += 10)
            {
                Clock.Advance(10);
                tick(Clock.NowMs);
            }
        }

        public bool RunUntil(System.Func<bool> done, int maxMs, System.Action<long> tick)
        {
            for (int t = 0; t < maxMs; t += 10)
            {
                Clock.Advance(10);
                tick(Clock.NowMs);
                if (done()) return true;
            }
            return false;
        }

        public BmsPackCheck Check(BmsCheckConfig cfg = null, int minSoc = 80) => new(Session, cfg, minSoc, 5000);

        public (GateVerdict Verdict, FaultCode Fault, long Ms) Gate(BmsPackCheck check, string chosen = "PK0001")
        {
            var swap = new SwapRecord { PackInSerial = chosen };
            long start = Clock.NowMs;
            check.Begin(swap, start);
            GateVerdict v = GateVerdict.Pending;
            RunUntil(() => v != GateVerdict.Pending, 6000, now => v = check.Poll(now));
            return (v, check.FailureFault, Clock.NowMs - start);
        }
    }

    [Fact]
    public void Full_handshake_identifies_the_pack_and_reads_its_state_then_ends_cleanly()
    {
        var r = new Rig();
        r.Session.Start(r.Clock.NowMs);
        Assert.True(r.RunUntil(() => r.Session.HasFullPicture, 5000, r.Session.Tick), "state " + PackSessionStates.Name(r.Session.State));
        Assert.Equal(PackSessionState.Status, r.Session.State);
        var id = r.Session.Identity;
        Assert.Equal("PK0001", id.SerialText);
        Assert.Equal(3, id.BatteryTypeCode);
        Assert.Equal(200.0, id.RatedCapacityAh);
        Assert.Equal(384.0, id.RatedVoltageV);
        Assert.Equal(120, id.CycleCount);
        Assert.Equal(0, id.VinLength);
        var st = r.Session.Status;
        Assert.Equal(92, st.SocPct);
        Assert.Equal(92.0, st.ParamSocPct);
        Assert.Equal(378.1, st.VoltageV);
        Assert.Equal(25, st.MaxTempC);
        Assert.Equal(22, st.MinTempC);
        Assert.Equal(0, st.InsulationState);
        Assert.Equal(1, st.ChargePermit);
        // it stays in the bay: status keeps coming
        r.Run(2000, r.Session.Tick);
        Assert.Equal(PackSessionState.Status, r.Session.State);
        Assert.True(r.Bms.Sent["BCS"] >= 8);
        r.Session.Stop(r.Clock.NowMs);
        Assert.True(r.RunUntil(() => r.Session.State == PackSessionState.Ended, 2000, r.Session.Tick), PackSessionStates.Name(r.Session.State));
        Assert.Equal(1, r.Bms.Sent["BST"]);
        Assert.Equal(1, r.Bms.Sent["BSD"]);
        Assert.Contains(r.StationFrames, f => J1939.Pf(f.Id) == 0x1D);                  // CSD
        Assert.Contains(r.StationFrames, f => J1939.Pf(f.Id) == 0x1A && f[0] == 0x04);   // CST manual stop
        Assert.Equal(0, r.Session.Decoder.TotalDrops);
        // the station never offered current: every CCS and CML says 0 A
        Assert.All(r.StationFrames.FindAll(f => J1939.Pf(f.Id) == 0x12), f => Assert.Equal(0x0FA0, f[2] | (f[3] << 8)));
        Assert.All(r.StationFrames.FindAll(f => J1939.Pf(f.Id) == 0x08), f => Assert.Equal(0x0FA0, f[4] | (f[5] << 8)));
    }

    [Fact]
    public void A_silent_bms_fails_the_handshake_after_5_s_and_the_station_sends_cem()
    {
        var r = new Rig();
        r.Bms.Faults.Silent = true;
        r.Session.Start(r.Clock.NowMs);
        r.Run(5000, r.Session.Tick);
        Assert.Equal(PackSessionState.Handshake, r.Session.State);
        r.Run(20, r.Session.Tick);
        Assert.Equal(PackSessionState.Failed, r.Session.State);
        Assert.Equal(PackSessionFailure.NoBhm, r.Session.Failure);
        var cem = Assert.Single(r.StationFrames.FindAll(f => J1939.Pf(f.Id) == 0x1F));
        Assert.Equal(0x081FF456u, cem.Id);
        Assert.Equal(new byte[] { 0xFC, 0xF0, 0xC0, 0xF4 }, new[] { cem[0], cem[1], cem[2], cem[3] }); // "other" timeout
        Assert.True(r.StationFrames.FindAll(f => J1939.Pf(f.Id) == 0x26).Count >= 19); // CHM every 250 ms
    }

    [Fact]
    public void A_bms_that_stops_sending_bcs_fails_the_session_with_cem_bcs_timeout()
    {
        var r = new Rig();
        r.Session.Start(r.Clock.NowMs);
        Assert.True(r.RunUntil(() => r.Session.HasFullPicture, 5000, r.Session.Tick));
        r.PackPresent = false; // BMS goes quiet (connector pulled)
        r.Run(1200, r.Session.Tick);
        Assert.Equal(PackSessionState.Failed, r.Session.State);
        Assert.Equal(PackSessionFailure.NoBcl, r.Session.Failure);
        var cem = r.StationFrames.FindLast(f => J1939.Pf(f.Id) == 0x1F);
        Assert.Equal(0xC4, cem[2]); // 3.3 BCL timeout = 01
    }

    [Fact]
    public void A_bem_from_the_bms_fails_the_session()
    {
        var r = new Rig();
        r.Bms.Faults.SendBem = true;
        r.Session.Start(r.Clock.NowMs);
        Assert.True(r.RunUntil(() => r.Session.State == PackSessionState.Failed, 3000, r.Session.Tick));
        Assert.Equal(PackSessionFailure.BmsTimeoutReport, r.Session.Failure);
        Assert.NotEqual(0u, r.Session.Status.BemWord);
    }

    [Fact]
    public void Aborted_brm_transfers_end_in_no_brm_with_cem_brm_timeout()
    {
        var r = new Rig();
        r.Bms.Faults.AbortTransfers = true;
        r.Session.Start(r.Clock.NowMs);
        Assert.True(r.RunUntil(() => r.Session.State == PackSessionState.Failed, 7000, r.Session.Tick));
        Assert.Equal(PackSessionFailure.NoBrm, r.Session.Failure);
        Assert.True(r.Session.Decoder.DropCounts[(int)DropReason.AbortedBySender] > 0);
        var cem = r.StationFrames.FindLast(f => J1939.Pf(f.Id) == 0x1F);
        Assert.Equal(new byte[] { 0xFD, 0xF0, 0xC0, 0xF0 }, new[] { cem[0], cem[1], cem[2], cem[3] });
        Assert.False(r.Session.Identity.Known);
    }

    [Fact]
    public void A_bms_that_never_answers_cst_ends_in_no_bst()
    {
        var r = new Rig();
        r.Session.Start(r.Clock.NowMs);
        Assert.True(r.RunUntil(() => r.Session.HasFullPicture, 5000, r.Session.Tick));
        r.Bms.Faults.Silent = true;
        r.Session.Stop(r.Clock.NowMs);
        Assert.True(r.RunUntil(() => r.Session.State == PackSessionState.Failed, 6000, r.Session.Tick));
        Assert.Equal(PackSessionFailure.NoBst, r.Session.Failure);
        Assert.Equal(0xD0, r.StationFrames.FindLast(f => J1939.Pf(f.Id) == 0x1F)[2]); // 3.5 BST timeout = 01
    }

    [Fact]
    public void A_bst_the_station_did_not_ask_for_is_answered_and_fails_the_session_as_bms_stopped()
    {
        var r = new Rig();
        r.Session.Start(r.Clock.NowMs);
        Assert.True(r.RunUntil(() => r.Session.HasFullPicture, 5000, r.Session.Tick));
        r.Bms.Faults.Silent = true; // from here the test plays the BMS by hand
        var other = r.Bus.Connect("bms-side");
        var bst = Bus.Frame(Bus.Id(4, 0x19, Bus.Station, Bus.Bms), 0x01, 0x00, 0x00, 0xF0); // SOC target reached
        other.TrySend(ref bst);
        r.Run(20, r.Session.Tick);
        Assert.Equal(PackSessionState.Statistics, r.Session.State);
        Assert.Contains(r.StationFrames, f => J1939.Pf(f.Id) == 0x1A && f[0] == 0x40); // CST "BMS stopped"
        var bsd = Bus.Frame(Bus.Id(6, 0x1C, Bus.Station, Bus.Bms), 90, 0x4C, 0x01, 0x60, 0x01, 72, 75);
        other.TrySend(ref bsd);
        r.Run(20, r.Session.Tick);
        Assert.Equal(PackSessionState.Failed, r.Session.State);
        Assert.Equal(PackSessionFailure.BmsStopped, r.Session.Failure);
        Assert.Equal(90, r.Session.Status.EndSocPct);
        Assert.Equal(0xF0000001u, r.Session.Status.BstWord);
        Assert.Contains(r.StationFrames, f => J1939.Pf(f.Id) == 0x1D); // CSD sent
    }

    [Fact]
    public void Gate_passes_a_healthy_chosen_pack_and_reports_its_soc()
    {
        var r = new Rig();
        var check = r.Check();
        var (v, fault, ms) = r.Gate(check);
        Assert.Equal(GateVerdict.Passed, v);
        Assert.Equal(FaultCode.None, fault);
        Assert.True(check.VerifiesBms);
        Assert.Equal(92, check.MeasuredSocPct);
        Assert.True(ms < 2000, "verdict took " + ms + " ms");
        // Until the gate decides, the session keeps monitoring: the verdict stays Passed and its confirmation fresh.
        r.Run(2000, now => Assert.Equal(GateVerdict.Passed, check.Poll(now)));
        Assert.Equal(PackSessionState.Status, r.Session.State);
        Assert.InRange(r.Clock.NowMs - check.ConfirmedAtMs, 0, 500);
        // Once the gate decided, the clean end follows on further polls, which keep answering the same verdict.
        check.Finish(r.Clock.NowMs);
        Assert.True(r.RunUntil(() => r.Session.State == PackSessionState.Ended, 2000, now => Assert.Equal(GateVerdict.Passed, check.Poll(now))));
    }

    [Fact]
    public void A_fault_the_bms_reports_after_a_passed_verdict_turns_it_failed_with_its_fault()
    {
        var r = new Rig();
        var check = r.Check();
        Assert.Equal(GateVerdict.Passed, r.Gate(check).Verdict);
        r.Run(1000, now => check.Poll(now));
        Assert.Equal(GateVerdict.Passed, check.Verdict);
        r.Pack.FaultFlags |= SimPackFault.Connector;
        Assert.True(r.RunUntil(() => check.Verdict == GateVerdict.Failed, 1000, now => check.Poll(now)));
        Assert.Equal(FaultCode.PackConnectorNotMated, check.FailureFault);
        // Failed is final: clearing the fault does not bring Passed back, and the session ends cleanly.
        r.Pack.FaultFlags = 0;
        Assert.True(r.RunUntil(() => r.Session.State == PackSessionState.Ended, 3000, now => Assert.Equal(GateVerdict.Failed, check.Poll(now))));
    }

    [Fact]
    public void A_bms_that_falls_silent_after_a_passed_verdict_fails_the_check()
    {
        var r = new Rig();
        var check = r.Check();
        Assert.Equal(GateVerdict.Passed, r.Gate(check).Verdict);
        r.PackPresent = false;
        Assert.True(r.RunUntil(() => check.Verdict == GateVerdict.Failed, 7000, now => check.Poll(now)));
        Assert.True(check.FailureFault == FaultCode.BmsNoAnswer || check.FailureFault == FaultCode.BmsProtocolError, check.FailureFault.ToString());
    }

    public static IEnumerable<object[]> Refusals()
    {
        yield return new object[] { "silent", FaultCode.BmsNoAnswer };
        yield return new object[] { "slow", FaultCode.BmsNoAnswer };
        yield return new object[] { "wrong_serial", FaultCode.PackSerialMismatch };
        yield return new object[] { "other_chosen", FaultCode.PackSerialMismatch };
        yield return new object[] { "type", FaultCode.PackTypeNotAccepted };
        yield return new object[] { "soc", FaultCode.PackSocTooLow };
        yield return new object[] { "hot", FaultCode.PackTemperatureOutOfRange };
        yield return new object[] { "cold", FaultCode.PackTemperatureOutOfRange };
        yield return new object[] { "insulation", FaultCode.PackInsulationFault };
        yield return new object[] { "connector", FaultCode.PackConnectorNotMated };
        yield return new object[] { "cell_voltage", FaultCode.PackCellVoltageFault };
        yield return new object[] { "over_temperature", FaultCode.PackOverTemperature };
        yield return new object[] { "over_current", FaultCode.PackOverCurrent };
        yield return new object[] { "abort", FaultCode.BmsProtocolError };
        yield return new object[] { "out_of_order", FaultCode.BmsProtocolError };
        yield return new object[] { "corrupt_length", FaultCode.BmsProtocolError };
        yield return new object[] { "bem", FaultCode.BmsProtocolError };
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Gate_refuses_with_a_specific_fault(string fault, FaultCode expected)
    {
        var r = new Rig();
        var cfg = new BmsCheckConfig();
        string chosen = "PK0001";
        switch (fault)
        {
            case "silent": r.Bms.Faults.Silent = true; break;
            case "slow": r.Bms.Faults.AnswerDelayMs = 6000; break;
            case "wrong_serial": r.Bms.Faults.WrongSerial = true; break;
            case "other_chosen": chosen = "PK0002"; break;
            case "type": cfg.AcceptedBatteryTypes = new[] { 6 }; break;
            case "soc": r.Pack.SocPct = 79; break;
            case "hot": r.Pack.MaxCellTempC = 56; break;
            case "cold": r.Pack.MaxCellTempC = -16; break; // lowest probe reads 3 °C less: -19… and -21 below
            case "insulation": r.Pack.FaultFlags = SimPackFault.Insulation; break;
            case "connector": r.Pack.FaultFlags = SimPackFault.Connector; break;
            case "cell_voltage": r.Pack.FaultFlags = SimPackFault.CellVoltage; break;
            case "over_temperature": r.Pack.FaultFlags = SimPackFault.OverTemperature; break;
            case "over_current": r.Pack.FaultFlags = SimPackFault.OverCurrent; break;
            case "abort": r.Bms.Faults.AbortTransfers = true; break;
            case "out_of_order": r.Bms.Faults.OutOfOrderTransfers = true; break;
            case "corrupt_length": r.Bms.Faults.CorruptLengths = true; break;
            case "bem": r.Bms.Faults.SendBem = true; break;
        }
        if (fault == "cold") r.Pack.MaxCellTempC = -18; // highest -18, lowest -21 < -20
        var check = r.Check(cfg);
        var (v, got, ms) = r.Gate(check, chosen);
        Assert.Equal(GateVerdict.Failed, v);
        Assert.Equal(expected, got);
        Assert.True(ms <= 4600, "the check must answer before the sequencer's BmsTimeoutMs: " + ms);
        Assert.False(string.IsNullOrEmpty(check.Reason));
        Assert.NotEqual("Unknown", FaultCatalogue.Name(got));
    }

    [Fact]
    public void Each_new_fault_code_is_in_the_catalogue()
    {
        foreach (var f in new[] { FaultCode.PackTypeNotAccepted, FaultCode.PackTemperatureOutOfRange, FaultCode.PackCellVoltageFault,
                                  FaultCode.PackOverTemperature, FaultCode.PackOverCurrent, FaultCode.BmsProtocolError })
        {
            Assert.NotEqual("Unknown", FaultCatalogue.Name(f));
            Assert.False(string.IsNullOrEmpty(FaultCatalogue.Meaning(f)));
        }
    }

    [Fact]
    public void The_simulated_bms_splits_serials_the_way_the_station_reads_them()
    {
        Assert.Equal(("PK", 1u), SimBms.SplitSerial("PK0001"));
        Assert.Equal(("PK", 12345u), SimBms.SplitSerial("PK12345"));
        Assert.Equal(3, SimBms.TypeCode("LFP-75kWh"));
        Assert.Equal(6, SimBms.TypeCode("NCM811"));
        Assert.Equal(0xFF, SimBms.TypeCode("mystery"));
    }
}

/// <summary>The BMS check's accepted types and temperature range come from the configuration table's keys.</summary>
public class BmsCheckFromConfigTableTests
{
    [Theory]
    [InlineData("lifepo4,ternary", 55, GateVerdict.Passed, FaultCode.None)]
    [InlineData("lead_acid,nimh", 55, GateVerdict.Failed, FaultCode.PackTypeNotAccepted)]
    [InlineData("lifepo4,ternary", 20, GateVerdict.Failed, FaultCode.PackTemperatureOutOfRange)]
    public void Pack_types_and_temperature_keys_decide_the_gate(string types, int maxTempC, GateVerdict verdict, FaultCode fault)
    {
        var values = new Station.Core.Config.ConfigValues();
        Assert.Null(values.TrySet(Station.Core.Config.ConfigTable.PackTypes, types, 0));
        Assert.Null(values.TrySet(Station.Core.Config.ConfigTable.PackMaxTempC, maxTempC.ToString(), 0));
        var r = new PackSessionTests.Rig();
        var check = r.Check(Station.Core.Can.BmsCheckConfig.From(values));
        var (v, f, _) = r.Gate(check);
        Assert.Equal(verdict, v);
        Assert.Equal(fault, f);
    }
}
