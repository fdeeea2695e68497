using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Xunit.Sdk;

namespace Station.Cloud.Tests
{
    /// <summary>mosquitto_sub as an outside client: collects "topic payload" lines while it runs.</summary>
    public sealed class OutsideSubscriber : IDisposable
    {
        readonly Process _p;
        readonly List<string> _lines = new List<string>();
        readonly List<string> _errors = new List<string>();

        /// <summary>Subscribes to <paramref name="filter"/>; extra arguments are passed through (e.g. -u/-P, -q 1).</summary>
        public OutsideSubscriber(int port, string filter, string extraArgs = "")
        {
            var psi = new ProcessStartInfo(Mosquitto.ToolPath("mosquitto_sub"),
                $"-h 127.0.0.1 -p {port} -v -t \"{filter}\" -t \"probe/#\" {extraArgs}")
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            _p = Process.Start(psi);
            _p.OutputDataReceived += (_, e) => { if (e.Data != null) lock (_lines) { _lines.Add(e.Data); Monitor.PulseAll(_lines); } };
            _p.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_errors) _errors.Add(e.Data); };
            _p.BeginOutputReadLine();
            _p.BeginErrorReadLine();
        }

        /// <summary>Lines received so far.</summary>
        public string[] Lines { get { lock (_lines) return _lines.ToArray(); } }

        /// <summary>Waits until at least <paramref name="count"/> lines arrived matching <paramref name="match"/>.</summary>
        public string[] WaitFor(Func<string, bool> match, int count = 1, int timeoutMs = 10000)
        {
            var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            lock (_lines)
            {
                while (true)
                {
                    var hits = _lines.FindAll(l => match(l));
                    if (hits.Count >= count) return hits.ToArray();
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                        throw new XunitException($"mosquitto_sub saw {hits.Count} of {count} expected lines; all lines:\n" +
                            string.Join("\n", _lines) + "\nstderr: " + string.Join("\n", _errors));
                    Monitor.Wait(_lines, left);
                }
            }
        }

        /// <summary>Gives mosquitto_sub time to connect and subscribe (it prints nothing when it does).</summary>
        public void WaitSubscribed(int port, string pubArgs = "")
        {
            // A probe message proves the subscription is active: it is delivered once the SUBSCRIBE is processed.
            string probe = "probe/" + Guid.NewGuid().ToString("N");
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                Mosquitto.Run("mosquitto_pub", $"-h 127.0.0.1 -p {port} -t \"{probe}\" -m x {pubArgs}");
                lock (_lines)
                {
                    if (_lines.Exists(l => l.StartsWith(probe))) return;
                    Monitor.Wait(_lines, 100);
                    if (_lines.Exists(l => l.StartsWith(probe))) return;
                }
            }
            throw new XunitException("mosquitto_sub did not subscribe: " + string.Join("\n", _errors));
        }

        /// <inheritdoc />
        public void Dispose()
        {
            try { if (!_p.HasExited) { _p.Kill(); _p.WaitForExit(3000); } } catch (InvalidOperationException) { }
            _p.Dispose();
        }
    }
}
