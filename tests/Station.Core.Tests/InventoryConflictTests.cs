using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>WhyNotSwapping names each disagreement between the inventory and the pack sensors that makes Authorize
    /// refuse, and a technician's correction (SetPlace / SetRackSlot) settles it.</summary>
    public class InventoryConflictTests
    {
        [Fact]
        public void A_clean_idle_station_has_no_conflict()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            Assert.Equal("", s.C.Sequencer.InventoryConflicts());
        }

        [Fact]
        public void A_recorded_pack_the_lift_sensor_does_not_see_is_named_and_settled_by_SetPlace()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            TestStation.Ok(s.C.SetPlace(PackPlace.Lift, "P9", 50));
            s.Run(100);
            Assert.Contains("the inventory has pack P9 on the lift but its sensor sees no pack there", s.C.WhyNotSwapping());
            Assert.False(s.C.Authorize(new SwapAuthorization("VIN1", null)).Accepted);
            TestStation.Ok(s.C.SetPlace(PackPlace.Lift, null, -1));
            Assert.Equal("", s.C.Sequencer.InventoryConflicts());
            Assert.True(s.C.Authorize(new SwapAuthorization("VIN1", null)).Accepted);
        }

        [Fact]
        public void An_unknown_pack_at_staging_is_named_until_it_is_recorded()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            s.Bay.StagingHasPack = true;
            s.Run(200);
            Assert.Contains("the staging sensor sees a pack the inventory does not know", s.C.WhyNotSwapping());
            // Authorize refuses in the very words 'why' uses: both come from the admission chain.
            CommandResult refused = s.C.Authorize(new SwapAuthorization("VIN1", null));
            Assert.Equal(RejectReason.InventoryMismatch, refused.Reason);
            Assert.Contains("the staging sensor sees a pack the inventory does not know", refused.Message);
            TestStation.Ok(s.C.SetPlace(PackPlace.Staging, "P9", 97));
            Assert.Equal("", s.C.Sequencer.InventoryConflicts());
            CommandResult r = s.C.Authorize(new SwapAuthorization("VIN1", null));
            Assert.True(r.Accepted, r.Message);
            Assert.Equal("P9", s.C.CurrentSwap.PackInSerial);
        }

        [Fact]
        public void An_unknown_pack_on_the_lift_or_at_the_return_point_is_named()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            s.Bay.LiftHasPack = true;
            s.Bay.ReturnHasPack = true;
            s.Run(200);
            string why = s.C.WhyNotSwapping();
            Assert.Contains("the lift sensor sees a pack the inventory does not know", why);
            Assert.Contains("the return point sensor sees a pack the inventory does not know", why);
        }
    }
}
