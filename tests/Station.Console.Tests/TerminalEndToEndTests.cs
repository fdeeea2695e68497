using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>The simulator with <c>--console</c> in a real terminal (tmux), driven by keystrokes the way a technician
    /// would: maintenance, jogs, a jog into the soft limit, a light-curtain break, the fault, reset, homing and a whole
    /// swap. Needs tmux (Debian package "tmux"; tools/test.sh installs it).</summary>
    [Collection("tmux")]
    public sealed class TerminalEndToEndTests : IDisposable
    {
        private TmuxTerminal _terminal;

        private string Screen() => _terminal.Screen();
        private void Type(string text) => _terminal.Type(text);
        private string WaitFor(string pattern, int times = 1, int seconds = 60) => _terminal.WaitFor(pattern, times, seconds);
        private string RunAndWait(string line, string pattern, int seconds = 60) => _terminal.RunAndWait(line, pattern, seconds);

        [Fact]
        public void A_technician_session_on_the_simulator_terminal()
        {
            _terminal = new TmuxTerminal("--console --speed 25");
            WaitFor("Ctrl-X is the emergency stop", 1, 60);
            WaitFor(@"bay1\[nothomed\]> $|bay1\[nothomed\]>\s*\n", 1, 60);

            // Maintenance, homing, a jog.
            RunAndWait("maint enter 1234", "maintenance on");
            WaitFor(@"bay1\[MAINT\]>");
            RunAndWait("home", "homed: lift at 0 mm");
            RunAndWait("lift jog +30", @"jog done: lift at (29|30|31) mm");

            // Faster, longer jogs up to the soft limit, then one into it.
            RunAndWait("config set lift.jog_speed_mm_s 100", "lift.jog_speed_mm_s = 100 mm/s");
            RunAndWait("config set lift.jog_step_mm 200", "lift.jog_step_mm = 200 mm");
            for (int i = 0; i < 4; i++) RunAndWait("lift jog +200", "jog done: lift at");
            string limit = RunAndWait("lift jog +200", "is above the soft limit lift.soft_max_mm");
            Assert.Matches(@"at most \+\d+ mm up is possible", limit);

            // Someone walks into the bay while the lift comes down. The break is armed on the plant's lift motion, not on
            // a time: however late the jog line arrives (a loaded machine), the curtain breaks while the jog is under way.
            RunAndWait("sim when moving curtain break", "sim: 'sim curtain break' when the lift next moves");
            Type("lift jog -200");
            WaitFor("jog ended by fault 11 LightCurtainBroken");
            WaitFor(@"maintenance ended by fault 11 LightCurtainBroken");
            WaitFor(@"bay1\[FAULT 11\]>");
            RunAndWait("faults", "latched: 11 LightCurtainBroken");
            RunAndWait("why", "fault 11 LightCurtainBroken");

            // Clear the bay, reset, home.
            RunAndWait("sim curtain clear", "sim: light curtain clear");
            RunAndWait("maint enter 1234", "maintenance on");
            RunAndWait("fault reset 11", "fault cleared");
            RunAndWait("home", "homed: lift at 0 mm", 120);
            RunAndWait("maint exit", "maintenance off");

            // A car arrives; the technician runs its swap from the console.
            RunAndWait("sim vehicle arrive CAR1", "sim: vehicle CAR1 drives in");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!Screen().Contains("ready: waiting for an authorisation"))
            {
                Assert.True(DateTime.UtcNow < deadline, "the vehicle never got ready:\n" + Screen());
                Thread.Sleep(500);
                Type("why");
            }

            RunAndWait("maint enter 1234", "maintenance on");
            RunAndWait("swap authorize CAR1", "the sequencer runs the swap");
            deadline = DateTime.UtcNow.AddSeconds(120);
            while (!Regex.IsMatch(Screen(), @"last swap 1: vehicle CAR1, completed"))
            {
                Assert.True(DateTime.UtcNow < deadline, "the swap did not complete:\n" + Screen());
                Thread.Sleep(1000);
                Type("status");
            }

            Assert.DoesNotContain("FAULT", Screen().Substring(Screen().LastIndexOf("fault cleared", StringComparison.Ordinal)));
            RunAndWait("sim plant", "hazards 0");
            Type("sim quit");
            WaitFor("SIMULATOR-EXITED 0", 1, 30);
        }

        public void Dispose() => _terminal?.Dispose();
    }
}
