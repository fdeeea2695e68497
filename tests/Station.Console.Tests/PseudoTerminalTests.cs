using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary><c>--pty</c>: the simulator's console on a pseudo-terminal, opened the way screen or minicom would open a
    /// board's serial device.</summary>
    public class PseudoTerminalTests
    {
        [Fact]
        public void A_terminal_program_can_attach_to_the_simulator_pty()
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "Station.Simulator.dll");
            string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            var psi = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(dll);
            psi.ArgumentList.Add("--pty");
            psi.ArgumentList.Add("--speed");
            psi.ArgumentList.Add("10");
            using var sim = Process.Start(psi);
            var errors = new StringBuilder();
            sim.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (errors) errors.AppendLine(e.Data); };
            sim.BeginErrorReadLine();
            try
            {
                string first = sim.StandardOutput.ReadLine();
                Assert.NotNull(first);
                Assert.StartsWith("console on /dev/pts/", first);
                string device = first.Substring("console on ".Length).Split(' ')[0];
                Assert.Contains($"screen {device} 115200", first);

                using var tty = new FileStream(device, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, false);
                var received = new StringBuilder();
                var reader = new Thread(() =>
                {
                    var buffer = new byte[256];
                    try
                    {
                        int n;
                        while ((n = tty.Read(buffer, 0, buffer.Length)) > 0)
                            lock (received) received.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }
                    catch (IOException)
                    {
                    }
                }) { IsBackground = true };
                reader.Start();

                void Send(string text)
                {
                    byte[] b = Encoding.ASCII.GetBytes(text);
                    tty.Write(b, 0, b.Length);
                    tty.Flush();
                }

                string WaitFor(string expected)
                {
                    var deadline = DateTime.UtcNow.AddSeconds(60);
                    while (DateTime.UtcNow < deadline)
                    {
                        lock (received)
                            if (received.ToString().Contains(expected)) return received.ToString();
                        Thread.Sleep(50);
                    }

                    lock (received) lock (errors)
                        throw new Xunit.Sdk.XunitException($"no '{expected}' on the pty; received:\n{received}\nsimulator stderr:\n{errors}");
                }

                Send("why\r");
                string text = WaitFor("the lift is not homed");
                Assert.Contains("why\r\n", text);            // echoed by the console, CR LF line ends
                Send("maint enter 1234\r");
                WaitFor("bay1[MAINT]>");
                Send("sim quit\r");
                WaitFor("sim: quitting");
                Assert.True(sim.WaitForExit(60000), "the simulator did not stop on 'sim quit'");
                Assert.Equal(0, sim.ExitCode);
            }
            finally
            {
                if (!sim.HasExited) sim.Kill();
            }
        }
    }
}
