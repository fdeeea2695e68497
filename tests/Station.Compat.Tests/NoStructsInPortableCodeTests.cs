using System.IO;
using System.Linq;
using Xunit;

namespace Station.Compat.Tests;

/// <summary>The rule that keeps the control tick and the CAN path allocation-free on nanoFramework (see
/// <see cref="StructUseRule"/>), over every portable assembly, and proved on planted violations.</summary>
public class NoStructsInPortableCodeTests
{
    private static byte[][] PortableImages()
        => DeviceProjects.Portable.Select(p => File.ReadAllBytes(p.Marker.Assembly.Location)).ToArray();

    [Theory]
    [MemberData(nameof(PortableAssemblyTests.PortableAssemblies), MemberType = typeof(PortableAssemblyTests))]
    public void Portable_assembly_defines_no_struct_and_never_copies_the_allowed_one(string assembly)
    {
        var project = DeviceProjects.Portable.Single(p => p.Assembly == assembly);
        var rule = new StructUseRule(PortableImages(), StructUseRule.Allowed);
        var findings = rule.Check(File.ReadAllBytes(project.Marker.Assembly.Location));
        Assert.True(findings.Count == 0, $"{assembly} puts struct values on nanoFramework's heap:\n  " + string.Join("\n  ", findings));
    }

    [Fact]
    public void The_on_target_tests_keep_the_rule_too()
    {
        var rule = new StructUseRule(PortableImages(), StructUseRule.Allowed);
        var findings = rule.Check(File.ReadAllBytes(typeof(Station.Device.Tests.Fakes.TinyStation).Assembly.Location));
        Assert.True(findings.Count == 0, "NFUnitTest puts struct values on nanoFramework's heap:\n  " + string.Join("\n  ", findings));
    }

    [Fact]
    public void The_only_allowed_struct_is_the_can_frame_and_it_is_still_a_struct()
    {
        // If CanFrame becomes a class, drop it from the allow-list so nothing can hide behind it.
        Assert.Equal(new[] { "Station.Hal.CanFrame" }, StructUseRule.Allowed);
        Assert.True(typeof(Station.Hal.CanFrame).IsValueType);
        Assert.Equal(new[] { "Station.Hal.CanFrame" }, PortableImages().SelectMany(StructUseRule.StructsDefinedIn).ToArray());
    }

    private const string Planted = @"
namespace Snippet
{
    public struct Row { public int A; public Row(int a) { A = a; } }
    public struct Frame { public uint Id; }
    public enum Kind { One, Two }
    public sealed class Holder
    {
        public Frame Rx;
        public Row[] Rows = new Row[2];
        public Kind K;
        public int ByValue(Row r) { return r.A; }
        public Row Returned() { return Rows[0]; }
        public int Local(int n) { Row r = new Row(n); for (int i = 0; i < n; i++) r.A += i; return r.A; }
        public object Boxed() { return Rx; }
        public uint ByRef(ref Frame f) { f.Id = 5; return f.Id; }
        public uint Field() { return ByRef(ref Rx); }
        public Frame CopyOut() { Frame f = Rx; return f; }
        public int EnumsAreFine(Kind k) { Kind local = k; return (int)local; }
    }
}";

    private static System.Collections.Generic.IReadOnlyList<string> CheckPlanted(params string[] allowed)
    {
        byte[] image = GateSelfTests.Compile(Planted);
        return new StructUseRule(new[] { image }, allowed).Check(image);
    }

    [Fact]
    public void A_planted_struct_is_refused_wherever_it_is_defined_passed_returned_held_or_copied()
    {
        string all = string.Join("\n", CheckPlanted());
        foreach (var expected in new[]
        {
            "Snippet.Row is a struct", "Snippet.Frame is a struct",
            "Holder.Rows is an array of struct Snippet.Row",
            "Holder.ByValue() takes struct Snippet.Row by value",
            "Holder.Returned() returns struct Snippet.Row by value",
            "Holder.Returned() copies out of an array of struct Snippet.Row",
            "Holder.Local() has a local of struct Snippet.Row",
            "Holder.Boxed() boxes struct Snippet.Frame",
            "Holder.CopyOut() copies struct Snippet.Frame out of a field",
        })
        {
            Assert.Contains(expected, all);
        }
        Assert.DoesNotContain("Kind", all);
        Assert.DoesNotContain("ByRef()", all);
        Assert.DoesNotContain("Field()", all);
    }

    [Fact]
    public void An_allowed_struct_passes_by_ref_but_not_when_copied()
    {
        var findings = CheckPlanted("Snippet.Frame");
        string all = string.Join("\n", findings);
        Assert.DoesNotContain("Snippet.Frame is a struct", all);
        Assert.DoesNotContain("ByRef()", all);
        Assert.DoesNotContain("Field()", all);
        Assert.Contains("Holder.Boxed() boxes struct Snippet.Frame", all);
        Assert.Contains("Holder.CopyOut() copies struct Snippet.Frame out of a field", all);
    }
}
