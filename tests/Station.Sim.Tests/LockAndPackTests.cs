using Station.Hal.Sim;
using Xunit;

namespace Station.Sim.Tests
{
    public class LockAndPackTests
    {
        private static Rig PositionedVehicleWithLiftAtPack()
        {
            var r = new Rig();
            r.Bay.ArriveVehicle("CAR1");
            r.Run(r.P.VehicleArriveMs);
            Assert.True(r.Bay.VehiclePositioned.Read());
            r.Permit();
            r.LiftTo(r.P.VehicleHeightMm);
            return r;
        }

        [Fact]
        public void Arriving_vehicle_is_positioned_after_the_drive_in_with_its_pack_locked()
        {
            var r = new Rig();
            var v = r.Bay.ArriveVehicle("CAR1", "OLD1", 20);
            r.Run(r.P.VehicleArriveMs - 10);
            Assert.False(r.Bay.VehiclePositioned.Read());
            r.Run(10);
            Assert.True(r.Bay.VehiclePositioned.Read());
            Assert.Equal("OLD1", v.Pack.Serial);
            for (int i = 0; i < r.P.LockCount; i++)
            {
                Assert.True(r.Bay.LockLocked[i].Read());
                Assert.False(r.Bay.LockUnlocked[i].Read());
            }
        }

        [Fact]
        public void Locks_travel_in_the_lock_travel_time_and_the_pack_comes_down_on_the_platform()
        {
            var r = PositionedVehicleWithLiftAtPack();
            Assert.True(r.Bay.PackOnLift.Read()); // platform sensor sees the pack it touches
            r.Locks(engage: false, on: true);
            int ms = r.RunUntil(() => r.Bay.LockUnlocked[0].Read(), 10000);
            Assert.InRange(ms, r.P.LockTravelMs - 30, r.P.LockTravelMs + 30);
            for (int i = 0; i < r.P.LockCount; i++) Assert.False(r.Bay.LockLocked[i].Read());
            r.Locks(engage: false, on: false);
            Assert.Null(r.Bay.Vehicle.Pack);
            Assert.Equal(SimPackPlace.Lift, r.Bay.PackOnPlatform.Place);
            r.LiftTo(0);
            Assert.True(r.Bay.PackOnLift.Read());
            Assert.Empty(r.Bay.Hazards);
        }

        [Fact]
        public void Locks_do_not_move_unless_the_platform_touches_the_pack()
        {
            var r = new Rig();
            r.Bay.ArriveVehicle("CAR1");
            r.Run(r.P.VehicleArriveMs);
            r.Permit();
            r.Locks(engage: false, on: true);
            r.Run(r.P.LockTravelMs * 2);
            Assert.True(r.Bay.LockLocked[0].Read());
            Assert.False(r.Bay.LockUnlocked[0].Read());
        }

        [Fact]
        public void Both_coils_at_once_move_nothing()
        {
            var r = PositionedVehicleWithLiftAtPack();
            r.Locks(engage: true, on: true);
            r.Locks(engage: false, on: true);
            r.Run(r.P.LockTravelMs);
            Assert.True(r.Bay.LockLocked[2].Read());
        }

        [Fact]
        public void Lock_that_fails_to_engage_stops_between_its_sensors()
        {
            var r = PositionedVehicleWithLiftAtPack();
            r.Locks(engage: false, on: true);
            r.Run(r.P.LockTravelMs + 100);
            r.Locks(engage: false, on: false);
            r.Bay.FailLockEngage(1);
            r.Locks(engage: true, on: true);
            r.Run(r.P.LockTravelMs * 3);
            Assert.True(r.Bay.LockLocked[0].Read());
            Assert.False(r.Bay.LockLocked[1].Read());
            Assert.False(r.Bay.LockUnlocked[1].Read());
            Assert.Equal(r.P.LockJamFraction, r.Bay.Locks[1], 6);
            Assert.False(r.Bay.AllLocksLocked);
        }

        [Fact]
        public void Raising_a_pack_and_locking_hands_it_to_the_vehicle()
        {
            var r = PositionedVehicleWithLiftAtPack();
            r.Locks(engage: false, on: true);
            r.Run(r.P.LockTravelMs + 100);
            r.Locks(engage: false, on: false);
            r.LiftTo(0);
            var old = r.Bay.PackOnPlatform;
            r.Bay.PackOnPlatform.SocPct = 10;
            // no swap here: the same pack goes back up and is locked again
            r.LiftTo(r.P.VehicleHeightMm);
            r.Locks(engage: true, on: true);
            r.Run(r.P.LockTravelMs + 100);
            Assert.Same(old, r.Bay.Vehicle.Pack);
            r.LiftTo(0);
            Assert.Null(r.Bay.PackOnPlatform);
            Assert.False(r.Bay.PackOnLift.Read());
            Assert.Empty(r.Bay.Hazards);
        }

        [Fact]
        public void Lift_blocked_by_the_vehicle_is_a_hazard()
        {
            var r = PositionedVehicleWithLiftAtPack();
            r.DriveLift(true, 1.0);
            r.Run(2000);
            Assert.Equal(r.P.VehicleHeightMm + r.P.ContactComplianceMm, r.Bay.LiftPositionMm);
            Assert.Contains(r.Bay.Hazards, h => h.What.Contains("seal compression"));
        }

        [Fact]
        public void Pack_falls_when_locks_are_open_with_no_platform_under_it()
        {
            var r = new Rig();
            r.Bay.ArriveVehicle("CAR1");
            r.Run(r.P.VehicleArriveMs);
            for (int i = 0; i < r.P.LockCount; i++) r.Bay.Locks[i] = 0; // e.g. a manual release with the lift down
            r.Run(10);
            Assert.Contains(r.Bay.Hazards, h => h.What.Contains("fell"));
            Assert.Equal(SimPackPlace.Dropped, r.Bay.Vehicle.ArrivedWith.Place);
        }

        [Fact]
        public void Vehicle_leaving_with_its_pack_not_fully_locked_is_a_hazard()
        {
            var r = PositionedVehicleWithLiftAtPack();
            r.Bay.Locks[1] = 0.5; // one latch half open (e.g. a jammed lock the controller ignored)
            r.LiftTo(0);
            Assert.Empty(r.Bay.Hazards);
            r.Bay.DepartVehicle();
            Assert.Contains(r.Bay.Hazards, h => h.What.Contains("not fully locked"));
        }

        [Fact]
        public void Vehicle_driving_in_over_a_raised_lift_is_a_hazard()
        {
            var r = new Rig();
            r.Permit();
            r.LiftTo(300);
            r.Bay.ArriveVehicle("CAR1");
            Assert.Contains(r.Bay.Hazards, h => h.What.Contains("raised lift"));
            Assert.Throws<System.InvalidOperationException>(() => r.Bay.ArriveVehicle("CAR2"));
        }

        [Fact]
        public void Vehicle_leaving_with_the_lift_up_or_pack_unlocked_is_a_hazard()
        {
            var r = PositionedVehicleWithLiftAtPack();
            r.Bay.DepartVehicle();
            Assert.Contains(r.Bay.Hazards, h => h.What.Contains("lift raised"));
            Assert.False(r.Bay.VehiclePositioned.Read());
            r.Run(r.P.VehicleDepartMs);
            Assert.Null(r.Bay.Vehicle);
            Assert.Single(r.Bay.DepartedVehicles);
            Assert.Equal(SimPackPlace.Departed, r.Bay.DepartedVehicles[0].Pack.Place);
        }
    }
}
