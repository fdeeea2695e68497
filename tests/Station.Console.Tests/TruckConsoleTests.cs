using Station.Core;
using Station.Hal.Sim;
using Station.Simulator;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>The console at a truck bay (bay.profile truck, the simulated truck bay): status, help, homing, jog and
    /// self-test name the truck's devices as its profile names them, and a robot jog is supervised like a swap.</summary>
    public class TruckConsoleTests : SimConsoleFixture
    {
        public TruckConsoleTests() : base(new TruckBayKind(new[] { 1, 2, 3 }))
        {
            RunFor(300);
        }


        private Station.Core.Swap.Truck.TruckRobot Robot => ((Station.Core.Swap.Truck.TruckBayProfile)_bay.Controller.Sequencer.Profile).Robot;

        private void EnterAndHomeRobot()
        {
            Assert.Contains("maintenance on", Type("maint enter 1234\r", "bay1[MAINT]>"));
            string homing = Type("home\r", "homed:", 120000);
            Assert.Contains("homing the robot; any key stops it", homing);
            Assert.Contains("homed: travel at 0 mm, height at 0 mm, fork at 0 mm", homing);
            Assert.Equal(SwapState.Idle, _bay.Controller.State);
        }

        [Fact]
        public void Status_names_the_robot_axes_each_blocks_latches_and_connector_the_shuttle_and_the_robot_interlocks()
        {
            string status = Type("status\r", "cloud:");
            Assert.Contains("\ntravel: not homed (position unknown), stopped", status);
            Assert.Contains("\nheight: not homed (position unknown), stopped", status);
            Assert.Contains("\nfork: not homed (position unknown), stopped", status);
            Assert.Contains("\nblock 1 latches: 1=", status);
            Assert.Contains("\nblock 3 connector: 1=", status);
            Assert.Contains("\nconveyors: rack shuttle stopped, exchange rollers stopped", status);
            Assert.Contains("\npack sensors: shuttle pick point empty, fork empty, return point empty", status);
            Assert.Contains("\nbay inputs: block 1 cradle empty, block 2 cradle empty, block 3 cradle empty, fork load within limit, robot upright", status);
            Assert.DoesNotContain("\nlift:", status);
            Assert.DoesNotContain("\nlocks:", status);
            Assert.DoesNotContain("pack contact", status);
        }

        [Fact]
        public void Pack_place_takes_the_truck_bays_places_and_records_a_block()
        {
            Assert.Contains("maintenance on", Type("maint enter 1234\r", "bay1[MAINT]>"));
            string refused = Type("pack place lift X1 50\r", "bay1[");
            Assert.Contains("pack place: place 'lift' is not one of staging, fork, block1, return, block2 or block3", refused);
            string done = Type("pack place block3 QJ0042 61\r", "bay1[");
            Assert.Contains("block 3: QJ0042", done);
            var block3 = _bay.Controller.Inventory.At((PackPlace)5);
            Assert.Equal(("QJ0042", 61), (block3.Serial, block3.SocPct));
            Type("pack place block3 none\r", "bay1[");
            Assert.True(_bay.Controller.Inventory.At((PackPlace)5).IsEmpty);
        }

        [Fact]
        public void Place_words_are_a_names_first_word_unless_another_place_starts_with_it()
        {
            Assert.Equal(new[] { "staging", "lift", "vehicle", "return" },
                Station.Core.Console.InventoryCommands.WordsOf(new[] { "staging", "lift", "vehicle", "return point" }));
            Assert.Equal(new[] { "staging", "fork", "block1", "return", "block2", "block3" },
                Station.Core.Console.InventoryCommands.WordsOf(new[] { "staging", "fork", "block 1", "return point", "block 2", "block 3" }));
        }

        [Fact]
        public void Status_and_why_show_an_open_overload_input()
        {
            Truck.Overloaded = true;
            RunFor(200);
            Assert.Contains("fork load OVERLOAD", Type("status\r", "cloud:"));
            Assert.Contains("fork load OVERLOAD: an interlock; nothing moves until it reads within limit", Type("why\r", "bay1["));
        }

        [Fact]
        public void Help_lists_the_robot_jog_and_not_the_car_lift_jog_or_locks_engage()
        {
            string help = Type("help\r", "Ctrl-X is the emergency stop.");
            Assert.Contains("robot jog <axis> <mm>", help);
            Assert.DoesNotContain("lift jog", help);
            Assert.DoesNotContain("locks engage", help);
        }

        [Fact]
        public void The_car_commands_are_refused_with_a_clear_reason_and_nothing_moves()
        {
            Type("maint enter 1234\r", "bay1[MAINT]>");
            Assert.Contains("lift jog: this bay has no lift; 'help' lists its commands", Type("lift jog +10\r", "bay1[MAINT]>"));
            Assert.Contains("locks engage: this bay has no locks; 'help' lists its commands", Type("locks engage\r", "bay1[MAINT]>"));
            Assert.False(_bay.Controller.Interlocks.PermitRequested);
            Assert.False(_bay.Station.Busy);
        }

        [Fact]
        public void A_robot_jog_moves_the_named_axis_and_reports_it()
        {
            EnterAndHomeRobot();
            string jog = Type("robot jog travel +20\r", "jog done", 10000);
            Assert.Contains("jogging travel +20 mm to 20 mm at 20 mm/s; any key stops it", jog);
            Assert.Matches(@"jog done: travel at (19|20|21) mm", jog);
            Assert.InRange(Robot.Travel.PositionMm, 18, 22);
            Assert.False(_bay.Controller.Interlocks.PermitRequested);
        }

        [Fact]
        public void Travel_and_height_do_not_jog_while_the_fork_is_out()
        {
            EnterAndHomeRobot();
            Assert.Matches(@"jog done: fork at (29|30|31) mm", Type("robot jog fork +30\r", "jog done", 10000));
            string refused = Type("robot jog travel +10\r", "bay1[MAINT]>");
            Assert.Matches(@"robot jog: refused: the travel moves only with the fork home, and the fork is at (29|30|31) mm; jog it home first", refused);
            Assert.Contains("robot jog: refused: the height moves only with the fork home", Type("robot jog height +10\r", "bay1[MAINT]>"));
            Assert.InRange(Robot.Travel.PositionMm, -1, 1);
        }

        [Fact]
        public void Robot_jog_refuses_an_unknown_axis_a_distance_beyond_the_step_and_a_target_outside_the_soft_limits()
        {
            EnterAndHomeRobot();
            Assert.Contains("robot jog: refused: no axis 'lift'; the axes are travel, height, fork", Type("robot jog lift +10\r", "bay1[MAINT]>"));
            Assert.Contains("robot jog: '+500' is not a distance between -50 and +50 mm", Type("robot jog travel +500\r", "bay1[MAINT]>"));
            Assert.Contains("robot jog: refused: target -10 mm is outside the fork's soft limits (0..", Type("robot jog fork -10\r", "bay1[MAINT]>"));
            Assert.False(_bay.Station.Busy);
        }

        [Fact]
        public void An_overload_during_a_robot_jog_latches_its_fault_and_ends_the_jog()
        {
            EnterAndHomeRobot();
            _line.Type("robot jog travel +50\r");
            RunFor(1000, "jogging travel");
            for (int i = 0; i < 300 && Robot.Travel.PositionMm < 5; i++) _bay.Tick();
            Assert.True(Robot.Travel.PositionMm >= 5, "the travel axis did not start");
            Truck.Overloaded = true;
            string ended = RunFor(2000, "RobotOverload");
            Assert.Equal(FaultCode.RobotOverload, _bay.Controller.LatchedFault);
            Assert.Contains("jog ended by fault 90 RobotOverload (travel at", ended);
            Assert.False(_bay.Station.Busy);
            Assert.False(_bay.Controller.Interlocks.PermitRequested);
            Assert.NotEqual(Station.Core.Motion.LiftMode.Moving, Robot.Travel.Mode);
        }

        [Fact]
        public void The_self_test_names_the_truck_devices_and_passes_on_a_healthy_bay()
        {
            EnterAndHomeRobot();
            string test = Type("selftest\r", "self-test done", 30000);
            Assert.Contains("PASS fork load reads within limit", test);
            Assert.Contains("PASS robot reads upright", test);
            Assert.Contains("block 1 latch 1 sensors read exactly one end", test);
            Assert.Contains("block 2 connector 1 sensors read exactly one end", test);
            Assert.Contains("PASS height rises and the encoder follows", test);
            Assert.Contains("PASS height returns home and the home switch makes again", test);
            Assert.Contains("INFO pack sensors: shuttle pick point empty, fork empty, return point empty; vehicle absent; block 1 cradle empty", test);
            Assert.Contains("SKIP block latches and connectors: releasing one under a truck would drop its block", test);
            Assert.Contains("SKIP rack shuttle and exchange rollers: running one moves blocks", test);
            Assert.Contains(" 0 failed", test);
            Assert.DoesNotContain("lift", test);
        }

        [Fact]
        public void The_self_test_does_not_move_the_height_while_the_fork_is_out()
        {
            EnterAndHomeRobot();
            Type("robot jog fork +30\r", "jog done", 10000);
            string test = Type("selftest\r", "self-test done", 30000);
            Assert.Contains("SKIP height move and encoder: the fork is not home (it may stand in a cradle)", test);
            Assert.DoesNotContain("height rises", test);
        }
    }
}
