using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Station.Compat.Tests;

/// <summary>
/// C# reference stubs generated from the listing: every listed type that .NET itself lacks (GpioController, PwmChannel,
/// SpiDevice, Configuration, SpanByte, …), with the listed members and bodies that only throw. Compiling the device
/// adapters against .NET plus these stubs, then gating the result, checks on Linux that they use nothing but listed
/// API with the listed signatures. The stubs exist only in memory during the test.
/// </summary>
public static class ApiStubs
{
    /// <summary>Generates one C# source holding stubs for every listed type whose full name <paramref name="exists"/> rejects.
    /// <paramref name="baseNamespaces"/> are opened besides the listing's own (default: those of .NET's core library the
    /// listing's signatures name; nanoFramework's mscorlib has fewer).</summary>
    public static string Generate(ApiListing listing, Func<string, bool> exists, IEnumerable<string> baseNamespaces = null)
    {
        var types = listing.Types.Values
            .Where(t => !t.FullName.Contains('`') && !exists(t.FullName))
            .ToList();
        var nestedByOuter = types.Where(t => t.FullName.Contains('+'))
            .GroupBy(t => t.FullName.Substring(0, t.FullName.LastIndexOf('+')))
            .ToDictionary(g => g.Key, g => g.ToList());
        var stubbed = new HashSet<string>(types.Select(t => t.ShortName), StringComparer.Ordinal);
        var namespaces = listing.Types.Values.Select(t => t.Namespace).Where(n => n.Length > 0).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();

        var sb = new StringBuilder();
        sb.AppendLine("#pragma warning disable");
        foreach (var n in namespaces.Concat(baseNamespaces ?? new[] { "System", "System.Collections", "System.IO", "System.Threading", "System.Text" }).Distinct())
        {
            sb.AppendLine($"using {n};");
        }
        // Nested types are named by their short name elsewhere in the listing (SDCard+SDDataWidth as SDDataWidth).
        foreach (var outer in nestedByOuter.Keys.Where(o => types.Any(t => t.FullName == o)).OrderBy(o => o, StringComparer.Ordinal))
        {
            sb.AppendLine($"using static {outer.Replace('+', '.')};");
        }
        foreach (var group in types.Where(t => !t.FullName.Contains('+')).GroupBy(t => t.Namespace).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine($"namespace {group.Key}");
            sb.AppendLine("{");
            foreach (var t in group.OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                Emit(sb, t, nestedByOuter, "    ", stubbed);
            }
            sb.AppendLine("}");
        }
        return sb.ToString();
    }

    /// <summary>A base type of a stub that is .NET's own is kept only when it matters for how the type is used and
    /// asks nothing of the stub (exceptions, event and attribute bases, IDisposable); abstract .NET bases such as
    /// Stream would demand overrides the listing does not spell out.</summary>
    private static bool KeepBase(string name, HashSet<string> stubbed) =>
        stubbed.Contains(name) || name.EndsWith("Exception", StringComparison.Ordinal)
        || name is "EventArgs" or "Attribute" or "IDisposable" or "MarshalByRefObject";

