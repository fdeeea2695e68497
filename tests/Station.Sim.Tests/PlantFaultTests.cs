using Station.Hal;
using Station.Hal.Sim;
using Xunit;

namespace Station.Sim.Tests
{
    /// <summary>The plant faults a certification test injects: each does what it says on the plant, and heals.</summary>
    public class PlantFaultTests
    {
        [Fact]
        public void Encoder_offset_scale_and_wrap_change_what_the_core_reads_not_the_counter()
        {
            var r = new Rig();
            r.Permit();
            r.LiftTo(500);
            int healthy = r.Bay.Io.Lift.Encoder.ReadCounts();
            Assert.InRange(healthy, 4990, 5010);
            var path = r.Bay.EncoderPath;
            path.OffsetCounts = 1500;
            Assert.Equal(healthy + 1500, r.Bay.Io.Lift.Encoder.ReadCounts());
            path.OffsetCounts = 0;
            path.Scale = 0.5;
            Assert.InRange(r.Bay.Io.Lift.Encoder.ReadCounts(), healthy / 2 - 1, healthy / 2 + 1);
            path.Scale = 1;
            path.WrapCounts = 4096; // 12 bits: 5000 folds to 5000 - 4096 = 904
            Assert.Equal(healthy - 4096, r.Bay.Io.Lift.Encoder.ReadCounts());
            path.Heal();
            Assert.Equal(healthy, r.Bay.Io.Lift.Encoder.ReadCounts());
            Assert.Equal(healthy, r.Bay.Encoder.ReadCounts());
        }

        [Fact]
        public void Encoder_slip_loses_a_share_of_the_motion_for_good()
        {
            var r = new Rig();
            r.Permit();
            r.Bay.EncoderPath.SlipFraction = 0.5;
            var enc = r.Bay.Io.Lift.Encoder;
            r.DriveLift(true, 1.0);
            for (int i = 0; i < 300; i++) { r.Run(10); enc.ReadCounts(); } // the core reads every tick
            r.DriveLift(true, 0);
            r.Run(300);
            double real = r.Bay.LiftPositionMm * r.P.EncoderCountsPerMm;
            Assert.InRange(enc.ReadCounts(), real * 0.45, real * 0.55);
            r.Bay.EncoderPath.Heal();
            Assert.InRange(enc.ReadCounts(), real * 0.45, real * 0.55); // what slipped stays lost
        }

        [Fact]
        public void A_runaway_drive_ignores_enable_and_reference_but_not_the_safety_relay()
        {
            var r = new Rig();
            r.Permit();
            r.Bay.LiftRunaway = 1;
            r.Bay.LiftBrakeRelease.Write(true);
            r.Run(1000);
            Assert.True(r.Bay.LiftPositionMm > 40, $"the lift stood at {r.Bay.LiftPositionMm} mm");
            r.Bay.MotionPermit.Write(false); // the chain takes the drive's power
            r.Run(500);
            double stopped = r.Bay.LiftPositionMm;
            r.Run(1000);
            Assert.Equal(stopped, r.Bay.LiftPositionMm, 3);
            Assert.Empty(r.Bay.Hazards);
        }

        [Fact]
        public void A_runaway_into_the_top_stop_is_a_hazard()
        {
            var r = new Rig();
            r.Permit();
            r.Bay.LiftRunaway = 1;
            r.Bay.LiftBrakeRelease.Write(true);
            r.Run(15000);
            Assert.Contains(r.Bay.Hazards, h => h.What.Contains("top end stop"));
        }

        [Fact]
        public void A_brake_that_does_not_hold_lets_the_platform_sink()
        {
            var r = new Rig();
            r.Permit();
            r.LiftTo(400);
            r.Bay.BrakeSlipMmS = 20;
            r.Run(2000);
            Assert.InRange(r.Bay.LiftPositionMm, 355, 370);
            r.Bay.BrakeSlipMmS = 0;
            double held = r.Bay.LiftPositionMm;
            r.Run(1000);
            Assert.Equal(held, r.Bay.LiftPositionMm, 1);
        }

        [Fact]
        public void A_welded_output_stays_on_and_a_stuck_reference_keeps_its_value()
        {
            var r = new Rig();
            var conveyor = r.Bay.StagingConveyorRun;
            conveyor.StuckOn = true;
            conveyor.Write(false);
            Assert.True(conveyor.State);
            Assert.False(conveyor.Written);
            conveyor.StuckOn = false;
            Assert.False(conveyor.State);
            r.Bay.LiftDrive.SetDuty(0.3);
            r.Bay.LiftDrive.StuckDuty = 0.3;
            r.Bay.LiftDrive.SetDuty(0);
            Assert.Equal(0.3, r.Bay.LiftDrive.Duty);
            r.Bay.LiftDrive.StuckDuty = -1;
            Assert.Equal(0, r.Bay.LiftDrive.Duty);
        }

