using Station.Core;
using System.IO;
using System.Linq;
using Xunit;

namespace Station.Simulator.Tests
{
    /// <summary>The fault injector's scenario keys: hostile values are refused with one line and exit 2, the new
    /// expectations can fail (ScenarioTests.Each_expectation_can_fail), and every example of a plant fault proves the plant saw no hazard.</summary>
    public class FaultInjectorScenarioTests
    {
        private static (int Exit, string Out, string Err) RunText(string name, string json) =>
            Sim.Run("--scenario", Sim.TempFile(name, json), "--quiet");

        [Theory]
        [InlineData(@"{""do"":""encoder_fault""}", "needs at least one of slip")]
        [InlineData(@"{""do"":""encoder_fault"",""slip"":1.5}", "slip: 1.5 is outside 0..1")]
        [InlineData(@"{""do"":""encoder_fault"",""scale"":0}", "scale: 0 is outside 0.01..100")]
        [InlineData(@"{""do"":""encoder_fault"",""wrap_counts"":3}", "wrap_counts: 3 is outside 16..")]
        [InlineData(@"{""do"":""encoder_fault"",""offset_counts"":1e9}", "outside -1000000..1000000")]
        [InlineData(@"{""do"":""lift_runaway""}", "needs \"direction\"")]
        [InlineData(@"{""do"":""lift_runaway"",""direction"":""sideways""}", "needs \"direction\"")]
        [InlineData(@"{""do"":""brake_slip"",""mm_s"":-5}", "mm_s: -5 is outside")]
        [InlineData(@"{""do"":""output_stuck"",""name"":""Nope""}", "no output \"Nope\" (outputs: LiftDrive, LiftDirectionUp")]
        [InlineData(@"{""do"":""output_stuck"",""name"":""LiftEnable"",""duty"":0.5}", "duty: only for \"LiftDrive\"")]
        [InlineData(@"{""do"":""output_stuck"",""name"":""LiftDrive"",""duty"":2}", "duty: 2 is outside 0..1")]
        [InlineData(@"{""do"":""pack_soc""}", "needs \"pct\"")]
        [InlineData(@"{""do"":""pack_soc"",""pct"":101}", "pct: 101 is outside 0..100")]
        [InlineData(@"{""do"":""storage_fail"",""what"":""reads""}", "\"reads\" is not one of all, appends, replaces")]
        [InlineData(@"{""do"":""tear_next_replace"",""off_s"":99999}", "off_s: 99999 is outside 0..3600")]
        [InlineData(@"{""do"":""tick_late"",""late_ms"":0}", "late_ms: 0 is outside 1..60000")]
        [InlineData(@"{""do"":""tick_late"",""late_ms"":1000000}", "late_ms: 1000000 is outside 1..60000")]
        [InlineData(@"{""do"":""sensor"",""name"":""PackOnLift"",""mode"":""glitch"",""ticks"":0}", "ticks: only with mode \"glitch\", 1..1000")]
        [InlineData(@"{""do"":""sensor"",""name"":""PackOnLift"",""mode"":""stuck_active"",""ticks"":3}", "ticks: only with mode \"glitch\"")]
        [InlineData(@"{""do"":""sensor"",""name"":""PackOnLift"",""mode"":""flicker"",""half_period_ms"":100000}", "half_period_ms: only with mode \"flicker\", 1..60000")]
        [InlineData(@"{""do"":""reset"",""expect"":""maybe""}", "expect: \"maybe\" is not one of refused, accepted")]
        [InlineData(@"{""do"":""reset"",""reason"":""busy""}", "reason: only with \"expect\"")]
        [InlineData(@"{""do"":""vehicle_moves"",""speed"":3}", "\"vehicle_moves\" takes no argument \"speed\"")]
        [InlineData(@"{""do"":""console""}", "\"console\" needs \"line\"")]
        [InlineData(@"{""do"":""console"",""line"":""status\rlift jog +10""}", "line: only printable ASCII")]
        [InlineData(@"{""do"":""console"",""line"":""\u0018""}", "line: only printable ASCII")]
        [InlineData(@"{""do"":""console"",""line"":""status"",""expect"":""refused""}", "\"console\" takes no argument \"expect\" (it takes: line, reply)")]
        public void Hostile_fault_arguments_are_refused_with_exit_2(string evt, string message)
        {
            var (exit, stdout, stderr) = RunText("hostile-fault.json", @"{""name"":""x"",""events"":[" + evt + @"],""expect"":{""no_hazards"":true}}");
            Assert.Equal(2, exit);
            string line = stderr.TrimEnd();
            Assert.DoesNotContain('\n', line);
            Assert.Contains("events[0]", line);
            Assert.Contains(message, line);
            Assert.DoesNotContain("swaps completed", stdout);
        }

