using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Station.Core;
using Station.Fleet;
using Station.FleetMonitor;
using Station.Hal.Host;
using Xunit;
using Xunit.Sdk;

namespace Station.Cloud.Tests
{
    /// <summary>The fleet simulator and the fleet monitor against a real broker.</summary>
    public class FleetToolTests
    {
        static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

        [Fact]
        public void The_table_tracks_state_link_faults_and_finds_record_gaps_and_duplicates()
        {
            var t = new FleetTable();
            var now = DateTime.UtcNow;
            t.Take("stations/a/state", B("{\"type\":\"birth\",\"state\":\"Idle\",\"bdSeq\":3,\"swapsToday\":2}"), now);
            t.Take("stations/a/events", B("{\"type\":\"swap.started\",\"seq\":10}"), now);
            t.Take("stations/a/events", B("{\"type\":\"swap.completed\",\"seq\":11}"), now);
            t.Take("stations/a/events", B("{\"type\":\"swap.completed\",\"seq\":11}"), now); // duplicate delivery
            t.Take("stations/a/faults", B("{\"type\":\"fault.raised\",\"seq\":14,\"code\":42,\"name\":\"LiftStall\"}"), now); // 12, 13 lost
            t.Take("stations/b/state", B("{\"type\":\"death\",\"bdSeq\":9}"), now);
            t.Take("stations/b/telemetry", B("not json"), now);
            var a = t.Rows.Single(r => r.Station == "a");
            Assert.Equal(("Idle", 3, true, 3L), (a.State, a.SwapsToday, a.Online, a.BdSeq));
            Assert.Equal(("42 LiftStall", 2, 1), (a.LastFault, a.RecordGaps, a.Duplicates));
            var b = t.Rows.Single(r => r.Station == "b");
            Assert.False(b.Online);
            Assert.Equal(1, t.Malformed);
            string text = t.Render();
            Assert.Contains("OFFLINE", text);
            Assert.Contains("2 stations, 1 online", text);
            Assert.DoesNotContain("last replies", text);
        }

        [Fact]
        public void Command_replies_are_shown_under_the_table_newest_first_and_hostile_ones_are_harmless()
        {
            var t = new FleetTable();
            var now = new DateTime(2026, 11, 22, 1, 0, 0, DateTimeKind.Utc);
            t.Take("stations/a/reply", B("{\"type\":\"reply\",\"re\":\"m1\",\"cmd\":\"swap.authorize\",\"ok\":true,\"reason\":\"accepted\",\"code\":0}"), now);
            t.Take("stations/b/reply", B("{\"type\":\"reply\",\"re\":\"m2\",\"cmd\":\"swap.authorize\",\"ok\":false,\"reason\":\"unsafe_state\",\"code\":13,\"msg\":\"light curtain interrupted\"}"), now.AddSeconds(5));
            t.Take("stations/c/reply", B("{\"type\":\"reply\",\"ok\":\"yes\",\"msg\":\"\\u001b[2Jboo\"}"), now.AddSeconds(1));
            string text = t.Render();
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            int at = Array.IndexOf(lines, "last replies:");
            Assert.True(at > 0, text);
            Assert.Equal("  01:00:05 b: swap.authorize rejected: unsafe_state (light curtain interrupted)", lines[at + 1]);
            Assert.Equal("  01:00:01 c: ? rejected: ? (?[2Jboo)", lines[at + 2]);
            Assert.Equal("  01:00:00 a: swap.authorize accepted", lines[at + 3]);
            Assert.DoesNotContain('\u001b', text);
        }

