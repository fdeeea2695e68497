using Station.Hal.Sim;
using Xunit;

namespace Station.Sim.Tests
{
    public class LiftTests
    {
        [Fact]
        public void Lift_starts_at_home_with_the_home_switch_made()
        {
            var r = new Rig();
            Assert.Equal(0, r.Bay.LiftPositionMm);
            Assert.True(r.Bay.LiftHomeLimit.Read());
            Assert.False(r.Bay.LiftTopLimit.Read());
            Assert.Equal(0, r.Bay.Encoder.ReadCounts());
        }

        [Fact]
        public void Lift_accelerates_at_the_limit_to_the_speed_set_by_duty()
        {
            var r = new Rig();
            r.Permit();
            r.DriveLift(true, 1.0);
            r.Run(250);
            double v = r.P.LiftAccelMmS2 * 0.25;
            Assert.InRange(r.Bay.LiftVelocityMmS, v - 0.01, v + 0.01);
            r.Run(1000);
            Assert.Equal(r.P.LiftMaxSpeedMmS, r.Bay.LiftVelocityMmS, 6);
            r.DriveLift(true, 0.5);
            r.Bay.LiftEnable.Write(true);
            r.Bay.LiftBrakeRelease.Write(true);
            r.Run(1000);
            Assert.Equal(r.P.LiftMaxSpeedMmS * 0.5, r.Bay.LiftVelocityMmS, 6);
        }

        [Fact]
        public void Encoder_counts_follow_position_and_home_switch_opens_going_up()
        {
            var r = new Rig();
            r.Permit();
            r.DriveLift(true, 1.0);
            r.Run(2000);
            double mm = r.Bay.LiftPositionMm;
            Assert.True(mm > 100);
            Assert.Equal((int)System.Math.Round(mm * r.P.EncoderCountsPerMm), r.Bay.Encoder.ReadCounts());
            Assert.False(r.Bay.LiftHomeLimit.Read());
        }

        [Fact]
        public void Lift_does_not_move_without_the_safety_relay()
        {
            var r = new Rig();
            r.DriveLift(true, 1.0); // no MotionPermit → relay open → no torque
            r.Run(1000);
            Assert.Equal(0, r.Bay.LiftPositionMm);
            Assert.False(r.Bay.SafetyRelayOk.Read());
        }

        [Fact]
        public void Lift_does_not_move_against_the_brake_and_the_plant_counts_it()
        {
            var r = new Rig();
            r.Permit();
            r.DriveLift(true, 1.0);
            r.Bay.LiftBrakeRelease.Write(false);
            r.Run(500);
            Assert.Equal(0, r.Bay.LiftPositionMm);
            Assert.Equal(500, r.Bay.LiftDrivenAgainstBrakeMs);
        }

        [Fact]
        public void Top_limit_is_made_at_full_travel_and_the_mechanical_stop_holds_beyond_it()
        {
            var r = new Rig();
            r.Permit();
            r.DriveLift(true, 1.0);
            r.RunUntil(() => r.Bay.LiftTopLimit.Read(), 20000);
            Assert.InRange(r.Bay.LiftPositionMm, r.P.LiftTravelMm, r.P.LiftTravelMm + 2);
            r.Run(2000); // keeps pushing: stops at the end stop, encoder stops
            Assert.Equal(r.P.LiftTravelMm + r.P.LiftOvertravelMm, r.Bay.LiftPositionMm);
            Assert.Equal(0, r.Bay.LiftVelocityMmS);
            Assert.True(r.Bay.LiftTopLimit.Read());
        }

        [Fact]
        public void Home_limit_is_made_when_coming_down_and_bottom_stop_holds()
        {
            var r = new Rig();
            r.Permit();
            r.LiftTo(300);
            Assert.False(r.Bay.LiftHomeLimit.Read());
            r.DriveLift(false, 0.2);
            r.RunUntil(() => r.Bay.LiftHomeLimit.Read(), 20000);
            Assert.InRange(r.Bay.LiftPositionMm, r.P.HomeSwitchMm - 1, r.P.HomeSwitchMm);
            r.Run(2000);
            Assert.Equal(-r.P.LiftOvertravelMm, r.Bay.LiftPositionMm);
        }

        [Fact]
        public void Trapezoid_time_matches_a_simulated_full_speed_move()
        {
            var p = new PlantParameters();
            double expected = SimBay.MoveSeconds(800, p.LiftMaxSpeedMmS, p.LiftAccelMmS2);
            double rampMm = p.LiftMaxSpeedMmS * p.LiftMaxSpeedMmS / p.LiftAccelMmS2;
            Assert.Equal(2 * p.LiftMaxSpeedMmS / p.LiftAccelMmS2 + (800 - rampMm) / p.LiftMaxSpeedMmS, expected, 6);
            Assert.Equal(2 * System.Math.Sqrt(10 / 300.0), SimBay.MoveSeconds(10, 150, 300), 6);

            var r = new Rig();
            r.Permit();
            r.DriveLift(true, 1.0);
            // accelerate, cruise, then cut to zero duty early enough to ramp down over 75 mm (ramp handled by drive limit)
            int ms = r.RunUntil(() => r.Bay.LiftPositionMm >= 800 - rampMm / 2, 20000);
            r.Bay.LiftDrive.SetDuty(0);
            ms += r.RunUntil(() => r.Bay.LiftVelocityMmS <= 0, 5000);
            Assert.InRange(r.Bay.LiftPositionMm, 795, 805);
            Assert.InRange(ms / 1000.0, expected - 0.1, expected + 0.1);
        }

        [Fact]
        public void Stall_stops_the_lift_at_the_position_while_the_drive_pushes()
        {
            var r = new Rig();
            r.Bay.StallLiftAt(300);
            r.Permit();
            r.DriveLift(true, 1.0);
            r.Run(5000);
            Assert.Equal(300, r.Bay.LiftPositionMm);
            Assert.True(r.Bay.LiftJammed);
            int counts = r.Bay.Encoder.ReadCounts();
            r.Run(1000);
            Assert.Equal(counts, r.Bay.Encoder.ReadCounts());
            r.DriveLift(false, 1.0); // jammed both ways
            r.Run(1000);
            Assert.Equal(300, r.Bay.LiftPositionMm);
            r.Bay.ClearLiftStall();
            r.Run(1000);
            Assert.True(r.Bay.LiftPositionMm < 300);
        }

        [Fact]
        public void Stall_can_also_catch_the_lift_coming_down()
        {
            var r = new Rig();
            r.Permit();
            r.LiftTo(600);
            r.Bay.StallLiftAt(200);
            r.DriveLift(false, 1.0);
            r.Run(8000);
            Assert.Equal(200, r.Bay.LiftPositionMm);
        }

        [Fact]
        public void Frozen_encoder_stops_counting_while_the_lift_moves()
        {
            var r = new Rig();
            r.Permit();
            r.DriveLift(true, 1.0);
            r.Run(1000);
            r.Bay.Encoder.ReadCounts();
            r.Bay.Encoder.Frozen = true;
            int c = r.Bay.Encoder.ReadCounts();
            r.Run(1000);
            Assert.Equal(c, r.Bay.Encoder.ReadCounts());
        }
    }
}
