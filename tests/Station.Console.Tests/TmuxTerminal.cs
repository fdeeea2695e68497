using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;

namespace Station.Console.Tests
{
    /// <summary>The simulator's console in a real terminal: a tmux session running <c>Station.Simulator --console</c>,
    /// driven by keystrokes and read back from the screen tmux draws (capture-pane), as a technician sees it. Needs tmux
    /// (Debian package "tmux"; tools/test.sh installs it): without it the test fails and says so.</summary>
    public sealed class TmuxTerminal : IDisposable
    {
        private readonly string _session = "stationfw-console-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N").Substring(0, 6);
        private bool _started;
        private string _recording;

        /// <summary>Starts the simulator with <paramref name="simulatorArgs"/> in a <paramref name="width"/>-column
        /// terminal; when it ends the pane prints "SIMULATOR-EXITED code".</summary>
        public TmuxTerminal(string simulatorArgs, int width = 200, int height = 60)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "Station.Simulator.dll");
            if (!File.Exists(dll)) throw new InvalidOperationException("simulator not built next to the tests: " + dll);
            string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            string command = $"'{dotnet}' '{dll}' {simulatorArgs}; echo SIMULATOR-EXITED $?; sleep 600";
            Tmux("new-session", "-d", "-s", _session, "-x", width.ToString(), "-y", height.ToString(), command);
            _started = true;
        }

        /// <summary>Runs tmux on this terminal's own server (socket named after the session); throws when tmux is
        /// missing or fails.</summary>
        /// <remarks>One server per terminal: on a shared server, a test ending its last session stops the server while
        /// another test's new-session is connecting to it ("server exited unexpectedly").</remarks>
        private string Tmux(params string[] args)
        {
            var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add("-L");
            psi.ArgumentList.Add(_session);
            foreach (string a in args) psi.ArgumentList.Add(a);
            Process p;
            try
            {
                p = Process.Start(psi);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new InvalidOperationException("tmux is not installed: install the Debian package 'tmux' (apt-get install tmux) or run tools/test.sh");
            }

            string output = p.StandardOutput.ReadToEnd();
            string error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException("tmux " + string.Join(" ", args) + " failed: " + error);
            return output;
        }

        /// <summary>The screen and its scroll-back, wrapped lines joined (-J).</summary>
        public string Screen() => Tmux("capture-pane", "-p", "-J", "-S", "-3000", "-t", _session);

        /// <summary>The visible screen only, each terminal row as drawn (no joining): what the eye sees now.</summary>
        public string[] Rows() => Tmux("capture-pane", "-p", "-t", _session).TrimEnd('\n').Split('\n');

        /// <summary>Types text literally (tmux would read "home" as the Home key otherwise), without Enter.</summary>
        public void Keys(string text) => Tmux("send-keys", "-t", _session, "-l", text);

        /// <summary>Presses a named key or control combination ("Enter", "C-c", "C-x").</summary>
        public void Press(string key) => Tmux("send-keys", "-t", _session, key);

        /// <summary>Types text and presses Enter.</summary>
        public void Type(string text)
        {
            Keys(text);
            Press("Enter");
        }

        /// <summary>Waits until the screen holds <paramref name="pattern"/> <paramref name="times"/> times.</summary>
        public string WaitFor(string pattern, int times = 1, int seconds = 60)
        {
            var deadline = DateTime.UtcNow.AddSeconds(seconds);
            string screen = "";
            while (DateTime.UtcNow < deadline)
            {
                screen = Screen();
                if (Regex.Matches(screen, pattern).Count >= times) return screen;
                Thread.Sleep(100);
            }

            throw new Xunit.Sdk.XunitException($"waited {seconds} s for '{pattern}' x{times}; the terminal shows:\n{screen}");
        }

        /// <summary>How often <paramref name="pattern"/> is on the screen now.</summary>
        public int Count(string pattern) => Regex.Matches(Screen(), pattern).Count;

        /// <summary>Types a line and waits for one more <paramref name="pattern"/> than before.</summary>
        public string RunAndWait(string line, string pattern, int seconds = 60)
        {
            int before = Count(pattern);
            Type(line);
            return WaitFor(pattern, before + 1, seconds);
        }

        /// <summary>Starts copying everything the program writes to the terminal, byte for byte, into a file
        /// (tmux pipe-pane): what a terminal received, independent of how often the screen is sampled.</summary>
        public string Record()
        {
            string file = Path.Combine(Path.GetTempPath(), _session + ".out");
            File.WriteAllText(file, "");
            _recording = file;
            Tmux("pipe-pane", "-o", "-t", _session, "cat >> '" + file + "'");
            return file;
        }

        /// <summary>Ends the tmux session.</summary>
        public void Dispose()
        {
            if (!_started) return;
            try { Tmux("kill-session", "-t", _session); } catch (InvalidOperationException) { }
            if (_recording != null) File.Delete(_recording);
        }
    }
}