        [Fact]
        public void The_monitor_authorises_a_swap_on_one_station_and_watch_shows_the_fleet()
        {
            using var broker = Mosquitto.Start();
            var epoch = DateTime.UtcNow;
            var stations = Enumerable.Range(1, 3).Select(i => new SimStation($"mon-{i}", new MqttLinkOptions { Port = broker.Port, ClientId = $"mon-{i}", ReconnectMinMs = 50, ReconnectMaxMs = 200 }, epoch, 0, false, 0)).ToArray();
            foreach (var s in stations) s.Start();
            // Homing runs in fast simulated time; then the stations follow wall time (the monitor's expiry is wall-clock based).
            var homed = DateTime.UtcNow.AddSeconds(30);
            bool arrived = false;
            while (!(stations.All(s => s.Link.Online && s.Controller.State == SwapState.Idle) && arrived && stations[1].Controller.Interlocks.VehiclePositioned) && DateTime.UtcNow < homed)
            {
                foreach (var s in stations) for (int k = 0; k < 10; k++) s.Step(10);
                if (!arrived && stations[1].Controller.State == SwapState.Idle) { stations[1].Bay.ArriveVehicle("LSV-MON", "VP-MON"); arrived = true; }
                Thread.Sleep(1);
            }
            using var stop = new CancellationTokenSource();
            // The stations run in real time (the monitor's expiry is wall-clock based) on a background loop.
            var loop = new Thread(() =>
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                long sim = 0;
                while (!stop.IsCancellationRequested)
                {
                    while (sim < sw.ElapsedMilliseconds) { foreach (var s in stations) s.Step(10); sim += 10; }
                    Thread.Sleep(2);
                }
            });
            loop.Start();
            try
            {
                Wait.Until(() => stations.All(s => s.Link.Online && s.Controller.State == SwapState.Idle), "stations homed and online", 30000);
                Wait.Until(() => stations[1].Controller.Interlocks.VehiclePositioned, "vehicle positioned", 30000);
                var outw = new StringWriter();
                var errw = new StringWriter();
                int code = Station.FleetMonitor.Program.Run(new[] { "authorize", "--broker", $"mqtt://127.0.0.1:{broker.Port}", "--station", "mon-2", "--vehicle", "LSV-MON" }, outw, errw, TextReader.Null);
                Assert.True(code == 0, outw + "\n" + errw);
                Assert.Contains("\"reason\":\"accepted\"", outw.ToString());
                Wait.Until(() => stations[1].Controller.State != SwapState.Idle, "swap started");
                Assert.Equal(SwapState.Idle, stations[0].Controller.State); // only the station addressed

                // A command typed in watch mode gets its reply shown under the table (here refused: the swap is busy).
                var watch = new StringWriter();
                Station.FleetMonitor.Program.Run(new[] { "watch", "--broker", $"mqtt://127.0.0.1:{broker.Port}", "--seconds", "2.5", "--plain" }, watch, new StringWriter(), new StringReader("authorize mon-1 LSV999\n"));
                string text = watch.ToString();
                foreach (var s in stations) Assert.Contains(s.Id, text);
                Assert.Contains("3 stations, 3 online", text);
                Assert.Contains("sent authorize to mon-1", text);
                Assert.Contains("last replies:", text);
                Assert.Matches(@"\d\d:\d\d:\d\d mon-1: swap\.authorize rejected: unsafe_state", text);

                // A rejected authorisation comes back with exit code 1 and the reason.
                outw = new StringWriter();
                code = Station.FleetMonitor.Program.Run(new[] { "authorize", "--broker", $"mqtt://127.0.0.1:{broker.Port}", "--station", "mon-1", "--vehicle", "NOBODY" }, outw, new StringWriter(), TextReader.Null);
                Assert.Equal(1, code);
                Assert.Contains("unsafe_state", outw.ToString());
            }
            finally
            {
                stop.Cancel();
                loop.Join(5000);
                foreach (var s in stations) s.Dispose();
            }
        }

        [Fact]
        public void The_fleet_simulator_runs_stations_that_swap_and_reports_latency()
        {
            using var broker = Mosquitto.Start();
            var report = FleetUntil.Run(new FleetSettings
            {
                Broker = $"mqtt://127.0.0.1:{broker.Port}", Stations = 4, Prefix = "ft", SwapsPerHour = 360, Speed = 40, Measure = true,
            }, broker, c => c.RecordsOfType("swap.completed").Length >= 4, "four completed swaps at the consumer");
            Assert.True(report.Online == 4, report.ToText());
            Assert.True(report.SwapsDone >= 4, report.ToText());
            Assert.Equal(0, report.Pending);
            Assert.Equal(0, report.Faulted);
            Assert.True(report.EventsMeasured > 40, report.ToText());
            Assert.True(report.LatencyP99Ms >= report.LatencyMedianMs);

            // The end of the run is a clean stop: every station published its death, so none is listed online.
            string retained = Mosquitto.Run("mosquitto_sub", $"-h 127.0.0.1 -p {broker.Port} -t stations/+/state -C 4 -W 5");
            var states = retained.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToArray();
            Assert.Equal(4, states.Length);
            Assert.All(states, st => Assert.Equal(("death", false), (st.GetProperty("type").GetString(), st.GetProperty("online").GetBoolean())));
        }
    }
}

