using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Station.Compat.Tests;

/// <summary>
/// The nanoFramework projects cannot be built here, so their files are checked instead: every .nfproj parses, its
/// references point into packages listed in its packages.config at the same version, every package is at the
/// version TARGET.md names, every file and project it names exists, and the device solution lists them all.
/// </summary>
public class DeviceProjectFileTests
{
    /// <summary>The nanoFramework 1.x package versions the device projects are written against. System.IO.Streams is not in it (1.1.96 is the version used
    /// next to System.Text 1.3.42 in public nanoFramework projects); M2Mqtt.Core ships with M2Mqtt.</summary>
    private static readonly Dictionary<string, string> TargetVersions = new()
    {
        ["nanoFramework.CoreLibrary"] = "1.17.11",
        ["nanoFramework.System.Device.Gpio"] = "1.1.62",
        ["nanoFramework.System.Device.Pwm"] = "1.1.23",
        ["nanoFramework.M2Mqtt"] = "5.1.220",
        // M2Mqtt.Core ships from the same repository and version as M2Mqtt; System.Net and System.Device.Wifi are
        // TARGET.md's network row.
        ["nanoFramework.M2Mqtt.Core"] = "5.1.220",
        ["nanoFramework.System.Net"] = "1.11.60",
        ["nanoFramework.System.Device.Wifi"] = "1.5.149",
        ["nanoFramework.TestFramework"] = "3.0.80",
        ["nanoFramework.Device.Can"] = "1.3.31",
        ["nanoFramework.System.Device.Spi"] = "1.3.89",
        ["nanoFramework.Hardware.Esp32"] = "1.6.40",
        ["nanoFramework.System.IO.Ports"] = "1.1.139",
        ["nanoFramework.System.IO.FileSystem"] = "1.1.93",
        ["nanoFramework.System.Threading"] = "1.1.52",
        ["nanoFramework.Runtime.Events"] = "1.11.39",
        ["nanoFramework.Runtime.Native"] = "1.7.11",
        ["nanoFramework.System.Collections"] = "1.5.75",
        ["nanoFramework.System.Text"] = "1.3.42",
        ["nanoFramework.System.IO.Streams"] = "1.1.96",
        // Released together with nanoFramework.M2Mqtt, which brings it (TARGET.md names no version of its own).
        ["nanoFramework.M2Mqtt.Core"] = "5.1.220",
        ["nanoFramework.System.Net"] = "1.11.60",
        ["nanoFramework.System.Device.Wifi"] = "1.5.149",
    };

