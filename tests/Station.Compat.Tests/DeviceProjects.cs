using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Station.Compat.Tests;

/// <summary>Where the repository, the listing and the device projects' package lists are, and which listing
/// section each nanoFramework package stands for.</summary>
public static class DeviceProjects
{
    /// <summary>The portable assemblies: name, a type that lives in it (to find the built dll), and the device
    /// project's packages.config (repository-relative) that says which nanoFramework assemblies it may use.</summary>
    public static readonly (string Assembly, Type Marker, string PackagesConfig)[] Portable =
    {
        ("Station.Hal", typeof(Station.Hal.IClock), "hal/Station.Hal/Nano/packages.config"),
        ("Station.Core.Config", typeof(Station.Core.Config.ConfigTable), "firmware/Station.Core.Config/Nano/packages.config"),
        ("Station.Core", typeof(Station.Core.StationIo), "firmware/Station.Core/Nano/packages.config"),
        ("Station.Core.Can", typeof(Station.Core.Can.PackSession), "firmware/Station.Core.Can/Nano/packages.config"),
        ("Station.Core.Cloud", typeof(Station.Core.Cloud.CloudLink), "firmware/Station.Core.Cloud/Nano/packages.config"),
        ("Station.Core.Console", typeof(Station.Core.Console.StationConsole), "firmware/Station.Core.Console/Nano/packages.config"),
        ("Station.Core.Update", typeof(Station.Core.Update.Ed25519Verifier), "firmware/Station.Core.Update/Nano/packages.config"),
        ("Station.Boards", typeof(Station.Boards.BoardPinMap), "boards/Station.Boards/Nano/packages.config"),
    };

    /// <summary>nanoFramework package id → the listing section (assembly) it brings. A package missing here has no
    /// listing copied into api/, so portable code cannot use it until one is.</summary>
    public static readonly IReadOnlyDictionary<string, string> PackageSections = new Dictionary<string, string>
    {
        ["nanoFramework.CoreLibrary"] = "mscorlib",
        ["nanoFramework.System.Text"] = "nanoFramework.System.Text",
        ["nanoFramework.System.Collections"] = "nanoFramework.System.Collections",
        ["nanoFramework.Runtime.Native"] = "nanoFramework.Runtime.Native",
        ["nanoFramework.System.IO.Streams"] = "System.IO.Streams",
        ["nanoFramework.System.Threading"] = "System.Threading",
        ["nanoFramework.Runtime.Events"] = "nanoFramework.Runtime.Events",
        ["nanoFramework.TestFramework"] = "nanoFramework.TestFramework",
        ["nanoFramework.System.Device.Gpio"] = "System.Device.Gpio",
        ["nanoFramework.System.Device.Pwm"] = "System.Device.Pwm",
        ["nanoFramework.System.Device.Spi"] = "System.Device.Spi",
        ["nanoFramework.Hardware.Esp32"] = "nanoFramework.Hardware.Esp32",
        ["nanoFramework.System.IO.FileSystem"] = "System.IO.FileSystem",
        ["nanoFramework.System.IO.Ports"] = "System.IO.Ports",
        ["nanoFramework.Device.Can"] = "nanoFramework.Device.Can",
        ["nanoFramework.Iot.Device.Mcp25xxx"] = "Iot.Device.Mcp25xxx",
        ["nanoFramework.M2Mqtt"] = "nanoFramework.M2Mqtt",
        ["nanoFramework.M2Mqtt.Core"] = "nanoFramework.M2Mqtt.Core",
        ["nanoFramework.System.Net"] = "System.Net",
        ["nanoFramework.System.Device.Wifi"] = "System.Device.Wifi",
    };

    /// <summary>The repository root (the folder holding StationFirmware.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "StationFirmware.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("StationFirmware.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The listing files copied next to the test assembly.</summary>
    public static string[] ListingFiles => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "api"), "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToArray();

    /// <summary>Package ids of a packages.config.</summary>
    public static List<string> PackageIds(string repoRelativePath)
    {
        string path = Path.Combine(RepoRoot, repoRelativePath);
        return XDocument.Load(path).Root!.Elements("package").Select(p => (string)p.Attribute("id")).ToList();
    }

    /// <summary>The listing sections a device project may use, from its packages.config.</summary>
    public static List<string> SectionsFor(string packagesConfig)
    {
        var sections = new List<string>();
        foreach (var id in PackageIds(packagesConfig))
        {
            if (!PackageSections.TryGetValue(id, out var section))
            {
                throw new InvalidOperationException($"{packagesConfig} references {id}, which has no API listing in tests/Station.Compat.Tests/api: add the package's public API to the listing and add it to DeviceProjects.PackageSections");
            }
            sections.Add(section);
        }
        return sections;
    }

    /// <summary>The listing for a set of sections.</summary>
    public static ApiListing Listing(ICollection<string> sections) => ApiListing.Load(ListingFiles, sections);

    /// <summary>The names of every portable assembly (references among them are not framework references).</summary>
    public static IEnumerable<string> PortableNames => Portable.Select(p => p.Assembly);
}
