using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Station.Tests.Shared;
using Xunit;

namespace Station.Simulator.Tests
{
    /// <summary>The shipped scenarios mutated with a fixed seed (flips, truncation, repeated members, huge numbers, deep
    /// nesting, odd UTF-8, wrong types, oversize): each either parses or is refused with one clear line, never another
    /// exception and never a hang; a sample of the mutants that parse runs to its end through the simulator's own entry.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public class ScenarioFuzzTests
    {
        static byte[][] Shipped() => Directory.GetFiles(Sim.ScenarioDir, "*.json").OrderBy(p => p).Select(File.ReadAllBytes).ToArray();

        [Fact]
        public void Mutated_scenarios_parse_or_are_refused_with_one_clear_line()
        {
            var seeds = Shipped();
            Assert.True(seeds.Length > 30, "scenarios found: " + seeds.Length);
            var rng = new Random(9301);
            int parsed = 0, refused = 0;
            var slowest = TimeSpan.Zero;
            for (int round = 0; round < 4000; round++)
            {
                byte[] bytes = HostileBytes.Mutate(seeds[rng.Next(seeds.Length)], rng);
                // As ScenarioFile reads a file: UTF-8, invalid sequences replaced (the text checks then refuse them).
                string json = Encoding.UTF8.GetString(bytes);
                string what = "round " + round + ": " + json.Substring(0, Math.Min(json.Length, 300));
                var watch = Stopwatch.StartNew();
                try
                {
                    Assert.NotNull(ScenarioReader.Parse(json));
                    parsed++;
                }
                catch (ScenarioException e)
                {
                    refused++;
                    Assert.False(string.IsNullOrWhiteSpace(e.Message), what);
                    Assert.True(!e.Message.Contains('\n'), what + ": a refusal of more than one line: " + e.Message);
                }
                catch (Exception e)
                {
                    Assert.Fail(what + "\nnot a clear refusal: " + e);
                }
                if (watch.Elapsed > slowest) slowest = watch.Elapsed;
            }
            Assert.True(slowest < TimeSpan.FromSeconds(2), "the slowest parse took " + slowest);
            Assert.True(parsed > 200 && refused > 2000, "parsed " + parsed + ", refused " + refused);
        }

        [Fact]
        public void Regression_a_broken_literal_is_refused_on_one_line_without_the_files_control_bytes()
        {
            // Found by the fuzz above (round 82): the JSON reader's message quotes the rest of the file, line breaks and
            // all, so the refusal ran over several lines (and an escape sequence in the file reached the terminal).
            string path = Sim.TempFile("broken-literal.json", "");
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes("{\"name\":\"x\",\"expect\":{\"no_hazards\":t\u001b[2Jue, \"final_state\":\"Idle\" }\n}\n"));
            var (exit, stdout, stderr) = Sim.Run("--scenario", path, "--json");
            Assert.Equal(2, exit);
            string line = stderr.TrimEnd();
            Assert.StartsWith("Station.Simulator: bad scenario: ", line);
            Assert.Contains("not valid JSON", line);
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\x1b', line);
            Assert.Contains("\\x1B", line);
            Assert.DoesNotContain("swaps_completed", stdout);
        }

        [Fact]
        public async Task Mutants_that_parse_run_to_an_end_or_exit_with_a_reason()
        {
            // Only the short scenarios: a run is real simulated time (the slowest below take a few seconds each).
            var seeds = new[] { "estop-at-a-time.json", "doors-open-before-swap.json", "bms-silent.json", "light-curtain-glitch.json" }
                .Select(n => File.ReadAllBytes(Path.Combine(Sim.ScenarioDir, n))).ToArray();
            var rng = new Random(9302);
            int runs = 0;
            for (int round = 0; round < 5000 && runs < 4; round++)
            {
                string json = Encoding.UTF8.GetString(HostileBytes.Mutate(seeds[rng.Next(seeds.Length)], rng));
                Scenario parsed;
                try { parsed = ScenarioReader.Parse(json); }
                catch (ScenarioException) { continue; }
                if (parsed.MaxSeconds > 900 || parsed.Swaps > 1) continue; // long but legitimate: bounded by max_s, not tested here
                runs++;
                string path = Sim.TempFile("mutant-" + round + ".json", json);
                var run = Task.Run(() => Sim.Run("--scenario", path, "--json"));
                Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))) == run, "round " + round + ": the simulator did not return within 60 s on\n" + json);
                var (exit, stdout, stderr) = await run;
                Assert.True(exit == 0 || exit == 1 || exit == 2, "round " + round + ": exit " + exit + "\n" + stderr);
                if (exit == 2) Assert.DoesNotContain('\n', stderr.TrimEnd());
                else Assert.Contains("\"final_state\"", stdout);
            }
            Assert.True(runs >= 4, "only " + runs + " mutants parsed");
        }
    }
}
