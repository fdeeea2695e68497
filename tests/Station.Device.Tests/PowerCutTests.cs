using nanoFramework.TestFramework;
using Station.Core;
using Station.Device.Tests.Fakes;

namespace Station.Device.Tests
{
    /// <summary>A power cut at an instant of a swap: a new controller on the same storage reads the journal, knows
    /// where every pack is, and never moves by itself.</summary>
    [TestClass]
    public class PowerCutTests
    {
        // A station cut off in the middle of <paramref name="step"/> and powered up again on the same bay and storage.
        private static TinyStation CutIn(SwapState step, out TinyStation before)
        {
            before = TinyStation.WithRack();
            before.HomeToIdle();
            before.Authorize();
            if (!before.RunUntil(step, 120000)) throw new System.Exception("never reached " + SwapStates.Name(step));
            before.Run(100);
            return new TinyStation(before.Bay);
        }

        [TestMethod]
        public void After_a_cut_during_unlocking_the_station_waits_in_recovery_naming_the_step()
        {
            TinyStation after = CutIn(SwapState.Unlock, out TinyStation before);
            Assert.AreEqual((int)SwapState.Recovery, (int)after.C.State);
            Assert.AreEqual((int)SwapState.Unlock, (int)after.C.InterruptedStep);
        }

        [TestMethod]
        public void After_a_cut_nothing_moves_until_the_operator_confirms()
        {
            TinyStation after = CutIn(SwapState.LowerDepleted, out TinyStation before);
            after.Run(2000);
            Assert.AreEqual((int)SwapState.Recovery, (int)after.C.State);
            Assert.IsFalse(after.Bay.AnyOutputOn(), "every output off after power-up");
        }

        [TestMethod]
        public void The_journal_brings_back_the_swap_and_where_every_pack_is()
        {
            TinyStation after = CutIn(SwapState.Transfer, out TinyStation before);
            Assert.IsNotNull(after.C.CurrentSwap);
            Assert.AreEqual("P3", after.C.CurrentSwap.PackInSerial);
            Assert.AreEqual("D1", after.C.CurrentSwap.PackOutSerial);
            Assert.AreEqual(before.C.Inventory.At(PackPlace.Lift).Serial, after.C.Inventory.At(PackPlace.Lift).Serial);
            Assert.AreEqual(before.C.Inventory.At(PackPlace.ReturnPoint).Serial, after.C.Inventory.At(PackPlace.ReturnPoint).Serial);
            Assert.AreEqual("P1", after.C.Inventory.Slot(0).Serial);
        }

        [TestMethod]
        public void Confirming_recovery_homes_the_lift_and_the_station_is_idle_again()
        {
            TinyStation after = CutIn(SwapState.RaiseToPack, out TinyStation before);
            TinyStation.Ok(after.C.ConfirmRecovery());
            Assert.IsTrue(after.RunUntil(SwapState.Idle, 60000), "stuck in " + SwapStates.Name(after.C.State));
            Assert.IsTrue(after.C.Lift.IsHome);
        }

        [TestMethod]
        public void A_cut_while_idle_powers_up_not_homed_without_recovery()
        {
            TinyStation s = TinyStation.WithRack();
            s.HomeToIdle();
            var after = new TinyStation(s.Bay);
            Assert.AreEqual((int)SwapState.NotHomed, (int)after.C.State);
            Assert.AreEqual("P3", after.C.Inventory.Slot(2).Serial);
        }

        [TestMethod]
        public void A_fault_latched_before_the_cut_is_still_latched_after_it()
        {
            TinyStation s = TinyStation.WithRack();
            s.HomeToIdle();
            TinyStation.Ok(s.C.EmergencyStop());
            var after = new TinyStation(s.Bay);
            Assert.AreEqual((int)SwapState.Faulted, (int)after.C.State);
            Assert.AreEqual((int)FaultCode.SoftwareStop, (int)after.C.LatchedFault);
        }
    }
}
