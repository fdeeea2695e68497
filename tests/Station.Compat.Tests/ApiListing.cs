using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Station.Compat.Tests;

/// <summary>
/// The nanoFramework API listing (api/*.txt) parsed into types and member signatures.
/// </summary>
/// <remarks>
/// Format, one item a line (see tests/Station.Compat.Tests/api/):
/// <code>
/// ##### mscorlib                                   section = one assembly
/// sealed class System.String : IComparable, ...    type: modifiers, kind, full name (nested as Outer+Inner), bases by short name
/// delegate void System.Threading.ThreadStart()     delegate: return type, full name, parameters
///     ctor(char[] value, int startIndex, int length)
///     static string Empty                          field (no parentheses, no braces)
///     const int MaxValue = 2147483647              constant (inlined by compilers, never referenced)
///     int Length { get; }                          property; { get; set; } adds the setter
///     char this[int index] { get; }                indexer
///     event PinValueChangedEventHandler ValueChanged
///     static bool TryParse(string s, out int result)   method; "= default" after a parameter is ignored
///     Sunday=0, Monday=1, ...                      the values row of an enum
/// </code>
/// Type names inside signatures are short (C# keywords for primitives, simple names otherwise, T[] for arrays),
/// so members are matched on short names; ref and out both become a by-reference marker. Lines starting with a
/// single '#' are comments (used by api/operators.txt).
/// </remarks>
public sealed class ApiListing
{
    private readonly Dictionary<string, ApiType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ApiType>> _byShortName = new(StringComparer.Ordinal);

    /// <summary>Every type, by full name (namespace-qualified, nested types as Outer+Inner).</summary>
    public IReadOnlyDictionary<string, ApiType> Types => _types;

    /// <summary>The sections (assembly names) that were loaded.</summary>
    public IReadOnlyCollection<string> Sections => _sections;
    private readonly HashSet<string> _sections = new(StringComparer.Ordinal);

    /// <summary>Loads the given sections of the given listing files; every other section is left out.</summary>
    public static ApiListing Load(IEnumerable<string> files, ICollection<string> sections)
    {
        var listing = new ApiListing();
        foreach (var file in files)
        {
            listing.Parse(Path.GetFileName(file), File.ReadAllLines(file), sections);
        }
        foreach (var wanted in sections)
        {
            if (!listing._sections.Contains(wanted))
            {
                throw new InvalidDataException($"no listing section '##### {wanted}' in {string.Join(", ", files.Select(Path.GetFileName))}");
            }
        }
        return listing;
    }

    /// <summary>Parses listing text; <paramref name="sections"/> null takes every section.</summary>
    public static ApiListing Parse(string text, ICollection<string> sections = null)
    {
        var listing = new ApiListing();
        listing.Parse("text", text.Replace("\r\n", "\n").Split('\n'), sections);
        return listing;
    }

