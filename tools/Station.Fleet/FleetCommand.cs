using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.CommandLine;
using Spectre.Console;
using System.Threading.Tasks;
using Station.Hal.Host;
using Station.Tools;

namespace Station.Fleet
{
    /// <summary>Command line of the fleet simulator: N stations against one broker, optionally measuring.</summary>
    public static class FleetCommand
    {
        /// <summary>Runs with <paramref name="args"/>; returns the exit code (0 ok, 1 no station online at the end,
        /// 2 usage, 3 broker not reachable).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, CancellationToken.None);

        /// <summary>Runs with <paramref name="args"/> until --seconds pass, Ctrl+C, or <paramref name="cancel"/> (a caller
        /// that waits on a condition rather than on time, e.g. a test); returns the exit code as above.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
        {
            var broker = new Option<string>("--broker") { Description = "mqtt://127.0.0.1:1883 or mqtts://user:pass@host:8883", HelpName = "URI", DefaultValueFactory = _ => "mqtt://127.0.0.1:1883" };
            broker.Validators.Add(r =>
            {
                try { MqttLinkOptions.FromUri(r.GetValueOrDefault<string>(), "probe"); }
                catch (Exception e) when (e is ArgumentException || e is UriFormatException) { r.AddError("--broker needs a URI like mqtt://127.0.0.1:1883"); }
            });
            var stations = new Option<int>("--stations") { Description = "number of stations", HelpName = "N", DefaultValueFactory = _ => 10 };
            CommandLineRunner.Range(stations, 1, 100000, "--stations must be 1..100000");
            var prefix = new Option<string>("--prefix") { Description = "station id prefix; ids are ID-0001, ID-0002, ...", HelpName = "ID", DefaultValueFactory = _ => "fleet" };
            prefix.Validators.Add(r =>
            {
                string v = r.GetValueOrDefault<string>();
                if (!Station.Core.Cloud.CloudTopics.IsValidStationId(v + "-0001")) r.AddError("--prefix needs A-Z a-z 0-9 - _ and at most 27 characters");
            });
            var rate = new Option<double>("--swaps-per-hour") { Description = "vehicle arrivals per station per hour of simulated time", HelpName = "R", DefaultValueFactory = _ => 30 };
            CommandLineRunner.Range(rate, -1e-9, 3600, "--swaps-per-hour must be 0..3600");
            var speed = new Option<double>("--speed") { Description = "simulated seconds per wall second (>1 compresses time)", HelpName = "S", DefaultValueFactory = _ => 1 };
            CommandLineRunner.Range(speed, 0, 1000, "--speed must be above 0 and at most 1000");
            var seconds = new Option<double>("--seconds") { Description = "wall seconds to run (default: until Ctrl+C)", HelpName = "T" };
            CommandLineRunner.Range(seconds, 0, 1e7, "--seconds must be above 0");
            var cloudAuth = new Option<bool>("--cloud-authorize") { Description = "stations wait for swap.authorize from the cloud (Station.FleetMonitor) instead of authorising locally; a truck station's names the block positions (Station.FleetMonitor authorize --positions 1,2,3)" };
            var telemetry = new Option<int>("--telemetry-ms") { Description = "telemetry period", HelpName = "MS", DefaultValueFactory = _ => 10000 };
            CommandLineRunner.Range(telemetry, 100, 3600000, "--telemetry-ms must be 100..3600000");
            var measure = new Option<bool>("--measure") { Description = "built-in consumer: messages/s and event latency (journal -> consumer), median/p99" };
            var rollout = new Option<bool>("--rollout") { Description = "roll out a signed firmware update in waves; ends with one JSON line (stations, updated, rolled_back, failed, swaps_interrupted, records_lost, ...)" };
            var wave = new Option<double>("--wave-percent") { Description = "rollout: share of the fleet offered the update per wave", HelpName = "P", DefaultValueFactory = _ => 10 };
            CommandLineRunner.Range(wave, 0, 100, "--wave-percent must be above 0 and at most 100");
            var halt = new Option<double>("--halt-failure-percent") { Description = "rollout: stop widening when failures over finished stations pass this", HelpName = "P", DefaultValueFactory = _ => 25 };
            CommandLineRunner.Range(halt, -1e-9, 100, "--halt-failure-percent must be 0..100");
            var bad = new Option<double>("--bad-percent") { Description = "rollout: share of stations given an image that crashes at start (must roll back by itself)", HelpName = "P", DefaultValueFactory = _ => 10 };
            CommandLineRunner.Range(bad, -1e-9, 100, "--bad-percent must be 0..100");
            var probation = new Option<double>("--probation-s") { Description = "rollout: simulated seconds a new image runs on probation", HelpName = "S", DefaultValueFactory = _ => 20 };
            CommandLineRunner.Range(probation, 0, 86400, "--probation-s must be above 0 and at most 86400");
            var quiet = new Option<bool>("--quiet") { Description = "only the final report (no progress)" };
            var trucks = new Option<double>("--truck-percent") { Description = "share of the stations that are heavy-truck bays (three blocks a truck, booked for all three), spread evenly over the ids; the rest are car bays", HelpName = "P", DefaultValueFactory = _ => 0 };
            CommandLineRunner.Range(trucks, 0, 100, "--truck-percent must be 0..100");
            var root = new RootCommand("Station.Fleet — N simulated stations (own bay, controller, cloud link, MQTT connection each) in one process.\n"
                + "Exit codes: 0 ok, 1 no station online at the end, 2 bad usage, 3 broker not reachable.")
            { broker, stations, prefix, rate, speed, seconds, cloudAuth, telemetry, measure, rollout, wave, halt, bad, probation, quiet, trucks };
            root.SetAction(p => Execute(new FleetSettings
            {
                Broker = p.GetValue(broker), Stations = p.GetValue(stations), Prefix = p.GetValue(prefix), SwapsPerHour = p.GetValue(rate),
                Speed = p.GetValue(speed), CloudAuthorize = p.GetValue(cloudAuth), TelemetryMs = p.GetValue(telemetry), Measure = p.GetValue(measure),
                TruckPercent = p.GetValue(trucks),
                Rollout = !p.GetValue(rollout) ? null : new RolloutSettings
                {
                    WavePercent = p.GetValue(wave), HaltFailurePercent = p.GetValue(halt), BadPercent = p.GetValue(bad), ProbationSeconds = p.GetValue(probation),
                },
            }, p.GetValue(seconds), p.GetValue(quiet), stdout, stderr, cancel));
            return CommandLineRunner.Run("Station.Fleet", root, args, stdout, stderr);
        }

