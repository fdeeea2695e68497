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
            using var sim = new SimulatorPty("--speed", "10");
            string first = sim.Attach();
            Assert.NotNull(first);
            Assert.StartsWith("console on /dev/pts/", first);
            string device = first.Substring("console on ".Length).Split(' ')[0];
            Assert.Contains($"screen {device} 115200", first);

            sim.Send("why\r");
            string text = sim.WaitFor("the lift is not homed");
            Assert.Contains("why\r\n", text);            // echoed by the console, CR LF line ends
            sim.Send("maint enter 1234\r");
            sim.WaitFor("bay1[MAINT]>");
            sim.Send("sim quit\r");
            sim.WaitFor("sim: quitting");
            Assert.True(sim.Process.WaitForExit(60000), "the simulator did not stop on 'sim quit'");
            Assert.Equal(0, sim.Process.ExitCode);
        }

        [Fact]
        public void The_truck_bays_console_on_the_pty_homes_the_robot_and_brings_a_truck()
        {
            using var sim = new SimulatorPty("--bay", "truck", "--speed", "20", "--station-id", "qiji1");
            Assert.StartsWith("console on /dev/pts/", sim.Attach());
            sim.Send("why\r");
            sim.WaitFor("qiji1[nothomed]>", 2);
            sim.Send("maint enter 1234\r");
            sim.WaitFor("qiji1[MAINT]>");
            sim.Send("home\r");
            sim.WaitFor("homed: travel at 0 mm, height at 0 mm, fork at 0 mm", 1, 120);
            sim.Send("sim vehicle arrive TRK5\r");
            sim.WaitFor("sim: truck TRK5 drives in with blocks at 1, 2, 3");
            sim.Send("status\r");
            string status = sim.WaitFor("bay inputs: block 1 cradle holds a block");
            Assert.Contains("block 2 connector: 1=mated", status);
            sim.Send("sim quit\r");
            sim.WaitFor("sim: quitting");
            Assert.True(sim.Process.WaitForExit(60000), "the simulator did not stop on 'sim quit'");
            Assert.Equal(0, sim.Process.ExitCode);
        }
    }
}
