using System;
using System.IO;
using System.Text.Json;

namespace Station.Simulator.Tests
{
    /// <summary>Runs the simulator's real entry point in-process and captures what it prints.</summary>
    internal static class Sim
    {
        public static (int Exit, string Out, string Err) Run(params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = Program.Run(args, o, e);
            return (code, o.ToString(), e.ToString());
        }

        /// <summary>The last non-empty stdout line, parsed as JSON.</summary>
        public static JsonElement LastJson(string stdout)
        {
            var lines = stdout.TrimEnd().Split('\n');
            string last = lines[^1].Trim();
            using var doc = JsonDocument.Parse(last);
            return doc.RootElement.Clone();
        }

        public static string ScenarioDir => Path.Combine(AppContext.BaseDirectory, "scenarios");

        public static string TempFile(string name, string content)
        {
            string dir = Path.Combine(Path.GetTempPath(), "station-sim-tests-" + Environment.ProcessId);
            Directory.CreateDirectory(dir);
            string path = Path.Combine(dir, name);
            File.WriteAllText(path, content);
            return path;
        }
    }
}