namespace Station.Cloud.Tests
{
    public class SimulatorBrokerOptionTests
    {
        [Fact]
        public void The_simulator_with_broker_and_station_id_publishes_every_swap_record()
        {
            using var broker = Mosquitto.Start();
            using var consumer = new Consumer(broker.Port);
            var stdout = new System.IO.StringWriter();
            var stderr = new System.IO.StringWriter();
            int code = Station.Simulator.Program.Run(new[] { "--swaps", "2", "--quiet", "--broker", $"mqtt://127.0.0.1:{broker.Port}", "--station-id", "simA" }, stdout, stderr);
            Assert.True(code == 0, stdout + "\n" + stderr);
            Assert.True(stdout.ToString().Contains("every record delivered"), "simulator:\n" + stdout + "\n" + stderr + "\nbroker:\n" + broker.Log);
            Wait.Until(() => consumer.RecordsOfType("swap.completed").Length == 2, "two completed swaps at the consumer");
            Assert.All(consumer.Records, r => Assert.Equal("simA", r.GetProperty("sid").GetString()));
            Assert.Contains(consumer.On("/state"), s => s.GetProperty("type").GetString() == "birth");
            // The simulator's exit is a clean stop: the retained state says offline, with the session's bdSeq.
            int bd = consumer.On("/state").Last(s => s.GetProperty("type").GetString() == "birth").GetProperty("bdSeq").GetInt32();
            var retained = System.Text.Json.JsonDocument.Parse(Mosquitto.Run("mosquitto_sub", $"-h 127.0.0.1 -p {broker.Port} -t stations/simA/state -C 1 -W 5")).RootElement;
            Assert.Equal(("death", false, bd), (retained.GetProperty("type").GetString(), retained.GetProperty("online").GetBoolean(), retained.GetProperty("bdSeq").GetInt32()));
        }

        [Fact]
        public void Without_broker_the_simulator_runs_as_before_and_bad_options_are_refused()
        {
            var stdout = new System.IO.StringWriter();
            Assert.Equal(0, Station.Simulator.Program.Run(new[] { "--swaps", "1", "--quiet" }, stdout, new System.IO.StringWriter()));
            Assert.DoesNotContain("cloud:", stdout.ToString());
            var err = new System.IO.StringWriter();
            Assert.Equal(2, Station.Simulator.Program.Run(new[] { "--broker", "http://x" }, new System.IO.StringWriter(), err));
            Assert.Equal(2, Station.Simulator.Program.Run(new[] { "--station-id", "bad/id" }, new System.IO.StringWriter(), err));
        }
    }
}

namespace Station.Cloud.Tests
{
    public class ConsoleCloudTests
    {
        sealed class NullLine : Station.Hal.ISerialLine
        {
            public int Read(byte[] buffer, int offset, int count) => 0;
            public void Write(byte[] buffer, int offset, int count) { }
        }

        [Fact]
        public void Console_commands_on_the_simulated_bay_reach_the_cloud_audit_trail()
        {
            using var broker = Mosquitto.Start();
            using var consumer = new Consumer(broker.Port);
            var bay = new Station.Simulator.ConsoleBay(new NullLine());
            bay.Console.Start();
            using (var cloud = new Station.Simulator.ConsoleCloud(bay, $"mqtt://127.0.0.1:{broker.Port}", "cons1", new System.IO.StringWriter()))
            {
                for (int i = 0; i < 50; i++) { bay.Tick(); cloud.Tick(); }
                bay.Console.Execute("status");
                bay.Console.Execute("swap authorize NOBODY");
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (consumer.RecordsOfType("audit").Length < 2 && DateTime.UtcNow < deadline) { bay.Tick(); cloud.Tick(); Thread.Sleep(1); }
            }
            var audit = consumer.RecordsOfType("audit");
            Assert.True(audit.Length >= 2, string.Join("\n", consumer.All.Select(a => a.topic + " " + a.json.GetRawText())));
            Assert.All(audit, a => Assert.Equal("console", a.GetProperty("src").GetString()));
            Assert.Contains(audit, a => a.GetProperty("what").GetString() == "status");
        }
    }
}

