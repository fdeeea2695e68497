using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Station.Compat.Tests;

/// <summary>Dependencies between the portable assemblies point one way (<see cref="AssemblyReferences.Allowed"/>),
/// read from the compiled assemblies' own reference tables: the net10.0 build output and the device compile.</summary>
public class DependencyDirectionTests
{
    [Theory]
    [MemberData(nameof(PortableAssemblyTests.PortableAssemblies), MemberType = typeof(PortableAssemblyTests))]
    public void Portable_assembly_references_only_what_it_may_use(string assembly)
    {
        var project = DeviceProjects.Portable.Single(p => p.Assembly == assembly);
        var built = AssemblyReferences.Of(File.ReadAllBytes(project.Marker.Assembly.Location));
        var device = NanoCompilation.All(OptimizationLevel.Release).Single(o => o.Assembly == assembly);
        Assert.True(device.Image != null, $"{assembly} does not compile for the device (see NanoCompileTests)");

        var findings = AssemblyReferences.Violations(assembly, built)
            .Select(f => "net10.0 build: " + f)
            .Concat(AssemblyReferences.Violations(assembly, AssemblyReferences.Of(device.Image)).Select(f => "device build: " + f))
            .ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void Planted_reference_against_the_direction_is_refused()
    {
        Assert.Empty(AssemblyReferences.Violations("Station.Core.Can", new[] { "mscorlib", "Station.Hal", "Station.Core" }));
        var core = Assert.Single(AssemblyReferences.Violations("Station.Core", new[] { "mscorlib", "Station.Hal", "Station.Core.Console" }));
        Assert.Contains("Station.Core references Station.Core.Console, against the dependency direction", core);
        var sideways = Assert.Single(AssemblyReferences.Violations("Station.Core.Cloud", new[] { "Station.Core", "Station.Core.Can" }));
        Assert.Contains("Station.Core.Cloud references Station.Core.Can", sideways);
        Assert.Single(AssemblyReferences.Violations("Station.Core.Extra", new[] { "Station.Core" }));
    }

    [Fact]
    public void Every_portable_assembly_has_a_stated_direction()
    {
        Assert.Equal(DeviceProjects.PortableNames.OrderBy(n => n), AssemblyReferences.Allowed.Keys.OrderBy(n => n));
    }
}
