using nanoFramework.TestFramework;
using Station.Core;
using Station.Core.Can;
using Station.Device.Tests.Fakes;

namespace Station.Device.Tests
{
    /// <summary>The release gate's GB/T 27930 check against a fake BMS on a fake CAN bus: the session, its verdicts and
    /// its clean end, on the target.</summary>
    [TestClass]
    public class BmsCheckTests
    {
        // A check begun at t = 1000 ms for a swap that installs PK0003.
        private static BmsPackCheck Begin(FakeCanPort port, out long t)
        {
            var session = new PackSession(port, GbT27930Profile.Instance, GbT27930Profile.BmsAddress);
            var check = new BmsPackCheck(session, new BmsCheckConfig(), 80, 5000);
            var swap = new SwapRecord();
            swap.PackInSerial = "PK0003";
            t = 1000;
            check.Begin(swap, t);
            return check;
        }

        // Polls every 10 ms, at most <paramref name="polls"/> times, while the verdict stays <paramref name="still"/>.
        private static GateVerdict PollWhile(FakeBms bms, BmsPackCheck check, ref long t, GateVerdict still, int polls)
        {
            GateVerdict v = still;
            for (int i = 0; i < polls && v == still; i++) { t += 10; bms.Step(t); v = check.Poll(t); }
            return v;
        }

        // A check begun for a swap that installs PK0003, polled every 10 ms until it decides (or 8 s pass).
        private static BmsPackCheck Decide(FakeBms bms, FakeCanPort port, out GateVerdict verdict)
        {
            BmsPackCheck check = Begin(port, out long t);
            verdict = PollWhile(bms, check, ref t, GateVerdict.Pending, 800);
            // A passed check keeps watching the pack until the gate decides (a fault raised before release must hold the
            // vehicle); the gate's Finish ends the session, which then winds down cleanly.
            for (int i = 0; i < 50; i++) { t += 10; bms.Step(t); verdict = check.Poll(t); }
            check.Finish(t);
            for (int i = 0; i < 100; i++) { t += 10; bms.Step(t); check.Poll(t); }
            return check;
        }

        // The check must end Failed with exactly this fault.
        private static void AssertRefused(FakeBms bms, FakeCanPort port, FaultCode expected)
        {
            BmsPackCheck check = Decide(bms, port, out GateVerdict v);
            Assert.AreEqual((int)GateVerdict.Failed, (int)v, check.Reason);
            Assert.AreEqual((int)expected, (int)check.FailureFault, check.Reason);
        }

        private static FakeBms NewBms(out FakeCanPort port)
        {
            port = new FakeCanPort();
            return new FakeBms(port);
        }

        [TestMethod]
        public void A_healthy_pack_passes_with_its_serial_type_and_soc_read_from_the_bms()
        {
            FakeBms bms = NewBms(out FakeCanPort port);
            BmsPackCheck check = Decide(bms, port, out GateVerdict v);
            Assert.AreEqual((int)GateVerdict.Passed, (int)v, check.Reason);
            Assert.AreEqual("PK0003", check.Session.Identity.SerialText);
            Assert.AreEqual(3, check.Session.Identity.BatteryTypeCode);
            Assert.AreEqual(99, check.MeasuredSocPct);
            Assert.IsTrue(check.VerifiesBms);
        }

        [TestMethod]
        public void After_the_verdict_the_session_ends_cleanly_with_bst_and_bsd()
        {
            FakeBms bms = NewBms(out FakeCanPort port);
            BmsPackCheck check = Decide(bms, port, out GateVerdict v);
            Assert.AreEqual((int)PackSessionState.Ended, (int)check.Session.State);
            Assert.AreEqual(1, bms.Bst);
            Assert.AreEqual(1, bms.Bsd);
        }

        [TestMethod]
        public void An_insulation_fault_raised_after_the_verdict_turns_it_to_failed_before_release()
        {
            FakeBms bms = NewBms(out FakeCanPort port);
            BmsPackCheck check = Begin(port, out long t);
            GateVerdict v = PollWhile(bms, check, ref t, GateVerdict.Pending, 800);
            Assert.AreEqual((int)GateVerdict.Passed, (int)v, check.Reason);
            bms.InsulationConnectorBits = 0x01;
            v = PollWhile(bms, check, ref t, GateVerdict.Passed, 300);
            Assert.AreEqual((int)GateVerdict.Failed, (int)v, check.Reason);
            Assert.AreEqual((int)FaultCode.PackInsulationFault, (int)check.FailureFault);
        }

