using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Station.Core;
using Station.Core.Config;
using Station.Core.Console;
using Station.Hal;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>The technician console of a scenario run: the board's real <see cref="StationConsole"/> on the run's
    /// controller, over an in-memory serial line. A "console" event types one line and reads what the console answers,
    /// so a scenario can check what a technician is told (e.g. that "jog" is refused during a swap). Made at the first
    /// such event, polled every tick after that, and made again on the new controller after a power loss.</summary>
    internal sealed class ScenarioConsole
    {
        private readonly MemoryLine _line = new MemoryLine();
        private readonly StationConsole _console;

        /// <summary>A console for <paramref name="controller"/> on <paramref name="bay"/>'s I/O.</summary>
        public ScenarioConsole(StationController controller, SimBay bay, StationConfig config, IStorage storage, IClock clock)
        {
            Controller = controller;
            var values = new ConfigValues();
            ConfigMapping.FromStationConfig(config, values);
            values.Unsaved = false;
            _console = new StationConsole(_line, new ControllerConsoleStation(controller, bay.Io), values, new ConfigFile(storage), clock,
                new LogRing(64, clock, bay.Log));
            _console.Start();
            _line.TakeOutput();
        }

        /// <summary>The controller this console talks to.</summary>
        public StationController Controller { get; }

        /// <summary>One console period (console motion is supervised here, as on the board).</summary>
        public void Poll() => _console.Poll();

        /// <summary>Types <paramref name="text"/> and Enter; returns the console's answer as plain text (echo, prompt and
        /// terminal control sequences removed, lines joined with " | ").</summary>
        public string Type(string text)
        {
            _line.Send(text + "\r");
            _console.Poll();
            return Plain(_line.TakeOutput(), text);
        }

        private static readonly Regex Escape = new Regex(@"\x1b\[[0-9;?]*[A-Za-z]", RegexOptions.CultureInvariant);

        private static string Plain(string output, string typed)
        {
            var lines = new List<string>();
            foreach (string raw in Escape.Replace(output, "").Split('\n'))
            {
                // What a terminal shows: a carriage return rewrites the line from its start (the prompt refresh).
                string line = raw.TrimEnd('\r');
                line = line.Substring(line.LastIndexOf('\r') + 1).Trim();
                if (line.Length == 0 || line.EndsWith("> " + typed, StringComparison.Ordinal) || line.EndsWith(">" + typed, StringComparison.Ordinal) || line == typed) continue;
                if (line.EndsWith(">", StringComparison.Ordinal) && !line.Contains(' ')) continue; // a bare prompt
                lines.Add(line);
            }
            return string.Join(" | ", lines);
        }

        /// <summary>A serial line in memory: what the scenario types, what the console writes.</summary>
        private sealed class MemoryLine : ISerialLine
        {
            private readonly Queue<byte> _in = new Queue<byte>();
            private readonly StringBuilder _out = new StringBuilder();

            public void Send(string text) { foreach (byte b in Encoding.ASCII.GetBytes(text)) _in.Enqueue(b); }

            public string TakeOutput()
            {
                string s = _out.ToString();
                _out.Clear();
                return s;
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = 0;
                while (n < count && _in.Count > 0) buffer[offset + n++] = _in.Dequeue();
                return n;
            }

            public void Write(byte[] buffer, int offset, int count) => _out.Append(Encoding.ASCII.GetString(buffer, offset, count));
        }
    }
}
