using System;
using System.IO;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary><c>--console</c> and <c>--pty</c>: the simulated station runs in (paced) real time and the technician's
    /// console is on this terminal or on a pseudo-terminal, on the car bay or (<c>--bay truck</c>) the truck bay. No
    /// simulated operator: the technician homes, jogs, resets and authorises swaps; <c>sim ...</c> commands bring
    /// vehicles and break the light curtain.</summary>
    public static class ConsoleRun
    {
        /// <summary>Runs until <c>sim quit</c> or the end of the input; returns the exit code.</summary>
        public static int Run(SimulatorOptions o, TextWriter stdout, TextWriter stderr)
        {
            PseudoTerminal pty = null;
            TerminalLine line;
            RawTerminal raw = null;
            if (o.Pty)
            {
                try { pty = PseudoTerminal.Open(); }
                catch (Exception e) when (e is IOException || e is DllNotFoundException || e is EntryPointNotFoundException)
                {
                    stderr.WriteLine($"Station.Simulator: cannot open a pseudo-terminal: {e.Message}");
                    stderr.WriteLine("use the socat line in docs/console.md instead");
                    return 2;
                }

                line = pty.CreateLine();
                stdout.WriteLine($"console on {pty.SlavePath} (115200 8N1 as on a board): screen {pty.SlavePath} 115200   or   minicom -D {pty.SlavePath}");
                stdout.WriteLine("type 'sim quit' on the console to stop the simulator");
                stdout.Flush();
            }
            else
            {
                if (!System.Console.IsInputRedirected) raw = RawTerminal.Enter(0);
                // Plain read(2)/write(2) on descriptors 0 and 1: .NET's console streams switch echo and line mode
                // back on before each read.
                line = new TerminalLine(
                    new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle((IntPtr)0, false), FileAccess.Read, 1, false),
                    new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle((IntPtr)1, false), FileAccess.Write, 1, false));
            }

            try
            {
                IBayKind kind = o.BayKind(o.Bay == "truck", o.Positions, new PlantParameters());
                var bay = new ConsoleBay(line, kind, o.StationId);
                o.SetClock(bay.Clock);
                bay.Clock.Speed = o.Speed;
                bay.Clock.PacedToWallTime = true;
                bay.Console.Start();
                using var cloud = o.Broker != null ? new ConsoleCloud(bay, o.Broker, o.StationId, stdout) : null;
                while (!bay.QuitRequested)
                {
                    bay.Tick();
                    cloud?.Tick();
                    if (line.Ended && !o.Pty)
                    {
                        // End of a piped script: let what it started finish for a moment, then stop.
                        bay.Run(1000);
                        break;
                    }
                }

                // Let the console flush its last reply.
                bay.Tick();
                line.Drain(5000);
                return 0;
            }
            finally
            {
                raw?.Dispose();
                pty?.Dispose();
            }
        }
    }
}
