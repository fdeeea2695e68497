using Station.Core.Motion;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The actuator controllers alone, over the test bay's ports: limits, deadlines, stall, ramp, sensors.</summary>
    public class ActuatorTests
    {
        private sealed class Rig
        {
            public readonly TestBay Bay = new TestBay();
            public readonly LiftAxis Lift;
            public readonly LockSet Locks;
            public Rig()
            {
                Bay.Permit.Write(true);
                Bay.RelayDelayMs = 0;
                Lift = new LiftAxis(Bay.Io.Lift, Bay.Config);
                Locks = new LockSet(Bay.Io.Locks, Bay.Config);
            }
            public void Run(int ms)
            {
                for (int t = 0; t < ms; t += 10)
                {
                    Bay.Clock.Advance(10);
                    Bay.Step(10);
                    Lift.Update(Bay.Clock.NowMs);
                    Locks.Update(Bay.Clock.NowMs);
                }
            }
            public void Home()
            {
                Assert.True(Lift.StartHoming(Bay.Clock.NowMs));
                Run(5000);
                Assert.True(Lift.IsHomed);
                Assert.True(Lift.TakeArrived());
            }
        }

        [Fact]
        public void Lift_refuses_to_move_before_homing_and_outside_its_soft_limits()
        {
            var r = new Rig();
            Assert.False(r.Lift.MoveTo(100, r.Bay.Clock.NowMs));
            r.Home();
            Assert.Equal(0, r.Lift.PositionMm, 0);
            Assert.False(r.Lift.MoveTo(r.Bay.Config.SoftLimitMaxMm + 1, r.Bay.Clock.NowMs));
            Assert.False(r.Lift.MoveTo(-1, r.Bay.Clock.NowMs));
            Assert.Equal(LiftMode.Idle, r.Lift.Mode);
            Assert.False(r.Bay.Enable.State);
        }

        [Fact]
        public void Lift_ramps_at_the_configured_acceleration_and_stops_within_tolerance()
        {
            var r = new Rig();
            r.Home();
            Assert.True(r.Lift.MoveTo(300, r.Bay.Clock.NowMs));
            double last = 0;
            for (int t = 0; t < 200; t += 10)
            {
                r.Run(10);
                double v = r.Lift.CommandedSpeedMmS;
                Assert.True(v - last <= r.Bay.Config.AccelMmS2 * 0.010 + 1e-9 || v <= r.Bay.Config.CreepSpeedMmS, "speed jumped from " + last + " to " + v);
                last = v;
            }
            r.Run(5000);
            Assert.True(r.Lift.TakeArrived());
            Assert.InRange(r.Lift.PositionMm, 299, 301.5);
            Assert.False(r.Bay.Enable.State);
            Assert.False(r.Bay.Brake.State);
            Assert.Equal(0, r.Bay.Drive.Duty);
            // Planned move time matches the trapezoid: 300 mm at 200 mm/s, 400 mm/s² → 0.5 + 1.0 + 0.5 = 2.0 s.
            Assert.Equal(2000, Kinematics.MoveMs(300, 200, 400));
            Assert.Equal(1000, Kinematics.MoveMs(100, 200, 400)); // triangular: 2·√(100/400) s
        }

        [Fact]
        public void Lift_stall_is_detected_when_the_encoder_stops_while_driven()
        {
            var r = new Rig();
            r.Home();
            r.Bay.StallAtMm = 50;
            Assert.True(r.Lift.MoveTo(400, r.Bay.Clock.NowMs));
            r.Run(3000);
            Assert.Equal(LiftMode.Faulted, r.Lift.Mode);
            Assert.Equal(FaultCode.LiftStall, r.Lift.Fault);
            Assert.False(r.Bay.Enable.State);
            Assert.False(r.Lift.MoveTo(0, r.Bay.Clock.NowMs));
            r.Lift.ClearFault();
            Assert.False(r.Lift.IsHomed); // must home again after a fault
        }

        [Fact]
        public void Lift_move_that_crawls_is_stopped_by_its_following_error_long_before_its_deadline()
        {
            var r = new Rig();
            r.Home();
            Assert.True(r.Lift.MoveTo(400, r.Bay.Clock.NowMs));
            long deadline = r.Lift.DeadlineMs;
            long planned = Kinematics.MoveMs(400 - r.Lift.PositionMm, 200, 400); // homing leaves the lift a hair below its edge
            Assert.Equal(r.Bay.Clock.NowMs + planned + planned / 2 + r.Bay.Config.MoveTimeoutMarginMs, deadline);
            // A drive that only reaches 2 % of the commanded speed still moves the encoder but falls behind the commanded
            // travel: the following error stops it within a fraction of a second, not at the deadline seconds later.
            var slow = r.Bay.Config.MaxSpeedMmS;
            r.Bay.Config.MaxSpeedMmS = slow * 0.02;
            long start = r.Bay.Clock.NowMs;
            for (int i = 0; i < 200 && r.Lift.Fault == FaultCode.None; i++) r.Run(10);
            Assert.Equal(FaultCode.LiftFollowingError, r.Lift.Fault);
            Assert.True(r.Bay.Clock.NowMs - start < 500, "stopped after " + (r.Bay.Clock.NowMs - start) + " ms");
            Assert.True(r.Lift.PositionMm < 20);
            Assert.False(r.Bay.Enable.State);
        }

        [Fact]
        public void Lift_trips_on_the_top_limit_and_on_an_unexpected_home_switch()
        {
            var r = new Rig();
            r.Home();
            Assert.True(r.Lift.MoveTo(400, r.Bay.Clock.NowMs));
            r.Run(500);
            r.Bay.TopLimit.Forced = true;
            r.Run(100);
            Assert.Equal(FaultCode.LiftTopLimit, r.Lift.Fault);

            var h = new Rig();
            h.Home();
            Assert.True(h.Lift.MoveTo(400, h.Bay.Clock.NowMs));
            h.Run(1500);
            h.Bay.HomeLimit.Forced = true; // shorted switch while the encoder reads well above home
            h.Run(100);
            Assert.Equal(FaultCode.LiftHomeLimitUnexpected, h.Lift.Fault);
        }

        [Fact]
        public void Homing_fails_when_the_home_switch_never_comes()
        {
            var r = new Rig();
            r.Bay.HomeLimit.Forced = false;
            r.Bay.LiftMm = 300;
            r.Bay.Step(0); // the encoder reads the new height before homing starts (a jump would be a fault of its own)
            Assert.True(r.Lift.StartHoming(r.Bay.Clock.NowMs));
            r.Run(30_000);
            // The plant clamps at 0 mm: the encoder stops, so either stall or homing timeout stops it, never runs on.
            Assert.Equal(LiftMode.Faulted, r.Lift.Mode);
            Assert.True(r.Lift.Fault == FaultCode.LiftStall || r.Lift.Fault == FaultCode.LiftHomingFailed, "fault " + r.Lift.Fault);
            Assert.False(r.Lift.IsHomed);
        }

        [Fact]
        public void Locks_complete_when_every_lock_reads_its_end_and_fault_past_their_travel_time()
        {
            var r = new Rig();
            r.Locks.ReleaseAll(r.Bay.Clock.NowMs);
            r.Run(1000);
            Assert.True(r.Locks.TakeDone());
            Assert.True(r.Locks.AllUnlocked());
            Assert.False(r.Bay.Release[0].State); // outputs off once there
            r.Bay.StuckLock = 3;
            r.Locks.EngageAll(r.Bay.Clock.NowMs);
            r.Run(r.Bay.Config.LockTravelMs + 50);
            Assert.Equal(FaultCode.LockEngageTimeout, r.Locks.Fault);
            Assert.Equal(3, r.Locks.FaultLock);
            Assert.False(r.Bay.Engage[0].State);
        }

        [Fact]
        public void A_lock_reading_both_ends_is_a_sensor_conflict()
        {
            var r = new Rig();
            r.Bay.LockedSensor[1].Forced = true;
            r.Bay.UnlockedSensor[1].Forced = true;
            r.Locks.ReleaseAll(r.Bay.Clock.NowMs);
            r.Run(r.Bay.Config.LockTravelMs + 50);
            Assert.Equal(FaultCode.LockSensorConflict, r.Locks.Fault);
            Assert.Equal(1, r.Locks.FaultLock);
        }

        [Fact]
        public void Debounced_input_waits_for_a_stable_level_but_safety_inputs_drop_at_once()
        {
            var raw = new TestInput { Level = true };
            var plain = new DebouncedInput(raw, 20, false);
            var safety = new DebouncedInput(raw, 20, true);
            plain.Sample(0); safety.Sample(0);
            raw.Level = false;
            plain.Sample(10); safety.Sample(10);
            Assert.True(plain.Value);
            Assert.False(safety.Value);      // unsafe believed in the same sample
            raw.Level = true;                // a glitch back
            plain.Sample(20); safety.Sample(20);
            Assert.True(plain.Value);
            Assert.False(safety.Value);      // safe only after it held for the debounce time
            safety.Sample(30);
            Assert.False(safety.Value);
            safety.Sample(40);
            Assert.True(safety.Value);
            // A flickering input never settles to the new level.
            raw.Level = false;
            for (int t = 50; t < 300; t += 10) { raw.Level = !raw.Level; plain.Sample(t); Assert.True(plain.Value); }
        }

        [Fact]
        public void Interlocks_detect_a_relay_that_does_not_follow_the_permit()
        {
            var bay = new TestBay { RelayDead = true };
            var il = new Station.Core.Safety.Interlocks(bay.Io, bay.Config);
            il.SetPermit(true, 0);
            il.Sample(0);
            Assert.Equal(FaultCode.None, il.TickFault(false, false, false, 100));
            Assert.Equal(FaultCode.SafetyRelayNoResponse, il.TickFault(false, false, false, bay.Config.RelayResponseMs));

            var welded = new TestBay { RelayWelded = true };
            var w = new Station.Core.Safety.Interlocks(welded.Io, welded.Config);
            w.SetPermit(false, 0);
            w.Sample(0);
            Assert.Equal(FaultCode.SafetyRelayWelded, w.TickFault(false, false, false, welded.Config.RelayResponseMs));
            Assert.False(w.HealthyForReset(welded.Config.RelayResponseMs));

            var ok = new TestBay { RelayDelayMs = 0 };
            var o = new Station.Core.Safety.Interlocks(ok.Io, ok.Config);
            o.SetPermit(true, 0);
            ok.Step(10);
            o.Sample(10);
            Assert.True(o.DrivesReady);
            ok.RelayDead = true;
            o.Sample(20);
            Assert.Equal(FaultCode.SafetyRelayDropped, o.TickFault(false, false, false, 20)); // at once, no response time
        }
    }
}