        [Theory]
        [InlineData(@"""plant"":{""VehicleHeightErrorMm"":600}", "plant.VehicleHeightErrorMm: 600 is outside -500..500")]
        [InlineData(@"""plant"":{""VehicleHeightErrorMm"":300}", "VehicleHeightMm + VehicleHeightErrorMm must lie inside the lift travel")]
        [InlineData(@"""expect"":{""never_in"":[""Nowhere""]}", "\"Nowhere\" is not a swap state")]
        [InlineData(@"""expect"":{""events_in_order"":[""Transfer""]}", "must be \"state:NAME\", \"fault:NAME\" or \"do:ACTION\"")]
        [InlineData(@"""expect"":{""events_in_order"":[""fault:None""]}", "names no fault")]
        [InlineData(@"""expect"":{""events_in_order"":[""do:explode""]}", "\"explode\" is not an action")]
        public void Hostile_figures_and_expectations_are_refused_with_exit_2(string part, string message)
        {
            string json = part.StartsWith(@"""expect""") ? @"{""name"":""x""," + part + "}" : @"{""name"":""x""," + part + @",""expect"":{""no_hazards"":true}}";
            var (exit, _, stderr) = RunText("hostile-figure.json", json);
            Assert.Equal(2, exit);
            Assert.Contains(message, stderr);
        }

        [Fact]
        public void A_command_answered_otherwise_than_expected_fails_the_run_naming_the_event()
        {
            // Reset with nothing latched is refused; the scenario claims it is accepted, then wants another reason.
            var (exit, stdout, _) = RunText("answer.json", @"{ ""name"": ""x"", ""events"": [
                { ""at_step"": ""RaiseToPack"", ""do"": ""reset"", ""expect"": ""accepted"" },
                { ""do"": ""home"", ""expect"": ""refused"", ""reason"": ""no such reason"" } ],
                ""expect"": { ""swaps_completed"": 1 } }");
            Assert.Equal(1, exit);
            Assert.Contains("events[0] reset at", stdout);
            Assert.Contains("was not accepted → refused: no fault latched, expected accepted", stdout);
            Assert.Contains("events[1] home at", stdout);
            Assert.Contains("expected a reason containing \"no such reason\"", stdout);
        }

        [Fact]
        public void A_console_reply_otherwise_than_expected_fails_the_run_naming_the_event()
        {
            var (exit, stdout, _) = RunText("console-answer.json", @"{ ""name"": ""x"", ""events"": [
                { ""at_step"": ""Unlock"", ""do"": ""console"", ""line"": ""lift jog +10"", ""reply"": ""jogging"" },
                { ""do"": ""console"", ""line"": ""status"", ""reply"": ""state Unlock"" } ],
                ""expect"": { ""swaps_completed"": 1 } }");
            Assert.Equal(1, exit);
            Assert.Contains("events[0] console \"lift jog +10\" at", stdout);
            Assert.Contains("answered \"lift jog: needs maintenance mode", stdout);
            Assert.Contains("expected a reply containing \"jogging\"", stdout);
            Assert.DoesNotContain("events[1]", stdout.Substring(stdout.IndexOf("FAILED", System.StringComparison.Ordinal)));
        }

        [Fact]
        public void A_console_line_runs_on_the_real_console_and_its_motion_is_supervised_every_tick()
        {
            // Idle and homed: maintenance is allowed, the jog is accepted and the lift really moves 10 mm under the
            // console's supervision (polled every tick, as on the board), then stops by itself.
            var events = new System.Collections.Generic.List<ScenarioEvent>
            {
                new ScenarioEvent { Index = 0, AtStep = "Idle", AfterMs = 1000, Do = "console", Args = { ["line"] = "maint enter 1234", ["reply"] = "maintenance" } },
                new ScenarioEvent { Index = 1, Do = "console", Args = { ["line"] = "lift jog +10" } },
                new ScenarioEvent { Index = 2, AfterMs = 20000, Do = "console", Args = { ["line"] = "maint exit" } },
            };
            var run = new BayRun(new Station.Hal.Sim.PlantParameters(), 0, 120, events);
            double before = 0, highest = 0;
            run.AfterTick = () =>
            {
                if (run.EventsFired.Count < 2) before = run.Bay.LiftPositionMm;
                else highest = System.Math.Max(highest, run.Bay.LiftPositionMm);
            };
            run.Run();
            Assert.Empty(run.CommandFailures);
            Assert.InRange(highest - before, 9, 12);
            Assert.Contains(run.EventsFired, e => e.Contains("lift jog +10"));
        }

        [Fact]
        public void Every_example_scenario_checks_the_plant_saw_no_hazard()
        {
            foreach (var f in Directory.GetFiles(Sim.ScenarioDir, "*.json").OrderBy(f => f))
                Assert.True(File.ReadAllText(f).Contains("\"no_hazards\": true"), $"{Path.GetFileName(f)} does not expect no_hazards");
        }

        [Fact]
        public void A_late_tick_while_the_lift_moves_loses_the_permit_in_hardware_and_faults_on_the_next_tick()
        {
            // 1.5 s late while the lift raises at full speed: without the relay's permit watchdog the plant would move
            // ~150 mm between two controller ticks; with it the drive loses power after PermitWatchdogMs (100 ms).
            var events = new System.Collections.Generic.List<ScenarioEvent>
            {
                new ScenarioEvent { Index = 0, AtStep = "RaiseToPack", AfterMs = 3000, Do = "tick_late", Args = { ["late_ms"] = 1500 } },
            };
            var run = new BayRun(new Station.Hal.Sim.PlantParameters(), 1, 0, events);
            double last = 0, biggestJump = 0;
            long lastMs = 0, longestGap = 0;
            run.AfterTick = () =>
            {
                biggestJump = System.Math.Max(biggestJump, System.Math.Abs(run.Bay.LiftPositionMm - last));
                longestGap = System.Math.Max(longestGap, run.Clock.NowMs - lastMs);
                last = run.Bay.LiftPositionMm;
                lastMs = run.Clock.NowMs;
            };
            run.Run();
            Assert.Equal(1510, longestGap);
            Assert.InRange(biggestJump, 8, 15); // 100 ms at 100 mm/s, then the brake
            Assert.Equal(0, run.SwapsCompleted);
            Assert.Equal(FaultCode.ControlTickLate, run.Controller.LatchedFault);
            Assert.Equal(1, run.Controller.Sequencer.LateTicks);
            Assert.Equal(1510, run.Controller.Sequencer.LongestTickGapMs);
            Assert.Empty(run.Bay.Hazards);
        }
    }
}
