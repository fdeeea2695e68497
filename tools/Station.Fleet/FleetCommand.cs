using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Station.Hal.Host;

namespace Station.Fleet
{
    /// <summary>Command line of the fleet simulator: N stations against one broker, optionally measuring.</summary>
    public static class FleetCommand
    {
        /// <summary>Usage text.</summary>
        public const string Usage =
@"Station.Fleet — N simulated stations (own bay, controller, cloud link, MQTT connection each) in one process.

  --broker URI            mqtt://127.0.0.1:1883 (default) or mqtts://user:pass@host:8883
  --stations N            number of stations (default 10)
  --prefix ID             station id prefix; ids are ID-0001, ID-0002, ... (default fleet)
  --swaps-per-hour R      vehicle arrivals per station per hour of simulated time (default 30)
  --speed S               simulated seconds per wall second (default 1; >1 compresses time)
  --seconds T             wall seconds to run (default 0 = until Ctrl+C)
  --cloud-authorize       stations wait for swap.authorize from the cloud instead of authorising locally
  --telemetry-ms MS       telemetry period (default 10000)
  --measure               built-in consumer: messages/s and event latency (journal -> consumer), median/p99
  --quiet                 only the final report";

        /// <summary>Runs with <paramref name="args"/>; returns the exit code (0 ok, 2 usage).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            string broker = "mqtt://127.0.0.1:1883", prefix = "fleet";
            int stations = 10, telemetryMs = 10000;
            double rate = 30, speed = 1, seconds = 0;
            bool cloudAuth = false, measure = false, quiet = false;
            try
            {
                for (int i = 0; i < args.Length; i++)
                {
                    string a = args[i];
                    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(a + " needs a value");
                    switch (a)
                    {
                        case "--broker": broker = Next(); break;
                        case "--stations": stations = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--prefix": prefix = Next(); break;
                        case "--swaps-per-hour": rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--speed": speed = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--telemetry-ms": telemetryMs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--cloud-authorize": cloudAuth = true; break;
                        case "--measure": measure = true; break;
                        case "--quiet": quiet = true; break;
                        case "--help": case "-h": stdout.WriteLine(Usage); return 0;
                        default: throw new ArgumentException("unknown option " + a);
                    }
                }
                if (stations < 1 || speed <= 0) throw new ArgumentException("--stations >= 1 and --speed > 0");
                MqttLinkOptions.FromUri(broker, "probe");
            }
            catch (Exception e) when (e is ArgumentException || e is FormatException || e is UriFormatException)
            {
                stderr.WriteLine("Station.Fleet: " + e.Message);
                stderr.WriteLine("try --help");
                return 2;
            }

            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            if (seconds > 0) stop.CancelAfter(TimeSpan.FromSeconds(seconds));
            var report = FleetRun.Execute(new FleetSettings
            {
                Broker = broker, Stations = stations, Prefix = prefix, SwapsPerHour = rate, Speed = speed,
                CloudAuthorize = cloudAuth, TelemetryMs = telemetryMs, Measure = measure,
            }, quiet ? null : stdout, stop.Token);
            stdout.WriteLine(report.ToText());
            return 0;
        }
    }
}