        static int Execute(FleetSettings settings, double seconds, bool quiet, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
        {
            // A fleet without a broker measures nothing: say so and stop, as the simulator and the monitor do.
            string unreachable = BrokerProblem(settings.Broker);
            if (unreachable != null)
            {
                stderr.WriteLine($"Station.Fleet: broker not reachable at {settings.Broker}: {unreachable}");
                return 3;
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            if (seconds > 0) stop.CancelAfter(TimeSpan.FromSeconds(seconds));
            FleetReport report;
            if (!quiet && seconds > 0 && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected)
            {
                // On a terminal: a Spectre.Console progress bar of the run's wall time, its status line as the caption.
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
                report = null;
                console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn()).Start(ctx =>
                {
                    var task = ctx.AddTask($"{settings.Stations} stations starting", maxValue: seconds);
                    var clock = Stopwatch.StartNew();
                    using var tick = new Timer(_ => task.Value = Math.Min(seconds, clock.Elapsed.TotalSeconds), null, 0, 250);
                    report = FleetRun.Execute(settings, new CaptionWriter(line => task.Description = Markup.Escape(line)), stop.Token);
                    task.Value = seconds;
                });
            }
            else report = FleetRun.Execute(settings, quiet ? null : stdout, stop.Token);
            stdout.WriteLine(report.ToText());
            if (report.Online == 0) { stderr.WriteLine("Station.Fleet: no station was online at the end"); return 1; }
            return 0;
        }

        /// <summary>Null when a client reaches the broker within 5 s, else why not.</summary>
        static string BrokerProblem(string uri)
        {
            var o = MqttLinkOptions.FromUri(uri, "fleet-probe-" + Environment.ProcessId);
            o.CleanSession = true;
            using var probe = new MqttNetLink(o);
            probe.Start();
            return probe.WaitConnected(5000) ? null : probe.LastError ?? "no answer";
        }
    }
}
