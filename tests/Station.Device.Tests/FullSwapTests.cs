using nanoFramework.TestFramework;
using Station.Core;
using Station.Device.Tests.Fakes;

namespace Station.Device.Tests
{
    /// <summary>A whole swap on the tiny bay: the real sequencer, table and actuator controllers, on the target.</summary>
    [TestClass]
    public class FullSwapTests
    {
        [TestMethod]
        public void A_whole_swap_completes_with_every_pack_where_it_belongs_and_every_output_off()
        {
            TinyStation s = TinyStation.WithRack();
            Assert.AreEqual((int)SwapState.NotHomed, (int)s.C.State);
            s.HomeToIdle();
            s.Authorize();
            Assert.IsTrue(s.RunUntil(SwapState.Released, 120000), "stuck in " + SwapStates.Name(s.C.State));

            SwapRecord rec = s.C.CurrentSwap;
            Assert.IsNotNull(rec);
            Assert.AreEqual((int)SwapOutcome.Completed, (int)rec.Outcome);
            Assert.AreEqual("P3", rec.PackInSerial, "the ready pack with the highest charge");
            Assert.AreEqual("D1", rec.PackOutSerial);
            Assert.AreEqual("P3", s.C.Inventory.At(PackPlace.Vehicle).Serial);
            Assert.IsTrue(s.Bay.VehicleHasPack);
            Assert.IsFalse(s.Bay.LiftHasPack);
            Assert.IsFalse(s.Bay.AnyOutputOn(), "every output off when released");
            Assert.AreEqual((int)FaultCode.None, (int)s.C.LatchedFault);
        }

        [TestMethod]
        public void A_light_curtain_break_during_the_swap_stops_every_output_in_the_same_tick()
        {
            TinyStation s = TinyStation.WithRack();
            s.HomeToIdle();
            s.Authorize();
            Assert.IsTrue(s.RunUntil(SwapState.RaiseToPack, 10000), "the lift started");
            s.Run(200);
            Assert.IsTrue(s.Bay.AnyOutputOn(), "moving");
            s.Bay.CurtainClear = false;
            s.Bay.UpdateSensors();
            s.C.Tick();
            Assert.IsFalse(s.Bay.AnyOutputOn(), "all outputs off in the tick that saw the break");
            Assert.AreEqual((int)SwapState.Faulted, (int)s.C.State);
            Assert.AreNotEqual((int)FaultCode.None, (int)s.C.LatchedFault);
        }
    }
}