namespace Station.Cloud.Tests
{
    public class SimulatorClockTests
    {
        [Fact]
        public void The_fleet_monitors_authorize_is_accepted_by_the_simulator_on_a_real_broker_and_the_swap_completes()
        {
            using var broker = Mosquitto.Start();
            string uri = $"mqtt://127.0.0.1:{broker.Port}";
            var simOut = new System.IO.StringWriter();
            var simErr = new System.IO.StringWriter();
            int simExit = -1;
            // The booking waits for the cloud; --speed 20 paces a ~100 s swap into a few seconds.
            var sim = new Thread(() => simExit = Station.Simulator.Program.Run(new[] { "--swaps", "1", "--quiet", "--broker", uri, "--station-id", "clk1", "--cloud-authorize", "--speed", "20" }, TextWriter.Synchronized(simOut), simErr));
            sim.Start();
            // The vehicle is in the bay once the station's telemetry says so; authorise as an operator would.
            string reply = null;
            int code = -1;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (code != 0 && DateTime.UtcNow < deadline)
            {
                var o = new System.IO.StringWriter();
                code = Station.FleetMonitor.Program.Run(new[] { "authorize", "--broker", uri, "--station", "clk1", "--vehicle", "CAR001" }, o, new System.IO.StringWriter(), System.IO.TextReader.Null);
                reply = o.ToString();
                Assert.DoesNotContain("at most 24 h ahead", reply); // the station's clock is real UTC, like the monitor's
                if (code != 0) Thread.Sleep(500);
            }
            Assert.True(code == 0, reply + "\n" + simOut);
            Assert.Contains("\"reason\":\"accepted\"", reply);
            Assert.True(sim.Join(60000), "the simulator did not finish: " + simOut);
            Assert.True(simExit == 0, simOut + "\n" + simErr);
            Assert.Contains("swaps completed: 1 of 1", simOut.ToString());
        }

        [Fact]
        public void The_station_clock_is_real_utc_with_a_broker_and_fixed_without_unless_asked()
        {
            var withBroker = SimClockOf("--broker", "mqtt://127.0.0.1:1");
            Assert.True(withBroker.FollowsWallUtc);
            Assert.True(Math.Abs((withBroker.UtcNow - DateTime.UtcNow).TotalSeconds) < 5);
            var plain = SimClockOf();
            Assert.False(plain.FollowsWallUtc);
            Assert.Equal(new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc), plain.UtcNow);
            var pinned = SimClockOf("--broker", "mqtt://127.0.0.1:1", "--clock", "2026-11-21T12:00:00Z");
            Assert.False(pinned.FollowsWallUtc);
            Assert.Equal(new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc), pinned.UtcNow);
            Assert.True(SimClockOf("--clock", "utc").FollowsWallUtc);
            var err = new System.IO.StringWriter();
            Assert.Equal(2, Station.Simulator.Program.Run(new[] { "--clock", "yesterday" }, new System.IO.StringWriter(), err));
            Assert.Contains("--clock needs utc, fixed or a UTC time", err.ToString());
        }

        static Station.Hal.Sim.SimClock SimClockOf(params string[] args)
        {
            Station.Simulator.SimulatorOptions seen = null;
            var root = Station.Simulator.SimulatorCommandLine.Build(o => { seen = o; return 0; });
            var parse = root.Parse(args);
            Assert.Empty(parse.Errors);
            Assert.Equal(0, parse.Invoke());
            var clock = new Station.Hal.Sim.SimClock();
            seen.SetClock(clock);
            return clock;
        }
    }
}
