using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>The edges a technician meets first, on a real terminal (tmux running the simulator's console): the prompt
    /// rewritten in place, one station name, stopping a homing with a key, the keys and commands of a session, and the
    /// way back after an emergency stop in the middle of a swap.</summary>
    [Collection("tmux")] // one tmux server start at a time: two at once can race
    public sealed class TerminalEdgeTests
    {
        private static string LastRow(TmuxTerminal t) => t.Rows().LastOrDefault(r => r.Trim().Length > 0) ?? "";

        private static void WaitUntilReady(TmuxTerminal t, string id)
        {
            t.RunAndWait("maint enter 1234", "maintenance on");
            t.RunAndWait("home", "homed: lift at 0 mm", 120);
            t.RunAndWait("sim vehicle arrive CAR1", "sim: vehicle CAR1 drives in");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!t.Screen().Contains("ready: waiting for an authorisation"))
            {
                Assert.True(DateTime.UtcNow < deadline, "the vehicle never got ready:\n" + t.Screen());
                Thread.Sleep(500);
                t.Type("why");
            }
        }

        [Fact]
        public void One_name_everywhere_and_the_prompt_rewritten_in_place_through_a_whole_swap()
        {
            using var t = new TmuxTerminal("--console --speed 5 --station-id bay7");
            t.WaitFor("StationFirmware console on bay7", 1, 60);
            t.WaitFor(@"bay7\[nothomed\]>");
            t.RunAndWait("config get station.id", @"station\.id = bay7");
            t.RunAndWait("status", @"station bay7: state NotHomed");
            t.RunAndWait("version", @"StationFirmware \d+\.\d+\.\d+ .*on station bay7");
            WaitUntilReady(t, "bay7");

            // What the terminal received while the swap ran: each change of step rewrites the prompt in place (a
            // carriage return, then the new prompt), never a second prompt behind the first. Read from the byte stream
            // tmux recorded, so a slow machine that samples the screen rarely sees the same thing as a fast one.
            string recording = t.Record();
            t.RunAndWait("swap authorize CAR1", "the sequencer runs the swap");
            var states = new HashSet<string>();
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!states.Contains("idle") && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
                foreach (Match m in Regex.Matches(File.ReadAllText(recording), @"\r(?:\x1b\[[0-9;]*[A-Za-z]| )*\rbay7\[([a-z]+)\]>"))
                    states.Add(m.Groups[1].Value);
            }
            foreach (string row in t.Rows())
                Assert.True(Regex.Matches(row, @"bay7\[").Count <= 1, "two prompts on one row: '" + row + "'\n" + t.Screen());
            Assert.True(states.Contains("idle"), "the prompt was not rewritten to idle at the end; rewritten to: " + string.Join(", ", states) + "\n" + t.Screen());
            Assert.True(states.Count >= 4, "the prompt should have shown the swap's steps in place; rewritten to " + string.Join(", ", states));
            // The whole session's scroll-back: never two prompts on one line.
            Assert.DoesNotMatch(@"bay7\[[^\]\n]*\]> +bay7\[", t.Screen());
            t.RunAndWait("status", @"last swap 1: vehicle CAR1, completed");
            Assert.DoesNotContain("not settled", t.Screen());
            t.Type("sim quit");
            t.WaitFor("SIMULATOR-EXITED 0", 1, 30);
        }

        [Fact]
        public void A_key_stops_a_homing_without_a_fault_and_the_homing_shows_its_progress()
        {
            using var t = new TmuxTerminal("--console --speed 1");
            t.WaitFor(@"bay1\[nothomed\]>");
            t.RunAndWait("maint enter 1234", "maintenance on");
            t.RunAndWait("home", "homed: lift at 0 mm"); // the lift starts at home: a short homing
            t.RunAndWait("config set lift.jog_speed_mm_s 100", "lift.jog_speed_mm_s = 100 mm/s");
            t.RunAndWait("config set lift.jog_step_mm 200", "lift.jog_step_mm = 200 mm");
            t.RunAndWait("lift jog +200", "jog done: lift at", 30);
            t.RunAndWait("lift jog +200", "jog done: lift at", 30);
            t.Type("home");                             // from 400 mm at 100 mm/s: seconds of homing
            t.WaitFor(@"homing: 1 s, lift at about -?\d+ mm, seeking the home switch", 1, 30);
            t.WaitFor(@"homing: 2 s, lift at about", 1, 30);
            t.Keys("w");
            t.WaitFor("homing stopped by the operator", 1, 30);
            t.WaitFor(@"stopped by the operator \(key\); no fault");
            t.Press("Enter");                           // closes the line the stop key began
            t.WaitFor(@"bay1\[MAINT\]>");
            t.RunAndWait("faults", "no fault latched");
            Assert.DoesNotContain("FAULT", t.Screen());
            Assert.DoesNotContain("maintenance ended", t.Screen());
            // Not homed again, and homing starts as before.
            t.RunAndWait("why", "the lift is not homed");
            t.RunAndWait("home", "homing the lift");
            t.Press("C-x");
            t.WaitFor("EMERGENCY STOP", 1, 30);   // the emergency key still latches its fault
            t.WaitFor(@"bay1\[FAULT 17\]>");
        }

        [Fact]
        public void Keys_and_commands_of_a_session_on_an_80_column_terminal()
        {
            using var t = new TmuxTerminal("--console --speed 10", 80, 50);
            t.WaitFor(@"bay1\[nothomed\]>");

            // help fits 80 columns (-J joins the rows a long line wrapped over) and lists the simulator's own commands.
            string help = t.RunAndWait("help", "sim quit ");
            string[] lines = help.Split('\n');
            int from = Array.FindLastIndex(lines, l => l.EndsWith("> help"));
            foreach (string line in lines.Skip(from + 1).Where(l => !l.Contains("[nothomed]>")))
                Assert.True(line.TrimEnd().Length < 80, "help line wider than 79 columns: '" + line + "'");
            Assert.Contains("sim power loss [s]", help);
            Assert.Contains("Ctrl-D (empty line) ends the session", Regex.Replace(help, @"\s+", " "));

            // Ctrl-L clears the screen and draws the prompt and the line again; the line goes on.
            t.Keys("stat");
            t.Press("C-l");
            Thread.Sleep(500);
            Assert.Equal("bay1[nothomed]> stat", t.Rows()[0].TrimEnd());
            t.Keys("us");
            t.Press("Enter");
            t.WaitFor("station bay1: state NotHomed");
            t.WaitFor(@"cloud: no link");

            // Ctrl-C clears the line and says so; Ctrl-D inside a line does nothing.
            t.Keys("foo");
            t.Press("C-c");
            t.WaitFor(@"\(line cleared\)");
            t.Keys("wh");
            t.Press("C-d");
            t.Keys("y");
            t.Press("Enter");
            t.WaitFor("the lift is not homed");
            Assert.DoesNotContain("line refused", t.Screen());
            Assert.DoesNotContain("unknown command", t.Screen());

            // Times in the log are UTC wall-clock once the clock is set.
            t.RunAndWait("log tail 3", @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ [IWE] console: why -> ok");

            // Ctrl-D on an empty line ends the session (here: the simulator).
            t.Press("C-d");
            t.WaitFor(@"session ended \(Ctrl-D\)");
            t.WaitFor("SIMULATOR-EXITED 0", 1, 30);
        }

        [Theory]
        [InlineData("exit")]
        [InlineData("quit")]
        public void Exit_and_quit_end_the_session(string word)
        {
            using var t = new TmuxTerminal("--console --speed 10");
            t.WaitFor(@"bay1\[nothomed\]>");
            t.RunAndWait("maint enter 1234", "maintenance on");
            t.Type(word);
            t.WaitFor(@"session ended \(" + word + @"\); maintenance ended");
            t.WaitFor("SIMULATOR-EXITED 0", 1, 30);
        }

        [Fact]
        public void After_an_emergency_stop_mid_swap_the_advice_gets_the_bay_going_again()
        {
            using var t = new TmuxTerminal("--console --speed 2");
            t.WaitFor(@"bay1\[nothomed\]>");
            WaitUntilReady(t, "bay1");
            t.RunAndWait("swap authorize CAR1", "the sequencer runs the swap");

            // Stop while the lift lowers the depleted pack: it stays on the lift, the swap is aborted.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!LastRow(t).StartsWith("bay1[lowerdepleted]>"))
            {
                Assert.True(DateTime.UtcNow < deadline, "never saw lowerdepleted:\n" + t.Screen());
                Thread.Sleep(20);
            }

            t.Press("C-x");
            t.WaitFor("EMERGENCY STOP");
            t.RunAndWait("maint enter 1234", "maintenance on");
            t.RunAndWait("fault reset 17", "fault cleared");
            t.RunAndWait("home", "homed: lift at 0 mm", 120);

            // The advice names the serial a technician can type: the one on the pack's label.
            string status = t.RunAndWait("status", "not settled");
            Assert.Contains("rack set <slot> <serial on its label> <soc> <state>", status);
            Assert.DoesNotContain("rack set <slot> unknown@", status);

            // Someone carries the pack off the lift; the simulator says what to record, and the console takes it.
            string unloaded = t.RunAndWait("sim lift unload", @"record it: 'pack place lift none', then 'rack set \d+ \S+ \d+ charging'");
            Match m = Regex.Matches(unloaded, @"then '(rack set \d+ (\S+) \d+ charging)'").Last();
            string serial = m.Groups[2].Value;
            t.RunAndWait("pack place lift none", @"lift: empty");
            t.RunAndWait(m.Groups[1].Value, serial);
            Assert.DoesNotContain("is not a pack serial", t.Screen());
            string after = t.RunAndWait("status", @"station bay1: state Idle");
            string last = after.Substring(after.LastIndexOf("station bay1: state Idle", StringComparison.Ordinal));
            Assert.DoesNotContain("on the lift", last);
            t.RunAndWait("rack show", serial);
        }

        [Fact]
        public void With_a_broker_the_station_has_the_same_name_in_mqtt_and_status_shows_the_link()
        {
            // The same broker harness as the cloud tests: a port no other test process takes, a broker known to listen.
            using var mosquitto = Station.Cloud.Tests.Mosquitto.Start();
            int port = mosquitto.Port;
            using var t = new TmuxTerminal($"--console --speed 5 --station-id bay7 --broker mqtt://127.0.0.1:{port}");
            t.WaitFor("cloud: connected to the broker as bay7", 1, 60);
            t.WaitFor(@"bay7\[nothomed\]>");
            t.RunAndWait("status", @"cloud: online as bay7; outbox \d+ record\(s\) not yet acknowledged");
            t.RunAndWait("log tail 20", @"Z I cloud: online");

            // What the cloud sees: the same name in the topics and in every message.
            var sub = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mosquitto_sub",
                $"-h 127.0.0.1 -p {port} -t stations/bay7/state -C 1 -W 20") { RedirectStandardOutput = true, UseShellExecute = false });
            string state = sub.StandardOutput.ReadToEnd();
            sub.WaitForExit();
            Assert.Contains("\"sid\":\"bay7\"", state);

            // The broker goes away: status and the log say so, and the records wait.
            mosquitto.Kill();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!t.Screen().Contains("cloud: offline (records wait in the outbox) as bay7"))
            {
                Assert.True(DateTime.UtcNow < deadline, "status never said offline:\n" + t.Screen());
                t.Type("status");
                Thread.Sleep(1000);
            }

            t.RunAndWait("log tail 20", @"Z W cloud: offline; records wait in the outbox");
        }
    }
}
