using Station.Core;
using Station.Simulator;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>The console on the real StationController and the simulated plant, text in and text out, in simulated
    /// time: a new bay per test, with the helpers that type and run it.</summary>
    public abstract class SimConsoleFixture
    {
        protected readonly FakeLine _line = new FakeLine();
        protected readonly ConsoleBay _bay;

        protected SimConsoleFixture()
        {
            _bay = new ConsoleBay(_line);
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
        protected string RunFor(int ms)
        {
            var sb = new System.Text.StringBuilder();
            for (int t = 0; t < ms; t += 10)
            {
                _bay.Tick();
                sb.Append(_line.TakeOutput());
            }

            return sb.ToString();
        }

        /// <summary>Runs until the console wrote <paramref name="expected"/> (fails after <paramref name="maxMs"/>).</summary>
        protected string RunUntil(string expected, int maxMs)
        {
            var sb = new System.Text.StringBuilder();
            for (int t = 0; t < maxMs && !sb.ToString().Contains(expected); t += 10)
            {
                _bay.Tick();
                sb.Append(_line.TakeOutput());
            }

            Assert.Contains(expected, sb.ToString());
            return sb.ToString();
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
