using System.Globalization;

namespace Station.Simulator
{
    /// <summary>Command-line options of the simulator (see <see cref="Usage"/>).</summary>
    public sealed class SimulatorOptions
    {
        /// <summary>Swaps to run (a scenario's own count wins unless --swaps is given).</summary>
        public int Swaps = 1;
        /// <summary>True when --swaps was given.</summary>
        public bool SwapsGiven;
        /// <summary>Print the JSON summary as the last stdout line.</summary>
        public bool Json;
        /// <summary>Scenario file, or null.</summary>
        public string ScenarioPath;
        /// <summary>Pace simulated time to wall time.</summary>
        public bool Realtime;
        /// <summary>Simulated seconds per wall second with --realtime.</summary>
        public double Speed = 1.0;
        /// <summary>SVG file for the timeline, or null.</summary>
        public string TimelinePath;
        /// <summary>Which swap the timeline draws (1-based).</summary>
        public int TimelineSwap = 1;
        /// <summary>No progress lines.</summary>
        public bool Quiet;
        /// <summary>Technician console on this terminal while the station runs (ConsoleRun).</summary>
        public bool Console;
        /// <summary>Technician console on a pseudo-terminal for screen/minicom (ConsoleRun).</summary>
        public bool Pty;
        /// <summary>Show the help text.</summary>
        public bool Help;
        /// <summary>MQTT broker URI for the cloud link (docs/cloud.md), or null for none.</summary>
        public string Broker;
        /// <summary>Station id for the cloud link and the controller.</summary>
        public string StationId = "bay1";
        /// <summary>Vehicle id the first swap is authorised for (--vehicle), or null for CAR001.</summary>
        public string Vehicle;
        /// <summary>Rack pack the first swap is authorised with (--pack), or null for the readiest pack.</summary>
        public string Pack;

        /// <summary>The help text.</summary>
        public const string Usage =
@"Station.Simulator — the real station controller on a simulated car swap bay.

usage: dotnet run --project tools/Station.Simulator -c Release -- [options]

  --swaps N           run N complete swaps (default 1; 0..1000)
  --scenario FILE     run a fault-injection scenario (docs/scenarios.md); exit 0 when the
                      station ends as its ""expect"" block says, 1 when not, 2 for a bad file
  --json              last line of stdout: one JSON object with the results
  --realtime          pace simulated time to wall time (default: as fast as the CPU allows)
  --speed X           with --realtime: X simulated seconds per wall second (default 1)
  --timeline FILE.svg draw one swap as a Gantt chart (rows per actuator and interlock)
  --timeline-swap N   which swap the timeline draws (default 1)
  --quiet             no progress lines (summary and JSON only)
  --console           technician console on this terminal (raw mode) while the station runs in
                      real time (--speed X to hurry it); no simulated operator; 'sim quit' ends it
  --pty               the same console on a pseudo-terminal: attach with screen /dev/pts/N 115200
  --broker URI        also run the cloud link: mqtt://127.0.0.1:1883 or mqtts://user:pass@host:8883
                      (docs/cloud.md); without it the simulator runs as before
  --station-id ID     station id for the cloud link and the controller (default bay1)
  --vehicle ID        the FIRST swap is authorised for vehicle ID (default CAR001; later vehicles
                      are CAR002, CAR003, ...); 1..32 of A-Z a-z 0-9 - _ .
  --pack SERIAL       the FIRST swap is authorised with rack pack SERIAL (default: the readiest
                      pack; later swaps choose as usual, the booked pack leaves in the first car);
                      refused with exit 2 when SERIAL is not in the rack or not charged to the
                      ready threshold. Not with --console/--pty (there the technician authorises)
  --help              this text

exit codes: 0 success, 1 swaps not completed / scenario expectation not met / hazard, 2 bad usage or file
or a --pack that cannot be booked";

        /// <summary>Parses <paramref name="args"/>; returns null and sets <paramref name="error"/> when they are wrong.</summary>
        public static SimulatorOptions Parse(string[] args, out string error)
        {
            error = null;
            var o = new SimulatorOptions();
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];
                string Next()
                {
                    if (i + 1 >= args.Length) return null;
                    return args[++i];
                }
                switch (a)
                {
                    case "--swaps":
                        if (!int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out o.Swaps) || o.Swaps < 0 || o.Swaps > 1000)
                        { error = "--swaps needs a whole number 0..1000"; return null; }
                        o.SwapsGiven = true;
                        break;
                    case "--json": o.Json = true; break;
                    case "--scenario":
                        o.ScenarioPath = Next();
                        if (o.ScenarioPath == null) { error = "--scenario needs a file"; return null; }
                        break;
                    case "--realtime": o.Realtime = true; break;
                    case "--speed":
                        if (!double.TryParse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture, out o.Speed) || !(o.Speed > 0) || o.Speed > 1000)
                        { error = "--speed needs a number above 0 and at most 1000"; return null; }
                        break;
                    case "--timeline":
                        o.TimelinePath = Next();
                        if (o.TimelinePath == null) { error = "--timeline needs a file name"; return null; }
                        break;
                    case "--timeline-swap":
                        if (!int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out o.TimelineSwap) || o.TimelineSwap < 1)
                        { error = "--timeline-swap needs a swap number from 1"; return null; }
                        break;
                    case "--quiet": o.Quiet = true; break;
                    case "--console": o.Console = true; break;
                    case "--pty": o.Pty = true; break;
                    case "--broker":
                        o.Broker = Next();
                        if (o.Broker == null || !(o.Broker.StartsWith("mqtt://") || o.Broker.StartsWith("mqtts://")))
                        { error = "--broker needs a URI like mqtt://127.0.0.1:1883"; return null; }
                        break;
                    case "--station-id":
                        o.StationId = Next();
                        if (!Station.Core.Cloud.CloudTopics.IsValidStationId(o.StationId))
                        { error = "--station-id needs 1..32 of A-Z a-z 0-9 - _"; return null; }
                        break;
                    case "--vehicle":
                        o.Vehicle = Next();
                        if (!IsBookingId(o.Vehicle)) { error = "--vehicle needs an id of 1..32 of A-Z a-z 0-9 - _ ."; return null; }
                        break;
                    case "--pack":
                        o.Pack = Next();
                        if (!IsBookingId(o.Pack)) { error = "--pack needs a pack serial of 1..32 of A-Z a-z 0-9 - _ ."; return null; }
                        break;
                    case "--help": case "-h": o.Help = true; break;
                    default: error = $"unknown option \"{a}\""; return null;
                }
            }
            if ((o.Vehicle != null || o.Pack != null) && (o.Console || o.Pty))
            {
                error = "--vehicle and --pack authorise through the simulated operator; with --console/--pty authorise at the console";
                return null;
            }
            return o;
        }

        private static bool IsBookingId(string s)
        {
            if (s == null || s.Length == 0 || s.Length > 32) return false;
            foreach (char c in s)
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) return false;
            return true;
        }
    }
}
