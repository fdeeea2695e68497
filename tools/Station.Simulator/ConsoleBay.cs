using System.Collections.Generic;
using Station.Core;
using Station.Core.Config;
using Station.Core.Console;
using Station.Hal;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>A simulated bay driven by a technician through the serial console (<c>--console</c>, <c>--pty</c>, and
    /// the console tests): the real StationController and StationConsole on the plant of a bay kind (car or truck), with
    /// no simulated operator. The plant's rack handler follows the controller's pack (or block) choice and a released
    /// vehicle drives off by itself; everything else (homing, maintenance, swaps) is the technician's. Hidden
    /// <c>sim ...</c> console commands (<see cref="SimCommands"/>) inject what a technician cannot type on a real board.</summary>
    public sealed class ConsoleBay
    {
        private readonly ISerialLine _line;
        private readonly byte[] _discard = new byte[256];
        private readonly SimCommands _sim;
        private int _fetchedForSwap = -1;
        private long _powerCutPendingMs = -1;
        private long _powerBackAtMs = -1;

        /// <summary>A car bay with <paramref name="plant"/> figures whose console talks over <paramref name="line"/>, named
        /// <paramref name="stationId"/> everywhere (banner, prompt, <c>config get station.id</c>, MQTT).</summary>
        public ConsoleBay(ISerialLine line, PlantParameters plant = null, string stationId = "bay1")
            : this(line, new CarBayKind(plant ?? new PlantParameters()), stationId)
        {
        }

        /// <summary>A bay of <paramref name="kind"/> whose console talks over <paramref name="line"/> as
        /// <paramref name="stationId"/>.</summary>
        public ConsoleBay(ISerialLine line, IBayKind kind, string stationId = "bay1")
        {
            Kind = kind;
            Kind.Config.StationId = stationId;
            Log = new LogRing(64, Clock, Bay.Log);
            Kind.Io.Log = Log;
            AuditJournal = new AuditJournal(Storage, Clock);
            _line = line;
            _sim = new SimCommands(this);
            Boot();
            Bay.SeedInventory(Controller);
        }

        // What a board does at power-up: a new controller on the same storage (it reads the journal and never moves
        // by itself), the stored console configuration when there is one, and a new console on the same cable.
        private void Boot()
        {
            Controller = new StationController(Kind.Io, Config);
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

            Station = new ControllerConsoleStation(Controller, Kind.Io);
            Console = new StationConsole(_line, Station, Values, file, Clock, Log);
            Console.SetExtension("sim", _sim.Execute);
            Console.SetExtensionHelp(_sim.Help);
            Console.SessionEnded += () => QuitRequested = true;
            Console.Audit += (at, command, accepted, result) => Audit.Add($"{at} {command} -> {(accepted ? "ok" : "refused")}");
            Console.Audit += AuditJournal.Record;
        }

        /// <summary>The bay kind: its plant and how its vehicles come and go.</summary>
        public IBayKind Kind { get; }
        /// <summary>Plant figures of the shared devices (the car bay's whole plant).</summary>
        public PlantParameters Plant => Bay.Parameters;
        /// <summary>Simulated time.</summary>
        public SimClock Clock => Kind.Clock;
        /// <summary>Persistent storage (journal, configuration).</summary>
        public MemoryStorage Storage => Kind.Storage;
        /// <summary>The plant's shared devices (on the car bay, the whole plant).</summary>
        public SimBay Bay => Kind.Shared;
        /// <summary>The controller's configuration.</summary>
        public StationConfig Config => Kind.Config;
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

        /// <summary>The <c>sim</c> commands' help, one command a line (each under 80 columns).</summary>
        public string SimHelp => _sim.Help;

        /// <summary>One control period: plant, controller, rack handler and driver, console.</summary>
        public void Tick()
        {
            int tick = Config.TickMs;
            Clock.Advance(tick);
            Kind.Step(tick);
            if (_powerCutPendingMs >= 0)
            {
                // The board dies: outputs drop with the supply, RAM (controller, console) is gone; the storage stays.
                Kind.PowerLoss(false);
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
                    Kind.PowerRestore();
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

        /// <summary>Cuts the board's power at the next tick for <paramref name="offMs"/> (<c>sim power loss</c>).</summary>
        internal void CutPower(long offMs) => _powerCutPendingMs = offMs;

        /// <summary>Ends the simulator (<c>sim quit</c>).</summary>
        internal void Quit() => QuitRequested = true;

        // The rack handler fetches the pack (each block) the controller chose; the depleted pack goes to the slot the
        // controller named; a released vehicle drives off (as the batch run's simulated people do).
        private void FollowController()
        {
            SwapRecord swap = Controller.CurrentSwap;
            if (swap != null && swap.SwapId != _fetchedForSwap && !Bay.Rack.HandlerBusy)
            {
                if (swap.BlockCount > 0)
                {
                    BlockPrefetch.FetchBooked(swap, Bay.Rack);
                    _fetchedForSwap = swap.SwapId;
                }
                else if (swap.PackInSerial != null && Bay.Rack.SlotOf(swap.PackInSerial) >= 0 && Bay.Rack.Fetch(swap.PackInSerial))
                {
                    _fetchedForSwap = swap.SwapId;
                }
            }

            _sim.RunDue();
            if (Controller.State == SwapState.Transfer) Bay.Rack.ReturnSlot = Controller.Inventory.ReturnSlot;
            if (Controller.State == SwapState.Released) _sim.ReleasedVehicleLeaves();
        }
    }
}
