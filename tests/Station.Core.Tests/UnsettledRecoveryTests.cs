using System.Linq;
using Station.Core.Cloud;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Recovery that knows what it does not know: after a cut or fault with latches between positions or a pack
    /// in transit the station does not call itself ready, names what to settle, and refuses every authorisation with its
    /// own reason, without touching the vehicle's pack record.</summary>
    public class UnsettledRecoveryTests
    {
        // A cut at the end of Unlock: every latch is open and the pack sits on the lift, but the step has not ended.
        private static TestStation CutAtTheEndOfUnlock()
        {
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.Unlock);
            Assert.True(s.RunUntil(() => s.Bay.LiftHasPack, 5000));
            Assert.Equal(SwapState.Unlock, s.C.State);
            s.PowerCycle();
            return s;
        }

        [Fact]
        public void A_cut_at_the_end_of_Unlock_leaves_the_pack_unconfirmed_on_the_lift_never_in_the_vehicle()
        {
            var s = CutAtTheEndOfUnlock();
            Assert.Equal(SwapState.Recovery, s.C.State);
            Assert.True(s.C.Inventory.At(PackPlace.Vehicle).IsEmpty, s.C.Inventory.Describe());
            PackRecord lift = s.C.Inventory.At(PackPlace.Lift);
            Assert.Equal("D1", lift.Serial);
            Assert.True(lift.InTransit);
        }

        [Fact]
        public void A_cut_mid_Unlock_with_latches_between_is_named_and_the_station_never_says_ready()
        {
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.Unlock);
            s.Run(300); // half-way: latches between
            s.PowerCycle();
            string why = s.C.WhyNotSwapping();
            Assert.Contains("to settle after the recovery", why);
            Assert.Contains("4 of 4 pack locks read between positions", why);
            Assert.Contains("D1 at lift", why);

            TestStation.Ok(s.C.ConfirmRecovery());
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle, 30_000));
            // The pack may still hang in the vehicle: it stays unconfirmed, the latches are named, nothing is "ready".
            Assert.True(s.C.Inventory.At(PackPlace.Lift).InTransit);
            why = s.C.WhyNotSwapping();
            Assert.DoesNotContain("ready", why);
            Assert.Contains("pack locks read between positions", why);
            Assert.Contains("pack D1 on the lift is marked in transit (not confirmed): it may still be in the vehicle", why);
            var r = s.C.Authorize(new SwapAuthorization("VIN2", null));
            Assert.False(r.Accepted);
            Assert.Equal(RejectReason.PackInTransit, r.Reason);
        }

        [Fact]
        public void Authorize_refuses_a_pack_in_transit_for_every_caller_and_never_overwrites_the_vehicle_pack()
        {
            // An e-stop in Lock: the charged pack is in the vehicle, in transit.
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.Lock);
            s.Run(200);
            TestStation.Ok(s.C.EmergencyStop());
            TestStation.Ok(s.C.ResetFault());
            s.HomeToIdle();
            PackRecord before = s.C.Inventory.At(PackPlace.Vehicle);
            Assert.Equal("P3", before.Serial);
            Assert.True(before.InTransit);
            var inventory = new PackInventory(s.Bay.Config.RackSlots);
            inventory.CopyFrom(s.C.Inventory);

            // Local operator (façade), console (AuthorizeLocal) and cloud (Authorize) all reach the same refusal.
            var local = s.C.Authorize(new SwapAuthorization("VIN1", null));
            Assert.Equal(RejectReason.PackInTransit, local.Reason);
            Assert.Contains("P3 at vehicle", local.Message);
            var cloud = new StationCloud(s.C, s.Bay.Clock);
            var link = new CloudLink(new CaptureLink(), s.Bay.Storage, s.Bay.Clock, cloud, new CloudLinkConfig());
            cloud.Attach(link);
            link.Start();
            var console = cloud.AuthorizeLocal(new SwapAuthorization("VIN1", null), "technician");
            Assert.False(console.Accepted);
            Assert.Equal(CloudReason.UnsafeState, console.Reason);
            var remote = cloud.Authorize("VIN1", null, 0);
            Assert.False(remote.Accepted);
            Assert.Equal(CloudReason.UnsafeState, remote.Reason);
            Assert.Contains("in transit", remote.Message);

            Assert.True(inventory.SameAs(s.C.Inventory), s.C.Inventory.Describe());
            Assert.DoesNotContain("unknown@", s.C.Inventory.Describe());
        }

        [Fact]
        public void A_known_vehicle_pack_is_kept_and_an_unknown_pack_of_a_vehicle_seen_before_gets_its_own_serial()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            TestStation.Ok(s.C.SetPlace(PackPlace.Vehicle, "V9", 30));
            var refused = s.C.Authorize(new SwapAuthorization("VIN1", null) { VehiclePackSerial = "OTHER" });
            Assert.Equal(RejectReason.InventoryMismatch, refused.Reason);
            TestStation.Ok(s.C.Authorize(new SwapAuthorization("VIN1", null)));
            Assert.Equal("V9", s.C.Inventory.At(PackPlace.Vehicle).Serial);
            Assert.Equal(30, s.C.Inventory.At(PackPlace.Vehicle).SocPct);
            Assert.Equal("V9", s.C.CurrentSwap.PackOutSerial);
            TestStation.Ok(s.C.Cancel());

            TestStation.Ok(s.C.SetRackSlot(7, "unknown@VIN1", 20, PackState.Charging));
            TestStation.Ok(s.C.Authorize(new SwapAuthorization("VIN1", null)));
            Assert.Equal("unknown@VIN1#2", s.C.Inventory.At(PackPlace.Vehicle).Serial);
        }

        [Fact]
        public void Pack_place_refuses_a_serial_already_in_a_rack_slot_or_another_place()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            var r = s.C.SetPlace(PackPlace.Lift, "P1", 95);
            Assert.False(r.Accepted);
            Assert.Equal(RejectReason.InventoryMismatch, r.Reason);
            Assert.True(s.C.Inventory.At(PackPlace.Lift).IsEmpty);
            TestStation.Ok(s.C.SetPlace(PackPlace.Staging, "X1", 50));
            Assert.False(s.C.SetPlace(PackPlace.ReturnPoint, "X1", 50).Accepted);
            TestStation.Ok(s.C.SetPlace(PackPlace.Staging, "X1", 60)); // the same place again is a correction
            Assert.Equal(1, Enumerable.Range(0, PackInventory.PlaceCount).Count(i => s.C.Inventory.At((PackPlace)i).Serial == "X1"));
        }
    }
}