    private void Parse(string source, string[] lines, ICollection<string> sections)
    {
        bool take = false;
        string section = null;
        ApiType current = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith("#####", StringComparison.Ordinal))
            {
                section = line.Substring(5).Trim();
                take = sections == null || sections.Contains(section);
                if (take)
                {
                    _sections.Add(section);
                }
                current = null;
                continue;
            }
            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }
            if (section == null)
            {
                throw new InvalidDataException($"{source}:{i + 1}: a line before the first '#####' section header");
            }
            if (!take)
            {
                continue;
            }
            try
            {
                if (line[0] != ' ')
                {
                    current = ParseTypeLine(line, section);
                }
                else if (current == null)
                {
                    throw new InvalidDataException("member line outside a type");
                }
                else
                {
                    current.RawMembers.Add(line.Trim());
                    ParseMemberLine(current, line.Trim());
                }
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{source}:{i + 1}: {e.Message}: '{line}'");
            }
        }
    }

    private static readonly string[] Modifiers = { "abstract", "sealed", "static" };
    private static readonly string[] Kinds = { "class", "struct", "interface", "enum", "delegate" };

    private ApiType ParseTypeLine(string line, string section)
    {
        var words = line.Split(' ', 2);
        while (Modifiers.Contains(words[0]))
        {
            words = words[1].Split(' ', 2);
        }
        string kind = words[0];
        if (!Kinds.Contains(kind) || words.Length < 2)
        {
            throw new InvalidDataException("unknown type line");
        }
        string rest = words[1];
        string fullName;
        var bases = new List<string>();
        ApiMember invoke = null;
        if (kind == "delegate")
        {
            // delegate <return> <FullName>(<params>)
            int open = rest.IndexOf('(');
            string head = rest.Substring(0, open);
            int space = head.IndexOf(' ');
            string returnType = head.Substring(0, space);
            fullName = head.Substring(space + 1);
            invoke = new ApiMember(ApiMemberKind.Method, "Invoke", false, NormalizeType(returnType), ParseParameters(rest, open));
        }
        else
        {
            int colon = rest.IndexOf(" : ", StringComparison.Ordinal);
            fullName = colon < 0 ? rest : rest.Substring(0, colon);
            if (colon >= 0)
            {
                bases.AddRange(rest.Substring(colon + 3).Split(',').Select(b => b.Trim()));
            }
        }

        if (!_types.TryGetValue(fullName, out var type))
        {
            type = new ApiType(fullName, kind, section) { RawLine = line };
            _types.Add(fullName, type);
            if (!_byShortName.TryGetValue(type.ShortName, out var same))
            {
                _byShortName[type.ShortName] = same = new List<ApiType>();
            }
            same.Add(type);
        }
        foreach (var b in bases)
        {
            if (!type.Bases.Contains(b))
            {
                type.Bases.Add(b);
            }
        }
        if (invoke != null)
        {
            // A delegate's runtime members are not listed: the constructor the compiler calls, Invoke and the
            // asynchronous pair every delegate type carries.
            type.Add(invoke);
            type.Add(new ApiMember(ApiMemberKind.Constructor, ".ctor", false, "void", new[] { "object", "IntPtr" }));
            type.Add(new ApiMember(ApiMemberKind.Method, "BeginInvoke", false, "IAsyncResult",
                invoke.Parameters.Concat(new[] { "AsyncCallback", "object" }).ToArray()));
            type.Add(new ApiMember(ApiMemberKind.Method, "EndInvoke", false, invoke.ReturnType, new[] { "IAsyncResult" }));
        }
        return type;
    }

    private static void ParseMemberLine(ApiType type, string text)
    {
        if (type.Kind == "enum" && !text.StartsWith("const ", StringComparison.Ordinal) && text.Contains('='))
        {
            return; // the values row: enum values are constants, compiled into the caller
        }
        if (text.StartsWith("ctor(", StringComparison.Ordinal))
        {
            type.Add(new ApiMember(ApiMemberKind.Constructor, ".ctor", false, "void", ParseParameters(text, 4)));
            return;
        }
        if (text.StartsWith("event ", StringComparison.Ordinal))
        {
            var parts = text.Substring(6).Split(' ');
            string handler = NormalizeType(parts[0]);
            type.Add(new ApiMember(ApiMemberKind.Method, "add_" + parts[1], false, "void", new[] { handler }));
            type.Add(new ApiMember(ApiMemberKind.Method, "remove_" + parts[1], false, "void", new[] { handler }));
            return;
        }
        bool isStatic = false;
        if (text.StartsWith("static ", StringComparison.Ordinal))
        {
            isStatic = true;
            text = text.Substring(7);
        }
        if (text.StartsWith("const ", StringComparison.Ordinal))
        {
            var parts = text.Substring(6).Split(' ');
            type.Add(new ApiMember(ApiMemberKind.Field, parts[1], true, NormalizeType(parts[0]), Array.Empty<string>()));
            return;
        }
        int brace = text.IndexOf(" {", StringComparison.Ordinal);
        if (brace >= 0)
        {
            string head = text.Substring(0, brace);
            bool hasSet = text.IndexOf("set;", brace, StringComparison.Ordinal) >= 0;
            bool hasGet = text.IndexOf("get;", brace, StringComparison.Ordinal) >= 0;
            int space = head.IndexOf(' ');
            string propertyType = NormalizeType(head.Substring(0, space));
            string name = head.Substring(space + 1);
            string[] index = Array.Empty<string>();
            var names = new List<string>();
            if (name.StartsWith("this[", StringComparison.Ordinal))
            {
                // Indexers compile to get_Item/set_Item, or to get_Chars on String ([IndexerName("Chars")]).
                index = ParseParameterList(name.Substring(5, name.Length - 6));
                names.Add("Item");
                names.Add("Chars");
            }
            else
            {
                names.Add(name);
            }
            foreach (var n in names)
            {
                if (hasGet)
                {
                    type.Add(new ApiMember(ApiMemberKind.Method, "get_" + n, isStatic, propertyType, index));
                }
                if (hasSet)
                {
                    type.Add(new ApiMember(ApiMemberKind.Method, "set_" + n, isStatic, "void", index.Concat(new[] { propertyType }).ToArray()));
                }
            }
            return;
        }
        int open = text.IndexOf('(');
        if (open >= 0)
        {
            string head = text.Substring(0, open);
            int space = head.LastIndexOf(' ');
            if (space < 0)
            {
                throw new InvalidDataException("method without a return type");
            }
            type.Add(new ApiMember(ApiMemberKind.Method, head.Substring(space + 1), isStatic,
                NormalizeType(head.Substring(0, space)), ParseParameters(text, open)));
            return;
        }
        var field = text.Split(' ');
        if (field.Length != 2)
        {
            throw new InvalidDataException("unknown member line");
        }
        type.Add(new ApiMember(ApiMemberKind.Field, field[1], isStatic, NormalizeType(field[0]), Array.Empty<string>()));
    }

    private static string[] ParseParameters(string text, int open)
    {
        int close = text.LastIndexOf(')');
        if (close < open)
        {
            throw new InvalidDataException("unbalanced parentheses");
        }
        return ParseParameterList(text.Substring(open + 1, close - open - 1));
    }

    private static string[] ParseParameterList(string list)
    {
        if (list.Trim().Length == 0)
        {
            return Array.Empty<string>();
        }
        var result = new List<string>();
        foreach (var raw in list.Split(','))
        {
            string p = raw.TrimStart();
            int eq = p.IndexOf(" =", StringComparison.Ordinal);
            if (eq >= 0)
            {
                p = p.Substring(0, eq); // default value: irrelevant to the signature
            }
            var words = p.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                // A char default of ',' would land here; none in the listing, but fail loudly if one appears.
                throw new InvalidDataException("empty parameter");
            }
            bool byRef = false;
            int w = 0;
            while (words[w] is "ref" or "out" or "in" or "params" or "this")
            {
                byRef |= words[w] is "ref" or "out" or "in";
                w++;
            }
            result.Add(NormalizeType(words[w]) + (byRef ? "&" : ""));
        }
        return result.ToArray();
    }

    /// <summary>Short type name as the listing writes it; "IntPtr" and keywords stay as they are.</summary>
    public static string NormalizeType(string name) => name;

    /// <summary>Finds a type by full name.</summary>
    public ApiType Find(string fullName) => _types.TryGetValue(fullName, out var t) ? t : null;

    /// <summary>Resolves a base-type name written short in a type line.</summary>
    public ApiType ResolveShort(string shortName, ApiType from)
    {
        if (!_byShortName.TryGetValue(shortName, out var candidates))
        {
            return null;
        }
        return candidates.FirstOrDefault(c => c.Namespace == from.Namespace) ?? candidates[0];
    }

    /// <summary>The type, then its listed bases and interfaces, then the implicit bases (ValueType, Enum,
    /// MulticastDelegate, Object) — where a compiler may have bound an inherited member.</summary>
    public IEnumerable<ApiType> SelfAndAncestors(ApiType type)
    {
        var seen = new HashSet<ApiType>();
        var queue = new Queue<ApiType>();
        queue.Enqueue(type);
        while (queue.Count > 0)
        {
            var t = queue.Dequeue();
            if (!seen.Add(t))
            {
                continue;
            }
            yield return t;
            foreach (var b in t.Bases)
            {
                var resolved = ResolveShort(b, t);
                if (resolved != null)
                {
                    queue.Enqueue(resolved);
                }
            }
            string implicitBase = t.Kind switch
            {
                "struct" => "System.ValueType",
                "enum" => "System.Enum",
                "delegate" => "System.MulticastDelegate",
                _ => t.FullName == "System.MulticastDelegate" ? "System.Delegate" : null,
            };
            if (implicitBase != null && Find(implicitBase) is { } ib)
            {
                queue.Enqueue(ib);
            }
            if (Find("System.Object") is { } obj)
            {
                queue.Enqueue(obj);
            }
        }
    }
}

