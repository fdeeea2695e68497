using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Station.Tests.Shared;
using Xunit;
using Xunit.Sdk;

namespace Station.Cloud.Tests
{
    /// <summary>Every command in the README's shell blocks, run on a fresh <c>git clone</c> of this repository as a new
    /// user would, each checked for its exit code and a key line of its output. A command that runs long (a real-time
    /// run, a fleet of 100 stations for two minutes, a live monitor) runs with the tool's own documented options that
    /// shorten it; a command with a placeholder (FILE.log) or the local broker's port gets them filled in. A README
    /// command this table does not know, or one it knows that the README lost, fails the test.</summary>
    public class ReadmeCommandTests
    {
        // README command → (what is run instead, or null for the exact text; exit code; a line the output must hold).
        // {port} is the test's own Mosquitto (a fixed 1883 could be taken on a shared machine).
        private static readonly Dictionary<string, (string Run, int Exit, string Key)> Commands = new()
        {
            ["dotnet run --project tools/Station.Simulator -c Release -- --swaps 3"] = (null, 0, "swaps completed: 3 of 3"),
            // The whole suite is this test's own caller: checked for syntax here, run by CI itself.
            ["tools/test.sh"] = ("bash -n tools/test.sh && echo syntax-ok", 0, "syntax-ok"),
            ["dotnet run --project tools/Station.Simulator -c Release -- --swaps 3 --json"] = (null, 0, "\"swaps_completed\":3"),
            ["dotnet run --project tools/Station.Simulator -c Release -- --scenario tools/Station.Simulator/scenarios/lift-stall.json"] = (null, 0, "scenario: PASSED"),
            ["dotnet run --project tools/Station.Simulator -c Release -- --swaps 1 --timeline swap.svg"] = (null, 0, "timeline written to swap.svg"),
            ["dotnet run --project tools/Station.Simulator -c Release -- --swaps 3 --realtime"] =
                ("dotnet run --project tools/Station.Simulator -c Release -- --swaps 3 --realtime --speed 200", 0, "swaps completed: 3 of 3"),
            ["dotnet run --project tools/Station.Simulator -c Release -- --vehicle LSV123 --pack PK0003"] = (null, 0, "LSV123"),
            ["dotnet run --project tools/Station.Simulator -c Release -- --bay truck --blocks 3 --json"] = (null, 0, "\"swaps_completed\":1"),
            ["dotnet run --project tools/Station.Simulator -c Release -- --bay truck --console"] =
                ("printf 'version\\nexit\\n' | dotnet run --project tools/Station.Simulator -c Release -- --bay truck --console", 0, "StationFirmware"),
            ["dotnet run --project tools/Station.Simulator -c Release -- --swaps 3 --broker mqtt://127.0.0.1:1883 --station-id bay7"] =
                ("dotnet run --project tools/Station.Simulator -c Release -- --swaps 3 --broker mqtt://127.0.0.1:{port} --station-id bay7", 0, "swaps completed: 3 of 3"),
            ["dotnet run --project tools/Station.Fleet -c Release -- --stations 100 --seconds 120 --measure"] =
                ("dotnet run --project tools/Station.Fleet -c Release -- --broker mqtt://127.0.0.1:{port} --stations 5 --seconds 5 --measure", 0, "online at end 5"),
            ["dotnet run --project tools/Station.Fleet -c Release -- --stations 10 --cloud-authorize"] =
                ("dotnet run --project tools/Station.Fleet -c Release -- --broker mqtt://127.0.0.1:{port} --stations 10 --cloud-authorize --seconds 4", 0, "online at end 10"),
            ["dotnet run --project tools/Station.FleetMonitor -c Release -- watch"] =
                ("dotnet run --project tools/Station.FleetMonitor -c Release -- --broker mqtt://127.0.0.1:{port} watch --seconds 2 --plain < /dev/null", 0, ""),
            ["dotnet build tools/Station.CanTool -c Release"] = (null, 0, "Build succeeded"),
            // The three completion lines run as one script (export and source change the shell they run in).
            ["export PATH=\"$PWD/tools/Station.CanTool/bin/Release/net10.0:$PATH\""] = ("true", 0, ""),
            ["source <(Station.CanTool --completion bash)"] =
                ("export PATH=\"$PWD/tools/Station.CanTool/bin/Release/net10.0:$PATH\"; source <(Station.CanTool --completion bash) && complete -p Station.CanTool", 0, "complete -o default -F _Station_CanTool_complete Station.CanTool"),
            ["dotnet run --project tools/Station.Simulator -c Release -- --console"] =
                ("printf 'version\\nexit\\n' | dotnet run --project tools/Station.Simulator -c Release -- --console", 0, "StationFirmware"),
            ["dotnet run --project tools/Station.CanTool -c Release -- decode FILE.log"] =
                ("printf '(1700000000.000000) can0 181056F4#A510D80E02\\n' > FILE.log && dotnet run --project tools/Station.CanTool -c Release -- decode FILE.log", 0, "\"msg\":\"BCL\""),
        };

