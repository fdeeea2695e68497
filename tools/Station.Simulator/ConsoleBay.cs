using System;
using System.Collections.Generic;
using System.Globalization;
using Station.Core;
using Station.Core.Config;
using Station.Core.Console;
using Station.Hal;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>A simulated bay driven by a technician through the serial console (<c>--console</c>, <c>--pty</c>, and
    /// the console tests): the real StationController and StationConsole on a <see cref="SimBay"/>, with no simulated
    /// operator. The plant's rack handler follows the controller's pack choice and a released vehicle drives off by
    /// itself; everything else (homing, maintenance, swaps) is the technician's. Hidden <c>sim ...</c> console commands
    /// inject what a technician cannot type on a real board: break the light curtain, press the e-stop, bring a car.</summary>
    public sealed class ConsoleBay
    {
        private readonly List<(long DueMs, string Line)> _scheduled = new List<(long, string)>();
        private readonly List<string> _onLiftMotion = new List<string>();
        private readonly ISerialLine _line;
        private readonly byte[] _discard = new byte[256];
        private int _fetchedForSwap = -1;
        private long _powerCutPendingMs = -1;
        private long _powerBackAtMs = -1;
        private int _vehicles;

        /// <summary>A bay with <paramref name="plant"/> figures whose console talks over <paramref name="line"/>, named
        /// <paramref name="stationId"/> everywhere (banner, prompt, <c>config get station.id</c>, MQTT).</summary>
        public ConsoleBay(ISerialLine line, PlantParameters plant = null, string stationId = "bay1")
        {
            Plant = plant ?? new PlantParameters();
            Clock = new SimClock();
            Storage = new MemoryStorage();
            Bay = new SimBay(Plant, Clock, Storage);
            Config = Plant.ControllerConfig();
            Config.StationId = stationId;
            Log = new LogRing(64, Clock, Bay.Log);
            Bay.Io.Log = Log;
            AuditJournal = new AuditJournal(Storage, Clock);
            _line = line;
            Boot();
            Bay.SeedInventory(Controller);
        }

        // What a board does at power-up: a new controller on the same storage (it reads the journal and never moves
        // by itself), the stored console configuration when there is one, and a new console on the same cable.
        private void Boot()
        {
            Controller = new StationController(Bay.Io, Config);
            Controller.Start();
            Values = new ConfigValues();
            var file = new ConfigFile(Storage);
            SettingsFile = file;
            if (Storage.Length(ConfigFile.SlotNames[0]) > 0 || Storage.Length(ConfigFile.SlotNames[1]) > 0)
            {
                Log.Write(LogLevel.Info, file.Load(Values));
            }
            else
            {
                string mapped = ConfigMapping.FromStationConfig(Config, Values);
                if (mapped != null) Log.Write(LogLevel.Warning, "console config: " + mapped);
                Values.Unsaved = false;
            }

            Station = new ControllerConsoleStation(Controller, Bay.Io);
            Console = new StationConsole(_line, Station, Values, file, Clock, Log);
            Console.SetExtension("sim", SimCommand);
            Console.SetExtensionHelp(SimHelp);
            Console.SessionEnded += () => QuitRequested = true;
            Console.Audit += (at, command, accepted, result) => Audit.Add($"{at} {command} -> {(accepted ? "ok" : "refused")}");
            Console.Audit += AuditJournal.Record;
        }

        /// <summary>Plant figures.</summary>
        public PlantParameters Plant { get; }
        /// <summary>Simulated time.</summary>
        public SimClock Clock { get; }
        /// <summary>Persistent storage (journal, configuration).</summary>
        public MemoryStorage Storage { get; }
        /// <summary>The plant.</summary>
        public SimBay Bay { get; }
        /// <summary>The controller's configuration.</summary>
        public StationConfig Config { get; }
        /// <summary>The controller.</summary>
        public StationController Controller { get; private set; }
        /// <summary>The console's configuration values.</summary>
        public ConfigValues Values { get; private set; }
        /// <summary>The console's configuration file (config save).</summary>
        public ConfigFile SettingsFile { get; private set; }
        /// <summary>The console's view of the controller.</summary>
        public ControllerConsoleStation Station { get; private set; }
        /// <summary>The console.</summary>
        public StationConsole Console { get; private set; }
        /// <summary>Log lines (log tail).</summary>
        public LogRing Log { get; }
        /// <summary>Audit records of every console command.</summary>
        public List<string> Audit { get; } = new List<string>();
        /// <summary>The persistent audit journal (audit.log in <see cref="Storage"/>).</summary>
        public AuditJournal AuditJournal { get; }
        /// <summary>Set by <c>sim quit</c>, <c>exit</c>, <c>quit</c> and Ctrl-D on an empty line (the simulator's session
        /// is the simulator).</summary>
        public bool QuitRequested { get; private set; }

        /// <summary>One control period: plant, controller, rack handler and driver, console.</summary>
        public void Tick()
        {
            int tick = Config.TickMs;
            Clock.Advance(tick);
            Bay.Step(tick);
            if (_powerCutPendingMs >= 0)
            {
                // The board dies: outputs drop with the supply, RAM (controller, console) is gone; the storage stays.
                Bay.PowerLoss();
                _powerBackAtMs = Clock.NowMs + _powerCutPendingMs;
                _powerCutPendingMs = -1;
                Controller = null;
            }

            if (Controller == null)
            {
                while (_line.Read(_discard, 0, _discard.Length) > 0)
                {
                    // Bytes sent to a board without power are lost.
                }

                if (Clock.NowMs >= _powerBackAtMs)
                {
                    _powerBackAtMs = -1;
                    Bay.PowerRestore();
                    Boot();
                    Console.Start();
                }

                return;
            }

            Controller.Tick();
            FollowController();
            Console.Poll();
        }

        /// <summary>True while the simulated board has no power.</summary>
        public bool PoweredOff => Controller == null;

        /// <summary>Runs <paramref name="ms"/> of simulated time.</summary>
        public void Run(int ms)
        {
            for (int t = 0; t < ms; t += Config.TickMs) Tick();
        }

        // The rack handler fetches the pack the controller chose; the depleted pack goes to the slot the controller
        // named; a released vehicle drives off (as BayRun's simulated people do).
        private void FollowController()
        {
            SwapRecord swap = Controller.CurrentSwap;
            if (swap != null && swap.SwapId != _fetchedForSwap && swap.PackInSerial != null && Bay.Rack.SlotOf(swap.PackInSerial) >= 0
                && !Bay.Rack.HandlerBusy)
            {
                if (Bay.Rack.Fetch(swap.PackInSerial)) _fetchedForSwap = swap.SwapId;
            }

            for (int i = 0; i < _scheduled.Count; i++)
            {
                if (Clock.NowMs < _scheduled[i].DueMs) continue;
                string line = _scheduled[i].Line;
                _scheduled.RemoveAt(i--);
                Log.Write(LogLevel.Info, "sim (scheduled): " + SimCommand(line));
            }

            // Armed by 'sim when moving': fires in the first tick the lift moves, whatever the wall clock does.
            if (_onLiftMotion.Count > 0 && Math.Abs(Bay.LiftVelocityMmS) > 0)
            {
                var due = _onLiftMotion.ToArray();
                _onLiftMotion.Clear();
                foreach (string line in due) Log.Write(LogLevel.Info, "sim (lift moving): " + SimCommand(line));
            }

            if (Controller.State == SwapState.Transfer) Bay.Rack.ReturnSlot = Controller.Inventory.ReturnSlot;
            if (Controller.State == SwapState.Released && Bay.Vehicle != null && Bay.Vehicle.State == VehicleState.Positioned)
            {
                Bay.DepartVehicle();
            }
        }

        /// <summary>The simulator's own commands, one a line (each under 80 columns); shown by <c>sim</c> and <c>help</c>.</summary>
        public const string SimHelp =
            "sim commands (simulator only: what a technician cannot type on a board):\n"
            + "  sim vehicle arrive [id] | depart     a car drives in or off\n"
            + "  sim curtain break|clear              someone walks into the bay, or leaves it\n"
            + "  sim estop press|release              the bay's e-stop button\n"
            + "  sim doors open|close                 the bay doors\n"
            + "  sim stall [mm] | clear               the lift jams (at mm), or frees\n"
            + "  sim lift unload [slot]               a person carries the pack on the lift\n"
            + "                                       (at home) into a rack slot\n"
            + "  sim power loss [s]                   the board loses power for s seconds\n"
            + "  sim after <s> <sim command>          run a sim command s seconds later\n"
            + "  sim when moving <sim command>        run it when the lift next moves\n"
            + "  sim plant                            the plant's state\n"
            + "  sim quit                             stop the simulator";

        // A person lifts the pack off the platform into an empty rack slot (after a stop mid-swap left it on the lift);
        // the technician then records it with the console's own commands.
        private string UnloadLift(string verb, string slotText)
        {
            int slot = Array.IndexOf(Bay.Rack.Slots, null);
            if (verb != "unload" || (slotText.Length > 0 && !int.TryParse(slotText, NumberStyles.None, CultureInfo.InvariantCulture, out slot)))
                return "sim lift: unload [slot], e.g. sim lift unload 12 (default: the first empty slot; 'rack show' lists them)";
            if (slot < 0) return "sim lift: the rack has no empty slot";
            SimPack pack = Bay.PackOnPlatform;
            if (pack == null) return "sim lift: no pack on the lift platform";
            if (!Bay.LiftAligned) return $"sim lift: the lift is at {Bay.LiftPositionMm:0} mm; nobody reaches a raised platform: home it first";
            if (slot >= Bay.Rack.Slots.Length) return $"sim lift: no slot {slot}; slots are 0..{Bay.Rack.Slots.Length - 1}";
            if (Bay.Rack.Slots[slot] != null) return $"sim lift: slot {slot} holds pack {Bay.Rack.Slots[slot].Serial}; choose an empty one";
            Bay.Rack.Place(slot, pack);
            int soc = (int)Math.Round(pack.SocPct);
            return $"sim: pack {pack.Serial} ({soc} %) carried from the lift into rack slot {slot}; record it: "
                + $"'pack place lift none', then 'rack set {slot} {pack.Serial} {soc} charging'";
        }

        private string SimCommand(string line)
        {
            string[] w = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string what = w.Length > 1 ? w[1].ToLowerInvariant() : "help";
            string arg = w.Length > 2 ? w[2].ToLowerInvariant() : "";
            switch (what)
            {
                case "after":
                    if (w.Length < 4 || !double.TryParse(w[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double s) || s < 0 || s > 3600)
                        return "sim after: <seconds 0..3600> <sim command>, e.g. sim after 2 curtain break";
                    string later = "sim " + string.Join(" ", w, 3, w.Length - 3);
                    _scheduled.Add((Clock.NowMs + (long)(s * 1000), later));
                    return $"sim: '{later}' in {s:0.###} s (simulated)";
                case "when":
                    if (w.Length < 4 || arg != "moving")
                        return "sim when: moving <sim command>, e.g. sim when moving curtain break";
                    string armed = "sim " + string.Join(" ", w, 3, w.Length - 3);
                    _onLiftMotion.Add(armed);
                    return $"sim: '{armed}' when the lift next moves";
                case "curtain":
                    if (arg != "break" && arg != "clear") return "sim curtain: break or clear";
                    Bay.LightCurtainBroken = arg == "break";
                    return "sim: light curtain " + (Bay.LightCurtainBroken ? "broken" : "clear");
                case "estop":
                    if (arg != "press" && arg != "release") return "sim estop: press or release";
                    Bay.EStopPressed = arg == "press";
                    return "sim: e-stop " + (Bay.EStopPressed ? "pressed" : "released");
                case "doors":
                    if (arg != "open" && arg != "close") return "sim doors: open or close";
                    Bay.DoorsOpen = arg == "open";
                    return "sim: doors " + (Bay.DoorsOpen ? "open" : "closed");
                case "vehicle":
                    if (arg == "arrive")
                    {
                        if (Bay.Vehicle != null) return "sim vehicle: a vehicle is already in the bay";
                        _vehicles++;
                        string id = w.Length > 3 ? w[3] : "CAR" + _vehicles.ToString("000", CultureInfo.InvariantCulture);
                        var v = Bay.ArriveVehicle(id, "VP" + _vehicles.ToString("0000", CultureInfo.InvariantCulture));
                        return $"sim: vehicle {id} drives in with pack {v.Pack.Serial} ({Plant.VehicleArriveMs / 1000} s to position)";
                    }

                    if (arg == "depart")
                    {
                        if (Bay.Vehicle == null) return "sim vehicle: no vehicle in the bay";
                        Bay.DepartVehicle();
                        return "sim: vehicle drives off";
                    }

                    return "sim vehicle: arrive [id] or depart";
                case "stall":
                    if (arg == "clear")
                    {
                        Bay.ClearLiftStall();
                        return "sim: lift stall cleared";
                    }

                    double at = Bay.LiftPositionMm;
                    if (arg.Length > 0 && !double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out at)) return "sim stall: a position in mm or clear";
                    Bay.StallLiftAt(at);
                    return $"sim: lift will stall at {at:0} mm";
                case "lift":
                    return UnloadLift(arg, w.Length > 3 ? w[3] : "");
                case "plant":
                    return string.Format(CultureInfo.InvariantCulture,
                        "sim: t={0:0.0} s, lift {1:0.0} mm, vehicle {2}, relay {3}, curtain {4}, hazards {5}",
                        Clock.NowMs / 1000.0, Bay.LiftPositionMm, Bay.Vehicle == null ? "none" : Bay.Vehicle.Id + " " + Bay.Vehicle.State.ToString().ToLowerInvariant(),
                        Bay.SafetyRelayEnergised ? "on" : "off", Bay.LightCurtainBroken ? "broken" : "clear", Bay.Hazards.Count);
                case "power":
                    double off = 3;
                    if (arg != "loss" || (w.Length > 3 && (!double.TryParse(w[3], NumberStyles.Float, CultureInfo.InvariantCulture, out off) || off < 0.1 || off > 600)))
                        return "sim power: loss [seconds off, 0.1..600]";
                    _powerCutPendingMs = (long)(off * 1000);
                    return $"sim: power cut for {off:0.#} s (the board restarts on the same storage)";
                case "quit":
                    QuitRequested = true;
                    return "sim: quitting";
                default:
                    return SimHelp;
            }
        }
    }
}
