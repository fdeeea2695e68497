using System.Linq;
using Station.Core.Config;
using Station.Core.Console;
using Xunit;

namespace Station.Console.Tests
{
    public class ConsoleCommandTests
    {
        public static TheoryData<int> MaintenanceRows()
        {
            var d = new TheoryData<int>();
            for (int i = 0; i < CommandTable.Count; i++)
                if (CommandTable.At(i).NeedsMaintenance) d.Add(i);
            return d;
        }

        public static TheoryData<int> Rows()
        {
            var d = new TheoryData<int>();
            for (int i = 0; i < CommandTable.Count; i++) d.Add(i);
            return d;
        }

        [Theory]
        [MemberData(nameof(MaintenanceRows))]
        public void Commands_that_move_or_change_need_maintenance(int row)
        {
            var rig = new Rig();
            rig.Station.FaultCode = 21;
            ConsoleCommand c = CommandTable.At(row);
            string reply = rig.Run(c.Example);
            Assert.Contains(c.Words + ": needs maintenance mode; enter it with 'maint enter <pin>'", reply);
            Assert.Empty(rig.Station.Requests);
            Assert.Equal(200, rig.Config.Number(ConfigTable.LiftSpeedMmS));
            Assert.Empty(rig.Storage.Files);
        }

        [Theory]
        [MemberData(nameof(Rows))]
        public void Every_example_runs_and_is_audited(int row)
        {
            var rig = new Rig();
            rig.Station.FaultCode = 21;
            ConsoleCommand c = CommandTable.At(row);
            if (c.Id != CommandId.MaintEnter) rig.EnterMaintenance();
            rig.Audit.Clear();
            string reply = rig.Run(c.Example);
            Assert.DoesNotContain("needs maintenance", reply);
            Assert.DoesNotContain("unknown", reply);
            Assert.Single(rig.Audit);
            Assert.EndsWith("> ", reply);
        }

        [Fact]
        public void Prompt_shows_station_state_maintenance_and_fault()
        {
            var rig = new Rig();
            Assert.Equal("bay1[idle]> ", rig.Console.Prompt());
            rig.EnterMaintenance();
            Assert.Equal("bay1[MAINT]> ", rig.Console.Prompt());
            rig.Run("maint exit");
            rig.Station.FaultCode = 21;
            Assert.Equal("bay1[FAULT 21]> ", rig.Console.Prompt());
            rig.Station.FaultCode = 0;
            rig.Station.StateName = "lifting";
            string redraw = rig.Poll();
            Assert.EndsWith("bay1[lifting]> ", redraw);
        }

        [Fact]
        public void Status_explains_a_fault()
        {
            var rig = new Rig();
            Assert.DoesNotContain("why:", rig.Run("status"));
            rig.Station.FaultCode = 21;
            string reply = rig.Run("status");
            Assert.Contains("state: idle", reply);
            Assert.Contains("maintenance: off", reply);
            Assert.Contains("why:\r\nfault 21 is latched", reply);
        }

        [Fact]
        public void Why_adds_maintenance_to_the_station_reasons()
        {
            var rig = new Rig();
            Assert.Contains("nothing: ready", rig.Run("why"));
            rig.EnterMaintenance();
            string reply = rig.Run("why");
            Assert.Contains("maintenance mode is on", reply);
        }

        [Fact]
        public void Reading_commands_pass_the_station_reports_through()
        {
            var rig = new Rig();
            Assert.Contains("bms: pack P1 soc 91 %", rig.Run("bms show"));
            Assert.Contains("slot 1: P1", rig.Run("rack show"));
            Assert.Contains("no fault latched", rig.Run("faults"));
        }

        [Theory]
        [InlineData("lift jog 60", "lift jog: distance must be between -50 and +50 mm")]
        [InlineData("lift jog -51", "lift jog: distance must be between -50 and +50 mm")]
        [InlineData("lift jog 0", "lift jog: distance must be between -50 and +50 mm (and not 0)")]
        [InlineData("lift jog ten", "lift jog: 'ten' is not a distance; expected a whole number of mm between -50 and +50 mm, e.g. 'lift jog +10'")]
        [InlineData("lift jog 1.5", "is not a distance")]
        public void Jog_distance_errors_say_the_range(string line, string expected)
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            Assert.Contains(expected, rig.Run(line));
            Assert.Equal(0, rig.Station.MotionRequests);
        }

