using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Station.Simulator.Tests
{
    public class ScenarioTests
    {
        public static IEnumerable<object[]> Examples() =>
            Directory.GetFiles(Sim.ScenarioDir, "*.json").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });

        [Fact]
        public void Examples_are_there()
        {
            Assert.True(Examples().Count() >= 8, "expected the example scenarios next to the program");
        }

        [Theory]
        [MemberData(nameof(Examples))]
        public void Every_example_scenario_ends_as_it_expects(string file)
        {
            var (exit, stdout, stderr) = Sim.Run("--scenario", Path.Combine(Sim.ScenarioDir, file), "--json", "--quiet");
            Assert.True(exit == 0, $"{file}: exit {exit}\n{stderr}\n{stdout}");
            var j = Sim.LastJson(stdout);
            Assert.True(j.GetProperty("scenario").GetProperty("passed").GetBoolean());
        }

        [Fact]
        public void A_fault_scenario_reports_code_name_and_step()
        {
            var (_, stdout, _) = Sim.Run("--scenario", Path.Combine(Sim.ScenarioDir, "lift-stall.json"), "--json", "--quiet");
            var f = Sim.LastJson(stdout).GetProperty("faults")[0];
            Assert.Equal(20, f.GetProperty("code").GetInt32());
            Assert.Equal("LiftStall", f.GetProperty("name").GetString());
            Assert.Equal("RaiseToPack", f.GetProperty("step").GetString());
        }

        [Fact]
        public void A_run_that_ends_elsewhere_than_expected_exits_1_and_says_why()
        {
            string path = Sim.TempFile("wrong-expectation.json", @"{
                ""name"": ""expects the impossible"",
                ""events"": [ { ""at_s"": 0, ""do"": ""stall"", ""position_mm"": 300 } ],
                ""expect"": { ""final_state"": ""Idle"", ""swaps_completed"": 1 }
            }");
            var (exit, stdout, _) = Sim.Run("--scenario", path, "--json", "--quiet");
            Assert.Equal(1, exit);
            Assert.Contains("final state is Faulted, expected Idle", stdout);
            Assert.False(Sim.LastJson(stdout).GetProperty("scenario").GetProperty("passed").GetBoolean());
        }

        [Theory]
        [InlineData(@"""no_motion_in"": [""RaiseToPack""]", "was on in RaiseToPack")]
        [InlineData(@"""inventory"": { ""vehicle"": ""PK0009"" }", "at vehicle, expected PK0009")]
        [InlineData(@"""vehicle_pack"": ""VP0001""", "the vehicle holds none, expected VP0001")]
        [InlineData(@"""latched_fault"": ""LiftStall""", "latched fault is None, expected LiftStall")]
        [InlineData(@"""faults_raised"": [""EStopPressed""]", "fault EStopPressed was never raised")]
        [InlineData(@"""states_seen"": [""Recovery""]", "never was in Recovery")]
        [InlineData(@"""restarts"": 1", "0 restarts, expected 1")]
        [InlineData(@"""lift_home"": false", "the lift is home")]
        [InlineData(@"""never_in"": [""Transfer""]", "the station was in Transfer")]
        [InlineData(@"""events_in_order"": [""state:Released"", ""state:Unlock""]", "state:Unlock did not come in the expected order")]
        [InlineData(@"""events_in_order"": [""fault:LiftStall""]", "fault:LiftStall never happened")]
        [InlineData(@"""latched_fault"": ""any""", "no fault is latched, expected one")]
        [InlineData(@"""faults_raised"": [""any""]", "fault any was never raised")]
        public void Each_expectation_can_fail(string expect, string message)
        {
            // one vehicle is swapped and leaves, so the bay ends empty and the new pack PK0001 left in the vehicle
            string path = Sim.TempFile("fails.json", @"{ ""name"": ""x"", ""swaps"": 1, ""expect"": { " + expect + " } }");
            var (exit, stdout, _) = Sim.Run("--scenario", path, "--quiet");
            Assert.Equal(1, exit);
            Assert.Contains(message, stdout);
        }

        [Fact]
        public void Recovery_scenario_keeps_the_storage_and_restarts_the_controller()
        {
            var (exit, stdout, _) = Sim.Run("--scenario", Path.Combine(Sim.ScenarioDir, "power-loss-and-recovery.json"), "--json", "--quiet");
            Assert.Equal(0, exit);
            var j = Sim.LastJson(stdout);
            Assert.Equal(1, j.GetProperty("restarts").GetInt32());
        }

        [Theory]
        [InlineData("not json at all", "not valid JSON")]
        [InlineData("[1,2,3]", "must be a JSON object")]
        [InlineData(@"{""name"":""x""}", "\"expect\" is required")]
        [InlineData(@"{""expect"":{""final_state"":""Idle""}}", "\"name\" is required")]
        [InlineData(@"{""name"":""x"",""expect"":{}}", "\"expect\" is empty")]
        [InlineData(@"{""name"":""x"",""colour"":""red"",""expect"":{""final_state"":""Idle""}}", "unknown key \"colour\"")]
        [InlineData(@"{""name"":""x"",""swaps"":""three"",""expect"":{""final_state"":""Idle""}}", "swaps must be a whole number")]
        [InlineData(@"{""name"":""x"",""swaps"":1e9,""expect"":{""final_state"":""Idle""}}", "swaps")]
        [InlineData(@"{""name"":""x"",""expect"":{""final_state"":""Sleeping""}}", "not a swap state")]
        [InlineData(@"{""name"":""x"",""expect"":{""latched_fault"":""Gremlins""}}", "not a fault name")]
        [InlineData(@"{""name"":""x"",""expect"":{""latched_fault"":9999}}", "not a fault code")]
        [InlineData(@"{""name"":""x"",""events"":[{""at_s"":1,""do"":""explode""}],""expect"":{""final_state"":""Idle""}}", "unknown action \"explode\"")]
        [InlineData(@"{""name"":""x"",""events"":[{""at_s"":1}],""expect"":{""final_state"":""Idle""}}", "\"do\" is required")]
        [InlineData(@"{""name"":""x"",""events"":[{""at_s"":-5,""do"":""estop""}],""expect"":{""final_state"":""Idle""}}", "at_s")]
        [InlineData(@"{""name"":""x"",""events"":[{""at_s"":1,""at_step"":""Unlock"",""do"":""estop""}],""expect"":{""final_state"":""Idle""}}", "not both")]
        [InlineData(@"{""name"":""x"",""events"":[{""at_step"":""Nowhere"",""do"":""estop""}],""expect"":{""final_state"":""Idle""}}", "not a swap state")]
        [InlineData(@"{""name"":""x"",""events"":[{""at_s"":1,""do"":""estop"",""force"":3}],""expect"":{""final_state"":""Idle""}}", "takes no argument")]
        [InlineData(@"{""name"":""x"",""events"":[{""at_s"":1,""do"":""sensor"",""name"":""Nose"",""mode"":""flicker""}],""expect"":{""final_state"":""Idle""}}", "no input \"Nose\"")]
        [InlineData(@"{""name"":""x"",""events"":[{""at_s"":1,""do"":""sensor"",""name"":""PackOnLift"",""mode"":""wobbly""}],""expect"":{""final_state"":""Idle""}}", "not one of")]
        [InlineData(@"{""name"":""x"",""events"":[{""at_s"":1,""do"":""lock_fails_to_engage"",""lock"":7}],""expect"":{""final_state"":""Idle""}}", "not a lock of this bay")]
        [InlineData(@"{""name"":""x"",""events"":[{""at_s"":1,""do"":""stall"",""position_mm"":99999}],""expect"":{""final_state"":""Idle""}}", "outside the lift's travel")]
        [InlineData(@"{""name"":""x"",""events"":{""at_s"":1},""expect"":{""final_state"":""Idle""}}", "events must be an array")]
        [InlineData(@"{""name"":""x"",""plant"":{""WarpDrive"":1},""expect"":{""final_state"":""Idle""}}", "unknown figure \"WarpDrive\"")]
        [InlineData(@"{""name"":""x"",""plant"":{""VehicleHeightMm"":99999},""expect"":{""final_state"":""Idle""}}", "VehicleHeightMm")]
        [InlineData(@"{""name"":""x"",""plant"":{""LockCount"":0},""expect"":{""final_state"":""Idle""}}", "LockCount")]
        [InlineData(@"{""name"":""x"",""expect"":{""inventory"":{""attic"":""PK1""}}}", "not a place")]
        [InlineData(@"{""name"":""x"",""plant"":{""LiftMaxSpeedMmS"":2},""expect"":{""final_state"":""Idle""}}", "cannot be configured for this plant")]
        [InlineData(@"{""name"":""x"",""name"":""y"",""expect"":{""final_state"":""Idle""}}", "appears twice")]
        public void Malformed_scenarios_are_refused_with_exit_2_and_a_reason(string json, string reason)
        {
            string path = Sim.TempFile("bad.json", json);
            var (exit, stdout, stderr) = Sim.Run("--scenario", path, "--json");
            Assert.Equal(2, exit);
            Assert.Contains("bad scenario", stderr);
            Assert.Contains(reason, stderr);
            Assert.DoesNotContain("swaps_completed", stdout); // nothing ran
        }

        [Fact]
        public void Missing_and_oversized_scenario_files_are_refused()
        {
            var (exit, _, stderr) = Sim.Run("--scenario", "/nonexistent/scenario.json");
            Assert.Equal(2, exit);
            Assert.Contains("file not found", stderr);

            string big = Sim.TempFile("big.json", "{\"name\":\"" + new string('x', ScenarioReader.MaxBytes) + "\"}");
            (exit, _, stderr) = Sim.Run("--scenario", big);
            Assert.Equal(2, exit);
            Assert.Contains("larger than", stderr);
        }

        [Fact]
        public void Deeply_nested_json_is_refused_not_crashed()
        {
            string deep = "{\"name\":\"x\",\"expect\":{\"final_state\":\"Idle\"},\"plant\":" + new string('[', 200) + new string(']', 200) + "}";
            var (exit, _, stderr) = Sim.Run("--scenario", Sim.TempFile("deep.json", deep));
            Assert.Equal(2, exit);
            Assert.Contains("bad scenario", stderr);
        }
    }
}
