using Station.Hal.Sim;
using Xunit;

namespace Station.Sim.Tests
{
    public class FaultInjectionTests
    {
        [Fact]
        public void Stuck_sensor_ignores_the_plant_until_healed()
        {
            var r = new Rig();
            var home = r.Bay.LiftHomeLimit;
            home.Stick(false);
            Assert.False(home.Read());
            Assert.True(home.Truth);
            home.Stick(true);
            r.Permit();
            r.LiftTo(200);
            Assert.True(home.Read());
            home.Heal();
            Assert.False(home.Read());
        }

        [Fact]
        public void Flickering_sensor_inverts_every_half_period()
        {
            var r = new Rig();
            var s = r.Bay.Input("PackAtStaging");
            Assert.NotNull(s);
            s.StartFlicker(30);
            bool first = s.Read();
            int changes = 0;
            bool last = first;
            for (int i = 0; i < 30; i++)
            {
                r.Run(10);
                bool now = s.Read();
                if (now != last) changes++;
                last = now;
            }
            Assert.InRange(changes, 9, 11); // 300 ms at 30 ms half-period
        }

        [Fact]
        public void Inputs_and_outputs_are_found_by_their_station_io_names()
        {
            var r = new Rig();
            Assert.Same(r.Bay.LockLocked[3], r.Bay.Input("LockLocked[3]"));
            Assert.Same(r.Bay.SafetyRelayOk, r.Bay.Input("safetyrelayok"));
            Assert.Same(r.Bay.TransferConveyorRun, r.Bay.Output("TransferConveyorRun"));
            Assert.Null(r.Bay.Input("NoSuchInput"));
            Assert.Same(r.Bay.Io.Sensors.PackOnLift, r.Bay.PackOnLift);
        }

        [Fact]
        public void EStop_opens_the_safety_chain_and_the_brake_stops_the_lift()
        {
            var r = new Rig();
            r.Permit();
            r.DriveLift(true, 1.0);
            r.Run(2000);
            Assert.True(r.Bay.SafetyRelayOk.Read());
            r.Bay.EStopPressed = true;
            r.Run(10);
            Assert.False(r.Bay.EStopReleased.Read());
            Assert.False(r.Bay.SafetyRelayOk.Read());
            double at = r.Bay.LiftPositionMm;
            r.Run(500);
            // 150 mm/s braked at 2000 mm/s² stops within 6 mm
            Assert.InRange(r.Bay.LiftPositionMm - at, 0, 6);
            Assert.Equal(0, r.Bay.LiftVelocityMmS);
            r.Bay.EStopPressed = false;
            r.Run(100);
            Assert.True(r.Bay.SafetyRelayOk.Read()); // permit still requested: the relay picks up again
        }

        [Fact]
        public void Light_curtain_break_scheduled_at_a_time_stops_the_conveyor()
        {
            var r = new Rig();
            r.Bay.PlaceAtStaging(new SimPack("NEW", 95, "LFP"));
            r.Permit();
            long at = r.Clock.NowMs + 1000;
            r.Bay.At(at, "light curtain break", () => r.Bay.LightCurtainBroken = true);
            Assert.Equal(1, r.Bay.PendingEvents);
            r.Bay.TransferConveyorRun.Write(true);
            r.Run(990);
            Assert.True(r.Bay.LightCurtainClear.Read());
            r.Run(10);
            Assert.False(r.Bay.LightCurtainClear.Read());
            Assert.False(r.Bay.TransferRunning);
            Assert.Equal(0, r.Bay.PendingEvents);
            r.Run(1000);
            Assert.False(r.Bay.PackOnLift.Read()); // pack stands where it stopped
        }