        /// <summary>The commands of the README's <c>sh</c> blocks, comments and blank lines removed.</summary>
        public static List<string> ReadmeCommands(string readme)
        {
            var commands = new List<string>();
            bool inBlock = false;
            foreach (string raw in readme.Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                if (line.StartsWith("```", StringComparison.Ordinal)) { inBlock = !inBlock && line.Trim() == "```sh"; continue; }
                if (!inBlock) continue;
                int hash = line.IndexOf(" #", StringComparison.Ordinal);
                string command = (line.TrimStart().StartsWith('#') ? "" : hash >= 0 ? line.Substring(0, hash) : line).Trim();
                if (command.Length > 0) commands.Add(command);
            }
            return commands;
        }

        private static string RepositoryRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "README.md"))) dir = dir.Parent;
            return dir?.FullName ?? throw new XunitException("no README.md above " + AppContext.BaseDirectory);
        }

        [Fact]
        public void The_table_covers_every_readme_command_and_nothing_else()
        {
            var readme = ReadmeCommands(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));
            string unknown = string.Join("\n", readme.Where(c => !Commands.ContainsKey(c)));
            string lost = string.Join("\n", Commands.Keys.Where(c => !readme.Contains(c)));
            Assert.True(unknown.Length == 0, "README commands the test does not know:\n" + unknown);
            Assert.True(lost.Length == 0, "commands the test knows that the README no longer has:\n" + lost);
        }

        [Fact]
        public void Every_readme_command_works_on_a_fresh_clone()
        {
            string root = RepositoryRoot();
            string clone = Directory.CreateTempSubdirectory("readme-clone").FullName;
            using var broker = Mosquitto.Start();
            try
            {
                // The committed tree of this checkout (what a user clones), nothing built.
                var (headExit, head, _) = PtyRun.Redirected("git rev-parse HEAD", root);
                Assert.Equal(0, headExit);
                var (cloneExit, _, cloneErr) = PtyRun.Redirected($"git clone -q --no-local '{root}' '{clone}' && git -C '{clone}' checkout -q {head.Trim()}", root);
                Assert.True(cloneExit == 0, cloneErr);
                var failures = new StringBuilder();
                foreach (string command in ReadmeCommands(File.ReadAllText(Path.Combine(clone, "README.md"))))
                {
                    var (run, exit, key) = Commands[command];
                    string text = (run ?? command).Replace("{port}", broker.Port.ToString());
                    var (code, output, error) = PtyRun.Redirected(text, clone, 900_000);
                    if (code != exit || !(output + error).Contains(key))
                        failures.AppendLine($"{command}\n  ran: {text}\n  exit {code} (expected {exit}); expected a line with \"{key}\"\n  stdout tail: {Tail(output)}\n  stderr tail: {Tail(error)}");
                }
                Assert.True(failures.Length == 0, failures.ToString());
                Assert.True(File.Exists(Path.Combine(clone, "swap.svg")), "--timeline swap.svg wrote no file");
            }
            finally
            {
                Directory.Delete(clone, true);
            }
        }

        private static string Tail(string s) => s.Length <= 600 ? s : s.Substring(s.Length - 600);
    }
}