        [Fact]
        public void Jog_step_follows_the_configuration()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Run("config set lift.jog_step_mm 20");
            Assert.Contains("between -20 and +20 mm", rig.Run("lift jog 25"));
        }

        [Fact]
        public void Jog_respects_the_soft_limits_and_says_how_far_it_can_go()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Station.LiftPositionMm = 550;
            Assert.Contains("lift jog: target 570 mm is above the soft limit lift.soft_max_mm = 560 mm (lift at 550 mm); at most +10 mm up is possible",
                rig.Run("lift jog +20"));
            rig.Station.LiftPositionMm = 10;
            Assert.Contains("lift jog: target -10 mm is below the soft limit lift.soft_min_mm = 0 mm (lift at 10 mm); at most -10 mm down is possible",
                rig.Run("lift jog -20"));
            rig.Station.LiftPositionMm = 0;
            Assert.Contains("no further move down is possible", rig.Run("lift jog -1"));
            Assert.Equal(0, rig.Station.MotionRequests);
        }

        [Fact]
        public void Jog_needs_a_homed_lift()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Station.LiftHomed = false;
            Assert.Contains("not homed", rig.Run("lift jog +5"));
            Assert.Equal(0, rig.Station.MotionRequests);
        }

        [Fact]
        public void Jog_uses_the_jog_speed_cap_and_any_key_stops_it()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            string reply = rig.Run("lift jog +10");
            Assert.Contains("jogging lift +10 mm to 510 mm at 20 mm/s; any key stops it", reply);
            Assert.Equal("move 510 20", rig.Station.Requests.Last());
            Assert.True(rig.Station.Busy);
            string stopped = rig.Send("x");
            Assert.Contains("stopped by the operator (key); no fault", stopped);
            Assert.False(rig.Station.Busy);
            Assert.Equal(1, rig.Station.StopMotions);
            // The key that stopped the jog is not typed into the next line, and the rest of the line it began is refused
            // whole; the line after that is a line of its own again.
            Assert.Contains("line refused: its first keys stopped a motion", rig.Run("y"));
            Assert.Contains("unknown command 'z'", rig.Run("z"));
        }

        [Fact]
        public void A_line_typed_into_a_jog_is_refused_whole_never_its_tail_run_as_a_command()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Run("lift jog +10");
            Assert.True(rig.Station.Busy);
            int height = rig.Config.Number(Station.Core.Config.ConfigTable.LiftVehicleHeightMm);
            // The head of the line arrives while the jog runs (it stops the jog), the tail in the next poll.
            Assert.Contains("stopped by the operator", rig.Send("config set lift.vehicle_height_m"));
            string tail = rig.Send("m 850\r");
            Assert.Contains("line refused: its first keys stopped a motion", tail);
            Assert.DoesNotContain("unknown command", tail);
            Assert.Equal(height, rig.Config.Number(Station.Core.Config.ConfigTable.LiftVehicleHeightMm));
            Assert.Contains("(refused line)", string.Join("\n", rig.Audit));
            // A tail that happens to be a command is refused the same way (it must not run: "home" would move the lift).
            rig.Run("lift jog -10");
            rig.Send("ho");
            int before = rig.Station.MotionRequests;
            Assert.Contains("line refused", rig.Send("me\r"));
            Assert.Equal(before, rig.Station.MotionRequests);
            // Ctrl-C ends the stopping line: what follows is a line of its own.
            rig.Run("lift jog +10");
            rig.Send("\x03");
            Assert.Contains("jogging lift", rig.Run("lift jog +5"));
        }

        [Fact]
        public void Ctrl_c_also_stops_a_jog()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Run("lift jog -10");
            rig.Send("\x03");
            Assert.False(rig.Station.Busy);
            Assert.Equal(0, rig.Station.EmergencyStops);
        }

        [Fact]
        public void Motion_progress_and_result_are_shown()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Run("home");
            rig.Station.Progress = "homing: at home switch, position 0 mm";
            rig.Station.Busy = false;
            string output = rig.Poll();
            Assert.Contains("homing: at home switch", output);
            Assert.EndsWith("bay1[MAINT]> ", output);
        }

        [Fact]
        public void A_refused_motion_says_why()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Station.AcceptRequests = false;
            Assert.Contains("home: refused: test refusal", rig.Run("home"));
            Assert.Contains("lift jog: refused: test refusal", rig.Run("lift jog +5"));
            Assert.Contains("selftest: refused: test refusal", rig.Run("selftest"));
        }

        [Fact]
        public void Ctrl_x_stops_ahead_of_queued_input()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            // A jog line queued ahead of the emergency key in the same read never runs.
            rig.Line.Type("lift jog +10\r\x18");
            string output = rig.Poll();
            Assert.Equal(1, rig.Station.EmergencyStops);
            Assert.Equal(0, rig.Station.MotionRequests);
            Assert.Contains("EMERGENCY STOP (Ctrl-X)", output);
            Assert.False(rig.Console.InMaintenance);
            Assert.Contains("^X ok", rig.Audit);
        }

        [Fact]
        public void Ctrl_x_works_in_any_mode_and_mid_line()
        {
            var rig = new Rig();
            // What was typed before the key is thrown away with the rest of the queued input.
            string output = rig.Send("lift jog +5\x18tus\r");
            Assert.Equal(1, rig.Station.EmergencyStops);
            Assert.Contains("unknown command 'tus'", output);
            Assert.Contains("maintenance: off", rig.Run("status"));
        }

        [Fact]
        public void Stop_command_is_the_emergency_stop_too()
        {
            var rig = new Rig();
            Assert.Contains("EMERGENCY STOP (stop command)", rig.Run("stop"));
            Assert.Equal(1, rig.Station.EmergencyStops);
        }

        [Fact]
        public void Fault_reset_checks_the_number()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            Assert.Contains("no fault is latched", rig.Run("fault reset 21"));
            rig.Run("maint exit");
            rig.Station.FaultCode = 21;
            rig.EnterMaintenance();
            Assert.Contains("fault reset: fault 7 is not latched; the latched fault is 21 TestFault: a test fault; use 'fault reset 21'", rig.Run("fault reset 7"));
            Assert.Contains("fault reset: 'x' is not a fault number", rig.Run("fault reset x"));
            Assert.Contains("fault 21 reset", rig.Run("fault reset 21"));
            Assert.True(rig.Console.InMaintenance);
        }

        [Fact]
        public void Config_get_set_show_save_default()
        {
            var rig = new Rig();
            Assert.Contains("lift.speed_mm_s = 200 mm/s  [10..500 mm/s]", rig.Run("config get lift.speed_mm_s"));
            Assert.Contains("config get: unknown key 'lift.speed'; 'config show' lists the keys", rig.Run("config get lift.speed"));
            rig.EnterMaintenance();
            Assert.Contains("config set: lift.speed_mm_s: 900 is out of range; expected 10..500 mm/s", rig.Run("config set lift.speed_mm_s 900"));
            Assert.Contains("lift.speed_mm_s = 150 mm/s (not stored until 'config save')", rig.Run("config set lift.speed_mm_s 150"));
            Assert.Contains("apply", rig.Station.Requests);
            string show = rig.Run("config show");
            foreach (ConfigKey k in ConfigTable.Keys) Assert.Contains(k.Name + " = ", show);
            Assert.Contains("unsaved changes", show);
            Assert.Contains("configuration saved (generation 1)", rig.Run("config save"));
            var reloaded = new ConfigValues();
            new ConfigFile(rig.Storage).Load(reloaded);
            Assert.Equal(150, reloaded.Number(ConfigTable.LiftSpeedMmS));
            Assert.Contains("every key set to its default", rig.Run("config default"));
            Assert.Equal(200, rig.Config.Number(ConfigTable.LiftSpeedMmS));
            rig.Storage.FailNextReplace = true;
            Assert.Contains("the stored configuration is unchanged", rig.Run("config save"));
        }

        [Fact]
        public void Changing_the_station_id_changes_the_prompt()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            Assert.EndsWith("bay7[MAINT]> ", rig.Run("config set station.id bay7"));
        }

        [Fact]
        public void Log_tail_shows_console_commands()
        {
            var rig = new Rig();
            rig.Run("why");
            rig.Run("bms show");
            string tail = rig.Run("log tail 2");
            Assert.Contains("console: why -> ok", tail);
            Assert.Contains("console: bms show -> ok", tail);
            Assert.Contains("log tail: '0' is not a line count; expected 1..32", rig.Run("log tail 0"));
            Assert.Contains("log tail: '99' is not a line count", rig.Run("log tail 99"));
        }

        [Fact]
        public void Help_lists_every_command_and_help_noun_shows_examples()
        {
            var rig = new Rig();
            string all = rig.Run("help");
            foreach (ConsoleCommand c in System.Linq.Enumerable.Select(System.Linq.Enumerable.Range(0, CommandTable.Count), CommandTable.At))
            {
                // A command that needs a device this (car) bay does not have is not listed.
                if (c.Device == null || rig.Station.Has(c.Device)) Assert.Contains(c.Usage, all);
                else Assert.DoesNotContain(c.Usage, all);
            }
            string lift = rig.Run("help lift");
            Assert.Contains("lift jog <mm>", lift);
            Assert.Contains("e.g. lift jog +10", lift);
            Assert.DoesNotContain("config", lift);
            Assert.Contains("help: no command 'fly'; the commands are: status, why", rig.Run("help fly"));
        }

        [Fact]
        public void A_command_needing_a_device_the_bay_lacks_is_refused_and_moves_nothing()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            Assert.Contains("robot jog: this bay has no robot; 'help' lists its commands", rig.Run("robot jog travel +10"));
            rig.Station.Devices = new System.Collections.Generic.List<string> { "robot" };
            Assert.Contains("lift jog: this bay has no lift; 'help' lists its commands", rig.Run("lift jog +10"));
            Assert.Equal(0, rig.Station.MotionRequests);
            Assert.Contains("robot jog: '+99' is not a distance between -50 and +50 mm", rig.Run("robot jog travel +99"));
            Assert.Contains("jogging fork 10 mm; any key stops it", rig.Run("robot jog FORK +10"));
            Assert.Contains("move fork 10 20", rig.Station.Requests);
        }

        [Fact]
        public void Swap_authorize_leaves_maintenance_and_starts_the_swap()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            Assert.Contains("swap authorize: vehicle and pack ids", rig.Run("swap authorize CAR/42"));
            string reply = rig.Run("swap authorize CAR42 P7");
            Assert.Contains("swap authorized; maintenance ended", reply);
            Assert.Equal("authorize CAR42 P7", rig.Station.Requests.Last());
            Assert.False(rig.Console.InMaintenance);
            Assert.False(rig.Station.Held);
        }

        [Fact]
        public void A_refused_swap_keeps_maintenance()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Station.AcceptRequests = false;
            Assert.Contains("swap authorize: refused: test refusal; maintenance continues", rig.Run("swap authorize CAR42"));
            Assert.True(rig.Console.InMaintenance);
            Assert.True(rig.Station.Held);
        }

        [Fact]
        public void Tab_in_the_console_completes_and_lists()
        {
            var rig = new Rig();
            Assert.Equal("\b \b\b \b\b \bstatus ", rig.Send("sta\t").Substring(3));
            rig.Send("\x15");
            string listed = rig.Send("s\t");
            Assert.Contains("status  selftest  swap  stop", listed);
            Assert.EndsWith("bay1[idle]> s", listed);
        }

        [Fact]
        public void Unknown_and_malformed_lines_are_audited_without_their_arguments()
        {
            var rig = new Rig();
            rig.Run("mant enter 4711");
            Assert.Equal("mant ... refused", rig.Audit.Last());
            Assert.DoesNotContain("4711", rig.Log.Tail(10));
        }

        [Theory]
        [InlineData("rack set x P1 90 ready", "rack set: slot 'x' does not exist; the slots are 0..5")]
        [InlineData("rack set -1 P1 90 ready", "rack set: slot '-1' does not exist; the slots are 0..5")]
        [InlineData("rack set 6 P1 90 ready", "rack set: slot '6' does not exist; the slots are 0..5")]
        [InlineData("rack set 1 P/1 90 ready", "rack set: 'P/1' is not a pack serial; expected 1 to 24 characters")]
        [InlineData("rack set 1 none 90 ready", "(to empty a slot: 'rack clear 1')")]
        [InlineData("rack set 1 P1 abc ready", "rack set: SOC 'abc' must be a whole percent between 0 and 100")]
        [InlineData("rack set 1 P1 101 ready", "rack set: SOC '101' must be a whole percent between 0 and 100")]
        [InlineData("rack set 1 P1 -1 ready", "rack set: SOC '-1' must be a whole percent between 0 and 100")]
        [InlineData("rack set 1 P1 90 full", "rack set: state 'full' is not one of charging, ready or faulty")]
        [InlineData("rack set 1 P1 90", "rack set: missing <slot> <serial> <soc> <state>; usage: rack set <slot> <serial> <soc> <state>")]
        [InlineData("rack clear 9", "rack clear: slot '9' does not exist; the slots are 0..5")]
        [InlineData("rack clear", "rack clear: missing <slot>")]
        [InlineData("pack place shelf P1", "pack place: place 'shelf' is not one of staging, lift, vehicle or return")]
        [InlineData("pack place lift none 50", "pack place: an empty place has no SOC; usage: 'pack place lift none'")]
        [InlineData("pack place lift P#1", "pack place: 'P#1' is not a pack serial")]
        [InlineData("pack place lift P1 200", "pack place: SOC '200' must be a whole percent between 0 and 100")]
        [InlineData("pack place lift", "pack place: missing <place> <serial>|none [soc]")]
        [InlineData("conveyor stage now", "conveyor stage: unexpected 'now'")]
        public void Inventory_commands_refuse_bad_words_before_asking_the_station(string line, string error)
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Station.Requests.Clear();
            rig.Audit.Clear();
            Assert.Contains(error, rig.Run(line));
            Assert.Empty(rig.Station.Requests);
            Assert.Single(rig.Audit);
            Assert.EndsWith(" refused", rig.Audit[0]);
        }

        [Theory]
        [InlineData("rack set 5 P1 90 ready", "rack 5 P1 90 Ready")]
        [InlineData("rack set 0 P2 10 CHARGING", "rack 0 P2 10 Charging")]
        [InlineData("rack set 0 P3 0 faulty", "rack 0 P3 0 Faulty")]
        [InlineData("rack clear 2", "rack 2 none -1 Empty")]
        [InlineData("pack place staging P1 95", "place Staging P1 95")]
        [InlineData("pack place return P1", "place ReturnPoint P1 -1")]
        [InlineData("pack place vehicle NONE", "place Vehicle none -1")]
        [InlineData("conveyor stage", "stage")]
        public void Inventory_commands_reach_the_station_and_its_refusal_is_shown(string line, string request)
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Station.Requests.Clear();
            rig.Audit.Clear();
            rig.Run(line);
            Assert.Equal(new[] { request }, rig.Station.Requests);
            Assert.Equal(new[] { line + " ok" }, rig.Audit);

            rig.Station.AcceptRequests = false;
            rig.Station.Busy = false;
            string refused = rig.Run(line);
            Assert.Contains("test refusal", refused);
            Assert.Equal(line + " refused", rig.Audit[^1]);
        }

        [Fact]
        public void Inventory_commands_need_maintenance()
        {
            var rig = new Rig();
            foreach (string line in new[] { "rack set 1 P1 90 ready", "rack clear 1", "pack place lift none", "conveyor stage" })
                Assert.Contains(": needs maintenance mode", rig.Run(line));
            Assert.Empty(rig.Station.Requests);
        }
    }
}
