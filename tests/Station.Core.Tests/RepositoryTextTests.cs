using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Station.Core.Swap;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>What a user of the repository reads: no references to files they do not have or to the project's
    /// internal issue numbers, example messages that use real step names, the pages a newcomer needs, and a version.</summary>
    public class RepositoryTextTests
    {
        private static readonly string Root = FindRoot();

        private static string FindRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "StationFirmware.sln"))) dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("StationFirmware.sln not found above " + AppContext.BaseDirectory);
        }

        private static string[] TextFiles() => Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)
                && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                && !f.Contains(Path.DirectorySeparatorChar + ".git" + Path.DirectorySeparatorChar)
                && new[] { ".cs", ".md", ".txt", ".csproj", ".nfproj", ".projitems", ".props", ".sh", ".json", ".conf", ".acl", ".config" }
                    .Contains(Path.GetExtension(f)))
            .ToArray();

        [Fact]
        public void No_file_points_at_documents_a_user_does_not_have_or_at_internal_issue_numbers()
        {
            var dead = new Regex(@"shared/(domain|nanoframework)|\bissue #?\d|GBT27930\.md|SWAP\.md|spec §", RegexOptions.IgnoreCase);
            var hits = TextFiles().SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
                .Where(x => dead.IsMatch(x.line) && !x.f.EndsWith(nameof(RepositoryTextTests) + ".cs"))
                .Select(x => Path.GetRelativePath(Root, x.f) + ":" + (x.i + 1) + ": " + x.line.Trim()).ToArray();
            Assert.True(hits.Length == 0, "dead references:\n" + string.Join("\n", hits));
        }

        [Fact]
        public void Example_messages_in_the_docs_name_real_swap_steps()
        {
            string[] names = Enumerable.Range(0, SwapStates.Count).Select(i => SwapStates.Name((SwapState)i)).ToArray();
            foreach (string doc in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md"))
                foreach (Match m in Regex.Matches(File.ReadAllText(doc), "\"step\":\"([A-Za-z]+)\""))
                    Assert.True(names.Contains(m.Groups[1].Value), Path.GetFileName(doc) + " names a step that does not exist: " + m.Value);
        }

        [Fact]
        public void Newcomer_pages_exist_and_the_readme_says_what_matters_first()
        {
            string readme = File.ReadAllText(Path.Combine(Root, "README.md"));
            string top = readme.Substring(0, readme.IndexOf("## What is where", StringComparison.Ordinal));
            Assert.Contains("never run on hardware", top, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("docs/troubleshooting.md", readme);
            Assert.Matches(@"prints nothing for (about|over) a minute", top);
            Assert.True(File.Exists(Path.Combine(Root, "docs", "troubleshooting.md")));

            string changelog = File.ReadAllText(Path.Combine(Root, "CHANGELOG.md"));
            Assert.Contains("Semantic Versioning", changelog);
            Assert.Contains("## [" + FirmwareVersion.Text + "]", changelog);

            // The picture of a swap: an SVG timeline the simulator made, committed and shown in the docs.
            string svg = Path.Combine(Root, "docs", "swap-timeline.svg");
            Assert.True(File.Exists(svg), "docs/swap-timeline.svg (Station.Simulator --timeline) is missing");
            Assert.StartsWith("<svg", File.ReadAllText(svg).TrimStart());
            Assert.Contains("swap-timeline.svg", File.ReadAllText(Path.Combine(Root, "docs", "simulator.md")));
            Assert.Contains("swap-timeline.svg", readme);
        }
    }
}
