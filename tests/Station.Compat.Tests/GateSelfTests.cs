using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Station.Compat.Tests;

/// <summary>Proves the gate: small snippets compiled in memory exactly like the portable projects (C# 9, nullable
/// off, against .NET's own libraries) must be rejected with a clear message, and a clean one must pass.</summary>
public class GateSelfTests
{
    private static readonly string[] DeviceSections = { "mscorlib", "nanoFramework.System.Text", "nanoFramework.System.Collections" };
    private static readonly Lazy<ApiListing> Listing = new(() => DeviceProjects.Listing(DeviceSections));

    internal static byte[] Compile(string source, bool nullable = false)
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = tpa
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Snippet",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                optimizationLevel: OptimizationLevel.Release));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, "snippet does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return stream.ToArray();
    }

    private static IReadOnlyList<string> Gate(string source)
        => new CompatGate(Listing.Value, new[] { "Snippet" }).Check(Compile(source));

    private static void AssertRejected(string source, params string[] expectedFragments)
    {
        var findings = Gate(source);
        Assert.NotEmpty(findings);
        string all = string.Join("\n", findings);
        foreach (var fragment in expectedFragments)
        {
            Assert.True(all.Contains(fragment, StringComparison.Ordinal), $"expected a finding containing '{fragment}', got:\n{all}");
        }
    }

    [Fact]
    public void Clean_portable_code_passes()
    {
        // What portable code legitimately does, including the lowerings the allow-list exists for:
        // a field-like event, a lock, an interpolated string, string and DateTime operators, an array initializer.
        var findings = Gate(@"
using System;
using System.Collections;
using System.Text;
namespace Snippet
{
    public delegate void TickHandler(int tick);
    public struct Sample { public int Value; public bool Valid; }
    public enum Mode { Idle = 0, Run = 1 }
    public sealed class Machine
    {
        private readonly object _sync = new object();
        private readonly ArrayList _log = new ArrayList();
        private static readonly int[] Steps = { 1, 2, 3, 5, 8 };
        private int _count;
        public event TickHandler Ticked;
        public Mode Mode;
        public string Describe(int tick, DateTime now, DateTime last)
        {
            lock (_sync) { _count++; }
            var sb = new StringBuilder();
            sb.Append(""tick "").Append(tick);
            if (now > last && Mode == Mode.Run) { sb.Append(Steps[tick % Steps.Length]); }
            string text = $""{sb} of {_count}"";
            if (text == ""x"") { return string.Empty; }
            _log.Add(text);
            Ticked?.Invoke(tick);
            return text.Substring(0, text.Length > 4 ? 4 : text.Length);
        }
    }
}");
        Assert.True(findings.Count == 0, "clean snippet rejected:\n" + string.Join("\n", findings));
    }

    [Fact]
    public void Rejects_List_of_int()
    {
        AssertRejected(@"
using System.Collections.Generic;
public class C { public int Sum() { var l = new List<int>(); l.Add(1); return l.Count; } }",
            "generic type System.Collections.Generic.List`1<int>",
            "C.Sum()");
    }

    [Fact]
    public void Rejects_LINQ()
    {
        AssertRejected(@"
using System.Linq;
public class C { public int Big(int[] a) { return a.Where(x => x > 1).Count(); } }",
            "type System.Linq.Enumerable is not in the nanoFramework listing",
            "instantiates generic method System.Linq.Enumerable.Where<int>");
    }

    [Fact]
    public void Rejects_Action_of_int_although_the_listing_has_it()
    {
        AssertRejected(@"
using System;
public class C { public void Run() { Action<int> a = x => { }; a(1); } }",
            "generic type System.Action`1<int>");
    }

    [Fact]
    public void Rejects_a_user_generic_method()
    {
        AssertRejected(@"
public class C { public static T Id<T>(T x) { return x; } public int Use() { return Id(3); } }",
            "generic method defined: C.Id()",
            "instantiates generic method C.Id<int>");
    }

    [Fact]
    public void Rejects_a_user_generic_type()
    {
        AssertRejected(@"
public class Box<T> { public T Value; }
public class C { public int Use() { var b = new Box<int>(); return b.Value; } }",
            "generic type defined: Box`1",
            "generic type Box`1<int>");
    }

    [Fact]
    public void Rejects_a_BCL_member_missing_from_the_listing()
    {
        // string exists on nanoFramework, string.Join does not.
        AssertRejected(@"
public class C { public string J(string[] parts) { return string.Join("","", parts); } }",
            "member System.String::string Join(string, string[]) is not in the nanoFramework listing",
            "C.J()");
    }

    [Fact]
    public void Rejects_a_BCL_type_missing_from_the_listing()
    {
        // nanoFramework's mscorlib has no System.Math (it is a separate package with no listing here).
        AssertRejected(@"
public class C { public int Clamp(int v) { return System.Math.Clamp(v, 0, 10); } }",
            "type System.Math is not in the nanoFramework listing",
            "C.Clamp()");
    }

    [Fact]
    public void Rejects_an_overload_the_listing_lacks_and_names_the_listed_ones()
    {
        AssertRejected(@"
public class C { public bool W(string s) { return s.StartsWith('x'); } }",
            "System.String::bool StartsWith(char)",
            "listed: bool StartsWith(string)");
    }

    [Fact]
    public void Rejects_Nullable_int()
    {
        AssertRejected(@"
public class C { public int? Maybe; public int Get() { return Maybe ?? 0; } }",
            "generic type System.Nullable`1<int>");
    }

    [Fact]
    public void Rejects_a_multidimensional_array()
    {
        AssertRejected(@"
public class C { public int[,] Grid = new int[2, 2]; }",
            "multidimensional array int[,]");
    }

    [Fact]
    public void Rejects_an_iterator()
    {
        // Even a non-generic IEnumerable iterator compiles to a class implementing IEnumerator<object>.
        AssertRejected(@"
public class C { public System.Collections.IEnumerable Items() { yield return 1; } }",
            "generic type System.Collections.Generic.IEnumerator`1<object>");
    }

    [Fact]
    public void Rejects_a_tuple()
    {
        AssertRejected(@"
public class C { public (int, int) Pair() { return (1, 2); } }",
            "generic type System.ValueTuple`2<int, int>");
    }

    [Theory]
    [InlineData("return \"mode \" + m;")]
    [InlineData("return m.ToString();")]
    [InlineData("return $\"mode {m}\";")]
    [InlineData("return string.Format(\"mode {0}\", m);")]
    [InlineData("return new System.Text.StringBuilder().Append(m).ToString();")]
    public void Rejects_an_enum_turned_into_text(string body)
    {
        // .NET prints the name, nanoFramework the number: portable code keeps name tables instead.
        AssertRejected(@"
public enum Mode { Idle = 0, Run = 1 }
public class C { public string S(Mode m) { " + body + @" } }",
            "turns enum Mode into text in C.S()");
    }

    [Theory]
    [InlineData("return v.ToString(\"0.00\");", "0.00")]
    [InlineData("return string.Format(\"{0:#,##0} mm\", v);", "#,##0")]
    [InlineData("return $\"{v:0.0} mm\";", "0.0")]
    public void Rejects_a_custom_numeric_format(string body, string format)
    {
        AssertRejected(@"
public class C { public string S(double v) { " + body + @" } }",
            "uses the custom numeric format \"" + format + "\" in C.S()");
    }

    [Fact]
    public void Standard_numeric_formats_and_plain_literals_are_fine()
    {
        var findings = Gate(@"
public class C
{
    public string S(double v, int n) { return v.ToString(""F1"") + "" "" + n.ToString(""D4"") + string.Format("" {0:X2} 100 {1}"", n, ""0.5""); }
}");
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void An_enum_used_as_a_number_or_compared_is_fine()
    {
        var findings = Gate(@"
public enum Mode { Idle = 0, Run = 1 }
public class C
{
    private static readonly string[] Names = { ""idle"", ""run"" };
    public string S(Mode m) { return m == Mode.Run ? ""mode "" + Names[(int)m] + "" "" + (int)m : Names[(int)m]; }
}");
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void An_enum_boxed_as_an_object_before_a_string_literal_is_fine()
    {
        // A boxed enum passed as an object (an assertion's expected value), a string literal in the next few
        // instructions: the literal's token is not a member, and the gate read it as one and threw.
        var findings = Gate(@"
public enum Mode { Idle = 0, Run = 1 }
public class C
{
    public static bool Same(object a, object b, string why) { return a.Equals(b); }
    public bool S(Mode m) { return Same(Mode.Run, m, ""the mode""); }
}");
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void Generic_CompareExchange_outside_an_event_accessor_is_rejected()
    {
        AssertRejected(@"
using System.Threading;
public class C { private object _o; public void Swap(object a) { Interlocked.CompareExchange<object>(ref _o, a, null); } }",
            "System.Threading.Interlocked.CompareExchange<object>");
    }

    [Fact]
    public void A_compiler_assembly_attribute_used_by_hand_elsewhere_is_rejected()
    {
        AssertRejected(@"
[System.Runtime.CompilerServices.CompilationRelaxations(8)]
public class C { }",
            "type System.Runtime.CompilerServices.CompilationRelaxationsAttribute is not in the nanoFramework listing");
    }

    [Fact]
    public void A_synthesized_attribute_touched_by_code_is_rejected()
    {
        AssertRejected(@"
public class C { public System.Type T() { return typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute); } }",
            "type System.Runtime.CompilerServices.CompilerGeneratedAttribute is not in the nanoFramework listing",
            "C.T()");
    }

    [Fact]
    public void Rejects_nullable_annotations()
    {
        var findings = new CompatGate(Listing.Value, new[] { "Snippet" })
            .Check(Compile("public class C { public string Name(string? s) { return s ?? \"\"; } }", nullable: true));
        // .NET 10 defines the nullable attributes, so they appear as references; a core library without them would
        // make the compiler embed them, which the gate refuses as well.
        Assert.Contains(findings, f => f.Contains("System.Runtime.CompilerServices.Nullable", StringComparison.Ordinal) && f.Contains("not in the nanoFramework listing", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_types_in_the_compilers_namespaces()
    {
        // What the compiler embeds when the core library lacks an attribute a feature needs (IsReadOnlyAttribute for a
        // readonly struct, NullableAttribute, EmbeddedAttribute) lands in these namespaces.
        AssertRejected(@"
namespace System.Runtime.CompilerServices { internal sealed class IsReadOnlyAttribute : System.Attribute { } }
public class C { }",
            "compiler-embedded type System.Runtime.CompilerServices.IsReadOnlyAttribute");
    }

    [Fact]
    public void Set_and_Reset_on_the_listed_events_pass_but_an_EventWaitHandle_variable_does_not()
    {
        var findings = Gate(@"
using System.Threading;
public class C
{
    private readonly AutoResetEvent _wake = new AutoResetEvent(false);
    private readonly ManualResetEvent _stop = new ManualResetEvent(false);
    private volatile bool _running;
    public void Poke() { _running = true; _wake.Set(); _stop.Reset(); }
}");
        Assert.True(findings.Count == 0, string.Join("\n", findings));
        AssertRejected(@"
using System.Threading;
public class C { public void Poke(EventWaitHandle h) { h.Set(); } }",
            "type System.Threading.EventWaitHandle is not in the nanoFramework listing");
    }

    [Fact]
    public void A_section_not_referenced_by_the_device_project_is_not_available()
    {
        // StringBuilder lives in nanoFramework.System.Text: without that package the gate must refuse it.
        var mscorlibOnly = DeviceProjects.Listing(new[] { "mscorlib" });
        var findings = new CompatGate(mscorlibOnly, new[] { "Snippet" })
            .Check(Compile("public class C { public string S() { return new System.Text.StringBuilder().Append(1).ToString(); } }"));
        Assert.Contains(findings, f => f.Contains("type System.Text.StringBuilder is not in the nanoFramework listing (mscorlib)", StringComparison.Ordinal));
    }
}
