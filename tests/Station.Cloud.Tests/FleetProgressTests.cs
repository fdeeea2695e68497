using System;
using System.IO;
using System.Text.RegularExpressions;
using Station.Tests.Shared;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>The fleet run's Spectre.Console progress bar, seen in a real pseudo-terminal against a real Mosquitto:
    /// drawn while the run lasts, absent when the output is redirected (the report only).</summary>
    public class FleetProgressTests
    {
        [Fact]
        public void A_fleet_run_on_a_terminal_shows_a_progress_bar_and_a_redirected_one_prints_only_its_report()
        {
            using var broker = Mosquitto.Start();
            string dir = Directory.CreateTempSubdirectory("fleet-progress").FullName;
            try
            {
                string command = $"Station.Fleet --broker mqtt://127.0.0.1:{broker.Port} --stations 2 --seconds 4";
                var (exit, terminal) = PtyRun.InTerminal(command, dir);
                Assert.Equal(0, exit);
                Assert.Contains("\u001b[", terminal, StringComparison.Ordinal);                                  // drawn in place
                Assert.Matches(new Regex(@"\d\d:\d\d:0[1-9]"), terminal);                // the elapsed-time column ticking
                Assert.Contains("stations", terminal);                                  // the caption
                Assert.Contains("online at end 2", terminal);                           // then the report

                var (plainExit, output, _) = PtyRun.Redirected(command, dir);
                Assert.Equal(0, plainExit);
                Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
                Assert.Contains("online at end 2", output);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