        [TestMethod]
        public void The_session_runs_the_transfers_for_brm_bcp_and_bcs()
        {
            FakeBms bms = NewBms(out FakeCanPort port);
            Decide(bms, port, out GateVerdict v);
            Assert.IsTrue(bms.Transfers >= 3, "BRM, BCP and at least one BCS by RTS/CTS");
            Assert.IsTrue(bms.Bhm >= 1 && bms.Bro >= 1, "handshake and readiness answered");
            Assert.AreEqual(0, port.Overflows);
        }

        [TestMethod]
        public void A_silent_bms_is_refused_as_no_answer()
        {
            FakeBms bms = NewBms(out FakeCanPort port);
            bms.Silent = true;
            AssertRefused(bms, port, FaultCode.BmsNoAnswer);
        }

        [TestMethod]
        public void Another_serial_than_the_chosen_pack_is_refused()
        {
            FakeBms bms = NewBms(out FakeCanPort port);
            bms.SerialNumber = 4;
            AssertRefused(bms, port, FaultCode.PackSerialMismatch);
        }

        [TestMethod]
        public void A_battery_type_not_accepted_is_refused()
        {
            FakeBms bms = NewBms(out FakeCanPort port);
            bms.TypeCode = 8;
            AssertRefused(bms, port, FaultCode.PackTypeNotAccepted);
        }

        [TestMethod]
        public void A_pack_below_the_minimum_charge_is_refused()
        {
            FakeBms bms = NewBms(out FakeCanPort port);
            bms.SocPct = 40;
            AssertRefused(bms, port, FaultCode.PackSocTooLow);
        }

        [TestMethod]
        public void A_hot_pack_is_refused()
        {
            FakeBms bms = NewBms(out FakeCanPort port);
            bms.TempC = 70;
            AssertRefused(bms, port, FaultCode.PackTemperatureOutOfRange);
        }

        [TestMethod]
        public void An_insulation_fault_reported_by_the_bms_is_refused()
        {
            FakeBms bms = NewBms(out FakeCanPort port);
            bms.InsulationConnectorBits = 0x01;
            AssertRefused(bms, port, FaultCode.PackInsulationFault);
        }

        [TestMethod]
        public void A_connector_fault_reported_by_the_bms_is_refused()
        {
            FakeBms bms = NewBms(out FakeCanPort port);
            bms.InsulationConnectorBits = 0x04;
            AssertRefused(bms, port, FaultCode.PackConnectorNotMated);
        }

        [TestMethod]
        public void The_serial_is_compared_as_the_bms_spells_it_without_building_text()
        {
            var id = new PackIdentity();
            id.SerialNumber = 3;
            id.Manufacturer[0] = (byte)'P';
            id.Manufacturer[1] = (byte)'K';
            id.ManufacturerLength = 2;
            Assert.IsTrue(id.SerialMatches("PK0003"));
            Assert.IsFalse(id.SerialMatches("PK003"));
            Assert.IsFalse(id.SerialMatches("PK0004"));
            Assert.IsFalse(id.SerialMatches("QK0003"));
            Assert.IsFalse(id.SerialMatches(null));
            id.SerialNumber = 123456;
            Assert.IsTrue(id.SerialMatches("PK123456"));
            Assert.AreEqual("PK123456", id.SerialText);
        }

        [TestMethod]
        public void A_whole_swap_through_the_bms_gate_releases_the_vehicle_with_the_pack_verified()
        {
            TinyStation s = TinyStation.WithBmsRack();
            s.HomeToIdle();
            s.Authorize();
            Assert.IsTrue(s.RunUntil(SwapState.Released, 120000), "stuck in " + SwapStates.Name(s.C.State));
            Assert.IsTrue(s.C.CurrentSwap.BmsVerified);
            Assert.AreEqual("PK0003", s.C.CurrentSwap.PackInSerial);
            Assert.AreEqual(99, s.C.CurrentSwap.PackInSocPct);
            Assert.AreEqual((int)FaultCode.None, (int)s.C.LatchedFault);
            // After the session's clean end the check has wound down: the tick no longer reads the pack CAN.
            s.Run(3000);
            int reads = s.Can.ReadCount;
            s.Run(1000);
            Assert.AreEqual(reads, s.Can.ReadCount, "CAN reads after the session ended");
        }

        [TestMethod]
        public void A_whole_swap_with_the_wrong_pack_in_the_bms_holds_the_vehicle()
        {
            TinyStation s = TinyStation.WithBmsRack();
            s.Bms.SerialNumber = 2;
            s.HomeToIdle();
            s.Authorize();
            Assert.IsTrue(s.RunUntil(SwapState.Faulted, 120000), "not faulted: " + SwapStates.Name(s.C.State));
            Assert.AreEqual((int)FaultCode.PackSerialMismatch, (int)s.C.LatchedFault);
            Assert.IsFalse(s.Bay.AnyOutputOn(), "nothing moves after the refusal");
        }
    }
}
