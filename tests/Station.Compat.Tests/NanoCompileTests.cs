using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Station.Compat.Tests;

/// <summary>The portable sources compiled against nanoFramework's real mscorlib (<see cref="NanoCompilation"/>): a
/// portable source using an mscorlib member nanoFramework lacks fails here with the compiler's own error.</summary>
public class NanoCompileTests
{
    public static TheoryData<string, string> AssembliesAndConfigurations()
    {
        var data = new TheoryData<string, string>();
        foreach (var p in DeviceProjects.Portable)
        {
            data.Add(p.Assembly, "Debug");
            data.Add(p.Assembly, "Release");
        }
        return data;
    }

    internal static OptimizationLevel Level(string configuration) => configuration == "Debug" ? OptimizationLevel.Debug : OptimizationLevel.Release;

    [Theory]
    [MemberData(nameof(AssembliesAndConfigurations))]
    public void Portable_sources_compile_against_nanoFrameworks_mscorlib(string assembly, string configuration)
    {
        var output = NanoCompilation.All(Level(configuration)).Single(o => o.Assembly == assembly);
        Assert.True(output.Image != null && !output.Problems.Any(),
            $"{assembly} ({configuration}) does not compile against nanoFramework's mscorlib 1.17.11 (-nostdlib, C# 9, NANOFRAMEWORK_1_0; warnings are errors in the device projects):\n  "
            + NanoCompilation.Describe(output.Problems));
        // The compile really was against nanoFramework's library and nothing of .NET's.
        var references = AssemblyReferences.Of(output.Image);
        Assert.Contains("mscorlib", references);
        Assert.DoesNotContain(references, r => r.StartsWith("System.", StringComparison.Ordinal) || r is "netstandard" or "System.Runtime");
    }

    [Fact]
    public void Every_portable_source_file_is_compiled_for_the_device()
    {
        // The .projitems wildcards cover the same files the net10.0 build compiles (nothing left out by the parser).
        var devices = DeviceProjectFiles.Portable();
        foreach (var p in DeviceProjects.Portable)
        {
            string folder = Path.Combine(DeviceProjects.RepoRoot, Path.GetDirectoryName(Path.GetDirectoryName(p.PackagesConfig))!);
            var sources = devices.Single(d => d.Assembly == p.Assembly).Sources;
            var expected = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/") && !f.Contains("/Nano/"));
            foreach (var f in expected)
            {
                Assert.Contains(f, sources);
            }
            Assert.True(sources.Count >= 5, $"{p.Assembly}: only {sources.Count} source files found");
        }
    }

    [Fact]
    public void Planted_mscorlib_member_nanoFramework_lacks_fails_with_the_compilers_error()
    {
        // string.Join exists in .NET (the net10.0 build accepts it) but not in nanoFramework's mscorlib.
        const string source = "namespace Planted { public static class Uses { public static string Words(string[] w) => string.Join(\", \", w); } }";
        var tree = CSharpSyntaxTree.ParseText(source, NanoCompilation.ParseOptions(OptimizationLevel.Debug));

        var (image, diagnostics) = NanoCompilation.Compile("Planted", new[] { tree }, new[] { NanoCompilation.Mscorlib }, OptimizationLevel.Debug);
        Assert.Null(image);
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS0117", error.Id);
        Assert.Contains("'string' does not contain a definition for 'Join'", error.GetMessage());

        // The same source compiles against .NET: only the real mscorlib catches it.
        var dotnet = DeviceCodeTests.Tpa.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var (dotnetImage, dotnetDiagnostics) = NanoCompilation.Compile("Planted", new[] { tree }, dotnet, OptimizationLevel.Debug);
        Assert.True(dotnetImage != null, NanoCompilation.Describe(dotnetDiagnostics));
    }

    [Fact]
    public void Clean_source_compiles_against_nanoFrameworks_mscorlib()
    {
        // The check is not refusing everything: what portable code does (an event, a lock, an interpolated string,
        // a switch expression) compiles.
        const string source = @"
namespace Clean
{
    public delegate void Ticked(int tick);
    public sealed class Counter
    {
        private readonly object _sync = new object();
        private int _count;
        public event Ticked Changed;
        public string Tick(int step)
        {
            lock (_sync) { _count++; }
            Changed?.Invoke(_count);
            string kind = step switch { 0 => ""idle"", _ => ""run"" };
            return $""{kind} {_count} {step:D4}"";
        }
    }
}";
        var tree = CSharpSyntaxTree.ParseText(source, NanoCompilation.ParseOptions(OptimizationLevel.Release));
        var (image, diagnostics) = NanoCompilation.Compile("Clean", new[] { tree }, new[] { NanoCompilation.Mscorlib }, OptimizationLevel.Release);
        Assert.True(image != null, NanoCompilation.Describe(diagnostics));
    }
}
