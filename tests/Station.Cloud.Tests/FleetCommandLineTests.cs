using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Station.Core;
using Station.Fleet;
using Station.Hal.Host;
using Xunit;
using Xunit.Sdk;

namespace Station.Cloud.Tests
{
    /// <summary>The fleet tools as a user meets them: their command lines, a fleet without a broker, the README's
    /// authorisation, and the monitor's live table in a real terminal (tmux).</summary>
    public class FleetCommandLineTests
    {
        [Fact]
        public void The_fleet_without_a_broker_says_so_and_exits_3()
        {
            var err = new StringWriter();
            int code = FleetCommand.Run(new[] { "--broker", $"mqtt://127.0.0.1:{Mosquitto.FreePort()}", "--stations", "2", "--seconds", "1", "--measure" }, new StringWriter(), err);
            Assert.Equal(3, code);
            Assert.Contains("broker not reachable", err.ToString());
        }

        [Theory]
        [InlineData("--stations 0", "--stations must be 1..100000")]
        [InlineData("--speed -1", "--speed must be above 0")]
        [InlineData("--broker http://x", "--broker needs a URI")]
        [InlineData("--stationz 3", "did you mean --stations?")]
        [InlineData("--prefix a/b", "--prefix needs")]
        [InlineData("--truck-percent 101", "--truck-percent must be 0..100")]
        [InlineData("--truck-percent -5", "--truck-percent must be 0..100")]
        public void Bad_fleet_options_exit_2_with_the_reason(string args, string expected)
        {
            var err = new StringWriter();
            Assert.Equal(2, FleetCommand.Run(args.Split(' '), new StringWriter(), err));
            Assert.Contains(expected, err.ToString());
        }

        [Theory]
        [InlineData("authorize --station s1", "--vehicle")]
        [InlineData("authorize --station bad/id --vehicle V", "--station needs")]
        [InlineData("watch --password p", "--password needs --user")]
        [InlineData("wacth", "did you mean watch?")]
        [InlineData("", "Required command was not provided")]
        public void Bad_monitor_command_lines_exit_2_with_the_reason(string args, string expected)
        {
            var err = new StringWriter();
            Assert.Equal(2, Station.FleetMonitor.Program.Run(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), new StringWriter(), err, TextReader.Null));
            Assert.Contains(expected, err.ToString());
        }

        [Fact]
        public void The_readmes_authorize_fleet_0007_LSV123_is_accepted_by_a_fleet_run_with_cloud_authorize()
        {
            using var broker = Mosquitto.Start();
            string uri = $"mqtt://127.0.0.1:{broker.Port}";
            var fleetOut = new StringWriter();
            int fleetExit = -1;
            // The fleet runs until the test has what it waits for (a long --seconds only bounds a hung run), so a
            // loaded machine makes the test slower, never wrong.
            using var done = new CancellationTokenSource();
            var fleet = new Thread(() => fleetExit = FleetCommand.Run(new[] { "--broker", uri, "--stations", "7", "--cloud-authorize", "--speed", "20", "--seconds", "600", "--quiet" }, TextWriter.Synchronized(fleetOut), new StringWriter(), done.Token));
            fleet.Start();
            // "authorize fleet-0007 LSV123" typed into watch, retried until a car waits at fleet-0007.
            string seen = "";
            var bound = Stopwatch.StartNew();
            while (!seen.Contains("fleet-0007: swap.authorize accepted") && fleet.IsAlive && bound.Elapsed < TimeSpan.FromMinutes(5))
            {
                var w = new StringWriter();
                Station.FleetMonitor.Program.Run(new[] { "watch", "--broker", uri, "--seconds", "2", "--plain" }, w, new StringWriter(), new StringReader("authorize fleet-0007 LSV123\n"));
                seen = w.ToString();
            }
            done.Cancel();
            Assert.Contains("sent authorize to fleet-0007", seen);
            Assert.Contains("fleet-0007: swap.authorize accepted", seen);
            Assert.True(fleet.Join(60000), "the fleet run did not end after it was cancelled");
            Assert.Equal(0, fleetExit);
        }

        static string Tmux(params string[] args)
        {
            var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) psi.ArgumentList.Add(a);
            Process p;
            try { p = Process.Start(psi); }
            catch (Win32Exception) { throw new XunitException("tmux is not installed: apt-get install tmux (tools/test.sh does)"); }
            using (p)
            {
                string output = p.StandardOutput.ReadToEnd();
                string error = p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) throw new XunitException("tmux " + string.Join(" ", args) + " failed: " + error);
                return output;
            }
        }

        [Fact]
        public void Watch_in_a_terminal_keeps_the_typed_text_and_the_replies_visible_across_redraws()
        {
            using var broker = Mosquitto.Start();
            var st = new SimStation("tty-1", new MqttLinkOptions { Port = broker.Port, ClientId = "tty-1", ReconnectMinMs = 50, ReconnectMaxMs = 200 }, DateTime.UtcNow, 0, false, 0);
            st.Clock.FollowsWallUtc = true;
            st.Start();
            using var stop = new CancellationTokenSource();
            var loop = new Thread(() => { while (!stop.IsCancellationRequested) { st.Step(10); Thread.Sleep(1); } });
            loop.Start();
            string socket = "fm" + Guid.NewGuid().ToString("N").Substring(0, 8);
            string dll = Path.Combine(AppContext.BaseDirectory, "Station.FleetMonitor.dll");
            try
            {
                Wait.Until(() => st.Link.Online, "station online");
                Tmux("-L", socket, "new-session", "-d", "-s", "w", "-x", "150", "-y", "40", $"dotnet {dll} watch --broker mqtt://127.0.0.1:{broker.Port}; sleep 30");
                string Screen() => Tmux("-L", socket, "capture-pane", "-p", "-t", "w");
                Wait.Until(() => Screen().Contains("tty-1"), "the table shows the station", 20000);
                Tmux("-L", socket, "send-keys", "-t", "w", "-l", "status tty-1");
                Thread.Sleep(2500); // at least two redraws of the table
                Assert.Contains("> status tty-1", Screen());
                Tmux("-L", socket, "send-keys", "-t", "w", "Enter");
                Wait.Until(() => Screen().Contains("sent status to tty-1"), "what was sent stays on screen: " + Screen());
                Wait.Until(() => Screen().Contains("tty-1: station.status"), "the reply shows: " + Screen());
                Thread.Sleep(1200);
                string after = Screen();
                Assert.Contains("> status tty-1", after);      // the typed line is kept above the prompt
                Assert.Contains("tty-1: station.status", after);
                Tmux("-L", socket, "send-keys", "-t", "w", "-l", "quit");
                Tmux("-L", socket, "send-keys", "-t", "w", "Enter");
                Wait.Until(() => !Screen().Contains("type: authorize") || Screen().Contains("quit"), "quit");
            }
            finally
            {
                try { Tmux("-L", socket, "kill-server"); } catch (XunitException) { }
                stop.Cancel();
                loop.Join(5000);
                st.Dispose();
            }
        }
    }
}
