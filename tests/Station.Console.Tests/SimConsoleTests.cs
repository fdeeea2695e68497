using System;
using System.Linq;
using Station.Core;
using Station.Core.Config;
using Station.Hal.Sim;
using Station.Simulator;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>The console on the real StationController and the simulated plant, text in and text out, in simulated time.</summary>
    public class SimConsoleTests : SimConsoleFixture
    {
        [Fact]
        public void Boot_prompt_and_why_explain_the_unhomed_station()
        {
            Assert.Equal("bay1[nothomed]> ", _bay.Console.Prompt());
            string why = Type("why\r");
            Assert.Contains("the lift is not homed: home it at the bay console (maint enter <pin>, then home;", why);
            Assert.DoesNotContain("send Home", why);
            Assert.Contains("not homed (position unknown)", Type("status\r"));
            Assert.Contains("lift jog: needs maintenance mode", Type("lift jog +10\r"));
        }

        [Fact]
        public void A_late_control_tick_with_nothing_moving_is_counted_in_status_and_stops_nothing()
        {
            Assert.Contains("control loop: 0 late ticks", Type("status\r"));
            _bay.Clock.Advance(300); // the loop stalls 300 ms (more than safety.tick_late_ms) while nothing is driven
            _bay.Tick();
            string status = Type("status\r");
            Assert.Contains("control loop: 1 late ticks, longest gap 310 ms", status);
            Assert.Equal(FaultCode.None, _bay.Controller.LatchedFault);
            Assert.Contains("pack contact free", status);
        }

        [Fact]
        public void Jog_moves_the_lift_at_the_jog_speed_and_stops_at_the_target()
        {
            EnterAndHome();
            double start = _bay.Bay.LiftPositionMm;
            Assert.Contains("jogging lift +20 mm to 20 mm at 20 mm/s", Type("lift jog +20\r", 10));
            double maxSpeed = 0;
            string output = "";
            for (int t = 0; t < 10000 && !output.Contains("jog done"); t += 10)
            {
                _bay.Tick();
                maxSpeed = Math.Max(maxSpeed, Math.Abs(_bay.Bay.LiftVelocityMmS));
                output += _line.TakeOutput();
            }

            Assert.Matches("jog done: lift at (19|20|21) mm", output);
            Assert.InRange(_bay.Bay.LiftPositionMm - start, 18.5, 21.5);
            Assert.InRange(_bay.Station.LiftPositionMm, 19, 21);
            Assert.True(maxSpeed <= 21, "jog speed cap held: " + maxSpeed);
            Assert.False(_bay.Bay.MotionPermit.State);
            Assert.Empty(_bay.Bay.Hazards);
        }

        [Fact]
        public void Jog_into_the_soft_limit_is_refused_before_anything_moves()
        {
            EnterAndHome();
            Type("config set lift.jog_step_mm 200\r");
            int softMax = _bay.Values.Number(ConfigTable.LiftSoftMaxMm);
            int pos = 0;
            while (softMax - pos > 200)
            {
                Type("lift jog +200\r", 10);
                RunUntil("jog done", 30000);
                pos += 200;
            }

            double before = _bay.Bay.LiftPositionMm;
            int at = _bay.Station.LiftPositionMm;
            string refused = Type("lift jog +200\r");
            Assert.Contains($"is above the soft limit lift.soft_max_mm = {softMax} mm (lift at {at} mm)", refused);
            Assert.Contains($"at most +{softMax - at} mm up is possible", refused);
            RunFor(500);
            Assert.Equal(before, _bay.Bay.LiftPositionMm, 3);
        }

        [Fact]
        public void Any_key_stops_a_jog_at_once()
        {
            EnterAndHome();
            Type("lift jog +50\r", 10);
            RunFor(1200);
            double moving = _bay.Bay.LiftVelocityMmS;
            Assert.True(moving > 5, "lift moving: " + moving);
            string stopped = Type(" ", 300);
            Assert.Contains("stopped by the operator (key); no fault", stopped);
            Assert.Contains("jog stopped at", stopped);
            Assert.Equal(0, _bay.Bay.LiftVelocityMmS, 3);
            Assert.True(_bay.Bay.LiftPositionMm < 45);
            Assert.True(_bay.Console.InMaintenance);
        }

        [Fact]
        public void A_light_curtain_break_during_a_jog_latches_its_fault_and_ends_maintenance()
        {
            EnterAndHome();
            Assert.Contains("in 1 s", Type("sim after 1 curtain break\r", 10));
            Type("lift jog +50\r", 10);
            string output = RunUntil("maintenance ended by fault 11", 5000);
            output += RunFor(100);
            Assert.Contains("jog ended by fault 11 LightCurtainBroken", output);
            Assert.Equal(FaultCode.LightCurtainBroken, _bay.Controller.LatchedFault);
            RunFor(200);
            Assert.Equal(0, _bay.Bay.LiftVelocityMmS, 3);
            Assert.False(_bay.Console.InMaintenance);
            Assert.Equal("bay1[FAULT 11]> ", _bay.Console.Prompt());
            Assert.Contains("latched: 11 LightCurtainBroken", Type("faults\r"));
            // Entering maintenance needs a clear bay; the reset needs it too.
            Assert.Contains("the bay is not clear", Type("maint enter 1234\r"));
            Type("sim curtain clear\r");
            Assert.Contains("maintenance on", Type("maint enter 1234\r"));
            Assert.Contains("fault cleared", Type("fault reset 11\r"));
            Assert.True(_bay.Console.InMaintenance);
            Type("home\r", 10);
            RunUntil("homed: lift at 0 mm", 60000);
        }

        [Fact]
        public void Emergency_key_stops_a_jog_and_latches_the_software_stop()
        {
            EnterAndHome();
            Type("lift jog +50\r", 10);
            RunFor(1000);
            _line.TypeBytes(new byte[] { 0x18 });
            string output = RunFor(100);
            Assert.Contains("EMERGENCY STOP (Ctrl-X)", output);
            Assert.Equal(FaultCode.SoftwareStop, _bay.Controller.LatchedFault);
            Assert.False(_bay.Bay.LiftEnable.State);
            Assert.False(_bay.Console.InMaintenance);
        }

        [Fact]
        public void Self_test_passes_on_a_healthy_bay()
        {
            EnterAndHome();
            Type("selftest\r", 10);
            string output = RunUntil("self-test done", 30000);
            Assert.DoesNotContain("FAIL", output);
            Assert.Contains("PASS safety relay follows the permit", output);
            Assert.Contains("PASS lift rises and the encoder follows", output);
            Assert.Contains("PASS home switch releases when the lift leaves home", output);
            Assert.Contains("PASS lift returns home and the home switch makes again", output);
            Assert.Contains("PASS safety relay drops with the permit", output);
            Assert.Contains("SKIP locks", output);
            Assert.Contains("0 failed", output);
            Assert.Empty(_bay.Bay.Hazards);
        }

        [Fact]
        public void Self_test_reports_a_refused_move_back_as_a_failure_with_every_output_off()
        {
            EnterAndHome();
            Type("selftest\r", 10);
            // While the lift rises, it loses its home: the move back to the start is refused.
            for (int t = 0; t < 5000 && _bay.Controller.Lift.Mode != Station.Core.Motion.LiftMode.Moving; t += 10)
            {
                _bay.Tick();
            }

            Assert.Equal(Station.Core.Motion.LiftMode.Moving, _bay.Controller.Lift.Mode);
            _bay.Controller.Lift.ForgetHome();
            string output = RunUntil("self-test done", 30000);
            Assert.Contains("FAIL lift returns to 0 mm (the lift refused the move back: no longer homed", output);
            Assert.DoesNotContain("PASS lift returns", output);
            Assert.Contains("1 failed", output);
            Assert.False(_bay.Bay.LiftEnable.State);
            Assert.False(_bay.Bay.LiftBrakeRelease.State);
            Assert.False(_bay.Bay.MotionPermit.State);
            Assert.Empty(_bay.Bay.Hazards);
        }

        [Fact]
        public void Self_test_reports_a_move_back_that_ends_in_a_fault_as_a_failure()
        {
            EnterAndHome();
            Type("selftest\r", 10);
            for (int t = 0; t < 10000 && _bay.Bay.LiftPositionMm < 8.5; t += 10)
            {
                _bay.Tick();
            }

            // Above 7 mm on the way up (and clear of the home switch's cam): the lift jams there on the way back down.
            Assert.True(_bay.Bay.LiftPositionMm >= 8.5);
            _bay.Bay.StallLiftAt(7);
            string output = RunUntil("self-test ended by fault", 30000);
            Assert.Contains("PASS lift rises", output);
            Assert.Contains("FAIL lift returns to 0 mm (the move ended by fault", output);
            Assert.Contains("1 failed so far", output);
            Assert.Equal(SwapState.Faulted, _bay.Controller.State);
            Assert.False(_bay.Bay.LiftEnable.State);
            Assert.False(_bay.Bay.MotionPermit.State);
        }

        [Fact]
        public void Self_test_reports_a_failed_safety_relay()
        {
            EnterAndHome();
            _bay.Bay.SafetyRelayFailed = true;
            Type("selftest\r", 10);
            string output = RunUntil("self-test ended by fault 15 SafetyRelayNoResponse", 5000);
            Assert.Equal(FaultCode.SafetyRelayNoResponse, _bay.Controller.LatchedFault);
        }

        [Fact]
        public void Cloud_commands_that_move_are_refused_during_maintenance_but_the_stop_works()
        {
            EnterAndHome();
            var r = _bay.Controller.Authorize(new SwapAuthorization("CAR9", null));
            Assert.False(r.Accepted);
            Assert.Contains("maintenance", r.Message);
            Assert.False(_bay.Controller.Home().Accepted);
            Assert.False(_bay.Controller.ResetFault().Accepted);
            Assert.False(_bay.Controller.ConfirmRecovery().Accepted);
            Assert.True(_bay.Controller.EmergencyStop().Accepted);
            Assert.Contains("the station is in maintenance", Type("why\r"));
        }

        [Fact]
        public void Config_set_reaches_the_running_station_where_it_can()
        {
            EnterAndHome();
            string reply = Type("config set lift.soft_max_mm 830\r");
            Assert.Contains("lift.soft_max_mm = 830 mm", reply);
            Assert.Equal(830, _bay.Controller.Config.SoftLimitMaxMm);
            int locks = _bay.Controller.Config.LockCount;
            Assert.Contains("lock.count = 2", Type("config set lock.count 2\r"));
            Assert.Equal(locks, _bay.Controller.Config.LockCount);   // captured at start: applies after a restart
            Assert.Contains("is above the soft limit lift.soft_max_mm = 830 mm", Type("config set lift.jog_step_mm 200\r") + Type("lift jog +200\r") + Type("lift jog +200\r") + Type("lift jog +200\r") + RunFor(30000) + Type("lift jog +200\r") + RunFor(30000) + Type("lift jog +200\r") + RunFor(30000) + Type("lift jog +200\r") + RunFor(30000) + Type("lift jog +200\r"));
        }

        [Fact]
        public void A_whole_swap_run_from_the_console()
        {
            EnterAndHome();
            Type("maint exit\r");
            Type("sim vehicle arrive CAR1\r");
            RunFor(_bay.Plant.VehicleArriveMs + 500);
            Assert.Contains("ready: waiting for an authorisation", Type("why\r"));
            Assert.Contains("swap authorize: needs maintenance mode", Type("swap authorize CAR1\r"));
            Type("maint enter 1234\r");
            string started = Type("swap authorize CAR1\r");
            Assert.Contains("maintenance ended, the sequencer runs the swap", started);
            Assert.False(_bay.Console.InMaintenance);
            Assert.Contains("maint enter: a swap is running", Type("maint enter 1234\r", 100));
            for (int t = 0; t < 600000 && (_bay.Controller.LastSwap == null || _bay.Controller.State != SwapState.Idle); t += 10) _bay.Tick();
            Assert.Equal(SwapOutcome.Completed, _bay.Controller.LastSwap.Outcome);
            Assert.Equal(FaultCode.None, _bay.Controller.LatchedFault);
            Assert.Empty(_bay.Bay.Hazards);
            Assert.Contains("completed", Type("status\r"));
            Assert.Contains("swap authorize CAR1 -> ok", string.Join("\n", _bay.Audit));
            Assert.Contains(" ok swap authorize CAR1 -> swap started", _bay.AuditJournal.Tail(20));
            Assert.Contains(" ok maint enter **** -> maintenance on", _bay.AuditJournal.Tail(20));
        }

        [Fact]
        public void A_block_booking_at_a_car_bay_is_refused_by_the_admission_chain_and_one_set_of_standards_is_the_cars()
        {
            EnterAndHome();
            Type("maint exit\r");
            Type("sim vehicle arrive CAR1\r");
            RunFor(_bay.Plant.VehicleArriveMs + 500);
            Type("maint enter 1234\r");
            Assert.Contains("swap authorize: refused: this bay swaps one pack (profile car): a booking of blocks is for a truck bay; maintenance continues",
                Type("swap authorize CAR1 positions 1\r"));
            // The simulated rack's packs carry no standard: a car naming one is refused as the cloud's would be.
            Assert.Contains("swap authorize: refused: no ready pack of a standard the vehicle accepts (choco25-lfp,choco25-nmc); maintenance continues",
                Type("swap authorize CAR1 accepts choco25-lfp,choco25-nmc\r"));
            Assert.Equal(SwapState.Idle, _bay.Controller.State);
            Assert.True(_bay.Console.InMaintenance);
            Assert.Contains("the sequencer runs the swap", Type("swap authorize CAR1 accepts any\r"));
        }

        [Fact]
        public void After_a_stop_mid_transfer_no_console_motion_starts_until_the_packs_across_the_platform_edge_are_settled()
        {
            EnterAndHome();
            Type("maint exit\r");
            Type("sim vehicle arrive CAR1\r");
            RunFor(_bay.Plant.VehicleArriveMs + 500);
            Type("maint enter 1234\r");
            Type("swap authorize CAR1\r", 10);
            for (int t = 0; t < 300000 && _bay.Controller.State != SwapState.Transfer; t += 10) _bay.Tick();
            Assert.Equal(SwapState.Transfer, _bay.Controller.State);
            RunFor(1500); // both packs cross the platform's edges
            Assert.True(_bay.Controller.EmergencyStop().Accepted);
            Assert.True(_bay.Controller.ResetFault().Accepted);
            Assert.Equal(SwapState.NotHomed, _bay.Controller.State);
            Type("maint enter 1234\r");
            // The self-test needs no home and moves the lift: before this hold it started and dropped both packs.
            string selftest = Type("selftest\r", 10);
            Assert.Contains("the transfer was interrupted", selftest);
            Assert.Contains("where any lift move drops it", selftest);
            Assert.Contains("the transfer was interrupted", Type("conveyor stage\r", 10));
            Assert.Contains("the transfer was interrupted", Type("home\r", 10));
            RunFor(3000);
            Assert.False(_bay.Bay.LiftEnable.State);
            Assert.False(_bay.Bay.MotionPermit.State);
            Assert.Empty(_bay.Bay.Hazards);
        }

        /// <summary>A swap is authorised, the charged pack rides the staging conveyor, the e-stop is hit part-way; then
        /// the technician releases it, resets the fault and homes. Returns the charged pack's serial (maintenance on).</summary>
        private string EstopWithThePackPartWayAlongStaging()
        {
            EnterAndHome();
            Type("maint exit\r");
            Type("sim vehicle arrive CAR1\r");
            RunFor(_bay.Plant.VehicleArriveMs + 500);
            // The rack handler brings the booked pack to the feed point while the car drives in (as the simulated operator does).
            string packIn = _bay.Bay.Rack.Slots[_bay.Controller.Inventory.ChooseReady(_bay.Config.MinSocPct)].Serial;
            Assert.True(_bay.Bay.Rack.Fetch(packIn));
            for (int t = 0; t < 60000 && !_bay.Bay.PacksOnConveyor.Any(p => p.Serial == packIn); t += 10) _bay.Tick();
            Type("maint enter 1234\r");
            Assert.Contains("swap started with pack " + packIn, Type("swap authorize CAR1 " + packIn + "\r", 10));
            // Run until the charged pack is part-way along the staging conveyor, then someone hits the e-stop.
            double staging = _bay.Bay.StagingPointMm;
            bool partWay = false;
            for (int t = 0; t < 120000 && !partWay; t += 10)
            {
                _bay.Tick();
                // Before the vehicle's pack is unlocked, so the pack on the staging conveyor is the only thing to settle.
                partWay = _bay.Controller.State == SwapState.RaiseToPack
                    && _bay.Bay.PacksOnConveyor.Any(p => p.Serial == packIn && p.TrackMm > staging * 0.1 && p.TrackMm < staging * 0.9);
            }

            Assert.True(partWay, "the charged pack was not on the staging conveyor while the lift rose: " + _bay.Controller.State);
            Type("sim estop press\r", 500);
            Assert.Equal(SwapState.Faulted, _bay.Controller.State);
            int fault = (int)_bay.Controller.LatchedFault;
            Type("sim estop release\r", 500);
            Assert.Contains("maintenance on", Type("maint enter 1234\r"));
            Assert.Contains("fault cleared", Type("fault reset " + fault + "\r"));
            Type("home\r", 10);
            RunUntil("homed: lift at 0 mm", 60000);
            Assert.Equal(SwapState.Idle, _bay.Controller.State);
            return packIn;
        }

        [Fact]
        public void The_staging_run_stops_on_any_key_and_on_an_interlock()
        {
            string packIn = EstopWithThePackPartWayAlongStaging();
            Assert.Contains("staging conveyor running; any key stops it", Type("conveyor stage\r", 300));
            Assert.True(_bay.Bay.StagingRunning, "the staging conveyor should turn");
            string stopped = Type(" ", 100);
            Assert.Contains("staging stopped by key: the pack is still not at the staging sensor", stopped);
            Assert.False(_bay.Bay.StagingRunning);
            Assert.True(_bay.Controller.Inventory.At(PackPlace.Staging).InTransit);
            // The stopping key began a line: that line is refused whole at its Enter.
            Assert.Contains("line refused", Type("\r", 10));

            Type("sim after 0.3 curtain break\r", 10);
            Type("conveyor stage\r", 10);
            string tripped = RunFor(1000);
            Assert.Contains("staging ended by fault 11 LightCurtainBroken", tripped);
            Assert.False(_bay.Bay.StagingRunning);
            Assert.Equal(FaultCode.LightCurtainBroken, _bay.Controller.LatchedFault);
            Assert.True(_bay.Controller.Inventory.At(PackPlace.Staging).InTransit);
            Assert.Empty(_bay.Bay.Hazards);
        }

        [Fact]
        public void After_an_estop_while_the_pack_is_on_the_staging_conveyor_the_technician_settles_it_and_the_next_swap_completes()
        {
            string packIn = EstopWithThePackPartWayAlongStaging();

            // The station explains exactly what blocks the swap and which command settles it.
            string why = Type("why\r");
            Assert.Contains("the inventory has pack " + packIn + " at staging (in transit: not confirmed) but the staging sensor sees no pack there", why);
            Assert.Contains("to settle it: 'conveyor stage' runs the staging conveyor until pack " + packIn, why);
            string status = Type("status\r");
            Assert.Contains("not settled (swaps are refused until it is): a pack is in transit", status);
            Assert.Contains("the inventory has pack " + packIn + " at staging", status);
            string refused = Type("swap authorize CAR1\r");
            Assert.Contains("a pack is in transit (not confirmed where it is): " + packIn + " at staging", refused);
            Assert.True(_bay.Console.InMaintenance);

            // The technician finishes staging by motion; the core records the pack as arrived.
            Assert.Contains("staging conveyor running; any key stops it", Type("conveyor stage\r", 10));
            RunUntil("staged: pack " + packIn + " is at the staging sensor", 60000);
            Assert.False(_bay.Controller.Inventory.At(PackPlace.Staging).InTransit);
            Assert.DoesNotContain("to settle it", Type("why\r"));
            string again = Type("conveyor stage\r", 100);
            Assert.Contains("pack " + packIn + " is already at the staging sensor: recorded as arrived", again);
            Assert.DoesNotContain("running", again);
            Assert.False(_bay.Bay.StagingRunning);

            // The next swap uses the staged pack and completes.
            Assert.Contains("swap started with pack " + packIn, Type("swap authorize CAR1\r"));
            for (int t = 0; t < 600000 && (_bay.Controller.LastSwap == null || _bay.Controller.LastSwap.Outcome != SwapOutcome.Completed); t += 10) _bay.Tick();
            Assert.Equal(SwapOutcome.Completed, _bay.Controller.LastSwap.Outcome);
            Assert.Equal(packIn, _bay.Controller.LastSwap.PackInSerial);
            Assert.Equal(2, _bay.Controller.LastSwap.SwapId);
            Assert.Equal(FaultCode.None, _bay.Controller.LatchedFault);
            Assert.Empty(_bay.Bay.Hazards);
            string audit = _bay.AuditJournal.Tail(40);
            Assert.Contains("ok conveyor stage", audit);
        }

        [Fact]
        public void A_technician_corrects_rack_slots_and_places_and_every_change_is_journaled_and_audited()
        {
            EnterAndHome();
            PackRecord before = _bay.Controller.Inventory.Slot(0).Copy(); // the live record changes with the slot
            string cleared = Type("rack clear 0\r");
            Assert.Contains("staging: empty", cleared);
            Assert.DoesNotContain("slot 0:", cleared);
            Assert.True(_bay.Controller.Inventory.Slot(0).IsEmpty);
            Assert.Contains("slot 0: " + before.Serial + " (80% charging)", Type("rack set 0 " + before.Serial + " 80 charging\r"));
            Assert.Equal(PackState.Charging, _bay.Controller.Inventory.Slot(0).State);
            Assert.Contains("that serial is already elsewhere", Type("rack set 1 " + before.Serial + " 80 ready\r"));
            Assert.Contains("lift: P9 (", Type("pack place lift P9 50\r"));
            Assert.Contains("the inventory has pack P9 on the lift but its sensor sees no pack there", Type("why\r"));
            Assert.Contains("lift: empty", Type("pack place lift none\r"));
            Assert.Contains("conveyor stage: refused: the inventory has no pack at staging; if one stands on the staging conveyor, record it first: 'pack place staging <serial> [soc]'",
                Type("conveyor stage\r"));
            // A restart reads the corrections back from the journal.
            Type("sim power loss 1\r", 10);
            RunFor(2000);
            Assert.Equal(PackState.Charging, _bay.Controller.Inventory.Slot(0).State);
            Assert.Equal(80, _bay.Controller.Inventory.Slot(0).SocPct);
            string audit = _bay.AuditJournal.Tail(40);
            Assert.Contains("ok rack clear 0", audit);
            Assert.Contains("ok rack set 0 " + before.Serial + " 80 charging", audit);
            Assert.Contains("refused rack set 1", audit);
        }

        [Fact]
        public void Swap_cancel_during_motion_is_refused_and_names_the_stop_that_halts_it()
        {
            EnterAndHome();
            Type("maint exit\r");
            Type("sim vehicle arrive CAR1\r");
            RunFor(_bay.Plant.VehicleArriveMs + 500);
            Type("maint enter 1234\r");
            Assert.Contains("the sequencer runs the swap", Type("swap authorize CAR1\r", 10));
            for (int t = 0; t < 60000 && _bay.Controller.State != SwapState.RaiseToPack; t += 10) _bay.Tick();
            Assert.Equal(SwapState.RaiseToPack, _bay.Controller.State);
            string answer = Type("swap cancel\r", 10);
            Assert.Contains("the swap is already moving and cannot be cancelled: press Ctrl-X (or type 'stop')", answer);
            Assert.Equal(SwapState.RaiseToPack, _bay.Controller.State);
            // The help says the same: cancel only before anything moves.
            Assert.Contains("once anything moves only the emergency stop halts it: Ctrl-X or 'stop'",
                System.Text.RegularExpressions.Regex.Replace(Type("help swap\r"), @"\s+", " "));
        }

        // A vehicle arrives, the technician authorises its swap at the console, and the swap runs into Unlock until <paramref name="until"/>.
        private void SwapCar1InUnlockUntil(System.Func<bool> until)
        {
            EnterAndHome();
            Type("maint exit\r");
            Type("sim vehicle arrive CAR1\r");
            RunFor(_bay.Plant.VehicleArriveMs + 500);
            Type("maint enter 1234\r");
            Assert.Contains("the sequencer runs the swap", Type("swap authorize CAR1\r"));
            for (int t = 0; t < 60000 && !until(); t += 10) _bay.Tick();
            Assert.Equal(SwapState.Unlock, _bay.Controller.State);
        }

        [Fact]
        public void After_a_power_loss_mid_swap_the_console_confirms_recovery_and_the_station_homes()
        {
            SwapCar1InUnlockUntil(() => _bay.Controller.State == SwapState.Unlock);
            Assert.Contains("sim: power cut for 2 s", Type("sim power loss 2\r", 10));
            string boot = RunFor(3000);
            Assert.False(_bay.PoweredOff);
            Assert.Contains("StationFirmware console on bay1", boot);
            Assert.Equal("bay1[recovery]> ", _bay.Console.Prompt());
            string why = Type("why\r");
            Assert.Contains("power was lost during swap", why);
            Assert.Contains("confirm recovery at the bay console (maint enter <pin>, then recover confirm;", why);
            Assert.Contains("recover confirm: needs maintenance mode", Type("recover confirm\r"));
            Assert.Contains("maintenance on", Type("maint enter 1234\r"));
            Assert.Contains("recovery confirmed: the station homes", Type("recover confirm\r", 10));
            RunUntil("homed: lift at 0 mm", 120000);
            Assert.Equal(SwapState.Idle, _bay.Controller.State);
            Assert.Equal(SwapOutcome.Interrupted, _bay.Controller.LastSwap.Outcome);
            // The audit journal survived the power cut.
            string audit = _bay.AuditJournal.Tail(30);
            Assert.Contains("ok swap authorize CAR1", audit);
            Assert.Contains("ok recover confirm", audit);
        }

        [Fact]
        public void After_a_power_loss_with_the_latches_half_open_the_console_names_them_and_locks_engage_settles_them()
        {
            SwapCar1InUnlockUntil(() => _bay.Controller.State == SwapState.Unlock && _bay.Bay.Locks[0] < 0.6); // latches half open
            Assert.Contains("sim: power cut for 2 s", Type("sim power loss 2\r", 10));
            RunFor(3000);
            string why = Type("why\r");
            Assert.Contains("to settle after the recovery: 4 of 4 pack locks read between positions", why);
            Assert.True(why.Contains("a pack is in transit (not confirmed where it is): ") && why.Contains("unknown@CAR1 at lift"), why);

            Assert.Contains("maintenance on", Type("maint enter 1234\r"));
            Type("recover confirm\r", 10);
            RunUntil("homed: lift at 0 mm", 120000);
            // Homed, but not ready: the latches and the unconfirmed pack are named with the safe command.
            why = Type("why\r");
            Assert.DoesNotContain("ready", why);
            Assert.Contains("pack locks read between positions", why);
            Assert.Contains("to settle it: if the vehicle still carries pack unknown@CAR1: 'locks engage'", why);
            Assert.Contains("'locks engage'", Type("status\r"));
            Assert.Contains("a pack is in transit", Type("swap authorize CAR1\r"));

            Assert.Contains("engaging the locks", Type("locks engage\r", 10));
            string done = RunUntil("locks engaged", 60000);
            Assert.Contains("'pack place vehicle unknown@CAR1 <soc>' and 'pack place lift none'", done);
            Assert.True(_bay.Bay.AllLocksLocked);
            Assert.True(_bay.Controller.Lift.IsHome);
            Type("pack place lift none\r");
            Type("pack place vehicle unknown@CAR1 20\r");
            why = Type("why\r");
            Assert.DoesNotContain("between positions", why);
            Assert.DoesNotContain("unknown@CAR1", why); // settled (the staging pack is still for 'conveyor stage')
            Type("maint exit\r");
            Type("sim vehicle depart\r");
            RunFor(_bay.Plant.VehicleDepartMs + 500);
            Assert.Empty(_bay.Bay.Hazards);
            Assert.True(_bay.Controller.Inventory.At(PackPlace.Vehicle).IsEmpty);
        }

        [Fact]
        public void An_idle_console_poll_allocates_nothing()
        {
            EnterAndHome();
            for (int i = 0; i < 10; i++) _bay.Console.Poll();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++) _bay.Console.Poll();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void Bms_and_rack_reports_come_from_the_controller()
        {
            string rack = Type("rack show\r");
            Assert.Contains("slot 0: PK0001", rack);
            Assert.Contains("lift: ", rack);
            string bms = Type("bms show\r");
            Assert.Contains("pack check: inventory only (no BMS link)", bms);
            Assert.Contains("no fault latched", Type("faults\r"));
        }

        [Fact]
        public void Hostile_bytes_on_the_real_station_move_nothing()
        {
            EnterAndHome();
            var before = Enumerable.Range(0, ConfigTable.Keys.Length).Select(i => _bay.Values.Stored(i)).ToList();
            var rng = new Random(3);
            var bytes = new byte[16 * 1024];
            rng.NextBytes(bytes);
            for (int i = 0; i < bytes.Length; i++) if (bytes[i] == 0x18 || bytes[i] == 0x0D || bytes[i] == 0x0A) bytes[i] = 0x7E;
            _line.TypeBytes(bytes);
            double maxSpeed = 0;
            for (int t = 0; t < 2000; t += 10)
            {
                _bay.Tick();
                maxSpeed = Math.Max(maxSpeed, Math.Abs(_bay.Bay.LiftVelocityMmS));
            }

            _line.Type("\r");
            RunFor(100);
            Assert.Equal(0, maxSpeed);
            Assert.Equal(before, Enumerable.Range(0, ConfigTable.Keys.Length).Select(i => _bay.Values.Stored(i)).ToList());
            Assert.Equal(FaultCode.None, _bay.Controller.LatchedFault);
        }
    }
}
