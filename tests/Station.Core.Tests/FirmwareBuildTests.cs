using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using Station.Core;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The version is the build's: one property in firmware/FirmwareVersion.targets, the commit from git, and
    /// "unknown" (never a failed build) where there is no git or no checkout.</summary>
    public class FirmwareBuildTests
    {
        private static readonly string Root = FindRoot();

        private static string FindRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "StationFirmware.sln"))) dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("StationFirmware.sln not found above " + AppContext.BaseDirectory);
        }

        private static string Targets => Path.Combine(Root, "firmware", "FirmwareVersion.targets");

        private static (int exit, string output) Run(string file, string args, string workDir, string path = null)
        {
            var psi = new ProcessStartInfo(file, args) { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
            if (path != null) psi.Environment["PATH"] = path;
            psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            psi.Environment["DOTNET_NOLOGO"] = "1";
            using var p = Process.Start(psi) ?? throw new InvalidOperationException(file + " did not start");
            string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output);
        }

        // Runs only the stamping target of a copy of FirmwareVersion.targets in a folder outside any checkout.
        private static string StampOutsideCheckout(string path = null, string extra = "")
        {
            string dir = Path.Combine(Path.GetTempPath(), "stamp-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                File.Copy(Targets, Path.Combine(dir, "FirmwareVersion.targets"));
                File.WriteAllText(Path.Combine(dir, "p.proj"), "<Project><Import Project=\"FirmwareVersion.targets\" /></Project>");
                string stamp = Path.Combine(dir, "stamp.cs");
                string dotnet = Environment.ProcessPath != null && Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet"
                    ? Environment.ProcessPath : "dotnet";
                var (exit, output) = Run(dotnet, "msbuild p.proj -nologo -t:StationFirmwareStamp -warnaserror -p:StationFirmwareStampFile=" + stamp + extra, dir, path);
                Assert.True(exit == 0, "stamping outside a checkout failed:\n" + output);
                return File.ReadAllText(stamp);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void The_version_comes_from_the_one_property_and_the_commit_from_git()
        {
            string version = Regex.Match(File.ReadAllText(Targets), "<StationFirmwareVersion>([^<]+)</StationFirmwareVersion>").Groups[1].Value;
            Assert.Matches(@"^\d+\.\d+\.\d+$", version);
            Assert.Equal(FirmwareVersion.Text, version);

            var (exit, head) = Run("git", "rev-parse --short=12 HEAD", Root);
            Assert.True(exit == 0, "git is needed for this test (the build stamps the commit from it): " + head);
            Assert.Equal(FirmwareVersion.Commit, head.Trim());
            Assert.Equal(FirmwareVersion.Full, version + "+" + head.Trim());
            Assert.DoesNotContain("Text = \"", File.ReadAllText(Path.Combine(Root, "firmware", "Station.Core", "FirmwareVersion.cs")));
        }

        [Fact]
        public void A_source_tree_outside_a_checkout_builds_with_an_unknown_commit_or_the_one_given()
        {
            string stamp = StampOutsideCheckout();
            Assert.Contains("Commit = \"unknown\";", stamp);
            Assert.Matches(@"Version = ""\d+\.\d+\.\d+"";", stamp);

            Assert.Contains("Commit = \"abc1234def56\";", StampOutsideCheckout(extra: " -p:StationCommit=abc1234def56"));
        }

        [Fact]
        public void A_machine_without_git_builds_with_an_unknown_commit()
        {
            // PATH holds a shell (MSBuild's Exec needs one) and dotnet, but no git.
            string bin = Path.Combine(Path.GetTempPath(), "nogit-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(bin);
            try
            {
                File.CreateSymbolicLink(Path.Combine(bin, "sh"), File.Exists("/usr/bin/sh") ? "/usr/bin/sh" : "/bin/sh");
                Assert.Contains("Commit = \"unknown\";", StampOutsideCheckout(path: bin));
            }
            finally
            {
                Directory.Delete(bin, true);
            }
        }
    }
}
