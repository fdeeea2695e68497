using System;
using System.IO;

namespace Station.Docs
{
    /// <summary>Writes (or with --check, verifies) the generated documents under the repository root.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var check = new System.CommandLine.Option<bool>("--check") { Description = "verify instead of write: exit 1 when a generated document differs from the code" };
            var root = new System.CommandLine.RootCommand("Station.Docs — writes the documents generated from the code (docs/swap-states.md per bay profile, docs/faults.md).") { check };
            root.SetAction(p => Generate(p.GetValue(check)));
            return Station.Tools.CommandLineRunner.Run("Station.Docs", root, args, Console.Out, Console.Error);
        }

        private static int Generate(bool check)
        {
            string root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory);
            if (root == null)
            {
                Console.Error.WriteLine("Station.Docs: run inside the repository (StationFirmware.sln not found above the current directory)");
                return 2;
            }
            int differing = 0;
            Station.Core.Swap.Truck.TruckBayProfile.Register(); // its own assembly: registered before its name is built
            foreach (string profile in Station.Core.Config.BayProfileNames.Names)
            {
                differing += Handle(root, DocsGenerator.SwapStatesPathFor(profile),
                    DocsGenerator.SwapStatesMarkdown(Station.Core.Swap.BayProfiles.Create(profile)), check);
            }
            differing += Handle(root, DocsGenerator.FaultsPath, DocsGenerator.FaultsMarkdown(), check);
            return check && differing > 0 ? 1 : 0;
        }

        private static int Handle(string root, string relative, string content, bool check)
        {
            string path = Path.Combine(root, relative);
            string current = File.Exists(path) ? File.ReadAllText(path) : null;
            if (current == content)
            {
                Console.WriteLine(relative + ": up to date");
                return 0;
            }
            if (check)
            {
                Console.Error.WriteLine(relative + ": differs from the code; run `dotnet run --project tools/Station.Docs`");
                return 1;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, content);
            Console.WriteLine(relative + ": written");
            return 0;
        }

        /// <summary>The nearest directory at or above <paramref name="start"/> holding StationFirmware.sln.</summary>
        public static string FindRoot(string start)
        {
            for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "StationFirmware.sln"))) return d.FullName;
            }
            return null;
        }
    }
}