    private static void Emit(StringBuilder sb, ApiType t, Dictionary<string, List<ApiType>> nested, string indent, HashSet<string> stubbed)
    {
        string raw = t.RawLine;
        var words = raw.Split(' ').ToList();
        var modifiers = new List<string>();
        while (words[0] is "abstract" or "sealed" or "static")
        {
            modifiers.Add(words[0]);
            words.RemoveAt(0);
        }
        string rest = string.Join(' ', words.Skip(1));
        if (t.Kind == "delegate")
        {
            int open = rest.IndexOf('(');
            string head = rest.Substring(0, open);
            string returnType = head.Substring(0, head.IndexOf(' '));
            sb.AppendLine($"{indent}public delegate {returnType} {t.ShortName}({Parameters(rest.Substring(open + 1, rest.LastIndexOf(')') - open - 1))});");
            return;
        }
        if (t.Kind == "enum")
        {
            string values = t.RawMembers.FirstOrDefault() ?? "";
            var pairs = values.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim().Split('=')).ToList();
            bool wide = pairs.Any(p => p.Length == 2 && long.TryParse(p[1], out long v) && (v > int.MaxValue || v < int.MinValue));
            string body = string.Join(", ", pairs.Select(p => p.Length == 2 ? $"{Safe(p[0])} = {p[1]}" : Safe(p[0])));
            sb.AppendLine($"{indent}public enum {t.ShortName}{(wide ? " : long" : "")} {{ {body} }}");
            return;
        }
        bool isStatic = modifiers.Contains("static");
        bool isInterface = t.Kind == "interface";
        bool isStruct = t.Kind == "struct";
        var kept = isStatic ? new List<string>() : t.Bases.Where(b => KeepBase(b, stubbed)).ToList();
        string bases = kept.Count == 0 ? "" : " : " + string.Join(", ", kept);
        string mods = string.Join("", modifiers.Select(m => m + " "));
        sb.AppendLine($"{indent}public {mods}partial {t.Kind} {t.ShortName}{bases}");
        sb.AppendLine($"{indent}{{");
        if (t.Kind == "class" && !isStatic && !t.RawMembers.Contains("ctor()"))
        {
            // Not listed, and not callable from outside: only so that listed subclasses can derive without a base call.
            sb.AppendLine($"{indent}    protected {t.ShortName}() {{ throw null; }}");
        }
        // Interfaces are left empty: listed classes implement them with members whose delegate types the listing names
        // by short name only (IMqttClient+X and MqttClient+X), which cannot be matched up reliably. Calls made through
        // a listed interface are therefore not checked by the stubs (the gate still checks them).
        if (kept.Contains("IDisposable") && !t.RawMembers.Contains("void Dispose()"))
        {
            sb.AppendLine($"{indent}    void IDisposable.Dispose() {{ }}"); // implemented explicitly, so not listed
        }
        foreach (var member in isInterface ? new List<string>() : t.RawMembers)
        {
            string code = Member(member, t, isStatic, isInterface, isStruct);
            if (code != null)
            {
                sb.AppendLine($"{indent}    {code}");
            }
        }
        if (nested.TryGetValue(t.FullName, out var inner))
        {
            foreach (var n in inner)
            {
                Emit(sb, n, nested, indent + "    ", stubbed);
            }
        }
        sb.AppendLine($"{indent}}}");
    }

    private static string Member(string line, ApiType t, bool staticType, bool iface, bool isStruct)
    {
        string access = iface ? "" : "public ";
        string body = iface ? ";" : " { throw null; }";
        if (line.StartsWith("ctor(", StringComparison.Ordinal))
        {
            string p = line.Substring(5, line.LastIndexOf(')') - 5);
            if (staticType || iface || (isStruct && p.Trim().Length == 0)) return null;
            return $"public {t.ShortName}({Parameters(p)}) {{ throw null; }}";
        }
        bool isStatic = staticType;
        if (line.StartsWith("static ", StringComparison.Ordinal))
        {
            isStatic = true;
            line = line.Substring(7);
        }
        string st = isStatic && !iface ? "static " : "";
        if (line.StartsWith("event ", StringComparison.Ordinal))
        {
            var parts = line.Substring(6).Split(' ');
            return iface ? $"event {parts[0]} {parts[1]};" : $"public {st}event {parts[0]} {parts[1]} {{ add {{ }} remove {{ }} }}";
        }
        if (line.StartsWith("const ", StringComparison.Ordinal))
        {
            var parts = line.Substring(6).Split(' ');
            return iface ? null : $"public static readonly {parts[0]} {parts[1]};";
        }
        int brace = line.IndexOf(" {", StringComparison.Ordinal);
        if (brace >= 0)
        {
            string head = line.Substring(0, brace);
            int space = head.IndexOf(' ');
            string type = head.Substring(0, space);
            string name = head.Substring(space + 1);
            if (name.StartsWith("this[", StringComparison.Ordinal))
            {
                name = "this[" + Parameters(name.Substring(5, name.Length - 6)) + "]";
            }
            bool set = line.IndexOf("set;", brace, StringComparison.Ordinal) >= 0;
            string accessors = iface ? (set ? "{ get; set; }" : "{ get; }") : (set ? "{ get { throw null; } set { } }" : "{ get { throw null; } }");
            return $"{access}{st}{type} {name} {accessors}";
        }
        int open = line.IndexOf('(');
        if (open >= 0)
        {
            string head = line.Substring(0, open);
            int space = head.LastIndexOf(' ');
            string returnType = head.Substring(0, space);
            string name = head.Substring(space + 1);
            if (name.StartsWith("op_", StringComparison.Ordinal)) return null;
            string p = line.Substring(open + 1, line.LastIndexOf(')') - open - 1);
            string parameters = Parameters(p);
            bool objectOverride = !isStatic && !iface
                && ((name == "ToString" && parameters.Length == 0) || (name == "GetHashCode" && parameters.Length == 0)
                    || (name == "Equals" && parameters.StartsWith("object ", StringComparison.Ordinal) && !parameters.Contains(',')));
            string over = objectOverride ? "override " : "";
            return $"{access}{st}{over}{returnType} {name}({parameters}){body}";
        }
        var field = line.Split(' ');
        return iface ? null : $"public {st}{field[0]} {Safe(field[1])};";
    }

    private static string Parameters(string list)
    {
        if (list.Trim().Length == 0) return "";
        var result = new List<string>();
        foreach (var raw in list.Split(','))
        {
            string p = raw.Trim();
            string defaultValue = null;
            int eq = p.IndexOf(" =", StringComparison.Ordinal);
            if (eq >= 0)
            {
                defaultValue = p.Substring(eq + 2).Trim();
                p = p.Substring(0, eq);
                if (defaultValue.Length == 0) defaultValue = "\"\"";
                else if (defaultValue == "False") defaultValue = "false";
                else if (defaultValue == "True") defaultValue = "true";
                else if (defaultValue == "null") defaultValue = "default"; // also right for struct parameters (CancellationToken)
            }
            var words = p.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            words[^1] = Safe(words[^1]);
            string type = words[^2];
            if (defaultValue != null && defaultValue.Length > 0 && (char.IsDigit(defaultValue[0]) || defaultValue[0] == '-')
                && !Numeric.Contains(type))
            {
                defaultValue = $"({type}){defaultValue}"; // an enum parameter listed with its numeric default
            }
            result.Add(string.Join(' ', words) + (defaultValue != null ? " = " + defaultValue : ""));
        }
        return string.Join(", ", result);
    }

    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal)
    {
        "int", "uint", "long", "ulong", "short", "ushort", "byte", "sbyte", "double", "float", "char", "decimal",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "event", "object", "string", "base", "params", "fixed", "lock", "checked", "operator", "in", "out", "ref", "default", "value",
    };

    private static string Safe(string name) => Keywords.Contains(name) && name != "value" ? "@" + name : name;
}
