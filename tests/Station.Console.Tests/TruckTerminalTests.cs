using System;
using System.Threading;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary><c>--bay truck --console</c> in a real terminal (tmux), driven by keystrokes as on the car bay: homing the
    /// robot, a jog ended by a light-curtain break, reset, a truck driving in, the station ready for its booking, a power
    /// cut and the reboot on the same storage. Needs tmux (Debian package "tmux"; tools/test.sh installs it).</summary>
    [Collection("tmux")]
    public sealed class TruckTerminalTests : IDisposable
    {
        private TmuxTerminal _terminal;

        [Fact]
        public void A_technician_session_at_the_simulated_truck_bay()
        {
            _terminal = new TmuxTerminal("--bay truck --console --speed 25");
            _terminal.WaitFor("Ctrl-X is the emergency stop", 1, 60);
            _terminal.WaitFor(@"bay1\[nothomed\]>", 1, 60);

            // The truck's devices, not the car's.
            string status = _terminal.RunAndWait("status", "cloud: ");
            Assert.Contains("travel: not homed", status);
            Assert.Contains("fork: not homed", status);
            Assert.DoesNotContain("\nlift:", status);

            _terminal.RunAndWait("maint enter 1234", "maintenance on");
            _terminal.RunAndWait("home", "homed: travel at 0 mm, height at 0 mm, fork at 0 mm", 120);
            _terminal.RunAndWait("robot jog travel +40", @"jog done: travel at (39|40|41) mm");

            // Someone walks into the bay while the robot travels: the jog ends with the fault, as a swap's move would.
            _terminal.RunAndWait("sim when moving curtain break", "sim: 'sim curtain break' when the robot next moves");
            _terminal.Type("robot jog travel -30");
            _terminal.WaitFor("jog ended by fault 11 LightCurtainBroken");
            _terminal.WaitFor(@"bay1\[FAULT 11\]>");
            _terminal.RunAndWait("sim curtain clear", "sim: light curtain clear");
            _terminal.RunAndWait("maint enter 1234", "maintenance on");
            _terminal.RunAndWait("fault reset 11", "fault cleared");
            _terminal.RunAndWait("home", "homed: travel at 0 mm", 120);
            _terminal.RunAndWait("maint exit", "maintenance off");

            // A truck drives in; once positioned the station waits for its booking.
            _terminal.RunAndWait("sim vehicle arrive TRK1", "sim: truck TRK1 drives in with blocks at 1, 2, 3");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!_terminal.Screen().Contains("ready: waiting for an authorisation"))
            {
                Assert.True(DateTime.UtcNow < deadline, "the truck never got ready:\n" + _terminal.Screen());
                Thread.Sleep(500);
                _terminal.Type("why");
            }

            // The board loses power and boots again on the same storage: a new console, the truck still in the bay.
            int banners = _terminal.Count("Ctrl-X is the emergency stop");
            _terminal.RunAndWait("sim power loss 1", "sim: power cut for 1 s");
            _terminal.WaitFor("Ctrl-X is the emergency stop", banners + 1, 60);
            _terminal.RunAndWait("sim plant", @"truck positioned, relay off, curtain clear, hazards 0");
            _terminal.Type("sim quit");
            _terminal.WaitFor("SIMULATOR-EXITED 0", 1, 30);
        }

        public void Dispose() => _terminal?.Dispose();
    }
}
