namespace Station.Simulator
{
    /// <summary>Command-line options of the simulator (parsed by <see cref="SimulatorCommandLine"/>).</summary>
    public sealed class SimulatorOptions
    {
        /// <summary>Swaps to run (a scenario's own count wins unless --swaps is given).</summary>
        public int Swaps = 1;
        /// <summary>Which bay to simulate: "car" (default) or "truck".</summary>
        public string Bay = "car";
        /// <summary>Truck bay: the block positions each booking swaps (ascending, 1..3).</summary>
        public int[] Positions = { 1, 2, 3 };
        /// <summary>True when --bay was given.</summary>
        public bool BayGiven;
        /// <summary>True when --blocks or --positions was given (it wins over a truck scenario's "positions").</summary>
        public bool PositionsGiven;
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
        /// <summary>Every input on simulated input banks (<see cref="Station.Hal.Sim.SimInputBanks"/>).</summary>
        public bool InputBanks;
        /// <summary>Technician console on this terminal while the station runs (ConsoleRun).</summary>
        public bool Console;
        /// <summary>Technician console on a pseudo-terminal for screen/minicom (ConsoleRun).</summary>
        public bool Pty;
        /// <summary>MQTT broker URI for the cloud link, or null for none.</summary>
        public string Broker;
        /// <summary>Station id for the cloud link and the controller.</summary>
        public string StationId = "bay1";
        /// <summary>Vehicle id the first swap is authorised for (--vehicle), or null for CAR001.</summary>
        public string Vehicle;
        /// <summary>Rack pack the first swap is authorised with (--pack), or null for the readiest pack.</summary>
        public string Pack;

        /// <summary>Station UTC clock: null = real UTC with --broker, the fixed 2026-01-01T08:00Z epoch without it.</summary>
        public System.DateTime? ClockEpoch;
        /// <summary>True when the station's UTC follows the host's wall clock (--clock utc, the default with --broker).</summary>
        public bool ClockFollowsWallUtc;
        /// <summary>The simulated booking does not authorise: each vehicle waits for swap.authorize from the cloud.</summary>
        public bool CloudAuthorize;

        /// <summary>Sets the station's UTC clock as --clock asked (before the run starts).</summary>
        public void SetClock(Station.Hal.Sim.SimClock clock)
        {
            if (ClockEpoch != null) clock.EpochUtc = ClockEpoch.Value;
            clock.FollowsWallUtc = ClockFollowsWallUtc;
        }

        /// <summary>The bay kind a run or console drives (the truck's blocks at <paramref name="positions"/>, the car's
        /// plant with <paramref name="plant"/>), its inputs on simulated banks when <see cref="InputBanks"/>.</summary>
        public IBayKind BayKind(bool truck, int[] positions, Station.Hal.Sim.PlantParameters plant)
        {
            IBayKind kind = truck ? new TruckBayKind(positions) : new CarBayKind(plant);
            if (InputBanks) Station.Hal.Sim.SimInputBanks.Wire(kind.Io);
            return kind;
        }

        /// <summary>True when <paramref name="s"/> is a vehicle id or pack serial the booking accepts.</summary>
        public static bool IsBookingId(string s)
        {
            if (s == null || s.Length == 0 || s.Length > 32) return false;
            foreach (char c in s)
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) return false;
            return true;
        }
    }
}
