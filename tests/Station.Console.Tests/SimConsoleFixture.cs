using Station.Core;
using Station.Hal.Sim;
using Station.Simulator;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>The console on the real StationController and the simulated plant of a bay kind (the car bay unless a
    /// test names another), text in and text out, in simulated time: a new bay per test, with the helpers that type and
    /// run it.</summary>
    public abstract class SimConsoleFixture
    {
        protected readonly FakeLine _line = new FakeLine();
        protected readonly ConsoleBay _bay;

        /// <summary>The truck bay's plant when the fixture runs a truck bay, else null.</summary>
        protected SimTruckBay Truck => (_bay.Kind as TruckBayKind)?.Truck;

        protected SimConsoleFixture(IBayKind kind = null)
        {
            _bay = new ConsoleBay(_line, kind ?? new CarBayKind(new PlantParameters()));
            _bay.Console.Start();
            _bay.Run(200);
            _line.TakeOutput();
        }

        /// <summary>Types a line, runs until the console's reply ends in a prompt (or the time passes); returns the output.</summary>
        protected string Type(string text, int maxMs = 2000)
        {
            _line.Type(text);
            return RunFor(maxMs);
        }

        /// <summary>Runs <paramref name="ms"/> of simulated time; returns what the console wrote.</summary>
        protected string RunFor(int ms) => RunFor(ms, null);

        /// <summary>Types a line, runs until the output contains <paramref name="until"/> (or <paramref name="maxMs"/>
        /// passed); returns the output.</summary>
        protected string Type(string text, string until, int maxMs = 2000)
        {
            _line.Type(text);
            return RunFor(maxMs, until);
        }

        /// <summary>Runs up to <paramref name="maxMs"/>, stopping once the output contains <paramref name="until"/> (null:
        /// never); returns what the console wrote.</summary>
        protected string RunFor(int maxMs, string until)
        {
            var sb = new System.Text.StringBuilder();
            for (int t = 0; t < maxMs && (until == null || !sb.ToString().Contains(until)); t += 10)
            {
                _bay.Tick();
                sb.Append(_line.TakeOutput());
            }

            return sb.ToString();
        }

        /// <summary>Runs until the console wrote <paramref name="expected"/> (fails after <paramref name="maxMs"/>).</summary>
        protected string RunUntil(string expected, int maxMs)
        {
            string output = RunFor(maxMs, expected);
            Assert.Contains(expected, output);
            return output;
        }

        /// <summary>Maintenance on and the lift homed (Idle).</summary>
        protected void EnterAndHome()
        {
            Assert.Contains("maintenance on", Type("maint enter 1234\r"));
            Type("home\r", 10);
            RunUntil("homed: lift at 0 mm", 60000);
            Assert.Equal(SwapState.Idle, _bay.Controller.State);
        }
    }
}