/// <summary>One listed type.</summary>
public sealed class ApiType
{
    public ApiType(string fullName, string kind, string section)
    {
        FullName = fullName;
        Kind = kind;
        Section = section;
        string simple = fullName.Substring(fullName.LastIndexOf('.') + 1);
        ShortName = simple.Substring(simple.LastIndexOf('+') + 1);
        int dot = fullName.LastIndexOf('.');
        Namespace = dot < 0 ? "" : fullName.Substring(0, dot);
    }

    public string FullName { get; }
    public string ShortName { get; }
    public string Namespace { get; }
    public string Kind { get; }
    public string Section { get; }
    public List<string> Bases { get; } = new();
    public List<ApiMember> Members { get; } = new();
    /// <summary>The type's line as listed (first listing that names it).</summary>
    public string RawLine { get; init; }
    /// <summary>The member lines as listed, trimmed (used to generate reference stubs).</summary>
    public List<string> RawMembers { get; } = new();

    public void Add(ApiMember member)
    {
        if (!Members.Any(m => m.Signature == member.Signature))
        {
            Members.Add(member);
        }
    }

    public override string ToString() => FullName;
}

public enum ApiMemberKind
{
    Constructor,
    Method,
    Field,
}

/// <summary>One listed member, reduced to what a metadata reference carries: name, parameter types, return type.</summary>
public sealed class ApiMember
{
    public ApiMember(ApiMemberKind kind, string name, bool isStatic, string returnType, string[] parameters)
    {
        Kind = kind;
        Name = name;
        IsStatic = isStatic;
        ReturnType = returnType;
        Parameters = parameters;
    }

    public ApiMemberKind Kind { get; }
    public string Name { get; }
    public bool IsStatic { get; }
    public string ReturnType { get; }
    public string[] Parameters { get; }

    /// <summary>"ReturnType Name(p1, p2)" or "Type Name" for a field: the text the gate compares and prints.</summary>
    public string Signature => Kind == ApiMemberKind.Field
        ? $"{ReturnType} {Name}"
        : $"{ReturnType} {Name}({string.Join(", ", Parameters)})";

    public override string ToString() => Signature;
}
