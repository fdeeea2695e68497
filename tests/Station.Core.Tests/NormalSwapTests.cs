using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    public class NormalSwapTests
    {
        [Fact]
        public void A_whole_swap_completes_and_every_pack_ends_where_it_belongs()
        {
            var s = TestStation.WithRack();
            Assert.Equal(SwapState.NotHomed, s.C.State);
            s.HomeToIdle();
            s.Authorize();
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released), "stuck in " + s.C.State + " fault " + s.C.LatchedFault);
            var rec = s.C.CurrentSwap;
            Assert.Equal(SwapOutcome.Completed, rec.Outcome);
            Assert.Equal("P3", rec.PackInSerial);          // highest SOC ready pack
            Assert.Equal("D1", rec.PackOutSerial);
            Assert.False(rec.BmsVerified);                 // default gate check: inventory only, says so
            Assert.Equal("P3", s.C.Inventory.At(PackPlace.Vehicle).Serial);
            Assert.False(s.Bay.AnyOutputOn());
            Assert.True(s.Bay.VehicleHasPack);
            Assert.False(s.Bay.LiftHasPack);
            // The rack handler takes the depleted pack from the return point into the freed slot 2.
            s.Run(3000);
            Assert.Equal("D1", s.C.Inventory.Slot(2).Serial);
            Assert.Equal(PackState.Charging, s.C.Inventory.Slot(2).State);
            Assert.True(s.C.Inventory.At(PackPlace.ReturnPoint).IsEmpty);
            // Vehicle leaves: idle, record moves to LastSwap.
            s.Bay.VehiclePositioned = false;
            s.Run(100);
            Assert.Equal(SwapState.Idle, s.C.State);
            Assert.Same(rec, s.C.LastSwap);
            Assert.Null(s.C.CurrentSwap);
            Assert.True(s.C.Inventory.At(PackPlace.Vehicle).IsEmpty);
        }
    }
}
