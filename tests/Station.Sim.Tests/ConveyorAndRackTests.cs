using System.Linq;
using Station.Hal.Sim;
using Xunit;

namespace Station.Sim.Tests
{
    public class ConveyorAndRackTests
    {
        [Fact]
        public void Rack_starts_full_of_charged_packs_with_one_free_slot()
        {
            var r = new Rig();
            Assert.Equal(r.P.RackPacks, r.Bay.Rack.Slots.Count(s => s != null));
            Assert.Null(r.Bay.Rack.Slots[r.P.RackSlots - 1]);
            Assert.All(r.Bay.Rack.Slots.Where(s => s != null), s => Assert.Equal(r.P.RackInitialSocPct, s.SocPct));
            Assert.Equal(0, r.Bay.Rack.SlotOf("PK0001"));
            Assert.False(r.Bay.Rack.Fetch("NOPE"));
        }

        [Fact]
        public void Handler_feeds_the_chosen_pack_and_staging_conveyor_carries_it_to_the_staging_point()
        {
            var r = new Rig();
            Assert.True(r.Bay.Rack.Fetch("PK0005"));
            r.Run(20);
            Assert.True(r.Bay.Rack.HandlerBusy);
            Assert.Null(r.Bay.Rack.Slots[4]);
            r.Run(r.P.HandlerFetchMs);
            var pack = r.Bay.Packs.Single(p => p.Serial == "PK0005");
            Assert.Equal(SimPackPlace.Conveyor, pack.Place);
            Assert.Equal(0, pack.TrackMm);
            Assert.False(r.Bay.PackAtStaging.Read());
            r.Permit();
            r.Bay.StagingConveyorRun.Write(true);
            int ms = r.RunUntil(() => r.Bay.PackAtStaging.Read(), 20000);
            double expected = (r.P.StagingLengthMm - r.P.PackSensorWindowMm) / r.P.StagingSpeedMmS * 1000;
            Assert.InRange(ms, expected - 20, expected + 20);
            r.Run(1000); // conveyor keeps turning: the pack stays at the end stop
            Assert.Equal(r.Bay.StagingPointMm, pack.TrackMm);
            Assert.True(r.Bay.PackAtStaging.Read());
        }

        [Fact]
        public void Staging_conveyor_does_nothing_without_the_safety_relay()
        {
            var r = new Rig();
            r.Bay.Rack.Fetch("PK0001");
            r.Run(r.P.HandlerFetchMs + 20);
            r.Bay.StagingConveyorRun.Write(true);
            r.Run(10000);
            Assert.Equal(0, r.Bay.Packs.Single(p => p.Serial == "PK0001").TrackMm);
        }

        [Fact]
        public void One_transfer_run_moves_the_old_pack_to_return_and_the_staged_pack_onto_the_lift()
        {
            var r = new Rig();
            var old = new SimPack("OLD", 15, "LFP");
            var fresh = new SimPack("NEW", 95, "LFP");
            r.Bay.PlaceOnPlatform(old);
            r.Bay.PlaceAtStaging(fresh);
            Assert.True(r.Bay.PackOnLift.Read());
            Assert.True(r.Bay.PackAtStaging.Read());
            r.Permit();
            r.Bay.TransferConveyorRun.Write(true);
            int ms = r.RunUntil(() => r.Bay.PackAtReturn.Read() && r.Bay.PackOnPlatform != null, 20000);
            double expected = r.P.TransferPitchMm / r.P.TransferSpeedMmS * 1000;
            Assert.InRange(ms, expected - 100, expected + 20);
            r.Bay.TransferConveyorRun.Write(false);
            Assert.Same(fresh, r.Bay.PackOnPlatform);
            Assert.True(r.Bay.PackOnLift.Read());
            Assert.False(r.Bay.PackAtStaging.Read());
            Assert.Equal(SimPackPlace.Conveyor, old.Place);

            // the handler takes the returned pack to the free slot once the conveyor has settled
            r.Run(r.P.HandlerSettleMs + 20);
            Assert.Equal(SimPackPlace.Handler, old.Place);
            Assert.False(r.Bay.PackAtReturn.Read());
            r.Run(r.P.HandlerStoreMs);
            Assert.Equal(SimPackPlace.Rack, old.Place);
            Assert.Equal(r.P.RackSlots - 1, old.Slot);
            Assert.Equal(1, r.Bay.Rack.Stored);
            Assert.Empty(r.Bay.Hazards);
        }

        [Fact]
        public void Pack_sensor_on_the_lift_blinks_off_while_packs_cross()
        {
            var r = new Rig();
            r.Bay.PlaceOnPlatform(new SimPack("OLD", 15, "LFP"));
            r.Bay.PlaceAtStaging(new SimPack("NEW", 95, "LFP"));
            r.Permit();
            r.Bay.TransferConveyorRun.Write(true);
            r.Run(1000);
            Assert.False(r.Bay.PackOnLift.Read());
            Assert.False(r.Bay.PackAtStaging.Read());
            Assert.False(r.Bay.PackAtReturn.Read());
        }

        [Fact]
        public void Transfer_with_the_lift_raised_drops_the_pack_into_the_pit()
        {
            var r = new Rig();
            r.Bay.PlaceAtStaging(new SimPack("NEW", 95, "LFP"));
            r.Permit();
            r.LiftTo(300);
            r.Bay.TransferConveyorRun.Write(true);
            r.Run(1000);
            Assert.Contains(r.Bay.Hazards, h => h.What.Contains("lift pit"));
            Assert.Equal(SimPackPlace.Dropped, r.Bay.Packs.Single(p => p.Serial == "NEW").Place);
        }

        [Fact]
        public void Rack_packs_charge_over_time()
        {
            var p = new PlantParameters { RackInitialSocPct = 50, ChargePctPerMin = 2 };
            var r = new Rig(p);
            r.Run(60000);
            Assert.Equal(52, r.Bay.Rack.Slots[0].SocPct, 6);
            Assert.Same(r.Bay.Rack.Slots[0], r.Bay.Rack.BestCharged());
        }

        [Fact]
        public void Bad_parameters_are_refused_with_a_reason()
        {
            var ex = Assert.Throws<System.ArgumentException>(() => new SimBay(new PlantParameters { VehicleHeightMm = 5000 }, new SimClock(), new MemoryStorage()));
            Assert.Contains("VehicleHeightMm", ex.Message);
            Assert.Throws<System.ArgumentException>(() => new PlantParameters { RackPacks = 20 }.Validate());
            Assert.Throws<System.ArgumentException>(() => new PlantParameters { TransferPitchMm = 100 }.Validate());
        }
    }
}
