using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

namespace Station.Console.Tests
{
    /// <summary>The simulator started with <c>--pty</c> as a process, and its pseudo-terminal opened the way screen or
    /// minicom would open a board's serial device: send text, wait for what the console writes back.</summary>
    public sealed class SimulatorPty : IDisposable
    {
        private readonly Process _sim;
        private readonly StringBuilder _errors = new StringBuilder();
        private readonly StringBuilder _received = new StringBuilder();
        private FileStream _tty;

        /// <summary>Starts the simulator with <c>--pty</c> and <paramref name="args"/>.</summary>
        public SimulatorPty(params string[] args)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "Station.Simulator.dll");
            string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            var psi = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(dll);
            psi.ArgumentList.Add("--pty");
            foreach (string a in args) psi.ArgumentList.Add(a);
            _sim = Process.Start(psi);
            _sim.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_errors) _errors.AppendLine(e.Data); };
            _sim.BeginErrorReadLine();
        }

        /// <summary>The simulator's process.</summary>
        public Process Process => _sim;

        /// <summary>Reads the simulator's first stdout line (it names the pty), opens that device and starts reading it;
        /// returns the line.</summary>
        public string Attach()
        {
            string first = _sim.StandardOutput.ReadLine();
            if (first == null || !first.StartsWith("console on /dev/pts/")) return first;
            string device = first.Substring("console on ".Length).Split(' ')[0];
            _tty = new FileStream(device, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, false);
            var reader = new Thread(() =>
            {
                var buffer = new byte[256];
                try
                {
                    int n;
                    while ((n = _tty.Read(buffer, 0, buffer.Length)) > 0)
                        lock (_received) _received.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }
                catch (IOException)
                {
                }
            }) { IsBackground = true };
            reader.Start();
            return first;
        }

        /// <summary>Writes <paramref name="text"/> to the terminal.</summary>
        public void Send(string text)
        {
            byte[] b = Encoding.ASCII.GetBytes(text);
            _tty.Write(b, 0, b.Length);
            _tty.Flush();
        }

        /// <summary>Waits (up to <paramref name="seconds"/>) until the terminal received <paramref name="expected"/>
        /// <paramref name="times"/> times; returns everything received.</summary>
        public string WaitFor(string expected, int times = 1, int seconds = 60)
        {
            var deadline = DateTime.UtcNow.AddSeconds(seconds);
            while (DateTime.UtcNow < deadline)
            {
                lock (_received)
                {
                    string text = _received.ToString();
                    int count = 0;
                    for (int at = text.IndexOf(expected, StringComparison.Ordinal); at >= 0; at = text.IndexOf(expected, at + 1, StringComparison.Ordinal)) count++;
                    if (count >= times) return text;
                }
                Thread.Sleep(50);
            }

            lock (_received) lock (_errors)
                throw new Xunit.Sdk.XunitException($"no '{expected}' x{times} on the pty; received:\n{_received}\nsimulator stderr:\n{_errors}");
        }

        /// <summary>Stops the simulator if it still runs; closes the terminal.</summary>
        public void Dispose()
        {
            if (!_sim.HasExited) _sim.Kill();
            _tty?.Dispose();
            _sim.Dispose();
        }
    }
}
