using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Station.Compat.Tests;

/// <summary>
/// The device code (hal/Station.Hal.Nano, hal/Station.Hal.Nano.Esp32, firmware/Station.Device and each board's
/// Device/ wiring) cannot be built here against nanoFramework. Instead it is compiled against .NET plus stubs generated
/// from the listing for what .NET lacks (<see cref="ApiStubs"/>), then put through the gate with the sections its
/// packages.config files reference: so every API the adapters call exists in the listing with that signature.
/// </summary>
public class DeviceCodeTests
{
    /// <summary>The device code folders: firmware/Station.Device and every hal/Station.Hal.Nano* adapter project. A
    /// folder whose name ends in .Esp32 or .Stm32 belongs to that chip's boards only.</summary>
    private static List<string> DeviceFolders()
    {
        string root = DeviceProjects.RepoRoot;
        var folders = new List<string> { "firmware/Station.Device" };
        folders.AddRange(Directory.GetDirectories(Path.Combine(root, "hal"), "Station.Hal.Nano*")
            .Select(d => "hal/" + Path.GetFileName(d))
            .Where(d => File.Exists(Path.Combine(root, d, "packages.config")))
            .OrderBy(d => d, StringComparer.Ordinal));
        return folders;
    }

    private static IEnumerable<string> PackageFiles => DeviceFolders().Select(f => f + "/packages.config");

    private static bool ForBoard(string folder, string board)
    {
        if (folder.EndsWith(".Esp32", StringComparison.Ordinal)) return board.StartsWith("esp32", StringComparison.Ordinal);
        if (folder.EndsWith(".Stm32", StringComparison.Ordinal)) return board.StartsWith("stm32", StringComparison.Ordinal);
        return true;
    }

    private static readonly Lazy<(ApiListing Listing, List<string> Sections, MetadataReference Stubs)> Setup = new(Build);

    /// <summary>.NET's core library only (and the System.Runtime facade the portable assemblies were built against):
    /// the counterpart of nanoFramework's mscorlib. Everything else the listing has (SerialPort, X509Certificate,
    /// Socket, Queue, …) comes from the stubs with the listed signatures, never from .NET's own, different, API.</summary>
    internal static string[] Tpa => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p) is "System.Private.CoreLib.dll" or "System.Runtime.dll")
        .ToArray();

    private static (ApiListing, List<string>, MetadataReference) Build()
    {
        var sections = PackageFiles.SelectMany(DeviceProjects.SectionsFor).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        var listing = DeviceProjects.Listing(sections);
        return (listing, sections, MetadataReference.CreateFromImage(StubsFor(listing)));
    }

    private static byte[] StubsFor(ApiListing listing)
    {
        var dotnetTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Tpa)
        {
            using var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata) continue;
            var md = pe.GetMetadataReader();
            // Definitions only: a forwarder to an assembly not referenced here does not make a type available.
            foreach (var h in md.TypeDefinitions)
            {
                if ((md.GetTypeDefinition(h).Attributes & System.Reflection.TypeAttributes.VisibilityMask) is System.Reflection.TypeAttributes.Public or System.Reflection.TypeAttributes.NestedPublic)
                {
                    dotnetTypes.Add(MetadataNames.FullName(md, h));
                }
            }
        }
        string source = ApiStubs.Generate(listing, dotnetTypes.Contains);
        return Compile("nanoFramework.Stubs", new[] { CSharpSyntaxTree.ParseText(source, Options) }, Array.Empty<MetadataReference>());
    }

    [Fact]
    public void Stubs_of_every_section_with_a_package_compile()
    {
        // So that a device project adding CAN, MQTT, serial or network packages gets checked the same way.
        var listing = DeviceProjects.Listing(DeviceProjects.PackageSections.Values.Where(v => v != "nanoFramework.TestFramework").Distinct().ToList());
        Assert.NotNull(listing.Find("uPLibrary.Networking.M2Mqtt.MqttClient") ?? listing.Find("nanoFramework.M2Mqtt.MqttClient"));
        Assert.True(StubsFor(listing).Length > 0);
    }

    private static readonly CSharpParseOptions Options = new(LanguageVersion.CSharp9);

    private static byte[] Compile(string name, IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> extra)
    {
        var compilation = CSharpCompilation.Create(name, trees,
            Tpa.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).Concat(extra),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, $"{name} does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(40)));
        return stream.ToArray();
    }

    [Theory]
    [InlineData("esp32-devkitc")]
    [InlineData("stm32f769i-discovery")]
    public void Device_code_uses_only_listed_nanoFramework_API(string board)
    {
        var (listing, sections, stubs) = Setup.Value;
        string root = DeviceProjects.RepoRoot;
        var folders = DeviceFolders().Where(f => ForBoard(f, board)).Append($"boards/{board}/Device").ToList();
        var trees = folders
            .SelectMany(f => Directory.GetFiles(Path.Combine(root, f), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Options, f))
            .ToList();
        var portable = DeviceProjects.Portable.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p.Marker.Assembly.Location));
        byte[] device = Compile("Station.Device", trees, portable.Append(stubs));

        var gate = new CompatGate(listing, DeviceProjects.PortableNames.Append("Station.Device"));
        Assert.Contains("hal/Station.Hal.Nano", folders);
        foreach (var p in DeviceProjects.Portable)
        {
            gate.KnownEnums.UnionWith(CompatGate.EnumsDefinedIn(File.ReadAllBytes(p.Marker.Assembly.Location)));
        }
        var findings = gate.Check(device);
        Assert.True(findings.Count == 0, $"device code for {board} uses what the listing ({string.Join(", ", sections)}) lacks:\n  " + string.Join("\n  ", findings));
    }
}
