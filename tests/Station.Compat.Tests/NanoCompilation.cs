using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Station.Compat.Tests;

/// <summary>
/// Compiles every portable assembly the way its Nano/*.nfproj does: the sources its .projitems includes, C# 9,
/// NANOFRAMEWORK_1_0 defined, no standard library (<c>-nostdlib</c>), referencing only nanoFramework's real
/// mscorlib.dll (package nanoFramework.CoreLibrary, restored with this project), the other portable assemblies
/// compiled the same way (in dependency order, from the nfproj's ProjectReferences), and, for nanoFramework.System.Collections and
/// nanoFramework.System.Text (packages the registry does not serve), stubs generated from the API listing
/// (<see cref="ApiStubs"/>). Debug is compiled without optimisation and with DEBUG;TRACE (so Debug-only calls count
/// too), Release optimised with TRACE. The IL this produces is the device build's: for the code now split into
/// Station.Core, .Can, .Cloud and .Console it adds up to exactly the 108,613 (Debug) and 91,405 (Release) IL bytes
/// the real nanoFramework build of the unsplit core had.
/// </summary>
public static class NanoCompilation
{
    /// <summary>One portable assembly compiled for the device.</summary>
    public sealed record Output(string Assembly, byte[] Image, IReadOnlyList<Diagnostic> Diagnostics)
    {
        /// <summary>Errors and warnings (the device projects treat warnings as errors).</summary>
        public IEnumerable<Diagnostic> Problems => Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning);
    }

    /// <summary>nanoFramework's mscorlib.dll, copied beside the test assembly from the restored package.</summary>
    public static string MscorlibPath => Path.Combine(AppContext.BaseDirectory, "nano", "mscorlib.dll");

    /// <summary>The metadata processor's own conversion of that mscorlib, shipped in the same package.</summary>
    public static string MscorlibPePath => Path.Combine(AppContext.BaseDirectory, "nano", "mscorlib.pe");

    /// <summary>The real mscorlib as a reference; fails loudly if the package was not restored.</summary>
    public static MetadataReference Mscorlib
    {
        get
        {
            if (!File.Exists(MscorlibPath))
            {
                throw new InvalidOperationException($"{MscorlibPath} is missing: the NuGet package nanoFramework.CoreLibrary (Directory.Packages.props) was not restored; run `dotnet build tests/Station.Compat.Tests`");
            }
            return MetadataReference.CreateFromFile(MscorlibPath);
        }
    }

    private static readonly ConcurrentDictionary<OptimizationLevel, Lazy<IReadOnlyList<Output>>> Cache = new();

    /// <summary>Every portable assembly compiled for the device at <paramref name="level"/>, in dependency order.
    /// An assembly whose dependencies failed is still compiled (against what they produced) so all errors show.</summary>
    public static IReadOnlyList<Output> All(OptimizationLevel level)
        => Cache.GetOrAdd(level, l => new Lazy<IReadOnlyList<Output>>(() => Build(l))).Value;

    /// <summary>Parse options of the device build.</summary>
    public static CSharpParseOptions ParseOptions(OptimizationLevel level) => new(LanguageVersion.CSharp9,
        preprocessorSymbols: level == OptimizationLevel.Debug ? new[] { "NANOFRAMEWORK_1_0", "DEBUG", "TRACE" } : new[] { "NANOFRAMEWORK_1_0", "TRACE" });

    /// <summary>Compiles <paramref name="trees"/> into an assembly named <paramref name="name"/> with only
    /// <paramref name="references"/> (nothing of .NET's own).</summary>
    public static (byte[] Image, IReadOnlyList<Diagnostic> Diagnostics) Compile(string name, IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references, OptimizationLevel level)
    {
        var compilation = CSharpCompilation.Create(name, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: level,
                nullableContextOptions: NullableContextOptions.Disable, deterministic: true));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var diagnostics = result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        return (result.Success ? stream.ToArray() : null, diagnostics);
    }

    /// <summary>Formats diagnostics one per line, with the file relative to the repository.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        string root = DeviceProjects.RepoRoot + Path.DirectorySeparatorChar;
        return string.Join("\n  ", diagnostics.Take(60).Select(d => d.ToString().Replace(root, "")));
    }

    private static IReadOnlyList<Output> Build(OptimizationLevel level)
    {
        var projects = DeviceProjectFiles.Portable();
        var stubs = StubReferences(projects.SelectMany(p => p.References).Where(r => r != "mscorlib").Distinct().ToList());
        var built = new Dictionary<string, Output>(StringComparer.Ordinal);
        var outputs = new List<Output>();
        foreach (var project in DeviceProjectFiles.InDependencyOrder(projects))
        {
            var references = new List<MetadataReference> { Mscorlib };
            foreach (var r in project.References.Where(r => r != "mscorlib"))
            {
                if (!stubs.TryGetValue(r, out var stub))
                {
                    throw new InvalidOperationException($"{project.NfprojPath} references {r}: neither mscorlib nor a listing section with stubs");
                }
                references.Add(stub);
            }
            foreach (var dependency in project.ProjectReferences)
            {
                var image = built[dependency].Image;
                if (image != null) references.Add(MetadataReference.CreateFromImage(image));
            }
            var trees = project.Sources.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), ParseOptions(level), f));
            var (img, diagnostics) = Compile(project.Assembly, trees, references, level);
            var output = new Output(project.Assembly, img, diagnostics);
            built[project.Assembly] = output;
            outputs.Add(output);
        }
        return outputs;
    }

    /// <summary>Stub assemblies, one per listing section, for the nanoFramework packages the registry does not serve:
    /// every type of that section the real mscorlib does not define, with the listed members (bodies only throw).</summary>
    private static Dictionary<string, MetadataReference> StubReferences(List<string> assemblies)
    {
        var inMscorlib = new HashSet<string>(StringComparer.Ordinal);
        using (var pe = new PEReader(File.OpenRead(MscorlibPath)))
        {
            var md = pe.GetMetadataReader();
            foreach (var h in md.TypeDefinitions) inMscorlib.Add(MetadataNames.FullName(md, h));
        }
        var result = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        foreach (var section in assemblies)
        {
            string source = ApiStubs.Generate(DeviceProjects.Listing(new[] { section }), inMscorlib.Contains, new[] { "System", "System.Collections" });
            var (image, diagnostics) = Compile(section, new[] { CSharpSyntaxTree.ParseText(source, ParseOptions(OptimizationLevel.Release)) }, new[] { Mscorlib }, OptimizationLevel.Release);
            if (image == null)
            {
                throw new InvalidOperationException($"stubs of {section} do not compile against nanoFramework's mscorlib:\n  " + Describe(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
            result[section] = MetadataReference.CreateFromImage(image);
        }
        return result;
    }
}
