using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace Station.Simulator.Tests
{
    /// <summary>The simulator's options on the truck bay: paced to wall time (--realtime), the first truck's id
    /// (--vehicle), power cuts from a scenario, and the options that cannot apply refused with their reason.</summary>
    public class TruckOptionTests
    {
        [Fact]
        public void Realtime_paces_a_truck_swap_to_wall_time_with_a_status_line_every_simulated_second()
        {
            var wall = Stopwatch.StartNew();
            var (exit, stdout, stderr) = Sim.Run("--bay", "truck", "--blocks", "1", "--realtime", "--speed", "100", "--json");
            wall.Stop();
            Assert.True(exit == 0, stderr + stdout);
            var j = Sim.LastJson(stdout);
            double simulated = j.GetProperty("sim_time_s").GetDouble();
            Assert.Equal(1, j.GetProperty("swaps_completed").GetInt32());
            // 100 simulated seconds per wall second: never faster than that (a slow machine may fall behind).
            Assert.True(wall.Elapsed.TotalSeconds >= simulated / 100 * 0.9, $"{wall.Elapsed.TotalSeconds:0.00} s wall for {simulated} s simulated");
            // A status line every simulated second, naming the truck's robot and cradles.
            int statusLines = stdout.Split('\n').Count(l => l.Contains("swap 1/1") && l.Contains("travel") && l.Contains("cradles"));
            Assert.True(statusLines >= simulated * 0.8, $"{statusLines} status lines in {simulated} s");
        }

        [Fact]
        public void Vehicle_names_the_first_truck()
        {
            var (exit, stdout, stderr) = Sim.Run("--bay", "truck", "--blocks", "1", "--swaps", "2", "--vehicle", "QIJI-7", "--json", "--quiet");
            Assert.True(exit == 0, stderr + stdout);
            var swaps = Sim.LastJson(stdout).GetProperty("swaps");
            Assert.Equal("QIJI-7", swaps[0].GetProperty("vehicle").GetString());
            Assert.Equal("TRK002", swaps[1].GetProperty("vehicle").GetString());
        }

        [Fact]
        public void A_power_cut_on_the_truck_bay_restarts_the_controller_on_its_journal_and_the_rest_is_booked_again()
        {
            var (exit, stdout, stderr) = Sim.Run("--scenario", Path.Combine(Sim.ScenarioDir, "truck-power-loss-and-rebooking.json"), "--json", "--quiet");
            Assert.True(exit == 0, stderr + stdout);
            var j = Sim.LastJson(stdout);
            Assert.Equal("truck", j.GetProperty("bay").GetString());
            Assert.Equal(1, j.GetProperty("restarts").GetInt32());
            Assert.Empty(j.GetProperty("hazards").EnumerateArray());
            var blocks = j.GetProperty("swaps")[0].GetProperty("blocks");
            Assert.Equal(new[] { 2, 3 }, blocks.EnumerateArray().Select(b => b.GetProperty("position").GetInt32()).ToArray());
            Assert.All(blocks.EnumerateArray(), b => Assert.Equal("passed", b.GetProperty("verdict").GetString()));
        }

        [Theory]
        [InlineData("--pack books one car pack; on the truck bay the station chooses each booked block", "--bay", "truck", "--pack", "PK0001")]
        [InlineData("--blocks is for a batch run", "--bay", "truck", "--console", "--blocks", "2")]
        [InlineData("--positions is for a batch run", "--bay", "truck", "--pty", "--positions", "1,3")]
        public void Options_that_cannot_apply_to_the_truck_bay_are_refused_with_the_reason(string reason, params string[] args)
        {
            var (exit, _, stderr) = Sim.Run(args);
            Assert.Equal(2, exit);
            Assert.Contains(reason, stderr);
        }

        [Fact]
        public void A_truck_scenario_takes_the_faults_every_bay_shares()
        {
            string file = Sim.TempFile("truck-shared-faults.json", "{\"name\":\"shared\",\"bay\":\"truck\",\"positions\":[1],\"events\":["
                + "{\"at_step\":\"RobotToBlock\",\"after_ms\":1000,\"do\":\"tick_late\",\"late_ms\":40},"
                + "{\"after_ms\":100,\"do\":\"cloud_link_drop\"},{\"after_ms\":100,\"do\":\"storage_fail\",\"what\":\"appends\"},"
                + "{\"after_ms\":100,\"do\":\"storage_heal\"}],"
                + "\"expect\":{\"events_in_order\":[\"do:tick_late\",\"do:cloud_link_drop\",\"do:storage_fail\",\"do:storage_heal\"]}}");
            var (exit, stdout, stderr) = Sim.Run("--scenario", file, "--json", "--quiet");
            Assert.True(exit == 0, stderr + stdout);
            Assert.Equal(4, Sim.LastJson(stdout).GetProperty("scenario").GetProperty("events_fired").GetArrayLength());
            var (bad, _, err) = Sim.Run("--scenario", Sim.TempFile("truck-bad-cut.json",
                "{\"name\":\"x\",\"bay\":\"truck\",\"events\":[{\"at_s\":1,\"do\":\"power_loss\",\"off_s\":5000}],\"expect\":{\"final_state\":\"Idle\"}}"));
            Assert.Equal(2, bad);
            Assert.Contains("off_s: must be 0..3600", err);
        }
    }
}