        [Fact]
        public void A_vehicle_that_rolls_away_drops_its_sensor_and_touching_it_is_a_hazard()
        {
            var r = new Rig(new PlantParameters { VehicleArriveMs = 0 });
            r.Bay.ArriveVehicle("CAR");
            Assert.True(r.Bay.VehiclePositioned.Read());
            r.Bay.VehicleRollsAway();
            Assert.False(r.Bay.VehiclePositioned.Read());
            Assert.Empty(r.Bay.Hazards); // the lift is home: nothing touches
            r.Bay.VehicleRepositions();
            r.Permit();
            r.LiftTo(r.P.VehicleHeightMm);
            r.Bay.VehicleRollsAway();
            Assert.Contains(r.Bay.Hazards, h => h.What.Contains("vehicle moved while the lift touched its pack"));
        }

        [Fact]
        public void A_vehicle_leaving_unreleased_is_gone_after_its_departure_time()
        {
            var r = new Rig(new PlantParameters { VehicleArriveMs = 0, VehicleDepartMs = 100 });
            r.Bay.ArriveVehicle("CAR");
            r.Bay.VehicleLeavesNow();
            r.Run(200);
            Assert.Null(r.Bay.Vehicle);
            Assert.Empty(r.Bay.Hazards); // the pack was locked and the lift home
        }

        [Fact]
        public void The_vehicle_height_error_moves_the_contact_not_the_configuration()
        {
            var p = new PlantParameters { VehicleArriveMs = 0, VehicleHeightErrorMm = 25 };
            Assert.Equal(new PlantParameters().ControllerConfig().VehicleHeightMm, p.ControllerConfig().VehicleHeightMm);
            var r = new Rig(p);
            r.Bay.ArriveVehicle("CAR");
            r.Permit();
            r.LiftTo(800);
            Assert.False(r.Bay.AtContact); // 825 - 10 mm window: not yet
            r.LiftTo(816);
            Assert.True(r.Bay.AtContact);
        }

        [Fact]
        public void The_rack_handler_can_fetch_the_wrong_pack_or_drop_it()
        {
            var r = new Rig(new PlantParameters { HandlerFetchMs = 100 });
            r.Bay.Rack.FetchWrongPackNext = true;
            r.Bay.Rack.Fetch("PK0003");
            r.Run(300);
            Assert.Equal("PK0001", Assert.Single(r.Bay.PacksOnConveyor).Serial);
            Assert.True(r.Bay.Rack.SlotOf("PK0003") >= 0);
            var r2 = new Rig(new PlantParameters { HandlerFetchMs = 100 });
            r2.Bay.Rack.DropNextFetch = true;
            r2.Bay.Rack.Fetch("PK0003");
            r2.Run(300);
            Assert.Empty(r2.Bay.PacksOnConveyor);
            Assert.Equal(1, r2.Bay.Rack.Dropped);
            Assert.Empty(r2.Bay.Hazards);
        }

        [Fact]
        public void A_torn_replace_keeps_half_the_new_bytes_and_says_when()
        {
            var clock = new SimClock();
            var s = new MemoryStorage(clock);
            Assert.True(s.Replace("f", new byte[] { 1, 2, 3, 4 }, 0, 4));
            clock.Advance(50);
            s.TearNextReplace = true;
            Assert.True(s.Replace("f", new byte[] { 9, 8, 7, 6, 5, 4 }, 0, 6));
            Assert.Equal(new byte[] { 9, 8, 7 }, s.Snapshot("f"));
            Assert.Equal(50, s.ReplaceTornAtMs);
            Assert.False(s.TearNextReplace);
            Assert.True(s.Replace("f", new byte[] { 1, 2 }, 0, 2)); // only the one replace is torn
            Assert.Equal(new byte[] { 1, 2 }, s.Snapshot("f"));
        }

        [Fact]
        public void Appends_and_replaces_fail_separately()
        {
            var s = new MemoryStorage();
            s.FailAppends = true;
            Assert.False(s.Append("f", new byte[] { 1 }, 0, 1));
            Assert.True(s.Replace("f", new byte[] { 1 }, 0, 1));
            s.FailAppends = false;
            s.FailReplaces = true;
            Assert.True(s.Append("f", new byte[] { 2 }, 0, 1));
            Assert.False(s.Replace("f", new byte[] { 3 }, 0, 1));
        }

        [Fact]
        public void A_bus_off_port_neither_sends_nor_receives()
        {
            var bus = new VirtualCanBus(new SimClock());
            var a = bus.Connect("a");
            var b = bus.Connect("b");
            var f = new CanFrame();
            b.BusOff = true;
            Assert.True(a.TrySend(ref f));
            Assert.False(b.TrySend(ref f));
            Assert.False(b.TryRead(ref f));
            b.BusOff = false;
            Assert.False(b.TryRead(ref f)); // what was sent meanwhile is lost
            Assert.True(a.TrySend(ref f));
            Assert.True(b.TryRead(ref f));
        }
    }
}