    private static readonly XNamespace Ms = "http://schemas.microsoft.com/developer/msbuild/2003";

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var p in NfProjects()) data.Add(p);
        return data;
    }

    private static IEnumerable<string> NfProjects()
    {
        string root = DeviceProjects.RepoRoot;
        return Directory.GetFiles(root, "*.nfproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/bin/") && !p.Contains("/obj/"))
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .OrderBy(p => p, StringComparer.Ordinal);
    }

    private static string Local(string projectDir, string windowsPath) =>
        Path.GetFullPath(Path.Combine(projectDir, windowsPath.Replace('\\', '/')));

    [Fact]
    public void Every_device_project_is_there()
    {
        var expected = new[]
        {
            "boards/Station.Boards/Nano/Station.Boards.nfproj",
            "firmware/Station.Core/Nano/Station.Core.nfproj",
            "firmware/Station.Core.Can/Nano/Station.Core.Can.nfproj",
            "firmware/Station.Core.Cloud/Nano/Station.Core.Cloud.nfproj",
            "firmware/Station.Core.Config/Nano/Station.Core.Config.nfproj",
            "firmware/Station.Core.Console/Nano/Station.Core.Console.nfproj",
            "firmware/Station.Core.Update/Nano/Station.Core.Update.nfproj",
            "firmware/Station.Device/Station.Device.nfproj",
            "hal/Station.Hal.Nano.Esp32/Station.Hal.Nano.Esp32.nfproj",
            "hal/Station.Hal.Nano/Station.Hal.Nano.nfproj",
            "hal/Station.Hal.Nano.Mqtt/Station.Hal.Nano.Mqtt.nfproj",
            "hal/Station.Hal/Nano/Station.Hal.nfproj",
            "tests/Station.Device.Tests/Station.Device.Tests.nfproj",
        };
        foreach (var e in expected) Assert.Contains(e, NfProjects());
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_references_match_its_packages_config_and_the_target_versions(string project)
    {
        string path = Path.Combine(DeviceProjects.RepoRoot, project);
        string dir = Path.GetDirectoryName(path)!;
        var doc = XDocument.Load(path);
        var packages = XDocument.Load(Path.Combine(dir, "packages.config")).Root!.Elements("package")
            .ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!);

        foreach (var (id, version) in packages)
        {
            Assert.True(TargetVersions.TryGetValue(id, out var want), $"{project}: package {id} has no version in TARGET.md");
            Assert.True(want == version, $"{project}: {id} {version}, TARGET.md says {want}");
        }

        var used = new HashSet<string>();
        foreach (var reference in doc.Descendants(Ms + "Reference"))
        {
            string include = (string)reference.Attribute("Include")!;
            string hint = (string)reference.Element(Ms + "HintPath")!;
            Assert.False(hint == null, $"{project}: reference {include} has no HintPath");
            var m = Regex.Match(hint!, @"packages\\(?<id>[A-Za-z.0-9]+?)\.(?<ver>\d+\.\d+\.\d+)\\lib\\(?<file>[^\\]+)$");
            Assert.True(m.Success, $"{project}: HintPath '{hint}' is not packages\\<id>.<version>\\lib\\<file>");
            string id = m.Groups["id"].Value, ver = m.Groups["ver"].Value;
            Assert.True(packages.TryGetValue(id, out var listed), $"{project}: {hint} points into {id}, which packages.config does not list");
            Assert.Equal(listed, ver);
            // The packages folder sits beside both solutions, at the repository root.
            string packagesDir = Local(dir, hint!.Substring(0, hint.IndexOf("packages\\", StringComparison.Ordinal) + "packages".Length));
            Assert.Equal(Path.Combine(DeviceProjects.RepoRoot, "packages"), packagesDir);
            string asm = include.Split(',')[0].Trim();
            Assert.Equal(asm, Path.GetFileNameWithoutExtension(m.Groups["file"].Value));
            var version = Regex.Match(include, @"Version=(?<v>[\d.]+)");
            if (version.Success) Assert.Equal(ver + ".0", version.Groups["v"].Value);
            used.Add(id);
        }
        foreach (var id in packages.Keys)
        {
            Assert.True(used.Contains(id), $"{project}: packages.config lists {id} but no reference uses it");
        }
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_file_import_and_project_reference_exists(string project)
    {
        string path = Path.Combine(DeviceProjects.RepoRoot, project);
        string dir = Path.GetDirectoryName(path)!;
        var doc = XDocument.Load(path);
        Assert.Equal("{11A8DD76-328B-46DF-9F39-F559912D0360};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}", (string)doc.Descendants(Ms + "ProjectTypeGuids").Single());
        Assert.Equal("9.0", (string)doc.Descendants(Ms + "LangVersion").Single());
        foreach (var item in doc.Descendants(Ms + "Compile").Select(c => (string)c.Attribute("Include")!))
        {
            string resolved = item.Replace("$(Board)", "esp32-devkitc").Replace('\\', '/');
            if (resolved.Contains('*'))
            {
                string folder = Local(dir, Path.GetDirectoryName(resolved.Replace('\\', '/'))!);
                Assert.True(Directory.GetFiles(folder, Path.GetFileName(resolved)).Length > 0, $"{project}: {item} matches nothing");
            }
            else
            {
                Assert.True(File.Exists(Local(dir, resolved)), $"{project}: {item} does not exist");
            }
        }
        foreach (var import in doc.Descendants(Ms + "Import").Select(i => (string)i.Attribute("Project")!).Where(p => p.EndsWith(".projitems", StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(Local(dir, import)), $"{project}: shared items {import} do not exist");
        }
        foreach (var reference in doc.Descendants(Ms + "ProjectReference").Select(r => (string)r.Attribute("Include")!))
        {
            Assert.True(File.Exists(Local(dir, reference)), $"{project}: project reference {reference} does not exist");
        }
        Assert.True(File.Exists(Path.Combine(dir, "packages.config")), $"{project}: no packages.config beside it");
    }

    [Fact]
    public void The_device_solution_lists_every_nfproj_and_the_Linux_solution_none()
    {
        string root = DeviceProjects.RepoRoot;
        string device = File.ReadAllText(Path.Combine(root, "StationFirmware.Device.sln"));
        string linux = File.ReadAllText(Path.Combine(root, "StationFirmware.sln"));
        foreach (var p in NfProjects())
        {
            Assert.Contains(p.Replace('/', '\\'), device);
        }
        Assert.DoesNotContain(".nfproj", linux);
    }

    [Fact]
    public void Each_board_has_device_wiring_the_device_project_can_select()
    {
        string root = DeviceProjects.RepoRoot;
        foreach (var board in new[] { "esp32-devkitc", "stm32f769i-discovery" })
        {
            Assert.True(File.Exists(Path.Combine(root, "boards", board, "Device", "BoardWiring.cs")), board);
            Assert.True(File.Exists(Path.Combine(root, "boards", board, "README.md")), board + " wiring note");
        }
        string app = File.ReadAllText(Path.Combine(root, "firmware/Station.Device/Station.Device.nfproj"));
        Assert.Contains(@"..\..\boards\$(Board)\Device\*.cs", app);
    }
}
