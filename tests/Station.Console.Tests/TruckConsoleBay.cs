using Station.Core;
using Station.Core.Config;
using Station.Core.Console;
using Station.Hal.Sim;

namespace Station.Console.Tests
{
    /// <summary>The console on the real StationController with bay.profile truck over the simulated truck bay
    /// (<see cref="SimTruckBay"/>): text in and text out in simulated time, as a technician at a truck bay's board.</summary>
    public sealed class TruckConsoleBay
    {
        /// <summary>A truck bay (the default plant, or <paramref name="plant"/>), its inventory seeded, its console started.</summary>
        public TruckConsoleBay(FakeLine line, PlantParameters plant = null)
        {
            Line = line;
            Clock = new SimClock();
            Storage = new MemoryStorage();
            Bay = new SimTruckBay(plant ?? SimTruckBay.DefaultPlant(), Clock, Storage);
            Controller = new StationController(Bay.Io, Bay.Config);
            Controller.Start();
            Values = new ConfigValues();
            ConfigMapping.FromStationConfig(Bay.Config, Values);
            Values.Unsaved = false;
            Log = new LogRing(64, Clock, null);
            Station = new ControllerConsoleStation(Controller, Bay.Io);
            Console = new StationConsole(line, Station, Values, new ConfigFile(Storage), Clock, Log);
            Bay.Bay.SeedInventory(Controller);
            Console.Start();
        }

        /// <summary>The technician's cable.</summary>
        public FakeLine Line { get; }
        /// <summary>Simulated time.</summary>
        public SimClock Clock { get; }
        /// <summary>Journal and configuration storage.</summary>
        public MemoryStorage Storage { get; }
        /// <summary>The plant.</summary>
        public SimTruckBay Bay { get; }
        /// <summary>The controller (bay.profile truck).</summary>
        public StationController Controller { get; }
        /// <summary>The console's configuration values.</summary>
        public ConfigValues Values { get; }
        /// <summary>The log ring.</summary>
        public LogRing Log { get; }
        /// <summary>The console's view of the controller.</summary>
        public ControllerConsoleStation Station { get; }
        /// <summary>The console.</summary>
        public StationConsole Console { get; }

        /// <summary>One control period: plant, controller, console.</summary>
        public void Tick()
        {
            int tick = Bay.Config.TickMs;
            Clock.Advance(tick);
            Bay.Step(tick);
            Controller.Tick();
            Console.Poll();
        }

        /// <summary>Types <paramref name="text"/> and runs until the output contains <paramref name="until"/> (or
        /// <paramref name="maxMs"/> passed); returns the output.</summary>
        public string Type(string text, string until = null, int maxMs = 2000)
        {
            Line.Type(text);
            return RunFor(maxMs, until);
        }

        /// <summary>Runs up to <paramref name="maxMs"/>, stopping once the output contains <paramref name="until"/>.</summary>
        public string RunFor(int maxMs, string until = null)
        {
            var sb = new System.Text.StringBuilder();
            for (int t = 0; t < maxMs; t += Bay.Config.TickMs)
            {
                Tick();
                sb.Append(Line.TakeOutput());
                if (until != null && sb.ToString().Contains(until)) break;
            }

            return sb.ToString();
        }
    }
}
