using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Station.Core.Motion;
using Station.Hal.Sim;
using Xunit;

namespace Station.Simulator.Tests
{
    public class SwapRunTests
    {
        [Fact]
        public void Three_swaps_complete_and_the_json_line_has_every_field()
        {
            var (exit, stdout, stderr) = Sim.Run("--swaps", "3", "--json");
            Assert.True(exit == 0, stderr + stdout);
            var j = Sim.LastJson(stdout);
            Assert.Equal(3, j.GetProperty("swaps_requested").GetInt32());
            Assert.Equal(3, j.GetProperty("swaps_completed").GetInt32());
            Assert.Equal(JsonValueKind.Array, j.GetProperty("faults").ValueKind);
            Assert.Equal(0, j.GetProperty("faults").GetArrayLength());
            Assert.Equal("Idle", j.GetProperty("final_state").GetString());
            Assert.Equal(0, j.GetProperty("hazards").GetArrayLength());

            double critical = j.GetProperty("critical_path_s").GetDouble();
            Assert.Equal(CriticalPath.Compute(new PlantParameters()).TotalSeconds, critical, 2);
            var cycles = j.GetProperty("cycle_s").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            Assert.Equal(3, cycles.Length);
            // the controller overlaps staging with the lift: each swap lands within a few % of the critical path
            Assert.All(cycles, c => Assert.InRange(c, critical * 0.97, critical * 1.10));
            var doorToDoor = j.GetProperty("door_to_door_s").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            Assert.All(doorToDoor, d => Assert.InRange(d, 30, 150)); // the published 100–150 s, or better

            var swaps = j.GetProperty("swaps").EnumerateArray().ToArray();
            Assert.All(swaps, s => Assert.Equal(s.GetProperty("pack_in").GetString(), s.GetProperty("left_with").GetString()));
        }

        [Fact]
        public void When_the_rack_runs_out_of_charged_packs_the_next_vehicle_waits_for_the_chargers()
        {
            string path = Sim.TempFile("small-rack.json", @"{
                ""name"": ""two packs in the rack"",
                ""swaps"": 3,
                ""plant"": { ""RackSlots"": 3, ""RackPacks"": 2, ""ChargePctPerMin"": 20 },
                ""expect"": { ""swaps_completed"": 3, ""final_state"": ""Idle"", ""no_hazards"": true }
            }");
            var (exit, stdout, stderr) = Sim.Run("--scenario", path, "--json");
            Assert.True(exit == 0, stderr + stdout);
            Assert.Contains("none ready yet: waiting for the chargers", stdout);
            Assert.Contains("charger: VP0001 in slot", stdout);
            var swaps = Sim.LastJson(stdout).GetProperty("swaps").EnumerateArray().ToArray();
            Assert.Equal("VP0001", swaps[2].GetProperty("pack_in").GetString()); // the first returned pack, recharged
        }

        [Fact]
        public void Runs_are_deterministic()
        {
            var a = Sim.Run("--swaps", "2", "--json");
            var b = Sim.Run("--swaps", "2", "--json");
            Assert.Equal(a.Out, b.Out);
        }

        [Fact]
        public void Progress_shows_steps_positions_and_simulated_time()
        {
            var (exit, stdout, _) = Sim.Run("--swaps", "1");
            Assert.Equal(0, exit);
            foreach (var step in new[] { "RaiseToPack", "Unlock", "LowerDepleted", "Transfer", "RaiseCharged", "Lock", "LowerEmpty", "Released" })
                Assert.Contains(step, stdout);
            Assert.Matches(@"\[\s+\d+\.\d\d s\] swap 1/1\s+Unlock\s+lift\s+\d+\.\d mm", stdout);
            Assert.Contains("summary", stdout);
            Assert.Contains("critical path", stdout);
        }

        [Fact]
        public void Critical_path_agrees_with_the_cores_own_formula()
        {
            var p = new PlantParameters();
            long core = SwapTiming.CriticalPathMs(p.VehicleHeightMm, p.LiftMaxSpeedMmS, p.LiftAccelMmS2, p.LockTravelMs,
                (int)(p.StagingLengthMm / p.StagingSpeedMmS * 1000), (int)(p.TransferPitchMm / p.TransferSpeedMmS * 1000));
            Assert.InRange(CriticalPath.Compute(p).TotalSeconds * 1000, core - 20, core + 20);
        }

        [Fact]
        public void Zero_swaps_with_realtime_pacing_ends_idle()
        {
            var (exit, stdout, _) = Sim.Run("--swaps", "0", "--realtime", "--speed", "1000", "--json", "--quiet");
            Assert.Equal(0, exit);
            Assert.Equal("Idle", Sim.LastJson(stdout).GetProperty("final_state").GetString());
        }

        [Theory]
        [InlineData("--swaps")]
        [InlineData("--swaps", "-1")]
        [InlineData("--swaps", "many")]
        [InlineData("--bogus")]
        [InlineData("--speed", "0")]
        [InlineData("--scenario")]
        public void Bad_usage_exits_2_with_a_message(params string[] args)
        {
            var (exit, _, stderr) = Sim.Run(args);
            Assert.Equal(2, exit);
            Assert.Contains("Station.Simulator:", stderr);
        }

        [Theory]
        [InlineData("--speed 5 is refused without a pace: --speed paces a --realtime", "--swaps", "1", "--speed", "5")]
        [InlineData("--swaps is for a batch run", "--console", "--swaps", "3")]
        [InlineData("--json is for a batch run", "--pty", "--json")]
        [InlineData("--timeline-swap 4: the run has only 3 swap(s)", "--swaps", "3", "--timeline", "never.svg", "--timeline-swap", "4")]
        [InlineData("--timeline-swap chooses the swap --timeline draws", "--swaps", "3", "--timeline-swap", "2")]
        [InlineData("--cloud-authorize waits for the cloud: add --broker", "--cloud-authorize")]
        [InlineData("did you mean --swaps?", "--swapz", "3")]
        public void Options_that_would_be_silently_ignored_are_refused_with_the_reason(string expected, params string[] args)
        {
            var (exit, stdout, stderr) = Sim.Run(args);
            Assert.Equal(2, exit);
            Assert.Contains(expected.Replace("--speed 5 is refused without a pace: ", ""), stderr);
            Assert.DoesNotContain("summary", stdout); // nothing ran
            Assert.False(File.Exists("never.svg"));
        }

        [Fact]
        public void Help_lists_the_options()
        {
            var (exit, stdout, _) = Sim.Run("--help");
            Assert.Equal(0, exit);
            foreach (var opt in new[] { "--swaps", "--json", "--scenario", "--realtime", "--timeline" }) Assert.Contains(opt, stdout);
        }

        [Fact]
        public void The_built_program_runs_as_a_process()
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "Station.Simulator.dll");
            Assert.True(File.Exists(dll), dll);
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { dll, "--swaps", "1", "--json", "--quiet" }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi);
            string stdout = p.StandardOutput.ReadToEnd();
            string stderr = p.StandardError.ReadToEnd();
            Assert.True(p.WaitForExit(120_000), "the simulator did not finish");
            Assert.True(p.ExitCode == 0, stderr);
            Assert.Equal(1, Sim.LastJson(stdout).GetProperty("swaps_completed").GetInt32());
        }
    }
}
