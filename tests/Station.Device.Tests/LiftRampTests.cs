using nanoFramework.TestFramework;
using Station.Core;
using Station.Core.Motion;
using Station.Device.Tests.Fakes;

namespace Station.Device.Tests
{
    /// <summary>The lift axis ramps its speed with the configured acceleration, reaches full speed, slows before the
    /// target and stops there with every output off.</summary>
    [TestClass]
    public class LiftRampTests
    {
        [TestMethod]
        public void A_move_ramps_up_runs_at_full_speed_ramps_down_and_stops_at_the_target()
        {
            var bay = new TinyBay();
            StationConfig c = bay.Config;
            bay.LiftMm = 0;
            bay.UpdateSensors();
            bay.Permit.Write(true); // the relay lets the drive run (normally the sequencer asks for this)
            var lift = new LiftAxis(bay.Io.Lift, c);
            Home(bay, lift);
            Assert.IsTrue(lift.MoveTo(300, bay.Clock.NowMs), "move accepted");

            double lastDuty = 0;
            double maxDuty = 0;
            double maxStep = c.AccelMmS2 * c.TickMs / 1000.0 / c.MaxSpeedMmS + 0.0001;
            bool arrived = false;
            bool sawDecelerate = false;
            for (int t = 0; t < 10000 && !arrived; t += c.TickMs)
            {
                bay.Clock.Advance(c.TickMs);
                bay.Step(c.TickMs);
                lift.Update(bay.Clock.NowMs);
                double duty = bay.Drive.Duty;
                Assert.IsTrue(duty <= 1.0, "duty never above 1");
                if (duty > lastDuty && lastDuty > 0)
                {
                    Assert.IsTrue(duty - lastDuty <= maxStep, "speed rises no faster than AccelMmS2");
                }
                if (duty < lastDuty && duty > 0) sawDecelerate = true;
                if (duty > maxDuty) maxDuty = duty;
                lastDuty = duty;
                arrived = lift.TakeArrived();
            }

            Assert.IsTrue(arrived, "the move completed");
            Assert.AreEqual(1.0, maxDuty, "full speed reached on a 300 mm move");
            Assert.IsTrue(sawDecelerate, "slowed down before the target");
            double error = lift.PositionMm - 300;
            Assert.IsTrue(error > -c.PositionToleranceMm - 2 && error < c.PositionToleranceMm + 2, "stopped at the target");
            Assert.AreEqual(0.0, bay.Drive.Duty);
            Assert.IsFalse(bay.Enable.State, "drive disabled");
            Assert.IsFalse(bay.Brake.State, "brake holds");
            Assert.AreEqual((int)FaultCode.None, (int)lift.Fault);
        }

        [TestMethod]
        public void A_move_is_refused_before_homing_and_outside_the_soft_limits()
        {
            var bay = new TinyBay();
            var lift = new LiftAxis(bay.Io.Lift, bay.Config);
            Assert.IsFalse(lift.MoveTo(100, bay.Clock.NowMs), "not homed");
            bay.LiftMm = 0;
            bay.UpdateSensors();
            bay.Permit.Write(true);
            Home(bay, lift);
            Assert.IsFalse(lift.MoveTo(bay.Config.SoftLimitMaxMm + 1, bay.Clock.NowMs), "above the soft limit");
            Assert.AreEqual(0.0, bay.Drive.Duty);
        }

        // Homing from the switch backs off until it releases and comes down again slowly: the second edge is zero.
        private static void Home(TinyBay bay, LiftAxis lift)
        {
            Assert.IsTrue(lift.StartHoming(bay.Clock.NowMs), "homing accepted");
            for (int t = 0; t < 10000 && !lift.IsHomed; t += bay.Config.TickMs)
            {
                bay.Clock.Advance(bay.Config.TickMs);
                bay.Step(bay.Config.TickMs);
                lift.Update(bay.Clock.NowMs);
            }
            Assert.IsTrue(lift.IsHomed, "homing confirmed the switch edge");
            Assert.IsTrue(lift.TakeArrived(), "homing reported its end");
        }
    }
}
