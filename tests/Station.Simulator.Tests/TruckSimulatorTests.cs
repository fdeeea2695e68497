using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Station.Simulator.Tests
{
    /// <summary>The truck bay in the simulator: its figures, its timeline, scenario files on it, and hostile files.</summary>
    public class TruckSimulatorTests
    {
        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

        [Fact]
        public void Three_blocks_take_at_most_240_s_within_5_percent_of_the_critical_path()
        {
            var (exit, stdout, stderr) = Sim.Run("--bay", "truck", "--blocks", "3", "--json", "--quiet");
            Assert.True(exit == 0, stderr + stdout);
            var j = Sim.LastJson(stdout);
            double cycle = j.GetProperty("cycle_s")[0].GetDouble(), critical = j.GetProperty("critical_path_s").GetDouble();
            Assert.True(cycle <= 240, $"{cycle} s");
            Assert.True(cycle <= critical * 1.05 && cycle >= critical, $"{cycle} s against {critical} s");
            Assert.Equal(3, j.GetProperty("swaps")[0].GetProperty("blocks").GetArrayLength());
        }

        [Fact]
        public void The_timeline_draws_each_block_and_the_shuttle_or_handler_working_while_the_robot_swaps_another()
        {
            string path = Path.Combine(Path.GetTempPath(), $"truck-timeline-{System.Guid.NewGuid():N}.svg");
            var (exit, stdout, stderr) = Sim.Run("--bay", "truck", "--quiet", "--timeline", path);
            Assert.True(exit == 0, stderr + stdout);
            var doc = XDocument.Parse(File.ReadAllText(path));
            File.Delete(path);
            var rows = doc.Descendants(Svg + "g").Where(g => (string)g.Attribute("class") == "row").ToDictionary(g => (string)g.Attribute("data-row"));
            foreach (var name in new[] { "sequencer", "critical path (model)", "block 1", "block 2", "block 3", "robot travel", "robot height", "robot fork",
                         "block 1 latches", "block 2 connector", "shuttle", "exchange rollers", "rack handler", "truck", "anti-tipping", "load cell" })
                Assert.True(rows.ContainsKey(name), $"row {name} missing");
            XElement[] Bars(string row) => rows[row].Descendants(Svg + "rect").Where(r => (string)r.Attribute("class") == "bar").ToArray();
            double X(XElement r) => double.Parse((string)r.Attribute("x"), CultureInfo.InvariantCulture);
            double W(XElement r) => double.Parse((string)r.Attribute("width"), CultureInfo.InvariantCulture);
            var windows = new[] { Bars("block 1").Single(), Bars("block 2").Single(), Bars("block 3").Single() };
            for (int i = 1; i < 3; i++) Assert.True(X(windows[i]) >= X(windows[i - 1]) + W(windows[i - 1]) - 0.5, "one robot: the blocks follow each other");
            Assert.Equal(2, Bars("block 2 latches").Length); // release, then engage
            // The overlap: while the robot works on block 2 or 3, the shuttle stages or the handler fetches/stores.
            bool Overlaps(XElement a, XElement b) => X(a) < X(b) + W(b) && X(b) < X(a) + W(a);
            Assert.Contains(Bars("shuttle").Concat(Bars("rack handler")), bar => Overlaps(bar, windows[1]) || Overlaps(bar, windows[2]));
        }

        [Theory]
        [InlineData("truck-fork-stall.json", "ForkUnderBlock")]
        [InlineData("truck-anti-tipping.json", "RobotToExchange")]
        [InlineData("truck-fork-overload.json", "LiftBlock")]
        [InlineData("truck-block-latch-fails.json", "LatchBlock")]
        public void A_truck_fault_scenario_latches_in_its_step_and_stops(string file, string step)
        {
            var (exit, stdout, stderr) = Sim.Run("--scenario", Path.Combine(Sim.ScenarioDir, file), "--json", "--quiet");
            Assert.True(exit == 0, stderr + stdout);
            var j = Sim.LastJson(stdout);
            Assert.Equal("truck", j.GetProperty("bay").GetString());
            Assert.Equal(step, j.GetProperty("faults")[0].GetProperty("step").GetString());
            Assert.Equal("Faulted", j.GetProperty("final_state").GetString());
        }

        [Fact]
        public void Bay_truck_runs_a_file_that_names_no_bay_and_a_truck_expectation_can_fail()
        {
            string file = Sim.TempFile("truck-unnamed.json", "{\"name\":\"n\",\"positions\":[2],\"events\":[{\"at_step\":\"LiftBlock\",\"do\":\"robot_tips\"}],\"expect\":{\"final_state\":\"Idle\",\"outputs_off\":true}}");
            var (exit, stdout, _) = Sim.Run("--bay", "truck", "--scenario", file, "--json", "--quiet");
            Assert.Equal(2, exit); // "positions" needs the file's own "bay": "truck"
            file = Sim.TempFile("truck-unnamed2.json", "{\"name\":\"n\",\"events\":[{\"at_step\":\"LiftBlock\",\"do\":\"estop\"}],\"expect\":{\"final_state\":\"Idle\",\"outputs_off\":true}}");
            (exit, stdout, _) = Sim.Run("--bay", "truck", "--blocks", "1", "--scenario", file, "--json", "--quiet");
            Assert.Equal(1, exit);
            var failures = Sim.LastJson(stdout).GetProperty("scenario").GetProperty("failures");
            Assert.Contains(failures.EnumerateArray(), f => f.GetString() == "final state is Faulted, expected Idle");
        }

        [Theory]
        [InlineData("{\"name\":\"x\",\"bay\":\"truck\",\"events\":[{\"at_s\":1,\"do\":\"lift_runaway\",\"direction\":\"up\"}],\"expect\":{\"final_state\":\"Idle\"}}", "\"lift_runaway\" is a car bay action")]
        [InlineData("{\"name\":\"x\",\"bay\":\"truck\",\"plant\":{\"LockCount\":2},\"expect\":{\"final_state\":\"Idle\"}}", "\"plant\" figures describe the car bay")]
        [InlineData("{\"name\":\"x\",\"bay\":\"boat\",\"expect\":{\"final_state\":\"Idle\"}}", "bay: \"boat\" is not one of car, truck")]
        [InlineData("{\"name\":\"x\",\"bay\":\"truck\",\"expect\":{\"inventory\":{\"lift\":\"none\"}}}", "expect.inventory: a car bay check")]
        [InlineData("{\"name\":\"x\",\"bay\":\"truck\",\"events\":[{\"at_s\":1,\"do\":\"axis_stall\",\"axis\":\"fork\",\"position_mm\":99999}],\"expect\":{\"final_state\":\"Idle\"}}", "lies outside the fork axis's travel")]
        [InlineData("{\"name\":\"x\",\"bay\":\"truck\",\"events\":[{\"at_s\":1,\"do\":\"axis_stall\",\"axis\":\"wheel\"}],\"expect\":{\"final_state\":\"Idle\"}}", "needs \"axis\" (one of: travel, height, fork)")]
        [InlineData("{\"name\":\"x\",\"bay\":\"truck\",\"events\":[{\"at_s\":1,\"do\":\"block_latch_fails\",\"position\":4,\"latch\":0}],\"expect\":{\"final_state\":\"Idle\"}}", "needs \"position\" (1..3)")]
        [InlineData("{\"name\":\"x\",\"bay\":\"truck\",\"events\":[{\"at_s\":1,\"do\":\"authorize\",\"positions\":\"1,1\"}],\"expect\":{\"final_state\":\"Idle\"}}", "not a list of distinct positions")]
        [InlineData("{\"name\":\"x\",\"bay\":\"truck\",\"positions\":[1,1],\"expect\":{\"final_state\":\"Idle\"}}", "positions: 1 given twice")]
        [InlineData("{\"name\":\"x\",\"bay\":\"truck\",\"positions\":[],\"expect\":{\"final_state\":\"Idle\"}}", "name at least one block position")]
        [InlineData("{\"name\":\"x\",\"positions\":[1],\"expect\":{\"final_state\":\"Idle\"}}", "add \"bay\": \"truck\"")]
        [InlineData("{\"name\":\"x\",\"bay\":\"truck\",\"expect\":{\"events_in_order\":[\"do:stall\"]}}", "\"stall\" is not an action")]
        public void Hostile_truck_scenarios_are_refused_with_exit_2_and_a_reason(string json, string reason)
        {
            string file = Sim.TempFile("hostile-truck.json", json);
            var (exit, _, stderr) = Sim.Run("--scenario", file, "--quiet");
            Assert.Equal(2, exit);
            Assert.Contains(reason, stderr);
        }

        [Fact]
        public void A_truck_file_refuses_a_contradicting_bay_and_a_car_file_with_car_actions_is_refused_on_the_truck()
        {
            var (exit, _, stderr) = Sim.Run("--bay", "car", "--scenario", Path.Combine(Sim.ScenarioDir, "truck-fork-stall.json"));
            Assert.Equal(2, exit);
            Assert.Contains("--bay car contradicts it", stderr);
            (exit, _, stderr) = Sim.Run("--bay", "truck", "--scenario", Path.Combine(Sim.ScenarioDir, "lift-stall.json"));
            Assert.Equal(2, exit);
            Assert.Contains("\"stall\" is a car bay action", stderr);
        }
    }
}
