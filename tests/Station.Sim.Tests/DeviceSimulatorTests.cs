using Station.Hal.Sim;
using Xunit;

namespace Station.Sim.Tests
{
    /// <summary>The plant is assembled from one simulator per device (safety chain, linear axis, lock set, conveyor
    /// drives); each works on its own ports, and the bay composes them.</summary>
    public class DeviceSimulatorTests
    {
        private static SimClock Clock() => new SimClock();

        [Fact]
        public void Safety_chain_energises_after_its_pickup_only_with_a_permit_and_a_healthy_chain()
        {
            var c = Clock();
            var chain = new SimSafetyChain(new SimInput("E", c), new SimInput("C", c), new SimInput("D", c), new SimInput("R", c), new SimOutput("P"),
                new SimOutput("K"), 40, 0);
            chain.Step(10, true);                   // no permit: the pick-up timer starts afresh
            chain.MotionPermit.Write(true);
            chain.Step(30, true);
            Assert.False(chain.Energised);
            chain.Step(10, true);
            Assert.True(chain.Energised);
            chain.UpdateSensors();
            Assert.True(chain.RelayFeedback.Read());
            chain.LightCurtainBroken = true;
            chain.Step(10, true);
            chain.UpdateSensors();
            Assert.False(chain.Energised);
            Assert.False(chain.LightCurtainClear.Read());
            chain.LightCurtainBroken = false;
            chain.Step(10, false); // no supply: never
            chain.Step(100, false);
            Assert.False(chain.Energised);
        }

        [Fact]
        public void Lock_set_moves_only_with_power_and_a_failing_lock_jams_part_way()
        {
            var c = Clock();
            SimOutput[] engage = { new SimOutput("E0"), new SimOutput("E1") }, release = { new SimOutput("R0"), new SimOutput("R1") };
            SimInput[] locked = { new SimInput("L0", c), new SimInput("L1", c) }, unlocked = { new SimInput("U0", c), new SimInput("U1", c) };
            var set = new SimLockSet(engage, release, locked, unlocked, 1000, 0.4);
            Assert.True(set.AllLocked);
            release[0].Write(true);
            release[1].Write(true);
            set.Step(1000, false);
            Assert.True(set.AllLocked);
            set.Step(1000, true);
            Assert.True(set.AllUnlocked);
            set.UpdateSensors();
            Assert.True(unlocked[0].Read() && !locked[0].Read());
            release[0].Write(false);
            release[1].Write(false);
            engage[0].Write(true);
            engage[1].Write(true);
            set.FailEngage(1, true);
            set.Step(2000, true);
            Assert.Equal(1.0, set.Positions[0]);
            Assert.Equal(0.4, set.Positions[1], 6);
            set.UpdateSensors();
            Assert.False(locked[1].Read() || unlocked[1].Read());
        }

        [Fact]
        public void Conveyor_drive_reads_back_its_contactor_and_a_welded_one_without_supply()
        {
            var c = Clock();
            var drive = new SimConveyorDrive(new SimOutput("Run"), new SimInput("Running", c));
            drive.UpdateSensors(true);
            Assert.False(drive.Running.Read());
            drive.Run.Write(true);
            drive.UpdateSensors(false);
            Assert.False(drive.Running.Read());   // coil supplied through the safety relay
            Assert.False(drive.Turning(false));
            drive.UpdateSensors(true);
            Assert.True(drive.Running.Read());
            Assert.True(drive.Turning(true));
            drive.Run.Write(false);
            drive.Run.StuckOn = true;              // welded
            drive.UpdateSensors(false);
            Assert.True(drive.Running.Read());
        }

        [Fact]
        public void Linear_axis_follows_its_reference_stops_at_a_jam_and_reports_driving_into_its_ceiling()
        {
            var c = Clock();
            var p = new PlantParameters();
            string hazard = null;
            var axis = new SimLinearAxis(p, new SimPwm("D", 2000), new SimOutput("Dir"), new SimOutput("En"), new SimOutput("Br"),
                new SimInput("Home", c), new SimInput("Far", c), new SimInput("Contact", c), h => hazard = h, _ => { });
            axis.DirectionAway.Write(true);
            axis.Enable.Write(true);
            axis.Drive.SetDuty(1.0);
            for (int i = 0; i < 100; i++) axis.Step(10, true, 10_000, "ceiling {0:0}");
            Assert.Equal(0, axis.PositionMm); // the brake holds: no torque
            Assert.Equal(1000, axis.DrivenAgainstBrakeMs);
            axis.BrakeRelease.Write(true);
            for (int i = 0; i < 300; i++) axis.Step(10, true, 10_000, "ceiling {0:0}");
            Assert.InRange(axis.PositionMm, 100, 10_000);
            axis.JamAt(axis.PositionMm + 50);
            for (int i = 0; i < 100; i++) axis.Step(10, true, 10_000, "ceiling {0:0}");
            Assert.True(axis.Jammed);
            axis.ClearJam();
            double ceiling = axis.PositionMm + 5;
            for (int i = 0; i < 100 && hazard == null; i++) axis.Step(10, true, ceiling, "ceiling {0:0}");
            Assert.Equal(ceiling, axis.PositionMm);
            Assert.StartsWith("ceiling ", hazard);
            axis.UpdateSensors(true);
            Assert.False(axis.HomeSwitch.Read());
            Assert.True(axis.FarContact.Read());
            axis.UpdateSensors(false);
            Assert.False(axis.FarContact.Read());
        }

        [Fact]
        public void Safety_chain_permit_watchdog_drops_the_relay_when_the_kick_stops_toggling()
        {
            var c = Clock();
            var chain = new SimSafetyChain(new SimInput("E", c), new SimInput("C", c), new SimInput("D", c), new SimInput("R", c), new SimOutput("P"),
                new SimOutput("K"), 20, 100);
            chain.MotionPermit.Write(true);
            bool kick = false;
            for (int i = 0; i < 10; i++)
            {
                chain.PermitWatchdogKick.Write(kick = !kick);
                chain.Step(10, true);
            }
            Assert.True(chain.Energised);
            // The controller stops toggling: alive for the watchdog time, then the relay drops with the permit still on.
            for (int i = 0; i < 10; i++) chain.Step(10, true);
            Assert.True(chain.Energised);
            chain.Step(10, true);
            Assert.False(chain.WatchdogAlive);
            Assert.False(chain.Energised);
            chain.PermitWatchdogKick.Write(kick = !kick);
            chain.Step(10, true);
            Assert.True(chain.WatchdogAlive);
        }

        [Fact]
        public void The_bay_is_composed_of_its_devices_over_the_same_ports()
        {
            var r = new Rig();
            Assert.Same(r.Bay.LiftEnable, r.Bay.LiftAxis.Enable);
            Assert.Same(r.Bay.LockEngage[2], r.Bay.LockSet.Engage[2]);
            Assert.Same(r.Bay.Locks, r.Bay.LockSet.Positions);
            Assert.Same(r.Bay.TransferConveyorRun, r.Bay.TransferDrive.Run);
            Assert.Same(r.Bay.SafetyRelayOk, r.Bay.SafetyChain.RelayFeedback);
            r.Bay.EStopPressed = true;
            Assert.True(r.Bay.SafetyChain.EStopPressed);
            Assert.Same(r.Bay.Io.TransferConveyor.Running, r.Bay.TransferConveyorRunning);
        }
    }
}
