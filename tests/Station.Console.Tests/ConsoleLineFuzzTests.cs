using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Station.Core.Config;
using Station.Tests.Shared;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>The technician's console fed the reference examples mutated with a fixed seed (control bytes, very long
    /// lines, partial escapes, unknown words, numbers out of range), in normal mode and in maintenance: it never throws,
    /// nothing moves and no configuration changes unless the console accepted a line, and the prompt always comes back.</summary>
    public class ConsoleLineFuzzTests
    {
        // The examples of docs/console.md's command reference, and a few the reference writes with placeholders.
        internal static readonly string[] Seeds =
        {
            "status", "why", "faults", "fault reset 21", "lift jog +10", "robot jog travel +10", "home", "bms show", "rack show",
            "rack set 3 P0004 95 ready", "rack clear 3", "pack place staging P0004 95", "pack place lift none", "conveyor stage",
            "locks engage", "config show", "config get lift.speed_mm_s", "config set lift.speed_mm_s 150", "config set gate.min_soc_pct 80",
            "config save", "config default", "maint enter 1234", "maint exit", "selftest", "log tail 20", "recover confirm",
            "swap authorize CAR42", "swap authorize CAR42 P0004", "swap cancel", "swap history", "help lift", "version",
        };

        // Ends the console's output when it waits for the next line: "bay1[idle]> ", "bay1[MAINT]> ", ...
        internal static readonly Regex Prompt = new Regex(@"\S+\[[^\]\r\n]+\]> $");

        static List<string> ConfigSnapshot(ConfigValues v)
        {
            var s = new List<string>();
            for (int i = 0; i < ConfigTable.Keys.Length; i++) s.Add(v.Stored(i));
            return s;
        }

        [Theory]
        [InlineData(false, 5101)]
        [InlineData(true, 5102)]
        public void Mutated_lines_never_throw_never_move_unless_accepted_and_the_prompt_comes_back(bool maintenance, int seed)
        {
            var rig = new Rig();
            if (maintenance) rig.EnterMaintenance();
            rig.Station.Requests.Clear();
            var rng = new Random(seed);
            int accepted = 0, refused = 0;
            for (int round = 0; round < 1500; round++)
            {
                if (maintenance && !rig.Console.InMaintenance)
                {
                    rig.Clock.NowMs += 3_600_000; // past any PIN lockout the mutations caused
                    rig.EnterMaintenance();
                }
                if (!maintenance && rig.Console.InMaintenance) rig.Run("maint exit");
                // One in ten goes unmutated: accepted lines between hostile ones must not open a way for the next.
                byte[] valid = Encoding.ASCII.GetBytes(Seeds[rng.Next(Seeds.Length)]);
                byte[] line = rng.Next(10) == 0 ? valid : HostileBytes.Mutate(valid, rng);
                // Ctrl-X is the emergency stop, a legitimate stop whatever else the line holds; Ctrl-D ends the session.
                for (int i = 0; i < line.Length; i++) if (line[i] == 0x18 || line[i] == 0x04) line[i] = (byte)'x';
                var configBefore = ConfigSnapshot(rig.Config);
                int motionsBefore = rig.Station.MotionRequests;
                int auditBefore = rig.Audit.Count;
                string what = "round " + round + ": " + HostileBytes.Show(line, 200);

                string output = null;
                Exception e = Record.Exception(() =>
                {
                    rig.Line.TypeBytes(line);
                    output = rig.Send("\r");
                    // A motion the console started ends here (the fake station reports it done), as the bay would.
                    if (rig.Station.Busy) { rig.Station.Busy = false; rig.Clock.NowMs += 100; output += rig.Poll(); }
                });
                Assert.True(e == null, what + "\n" + e);

                var audits = rig.Audit.Skip(auditBefore).ToList();
                int ok = audits.Count(a => a.EndsWith(" ok"));
                accepted += ok;
                refused += audits.Count - ok;
                if (ok == 0)
                {
                    Assert.True(rig.Station.MotionRequests == motionsBefore, what + ": motion from a line the console refused: " + string.Join(" / ", audits));
                    Assert.True(configBefore.SequenceEqual(ConfigSnapshot(rig.Config)), what + ": configuration changed by a refused line");
                }
                Assert.True(rig.Station.MotionRequests - motionsBefore <= ok, what + ": more motions than accepted lines");
                Assert.True(Prompt.IsMatch(output), what + ": no prompt at the end of\n" + output);
                // Plain ASCII back, but for the clear-screen sequence Ctrl-L asks for.
                bool clear = Array.IndexOf(line, (byte)0x0C) >= 0;
                foreach (char c in output) Assert.True(c == '\r' || c == '\n' || c == '\a' || c == '\b' || (c == '\x1b' && clear) || (c >= ' ' && c < 127), what + ": console wrote byte " + (int)c);
                Assert.DoesNotContain(rig.Storage.Files.Keys, k => !k.StartsWith("config"));
            }
            Assert.Equal(0, rig.Station.EmergencyStops);
            Assert.True(refused > 500, "refused " + refused);
            Assert.True(accepted > 60, "accepted " + accepted);
        }
    }
}
