using System.IO;
using System.Linq;
using Xunit;

namespace Station.Compat.Tests;

/// <summary>The gate run over the real build output of every portable project.</summary>
public class PortableAssemblyTests
{
    public static TheoryData<string> PortableAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (var p in DeviceProjects.Portable)
        {
            data.Add(p.Assembly);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PortableAssemblies))]
    public void Portable_assembly_runs_on_nanoFramework(string assembly)
    {
        var project = DeviceProjects.Portable.Single(p => p.Assembly == assembly);
        string dll = project.Marker.Assembly.Location;
        Assert.True(File.Exists(dll), $"built assembly not found: {dll}");
        Assert.Equal(assembly, Path.GetFileNameWithoutExtension(dll));

        var sections = DeviceProjects.SectionsFor(project.PackagesConfig);
        var gate = new CompatGate(DeviceProjects.Listing(sections), DeviceProjects.PortableNames);
        foreach (var other in DeviceProjects.Portable)
        {
            gate.KnownEnums.UnionWith(CompatGate.EnumsDefinedIn(File.ReadAllBytes(other.Marker.Assembly.Location)));
        }
        var findings = gate.Check(File.ReadAllBytes(dll));

        Assert.True(findings.Count == 0,
            $"{assembly} ({dll}) uses what nanoFramework 1.x cannot run (listing sections: {string.Join(", ", sections)}):\n  "
            + string.Join("\n  ", findings));
    }

    [Fact]
    public void Every_portable_project_is_gated()
    {
        // A project that builds with firmware/Portable.props is code for the device: it must be in the gate's list
        // (the on-target tests are gated in DeviceTestsOnLinux).
        string root = DeviceProjects.RepoRoot;
        var gated = DeviceProjects.Portable.Select(p => p.Assembly).Append("NFUnitTest").ToHashSet();
        foreach (var csproj in Directory.GetFiles(root, "*.csproj", SearchOption.AllDirectories))
        {
            if (csproj.Contains("/bin/") || csproj.Contains("/obj/")) continue;
            string text = File.ReadAllText(csproj);
            if (!text.Contains("Portable.props")) continue;
            var name = System.Text.RegularExpressions.Regex.Match(text, "<AssemblyName>([^<]+)</AssemblyName>");
            string assembly = name.Success ? name.Groups[1].Value : Path.GetFileNameWithoutExtension(csproj);
            Assert.True(gated.Contains(assembly), $"{Path.GetRelativePath(root, csproj)} is portable but not in DeviceProjects.Portable: add it (with its Nano/packages.config) so the gate checks it");
        }
    }

    [Theory]
    [MemberData(nameof(PortableAssemblies))]
    public void Device_project_references_CoreLibrary_at_the_target_version(string assembly)
    {
        var project = DeviceProjects.Portable.Single(p => p.Assembly == assembly);
        var doc = System.Xml.Linq.XDocument.Load(Path.Combine(DeviceProjects.RepoRoot, project.PackagesConfig));
        var core = doc.Root!.Elements("package").SingleOrDefault(p => (string)p.Attribute("id") == "nanoFramework.CoreLibrary");
        Assert.NotNull(core);
        Assert.Equal("1.17.11", (string)core!.Attribute("version"));
    }
}
