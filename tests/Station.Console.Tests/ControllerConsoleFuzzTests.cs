using System;
using System.Linq;
using System.Text;
using Station.Core;
using Station.Core.Config;
using Station.Hal.Sim;
using Station.Simulator;
using Station.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Station.Console.Tests
{
    /// <summary>The console fuzz of <see cref="ConsoleLineFuzzTests"/> against the real thing: the console over the real
    /// <c>ControllerConsoleStation</c>, controller and simulated plant (the simulator's <see cref="ConsoleBay"/>, car and
    /// truck), homed, in normal mode and in maintenance. No exception escapes; a line the console refused starts no
    /// motion (no actuator switches on at any tick until its prompt, no swap starts, the state stays); every reply is
    /// printable text and ends in the prompt.</summary>
    public class ControllerConsoleFuzzTests
    {
        const int Rounds = 1500;
        readonly ITestOutputHelper _out;

        public ControllerConsoleFuzzTests(ITestOutputHelper output) { _out = output; }

        [Theory]
        [InlineData(false, false, 5201)]
        [InlineData(false, true, 5202)]
        [InlineData(true, false, 5203)]
        [InlineData(true, true, 5204)]
        public void Mutated_lines_on_the_real_controller_never_throw_never_move_unless_accepted_and_answer_in_text(bool truck, bool maintenance, int seed)
        {
            var line = new FakeLine();
            var bay = new ConsoleBay(line, truck ? new TruckBayKind(new[] { 1, 2, 3 }) : new CarBayKind(new PlantParameters()));
            bay.Console.Start();
            bay.Run(200);
            Enter(bay, line);
            bay.Console.Poll();
            line.Type("home\r");
            for (int t = 0; t < 120000 && bay.Controller.State != SwapState.Idle; t += 10) bay.Tick();
            Assert.Equal(SwapState.Idle, bay.Controller.State);
            Settle(bay, line);
            var rng = new Random(seed);
            int accepted = 0, refused = 0, motions = 0;
            for (int round = 0; round < Rounds; round++)
            {
                if (maintenance && !bay.Console.InMaintenance) Enter(bay, line);
                if (!maintenance && bay.Console.InMaintenance) { line.Type("maint exit\r"); Settle(bay, line); }
                byte[] valid = Encoding.ASCII.GetBytes(ConsoleLineFuzzTests.Seeds[rng.Next(ConsoleLineFuzzTests.Seeds.Length)]);
                byte[] bytes = rng.Next(10) == 0 ? valid : HostileBytes.Mutate(valid, rng);
                // Ctrl-X is the emergency stop, a legitimate stop whatever else the line holds; Ctrl-D ends the session.
                for (int i = 0; i < bytes.Length; i++) if (bytes[i] == 0x18 || bytes[i] == 0x04) bytes[i] = (byte)'x';
                string what = "round " + round + ": " + HostileBytes.Show(bytes, 200);
                Assert.False(bay.Kind.AnyActuatorOn(), what + ": an actuator was on before the line");
                SwapState stateBefore = bay.Controller.State;
                SwapRecord swapBefore = bay.Controller.CurrentSwap;
                int auditBefore = bay.Audit.Count;

                var output = new StringBuilder();
                bool moved = false;
                Exception e = Record.Exception(() =>
                {
                    line.TypeBytes(bytes);
                    line.Type("\r");
                    // Until the prompt is back (a command that moves answers when its motion ends or is stopped).
                    for (int t = 0; t < 120000; t += 10)
                    {
                        bay.Tick();
                        output.Append(line.TakeOutput());
                        moved |= bay.Kind.AnyActuatorOn();
                        if (line.Pending == 0 && !bay.Station.Busy && ConsoleLineFuzzTests.Prompt.IsMatch(output.ToString())) break;
                    }
                });
                Assert.True(e == null, what + "\n" + e);

                var audits = bay.Audit.Skip(auditBefore).ToList();
                int ok = audits.Count(a => a.EndsWith("-> ok"));
                accepted += ok;
                refused += audits.Count - ok;
                string text = output.ToString();
                if (moved) motions++;
                if (ok == 0)
                {
                    Assert.False(moved, what + ": an actuator switched on for a line the console refused: " + string.Join(" / ", audits));
                    Assert.True(bay.Controller.State == stateBefore && bay.Controller.CurrentSwap == swapBefore,
                        what + ": a refused line changed the controller to " + SwapStates.Name(bay.Controller.State));
                }
                Assert.True(ConsoleLineFuzzTests.Prompt.IsMatch(text), what + ": no prompt at the end of\n" + text);
                bool clear = Array.IndexOf(bytes, (byte)0x0C) >= 0; // Ctrl-L asks for the clear-screen sequence
                foreach (char c in text)
                    Assert.True(c == '\r' || c == '\n' || c == '\a' || c == '\b' || (c == '\x1b' && clear) || (c >= ' ' && c < 127), what + ": console wrote char " + (int)c + " in\n" + text);
                Settle(bay, line);
            }
            _out.WriteLine($"{Rounds} lines ({(truck ? "truck" : "car")}, {(maintenance ? "maintenance" : "normal")}): {accepted} accepted, {refused} refused, {motions} moved something");
            Assert.True(refused > Rounds / 2, "refused " + refused);
            Assert.True(accepted > Rounds / 40, "accepted " + accepted);
            if (maintenance) Assert.True(motions > 5, "the accepted lines must include motions (jog, homing, self-test): " + motions);
        }

        // Maintenance on with the default PIN; after a lockout the mutations caused (three wrong PINs), its time runs out
        // first. The lockout is shortened to its minimum each time: a mutated "config default" may have restored it.
        static void Enter(ConsoleBay bay, FakeLine line)
        {
            Assert.Null(bay.Values.TrySet(ConfigTable.MaintLockoutS, "10", 1));
            for (int t = 0; t < 3_600_000 && bay.Console.LockedOut; t += 10) bay.Tick();
            line.Type("maint enter 1234\r");
            Settle(bay, line);
            Assert.True(bay.Console.InMaintenance, "maintenance refused: " + bay.Audit.LastOrDefault());
        }

        // Whatever the last line started (a jog, homing, a self-test) ends, and its output is read.
        static void Settle(ConsoleBay bay, FakeLine line)
        {
            for (int t = 0; t < 120000 && (t < 100 || bay.Station.Busy || bay.Kind.AnyActuatorOn() || line.Pending > 0); t += 10) bay.Tick();
            line.TakeOutput();
        }
    }
}
