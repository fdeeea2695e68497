using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;
using Station.Hal.Sim;
using Xunit;

namespace Station.Simulator.Tests
{
    /// <summary>Scenario files written to break the simulator: each is refused with one clear line and exit 2, within a
    /// few seconds, before any simulation work. (Unix: /dev/zero, mkfifo and file modes are among the cases.)</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public class HostileScenarioTests
    {
        private const string Expect = @"""expect"":{""final_state"":""Idle""}";

        /// <summary>Runs the simulator on <paramref name="path"/> and fails (instead of hanging the suite) if it does
        /// not return within 10 s.</summary>
        private static (int Exit, string Out, string Err, TimeSpan Took) RunBounded(string path)
        {
            var watch = Stopwatch.StartNew();
            var run = Task.Run(() => Sim.Run("--scenario", path, "--json"));
            Assert.True(run.Wait(TimeSpan.FromSeconds(10)), $"the simulator did not return within 10 s on {path}");
            var (exit, stdout, stderr) = run.Result;
            return (exit, stdout, stderr, watch.Elapsed);
        }

        private static void AssertRefused((int Exit, string Out, string Err, TimeSpan Took) r, string reason)
        {
            Assert.Equal(2, r.Exit);
            string line = r.Err.TrimEnd();
            Assert.DoesNotContain('\n', line); // one line, no stack trace
            Assert.StartsWith("Station.Simulator: bad scenario: ", line);
            Assert.Contains(reason, line);
            Assert.DoesNotContain("swaps_completed", r.Out); // nothing ran
        }

        [Theory]
        [InlineData(@"{""name"":""\ud800""," + Expect + "}", "name: not valid text (a lone UTF-16 surrogate")]
        [InlineData(@"{""name"":""x"",""description"":""tail \udfff""," + Expect + "}", "description: not valid text")]
        [InlineData(@"{""name"":""x"",""\udc00"":1," + Expect + "}", "a key: not valid text")]
        [InlineData(@"{""name"":""x"",""expect"":{""vehicle_pack"":""PK\ud83d""}}", "expect.vehicle_pack: not valid text")]
        [InlineData(@"{""name"":""x"",""events"":[{""do"":""authorize"",""pack"":""\ud800\ud800""}]," + Expect + "}", "events[0].pack: not valid text")]
        public void A_lone_surrogate_is_refused_not_crashed(string json, string reason)
        {
            AssertRefused(RunBounded(Sim.TempFile("surrogate.json", json)), reason);
        }

        [Fact]
        public void A_valid_surrogate_pair_is_still_text()
        {
            // The check refuses only broken text: an emoji written as an escaped pair is a fine description.
            string path = Sim.TempFile("emoji.json", @"{""name"":""x"",""description"":""\ud83d\ude80"",""swaps"":0,""max_s"":5,""expect"":{""swaps_completed"":0}}");
            var r = RunBounded(path);
            Assert.True(r.Exit == 0, r.Err);
        }

        [Theory]
        [InlineData(@"{""name"":""x"",""expect"":{""no_hazards"":true,""no_hazards"":false}}", "key \"expect.no_hazards\" appears twice")]
        [InlineData(@"{""name"":""x"",""plant"":{""RackSlots"":5,""RackSlots"":6}," + Expect + "}", "key \"plant.RackSlots\" appears twice")]
        [InlineData(@"{""name"":""x"",""events"":[{""do"":""estop"",""do"":""reset""}]," + Expect + "}", "key \"events[0].do\" appears twice")]
        [InlineData(@"{""name"":""x"",""expect"":{""inventory"":{""lift"":""A"",""lift"":""B""}}}", "key \"expect.inventory.lift\" appears twice")]
        [InlineData(@"{""name"":""x"",""name"":""y""," + Expect + "}", "key \"name\" appears twice")]
        public void Duplicate_keys_are_refused_at_every_level(string json, string reason)
        {
            AssertRefused(RunBounded(Sim.TempFile("duplicate.json", json)), reason);
        }

        [Theory]
        [InlineData("RackSlots", "100000000", "plant.RackSlots: 100000000 is outside 1..200")]
        [InlineData("RackPacks", "100000000", "plant.RackPacks: 100000000 is outside 0..200")]
        [InlineData("LiftTravelMm", "10000000", "plant.LiftTravelMm: 10000000 is outside 1..5000")]
        [InlineData("EncoderCountsPerMm", "1000000", "plant.EncoderCountsPerMm")]
        [InlineData("HandlerFetchMs", "100000000", "plant.HandlerFetchMs")]
        [InlineData("LockCount", "1000", "plant.LockCount: 1000 is outside 1..16")]
        [InlineData("LiftMaxSpeedMmS", "0", "plant.LiftMaxSpeedMmS: 0 is outside 0.1..2000")]
        public void Huge_plant_figures_are_refused_by_range_before_any_work(string figure, string value, string reason)
        {
            var r = RunBounded(Sim.TempFile("huge.json", $@"{{""name"":""x"",""plant"":{{""{figure}"":{value}}}," + Expect + "}"));
            AssertRefused(r, reason);
            Assert.True(r.Took < TimeSpan.FromSeconds(5), $"took {r.Took}");
        }

        [Fact]
        public void Every_range_names_a_plant_figure_and_holds_its_default()
        {
            var defaults = new PlantParameters();
            foreach (string name in PlantFigureLimits.Names)
            {
                FieldInfo f = typeof(PlantParameters).GetField(name, BindingFlags.Public | BindingFlags.Instance);
                Assert.True(f != null, $"PlantFigureLimits names {name}, which is not a PlantParameters figure");
                var (min, max) = PlantFigureLimits.For(f);
                double value = Convert.ToDouble(f.GetValue(defaults));
                Assert.True(min <= value && value <= max, $"{name}: default {value} outside its scenario range {min}..{max}");
            }
        }

        [Fact]
        public void Dev_zero_is_refused_before_reading()
        {
            AssertRefused(RunBounded("/dev/zero"), "scenario /dev/zero: is a character device; a scenario must be a regular file");
        }

        [Fact]
        public void A_symlink_to_dev_zero_is_refused_too()
        {
            string link = Path.Combine(Path.GetDirectoryName(Sim.TempFile("placeholder.json", "")), "zero-link.json");
            File.Delete(link);
            File.CreateSymbolicLink(link, "/dev/zero");
            AssertRefused(RunBounded(link), "is a character device");
        }

        [Fact]
        public void A_fifo_with_no_writer_is_refused_without_hanging()
        {
            string fifo = Path.Combine(Path.GetDirectoryName(Sim.TempFile("placeholder.json", "")), "scenario.fifo");
            File.Delete(fifo);
            var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", fifo) { RedirectStandardError = true });
            Assert.True(mkfifo != null && mkfifo.WaitForExit(10_000) && mkfifo.ExitCode == 0, "mkfifo (coreutils) failed: " + mkfifo?.StandardError.ReadToEnd());
            try
            {
                AssertRefused(RunBounded(fifo), "is a FIFO (named pipe); a scenario must be a regular file");
            }
            finally
            {
                File.Delete(fifo);
            }
        }

        [Fact]
        public void A_directory_is_refused()
        {
            string dir = Path.GetDirectoryName(Sim.TempFile("placeholder.json", ""));
            AssertRefused(RunBounded(dir), "is a directory, not a file");
        }

        [Fact]
        public void An_unreadable_file_is_refused_with_the_reason()
        {
            string path = Sim.TempFile("unreadable.json", "{}");
            File.SetUnixFileMode(path, UnixFileMode.None);
            try
            {
                bool root = Environment.UserName == "root"; // root reads it anyway: then it is simply parsed
                var r = RunBounded(path);
                AssertRefused(r, root ? "\"name\" is required" : "cannot open");
            }
            finally
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }
}
