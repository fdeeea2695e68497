using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Xunit.Sdk;

namespace Station.Cloud.Tests
{
    /// <summary>A real Mosquitto broker for one test, on a free loopback port, with a generated configuration.</summary>
    public sealed class Mosquitto : IDisposable
    {
        const string Install = "install the Debian packages: apt-get install mosquitto mosquitto-clients (tools/test.sh does)";
        Process _process;
        readonly string _config;
        readonly StringBuilder _log = new StringBuilder();

        /// <summary>Loopback port the broker listens on.</summary>
        public int Port { get; }
        /// <summary>Folder holding the configuration and any password/ACL files.</summary>
        public string Dir { get; }
        /// <summary>What the broker printed (for failure messages).</summary>
        public string Log { get { lock (_log) return _log.ToString(); } }

        Mosquitto(int port, string dir, string config)
        {
            Port = port;
            Dir = dir;
            _config = config;
        }

        /// <summary>Path of the broker executable; fails the test with the packages to install when missing.</summary>
        public static string BrokerPath()
        {
            foreach (var p in new[] { "/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto" })
                if (File.Exists(p)) return p;
            var onPath = OnPath("mosquitto");
            if (onPath != null) return onPath;
            throw new XunitException("mosquitto broker not found: " + Install);
        }

        /// <summary>Path of a Mosquitto client tool (mosquitto_sub, mosquitto_pub, mosquitto_passwd).</summary>
        public static string ToolPath(string name)
        {
            var p = OnPath(name) ?? (File.Exists("/usr/bin/" + name) ? "/usr/bin/" + name : null);
            if (p == null) throw new XunitException(name + " not found: " + Install);
            return p;
        }

        static string OnPath(string name)
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
                if (dir.Length > 0 && File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
            return null;
        }

        // Brokers listen below the kernel's ephemeral range (32768 and up on Linux): a port the kernel hands out for
        // bind(0) or an outgoing connection is then never one a broker of this or another test process (Cloud,
        // Simulator and Update tests run at once) is about to take. Each process starts at a random point of the range.
        const int FirstPort = 20000, PortCount = 12000;
        static int _nextPort = Random.Shared.Next(PortCount);

        /// <summary>A free loopback TCP port below the ephemeral range (nothing listens on it when this returns).</summary>
        public static int FreePort()
        {
            for (int i = 0; i < PortCount; i++)
            {
                int port = FirstPort + Interlocked.Increment(ref _nextPort) % PortCount;
                try
                {
                    var l = new TcpListener(IPAddress.Loopback, port);
                    l.Start();
                    l.Stop();
                    return port;
                }
                catch (SocketException) { }
            }
            throw new XunitException("no free loopback port in " + FirstPort + ".." + (FirstPort + PortCount - 1));
        }

        /// <summary>Starts a broker; <paramref name="extraConfig"/> lines are added to the listener's configuration
        /// (use {DIR} for the broker's folder).</summary>
        public static Mosquitto Start(string extraConfig = "allow_anonymous true\n", Action<string> prepareDir = null, bool persistent = false)
        {
            string broker = BrokerPath();
            string dir = Path.Combine(Path.GetTempPath(), "stationfw-mosq-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(dir);
            prepareDir?.Invoke(dir);
            // Another process may take the port between FreePort and the broker's bind: the broker then exits at start
            // ("Address already in use") and a new port is tried.
            for (int attempt = 1; ; attempt++)
            {
                int port = FreePort();
                var cfg = new StringBuilder();
                if (Environment.UserName == "root") cfg.Append("user root\n");
                cfg.Append("per_listener_settings false\nlog_dest stderr\nlog_type error\nlog_type warning\n");
                cfg.Append(persistent ? $"persistence true\npersistence_location {dir}/\nautosave_interval 1\n" : "persistence false\n");
                cfg.Append($"listener {port} 127.0.0.1\n");
                cfg.Append(extraConfig.Replace("{DIR}", dir));
                string config = Path.Combine(dir, "mosquitto.conf");
                File.WriteAllText(config, cfg.ToString());
                var m = new Mosquitto(port, dir, config);
                try
                {
                    m.Launch(broker);
                    return m;
                }
                catch (XunitException) when (attempt < 5 && m.Log.Contains("Address already in use"))
                {
                    m.Kill();
                }
            }
        }

        void Launch(string broker)
        {
            var psi = new ProcessStartInfo(broker, "-c " + _config)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            _process = Process.Start(psi);
            _process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_log) _log.AppendLine(e.Data); };
            _process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (_log) _log.AppendLine(e.Data); };
            _process.BeginErrorReadLine();
            _process.BeginOutputReadLine();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited) { _process.WaitForExit(); throw new XunitException("mosquitto exited at start: " + Log); }
                try
                {
                    using var c = new TcpClient();
                    c.Connect(IPAddress.Loopback, Port);
                }
                catch (SocketException) { Thread.Sleep(20); continue; }
                // Something listens on the port; it is this broker only if the broker is still running a moment later
                // (a broker that lost the port to another process exits at once with "Address already in use").
                if (_process.WaitForExit(150)) break;
                return;
            }
            if (_process.HasExited) { _process.WaitForExit(); throw new XunitException("mosquitto exited at start: " + Log); }
            throw new XunitException("mosquitto did not listen on port " + Port + ": " + Log);
        }

        /// <summary>Kills the broker (as a crash would: no clean shutdown).</summary>
        public void Kill()
        {
            if (_process == null) return;
            try { if (!_process.HasExited) { _process.Kill(); _process.WaitForExit(5000); } } catch (InvalidOperationException) { }
            _process.Dispose();
            _process = null;
        }

        /// <summary>Freezes the broker (SIGSTOP): it still holds its connections but reads and acknowledges nothing, as a
        /// hung broker or a dead network path would. <see cref="Kill"/> or <see cref="Restart"/> ends it.</summary>
        public void Pause()
        {
            using (var k = Process.Start("kill", "-STOP " + _process.Id)) k.WaitForExit();
        }

        /// <summary>Stops the broker with SIGTERM (it saves its persistent sessions first).</summary>
        public void Stop()
        {
            if (_process == null) return;
            using (var k = Process.Start("kill", "-TERM " + _process.Id)) k.WaitForExit();
            if (!_process.WaitForExit(5000)) _process.Kill();
            _process.Dispose();
            _process = null;
        }

        /// <summary>Starts the broker again on the same port with the same configuration; <paramref name="graceful"/>
        /// stops it with SIGTERM first (a planned restart), otherwise it is killed (a crash).</summary>
        public void Restart(bool graceful = false)
        {
            if (graceful) Stop(); else Kill();
            Launch(BrokerPath());
        }

        /// <summary>Runs a client tool to completion and returns its standard output; fails the test on a non-zero exit.</summary>
        public static string Run(string tool, string args, int timeoutMs = 10000)
        {
            var psi = new ProcessStartInfo(ToolPath(tool), args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var p = Process.Start(psi);
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeoutMs)) { p.Kill(); throw new XunitException(tool + " " + args + " did not finish"); }
            p.WaitForExit();
            if (p.ExitCode != 0) throw new XunitException($"{tool} {args} exited {p.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Kill();
            try { Directory.Delete(Dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
