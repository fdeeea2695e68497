using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Station.Tools;

namespace Station.Simulator
{
    /// <summary>The simulator's command line (System.CommandLine): every option, its range, and the combinations that
    /// would silently do nothing refused with a reason.</summary>
    public static class SimulatorCommandLine
    {
        /// <summary>The root command; <paramref name="run"/> gets the parsed options and returns the exit code.</summary>
        public static RootCommand Build(Func<SimulatorOptions, int> run)
        {
            var swaps = new Option<int>("--swaps") { Description = "run N complete swaps (0..1000; a scenario's own count unless given)", HelpName = "N", DefaultValueFactory = _ => 1 };
            CommandLineRunner.Range(swaps, 0, 1000, "--swaps must be 0..1000");
            var scenario = new Option<string>("--scenario") { Description = "run a fault-injection scenario (docs/scenarios.md) on the bay its \"bay\" names (else --bay's); exit 0 when the station ends as its \"expect\" block says, 1 when not, 2 for a bad file", HelpName = "FILE" };
            var json = new Option<bool>("--json") { Description = "last line of stdout: one JSON object with the results" };
            var realtime = new Option<bool>("--realtime") { Description = "pace simulated time to wall time (default: as fast as the CPU allows)" };
            var speed = new Option<double>("--speed") { Description = "with --realtime, --cloud-authorize, --console or --pty: X simulated seconds per wall second", HelpName = "X", DefaultValueFactory = _ => 1.0 };
            CommandLineRunner.Range(speed, 0, 1000, "--speed must be above 0 and at most 1000");
            var timeline = new Option<string>("--timeline") { Description = "draw one swap as a Gantt chart (SVG: rows per actuator and interlock, labelled critical path, legend)", HelpName = "FILE.svg" };
            var timelineSwap = new Option<int>("--timeline-swap") { Description = "with --timeline: which swap it draws", HelpName = "N", DefaultValueFactory = _ => 1 };
            CommandLineRunner.Range(timelineSwap, 1, 1000, "--timeline-swap must be a swap number from 1");
            var quiet = new Option<bool>("--quiet") { Description = "no progress lines (summary and JSON only)" };
            var console = new Option<bool>("--console") { Description = "technician console on this terminal (raw mode) while the station runs in real time (--speed X to hurry it); no simulated operator; 'sim quit' ends it" };
            var pty = new Option<bool>("--pty") { Description = "the same console on a pseudo-terminal: attach with screen /dev/pts/N 115200" };
            var broker = new Option<string>("--broker") { Description = "also run the cloud link: mqtt://127.0.0.1:1883 or mqtts://user:pass@host:8883 (docs/cloud.md)", HelpName = "URI" };
            broker.Validators.Add(r =>
            {
                string uri = r.GetValueOrDefault<string>();
                if (uri == null || !(uri.StartsWith("mqtt://") || uri.StartsWith("mqtts://")) || !Uri.TryCreate(uri, UriKind.Absolute, out _))
                    r.AddError("--broker needs a URI like mqtt://127.0.0.1:1883");
            });
            var stationId = new Option<string>("--station-id") { Description = "station id for the cloud link and the controller", HelpName = "ID", DefaultValueFactory = _ => "bay1" };
            stationId.Validators.Add(r => { if (!Station.Core.Cloud.CloudTopics.IsValidStationId(r.GetValueOrDefault<string>())) r.AddError("--station-id needs 1..32 of A-Z a-z 0-9 - _"); });
            var vehicle = new Option<string>("--vehicle") { Description = "the FIRST swap is for vehicle ID (default CAR001; later CAR002, ...); 1..32 of A-Z a-z 0-9 - _ .", HelpName = "ID" };
            vehicle.Validators.Add(r => { if (!SimulatorOptions.IsBookingId(r.GetValueOrDefault<string>())) r.AddError("--vehicle needs an id of 1..32 of A-Z a-z 0-9 - _ ."); });
            var pack = new Option<string>("--pack") { Description = "the FIRST swap is authorised with rack pack SERIAL (default: the readiest pack); refused with exit 2 when SERIAL is not in the rack or not charged", HelpName = "SERIAL" };
            pack.Validators.Add(r => { if (!SimulatorOptions.IsBookingId(r.GetValueOrDefault<string>())) r.AddError("--pack needs a pack serial of 1..32 of A-Z a-z 0-9 - _ ."); });
            var clock = new Option<string>("--clock") { Description = "the station's UTC clock: utc (the host's clock; default with --broker, so commands' exp times are judged against real time), fixed (2026-01-01T08:00Z + simulated time; default without --broker, reproducible), or a start time like 2026-11-21T12:00:00Z", HelpName = "utc|fixed|TIME" };
            clock.CompletionSources.Add("utc", "fixed");
            clock.Validators.Add(r => { if (!TryClock(r.GetValueOrDefault<string>(), out _, out _)) r.AddError("--clock needs utc, fixed or a UTC time like 2026-11-21T12:00:00Z"); });
            var bay = new Option<string>("--bay") { Description = "which bay: car (default) or truck (side-swap robot, one to three blocks per truck)", HelpName = "car|truck", DefaultValueFactory = _ => "car" };
            bay.CompletionSources.Add("car", "truck");
            bay.Validators.Add(r => { string v = r.GetValueOrDefault<string>(); if (v != "car" && v != "truck") r.AddError("--bay must be car or truck"); });
            var blocks = new Option<int>("--blocks") { Description = "with --bay truck: each booking swaps N blocks, positions 1..N (1..3; default 3)", HelpName = "N" };
            CommandLineRunner.Range(blocks, 1, 3, "--blocks must be 1..3");
            var positions = new Option<string>("--positions") { Description = "with --bay truck: the block positions each booking names, e.g. 1,3 (any subset of 1-3)", HelpName = "LIST" };
            positions.Validators.Add(r => { if (ParsePositions(r.GetValueOrDefault<string>()) == null) r.AddError("--positions needs a list of distinct positions 1..3, e.g. 1,3"); });
            var inputBanks = new Option<bool>("--input-banks") { Description = "read the bay's inputs through simulated input banks of 32 (as a board's I/O expanders present them): the controller reads each bank once per tick instead of each input" };
            var cloudAuthorize = new Option<bool>("--cloud-authorize") { Description = "with --broker: the simulated booking does not authorise; each vehicle waits for swap.authorize from the cloud (e.g. Station.FleetMonitor authorize); paced like --realtime" };

            var root = new RootCommand("Station.Simulator — the real station controller on a simulated car or heavy-truck swap bay.\n"
                + "Exit codes: 0 success, 1 swaps not completed / scenario expectation not met / hazard, 2 bad usage or file or a --pack that cannot be booked.")
            {
                swaps, scenario, json, realtime, speed, timeline, timelineSwap, quiet, console, pty, broker, stationId, vehicle, pack, clock, cloudAuthorize,
                bay, blocks, positions, inputBanks,
            };
            root.Validators.Add(r =>
            {
                bool interactive = CommandLineRunner.Given(r, console) || CommandLineRunner.Given(r, pty);
                if (CommandLineRunner.Given(r, console) && CommandLineRunner.Given(r, pty)) r.AddError("--console and --pty are two places for the same console: choose one");
                if (CommandLineRunner.Given(r, speed) && !interactive && !CommandLineRunner.Given(r, realtime) && !CommandLineRunner.Given(r, cloudAuthorize))
                    r.AddError("--speed paces a --realtime (or --console/--pty) run; without one the simulator runs as fast as it can: add --realtime");
                if (interactive)
                {
                    foreach (var batchOnly in new Option[] { swaps, scenario, json, realtime, timeline, timelineSwap, quiet, vehicle, pack, cloudAuthorize, blocks, positions })
                        if (CommandLineRunner.Given(r, batchOnly))
                            r.AddError(batchOnly.Name + " is for a batch run; with --console/--pty the technician drives the station (sim arrive, swap authorize)");
                }
                bool truck = r.GetValue(bay) == "truck";
                if (!truck && (CommandLineRunner.Given(r, blocks) || CommandLineRunner.Given(r, positions))) r.AddError("--blocks and --positions book truck blocks: add --bay truck");
                if (CommandLineRunner.Given(r, blocks) && CommandLineRunner.Given(r, positions)) r.AddError("--blocks N books positions 1..N; --positions names them: choose one");
                // A truck booking names up to three blocks by position and the station chooses each block: one pack serial
                // cannot book them.
                if (truck && CommandLineRunner.Given(r, pack))
                    r.AddError("--pack books one car pack; on the truck bay the station chooses each booked block (--blocks/--positions; a scenario's \"positions\")");
                if (CommandLineRunner.Given(r, timelineSwap) && !CommandLineRunner.Given(r, timeline)) r.AddError("--timeline-swap chooses the swap --timeline draws: add --timeline FILE.svg");
                if (CommandLineRunner.Given(r, cloudAuthorize) && !CommandLineRunner.Given(r, broker)) r.AddError("--cloud-authorize waits for the cloud: add --broker URI");
                if (CommandLineRunner.Given(r, cloudAuthorize) && CommandLineRunner.Given(r, pack)) r.AddError("--pack books the pack through the simulated booking; with --cloud-authorize the cloud's swap.authorize names it");
            });
            root.SetAction(p =>
            {
                TryClock(p.GetValue(clock), out DateTime? epoch, out bool wall);
                var o = new SimulatorOptions
                {
                    Swaps = p.GetValue(swaps), SwapsGiven = p.GetResult(swaps) is { Implicit: false }, Json = p.GetValue(json),
                    ScenarioPath = p.GetValue(scenario), Realtime = p.GetValue(realtime), Speed = p.GetValue(speed),
                    TimelinePath = p.GetValue(timeline), TimelineSwap = p.GetValue(timelineSwap), Quiet = p.GetValue(quiet),
                    Console = p.GetValue(console), Pty = p.GetValue(pty), Broker = p.GetValue(broker), StationId = p.GetValue(stationId),
                    Vehicle = p.GetValue(vehicle), Pack = p.GetValue(pack), CloudAuthorize = p.GetValue(cloudAuthorize),
                    InputBanks = p.GetValue(inputBanks),
                    ClockEpoch = epoch,
                    Bay = p.GetValue(bay), BayGiven = p.GetResult(bay) is { Implicit: false },
                    PositionsGiven = p.GetResult(positions) is { Implicit: false } || p.GetResult(blocks) is { Implicit: false },
                    Positions = p.GetResult(positions) is { Implicit: false } ? ParsePositions(p.GetValue(positions))
                        : FirstPositions(p.GetResult(blocks) is { Implicit: false } ? p.GetValue(blocks) : 3),
                    // Real UTC by default against a broker: the cloud's commands carry real expiry times.
                    ClockFollowsWallUtc = p.GetValue(clock) == null ? p.GetValue(broker) != null : wall,
                };
                return run(o);
            });
            return root;
        }

        /// <summary>Positions 1..<paramref name="n"/>.</summary>
        static int[] FirstPositions(int n)
        {
            var list = new int[n];
            for (int i = 0; i < n; i++) list[i] = i + 1;
            return list;
        }

        /// <summary>A --positions list ("1,3") as ascending distinct positions 1..3, or null when malformed.</summary>
        public static int[] ParsePositions(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var seen = new bool[4];
            foreach (string part in text.Split(','))
            {
                if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p < 1 || p > 3 || seen[p]) return null;
                seen[p] = true;
            }
            var list = new System.Collections.Generic.List<int>();
            for (int p = 1; p <= 3; p++) if (seen[p]) list.Add(p);
            return list.ToArray();
        }

        /// <summary>Reads a --clock value: null (default), utc, fixed, or a UTC start time.</summary>
        static bool TryClock(string value, out DateTime? epoch, out bool wall)
        {
            epoch = null;
            wall = false;
            if (value == null || value == "fixed") return true;
            if (value == "utc") { wall = true; return true; }
            if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
                && (value.EndsWith("Z") || value.Contains('+')))
            {
                epoch = DateTime.SpecifyKind(t, DateTimeKind.Utc);
                return true;
            }
            return false;
        }
    }
}