        [Fact]
        public void Open_door_and_failed_relay_keep_the_relay_open()
        {
            var r = new Rig();
            r.Bay.DoorsOpen = true;
            r.Permit();
            Assert.False(r.Bay.DoorsClosed.Read());
            Assert.False(r.Bay.SafetyRelayOk.Read());
            r.Bay.DoorsOpen = false;
            r.Bay.SafetyRelayFailed = true;
            r.Run(200);
            Assert.False(r.Bay.SafetyRelayOk.Read());
            r.Bay.SafetyRelayFailed = false;
            r.Run(r.P.SafetyRelayPickupMs + 10);
            Assert.True(r.Bay.SafetyRelayOk.Read());
        }

        [Fact]
        public void Power_loss_drops_every_output_and_the_encoder_restarts_from_zero()
        {
            var r = new Rig();
            r.Permit();
            r.LiftTo(400);
            r.DriveLift(true, 1.0);
            r.Run(200);
            r.Bay.PowerLoss();
            Assert.True(r.Bay.PowerIsOff);
            Assert.All(r.Bay.Outputs, o => Assert.False(o.State));
            Assert.Equal(0, r.Bay.LiftDrive.Duty);
            r.Run(1000);
            Assert.Equal(0, r.Bay.LiftVelocityMmS);
            double at = r.Bay.LiftPositionMm;
            Assert.True(at > 400);
            r.Bay.MotionPermit.Write(true); // nothing has power: writes do not make the relay pick up
            r.Run(200);
            Assert.False(r.Bay.SafetyRelayOk.Read());
            r.Bay.PowerRestore();
            Assert.Equal(0, r.Bay.Encoder.ReadCounts());
            Assert.False(r.Bay.LiftHomeLimit.Read()); // the lift is still up: the core must home
        }

        [Fact]
        public void Power_loss_can_tear_the_last_journal_append()
        {
            var r = new Rig();
            r.Storage.Append("journal.bin", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 0, 8);
            r.Storage.Append("journal.bin", new byte[] { 9, 9, 9, 9 }, 0, 4);
            r.Bay.PowerLoss(tearLastAppend: true);
            Assert.Equal(10, r.Storage.Length("journal.bin"));
            r.Bay.PowerRestore();
            Assert.False(r.Bay.PowerIsOff);
        }

        [Fact]
        public void Power_loss_tears_only_a_write_made_in_the_same_tick()
        {
            var clock = new SimClock();
            var storage = new MemoryStorage(clock);
            var bay = new SimBay(new PlantParameters(), clock, storage);
            clock.Advance(10);
            storage.Append("journal.bin", new byte[] { 1, 2, 3, 4 }, 0, 4);
            Assert.Equal(10, storage.LastAppendMs);
            clock.Advance(10); // the write finished a tick ago: it is on the medium
            Assert.False(bay.PowerLoss(tearLastAppend: true));
            Assert.Equal(4, storage.Length("journal.bin"));
            bay.PowerRestore();
            storage.Append("journal.bin", new byte[] { 5, 6, 7, 8 }, 0, 4);
            Assert.True(bay.PowerLoss(tearLastAppend: true)); // cut while writing
            Assert.Equal(6, storage.Length("journal.bin"));
        }

        [Fact]
        public void Conditional_event_fires_at_the_first_step_its_condition_holds()
        {
            var r = new Rig();
            r.Bay.When(() => r.Bay.LiftPositionMm >= 200, "e-stop at 200 mm", () => r.Bay.EStopPressed = true);
            r.Permit();
            r.DriveLift(true, 1.0);
            r.Run(6000);
            Assert.True(r.Bay.EStopPressed);
            Assert.Equal(0, r.Bay.PendingEvents);
            Assert.InRange(r.Bay.LiftPositionMm, 200, 205); // braked right after the step that crossed 200 mm
        }

        [Fact]
        public void Scheduled_power_loss_fires_at_its_time()
        {
            var r = new Rig();
            r.Bay.At(500, "power loss", () => r.Bay.PowerLoss());
            r.Run(490);
            Assert.False(r.Bay.PowerIsOff);
            r.Run(10);
            Assert.True(r.Bay.PowerIsOff);
        }
    }
}
