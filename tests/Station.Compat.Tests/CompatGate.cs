using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Station.Compat.Tests;

/// <summary>
/// The nanoFramework compatibility gate: reads a compiled portable assembly and lists everything in it that
/// nanoFramework 1.x cannot run.
/// </summary>
/// <remarks>
/// Two kinds of finding:
/// <list type="bullet">
/// <item>Generics of any kind: a generic type or method defined here (GenericParam rows), a generic type or
/// array shape used anywhere (TypeSpec rows and every signature: fields, methods, properties, locals), a generic
/// method instantiated (MethodSpec rows). The 1.x interpreter crashes on generic instantiations, even of the
/// listed <c>Action&lt;T&gt;</c>. Multidimensional arrays count too.</item>
/// <item>Framework references missing from the listing: every TypeRef and MemberRef that points outside the
/// portable assemblies must name a type, and a member with the same parameter and return types, in the listing
/// sections the device project references (packages.config). Inherited members are found through the listed
/// base types.</item>
/// </list>
/// The few lowering differences between .NET's and nanoFramework's core library are in <see cref="GateAllowList"/>.
/// </remarks>
public sealed class CompatGate
{
    private readonly ApiListing _listing;
    private readonly HashSet<string> _portable;

    /// <param name="listing">The listing sections the device project may use.</param>
    /// <param name="portableAssemblies">Assembly names that are ours (checked by the gate themselves), e.g. Station.Hal.</param>
    public CompatGate(ApiListing listing, IEnumerable<string> portableAssemblies)
    {
        _listing = listing;
        _portable = new HashSet<string>(portableAssemblies, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Enums defined in the other portable assemblies (full names), so that formatting one as text is caught
    /// across assembly boundaries; see <see cref="EnumsDefinedIn"/>.</summary>
    public HashSet<string> KnownEnums { get; } = new(StringComparer.Ordinal);

    /// <summary>Full names of the enums an assembly image defines.</summary>
    public static IEnumerable<string> EnumsDefinedIn(byte[] image)
    {
        using var pe = new PEReader(System.Collections.Immutable.ImmutableArray.Create(image));
        var md = pe.GetMetadataReader();
        var list = new List<string>();
        foreach (var h in md.TypeDefinitions)
        {
            var baseType = md.GetTypeDefinition(h).BaseType;
            if (baseType.Kind == HandleKind.TypeReference && MetadataNames.FullName(md, (TypeReferenceHandle)baseType) == "System.Enum")
            {
                list.Add(MetadataNames.FullName(md, h));
            }
        }
        return list;
    }

    /// <summary>Checks one assembly image; returns the findings, sorted, empty when it may run on the device.</summary>
    public IReadOnlyList<string> Check(byte[] image)
    {
        using var pe = new PEReader(System.Collections.Immutable.ImmutableArray.Create(image));
        return new Run(this, pe).Findings();
    }

    private sealed class Run
    {
        private readonly CompatGate _gate;
        private readonly PEReader _pe;
        private readonly MetadataReader _md;
        private readonly SortedSet<string> _findings = new(StringComparer.Ordinal);
        private readonly Dictionary<EntityHandle, SortedSet<string>> _usedIn = new();
        private readonly HashSet<MethodDefinitionHandle> _eventAccessors = new();
        private readonly Dictionary<EntityHandle, List<(string Where, bool AssemblyLevel)>> _attributeUses = new();
        private readonly string _self;
        private readonly HashSet<string> _typesInSignatures = new(StringComparer.Ordinal);

        private void Note(SigType t) => _typesInSignatures.Add(t.Display.TrimEnd('&', '*').Replace("[]", ""));

        public Run(CompatGate gate, PEReader pe)
        {
            _gate = gate;
            _pe = pe;
            _md = pe.GetMetadataReader();
            _self = _md.IsAssembly ? _md.GetString(_md.GetAssemblyDefinition().Name) : "module";
        }

        public IReadOnlyList<string> Findings()
        {
            IndexUses();
            CheckGenericDefinitions();
            CheckDeclarationSignatures();
            CheckTypeSpecs();
            CheckMethodSpecs();
            CheckTypeRefs();
            CheckMemberRefs();
            return _findings.ToList();
        }

        private void Add(string text) => _findings.Add($"[{_self}] {text}");

        private string Where(EntityHandle handle)
        {
            var methods = new SortedSet<string>(StringComparer.Ordinal);
            if (_usedIn.TryGetValue(handle, out var code))
            {
                methods.UnionWith(code);
            }
            foreach (var ctor in AttributeCtorsOf(handle))
            {
                methods.UnionWith(_attributeUses[ctor].Select(u => "an attribute on " + u.Where));
            }
            if (methods.Count > 0)
            {
                var list = methods.Take(3).ToList();
                string more = methods.Count > 3 ? $" and {methods.Count - 3} more" : "";
                return " — used in " + string.Join(", ", list) + more;
            }
            return "";
        }

        // ---- indexing: which method uses which token, which methods are event accessors, attribute uses

        private void IndexUses()
        {
            foreach (var typeHandle in _md.TypeDefinitions)
            {
                var type = _md.GetTypeDefinition(typeHandle);
                foreach (var evHandle in type.GetEvents())
                {
                    var acc = _md.GetEventDefinition(evHandle).GetAccessors();
                    if (!acc.Adder.IsNil) _eventAccessors.Add(acc.Adder);
                    if (!acc.Remover.IsNil) _eventAccessors.Add(acc.Remover);
                }
                foreach (var methodHandle in type.GetMethods())
                {
                    var method = _md.GetMethodDefinition(methodHandle);
                    if (method.RelativeVirtualAddress == 0)
                    {
                        continue;
                    }
                    var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
                    string name = MetadataNames.MethodName(_md, methodHandle);
                    CheckEnumAsText(body.GetILBytes(), name);
                    foreach (int token in ILTokens.Read(body.GetILBytes()))
                    {
                        var handle = MetadataTokens.EntityHandle(token);
                        Use(handle, name);
                        if (handle.Kind == HandleKind.MemberReference)
                        {
                            var parent = _md.GetMemberReference((MemberReferenceHandle)handle).Parent;
                            if (parent.Kind is HandleKind.TypeReference or HandleKind.TypeSpecification)
                            {
                                Use(parent, name);
                            }
                        }
                        if (handle.Kind == HandleKind.MethodSpecification)
                        {
                            Use(_md.GetMethodSpecification((MethodSpecificationHandle)handle).Method, name);
                        }
                    }
                    if (!body.LocalSignature.IsNil)
                    {
                        var locals = _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(SigTypeProvider.Instance, null);
                        foreach (var local in locals)
                        {
                            Note(local);
                            if (local.Problem != null)
                            {
                                Add($"{name} has a local of {local.Problem}");
                            }
                        }
                    }
                }
            }
            foreach (var caHandle in _md.CustomAttributes)
            {
                var ca = _md.GetCustomAttribute(caHandle);
                bool assemblyLevel = ca.Parent.Kind is HandleKind.AssemblyDefinition or HandleKind.ModuleDefinition;
                if (!_attributeUses.TryGetValue(ca.Constructor, out var list))
                {
                    _attributeUses[ca.Constructor] = list = new List<(string, bool)>();
                }
                list.Add((assemblyLevel ? "the assembly" : DescribeParent(ca.Parent), assemblyLevel));
            }
        }

        // ---- enums turned into text: nanoFramework prints an enum's number, .NET its name

        private const short Box = 0x8C;
        private const short Constrained = unchecked((short)0xFE16);

        private void CheckEnumAsText(byte[] il, string method)
        {
            var code = ILTokens.Instructions(il).ToList();
            for (int i = 0; i < code.Count; i++)
            {
                var (op, token) = code[i];
                if (op == LdStr)
                {
                    CheckFormatLiteral(code, i, method);
                    continue;
                }
                string formatted = EnumFormattedByHandler(token);
                if (formatted != null)
                {
                    // $"{e}" on .NET: DefaultInterpolatedStringHandler.AppendFormatted<E>(e), no box at all.
                    Add($"turns enum {formatted} into text in {method} — nanoFramework prints its number, not its name: use the name table");
                    continue;
                }
                if (op != Box && op != Constrained)
                {
                    continue;
                }
                string type = TypeNameOf(MetadataTokens.EntityHandle(token));
                if (type == null || !IsEnum(type))
                {
                    continue;
                }
                // constrained. E callvirt Object::ToString — what `"x" + e` and e.ToString() compile to.
                // box E, then (soon) String.Concat/Format or StringBuilder.Append(object) — Format and Append.
                int window = op == Constrained ? 1 : 6;
                for (int j = i + 1; j < code.Count && j <= i + window; j++)
                {
                    string callee = CalleeOf(code[j].Token);
                    if (callee is "System.Object::ToString" or "System.Enum::ToString" or "System.String::Concat"
                        or "System.String::Format" or "System.Text.StringBuilder::Append(object)")
                    {
                        Add($"turns enum {type} into text in {method} — nanoFramework prints its number, not its name: use the name table");
                        break;
                    }
                }
            }
        }

        private const short LdStr = 0x72;

        /// <summary>Custom numeric format strings ("0.00", "#,##0") do not exist on nanoFramework: refuse a literal
        /// used as one — a "{0:0.00}" placeholder anywhere, or a literal passed straight to ToString(string) or to
        /// the interpolation handler's AppendFormatted(value, format).</summary>
        private void CheckFormatLiteral(List<(short OpCode, int Token)> code, int i, string method)
        {
            string literal = _md.GetUserString(MetadataTokens.UserStringHandle(code[i].Token & 0xFFFFFF));
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(literal, @"\{\d+(,-?\d+)?:(?<f>[^}]*)\}"))
            {
                if (IsCustomNumericFormat(m.Groups["f"].Value))
                {
                    Add($"uses the custom numeric format \"{m.Groups["f"].Value}\" in {method} — nanoFramework has standard formats only (N2, D4, X2, F1…)");
                    return;
                }
            }
            if (!IsCustomNumericFormat(literal) || i + 1 >= code.Count)
            {
                return;
            }
            int next = code[i + 1].Token;
            var handle = ILTokens.IsEntity(next) ? MetadataTokens.EntityHandle(next) : default;
            bool formatCall = false;
            if (handle.Kind == HandleKind.MemberReference)
            {
                formatCall = _md.GetString(_md.GetMemberReference((MemberReferenceHandle)handle).Name) == "ToString";
            }
            else if (handle.Kind == HandleKind.MethodSpecification)
            {
                formatCall = IsInterpolationHandler(_md.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            }
            if (formatCall)
            {
                Add($"uses the custom numeric format \"{literal}\" in {method} — nanoFramework has standard formats only (N2, D4, X2, F1…)");
            }
        }

        private static bool IsCustomNumericFormat(string format)
        {
            if (format.Length == 0 || (format.IndexOf('0') < 0 && format.IndexOf('#') < 0)) return false;
            if (System.Text.RegularExpressions.Regex.IsMatch(format, @"^[A-Za-z]\d{0,2}$")) return false; // standard: D2, X4, N0
            foreach (char c in format)
            {
                // Letters other than an exponent mark mean a date/time pattern or text, not a number pattern.
                if (char.IsLetter(c) && c != 'E' && c != 'e') return false;
            }
            return true;
        }

        private bool IsEnum(string fullName)
        {
            if (_gate.KnownEnums.Contains(fullName)) return true;
            var listed = _gate._listing.Find(fullName);
            if (listed != null) return listed.Kind == "enum";
            foreach (var h in _md.TypeDefinitions)
            {
                if (MetadataNames.FullName(_md, h) == fullName)
                {
                    var b = _md.GetTypeDefinition(h).BaseType;
                    return b.Kind == HandleKind.TypeReference && MetadataNames.FullName(_md, (TypeReferenceHandle)b) == "System.Enum";
                }
            }
            return false;
        }

        private string TypeNameOf(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => MetadataNames.FullName(_md, (TypeDefinitionHandle)handle),
            HandleKind.TypeReference => MetadataNames.FullName(_md, (TypeReferenceHandle)handle),
            _ => null,
        };

        /// <summary>The enum's name when <paramref name="token"/> is the interpolation handler's AppendFormatted&lt;E&gt; over an enum.</summary>
        private string EnumFormattedByHandler(int token)
        {
            if (token == 0) return null;
            var handle = MetadataTokens.EntityHandle(token);
            if (handle.Kind != HandleKind.MethodSpecification) return null;
            var spec = _md.GetMethodSpecification((MethodSpecificationHandle)handle);
            if (!IsInterpolationHandler(spec.Method)) return null;
            var args = spec.DecodeSignature(SigTypeProvider.Instance, null);
            return args.Length == 1 && IsEnum(args[0].Display) ? args[0].Display : null;
        }

        private string CalleeOf(int token)
        {
            if (!ILTokens.IsEntity(token)) return null;
            var handle = MetadataTokens.EntityHandle(token);
            if (handle.Kind != HandleKind.MemberReference) return null;
            var mr = _md.GetMemberReference((MemberReferenceHandle)handle);
            if (mr.Parent.Kind != HandleKind.TypeReference || mr.GetKind() != MemberReferenceKind.Method) return null;
            string type = MetadataNames.FullName(_md, (TypeReferenceHandle)mr.Parent);
            string name = _md.GetString(mr.Name);
            if (type == "System.Text.StringBuilder" && name == "Append")
            {
                var sig = mr.DecodeMethodSignature(SigTypeProvider.Instance, null);
                return sig.ParameterTypes.Length == 1 && sig.ParameterTypes[0].Short == "object" ? "System.Text.StringBuilder::Append(object)" : null;
            }
            return type + "::" + name;
        }

        private string DescribeParent(EntityHandle parent) => parent.Kind switch
        {
            HandleKind.TypeDefinition => MetadataNames.FullName(_md, (TypeDefinitionHandle)parent),
            HandleKind.MethodDefinition => MetadataNames.MethodName(_md, (MethodDefinitionHandle)parent),
            _ => parent.Kind.ToString(),
        };

        private void Use(EntityHandle handle, string where)
        {
            if (!_usedIn.TryGetValue(handle, out var set))
            {
                _usedIn[handle] = set = new SortedSet<string>(StringComparer.Ordinal);
            }
            set.Add(where);
        }

        // ---- generics defined here

        private void CheckGenericDefinitions()
        {
            foreach (var typeHandle in _md.TypeDefinitions)
            {
                var type = _md.GetTypeDefinition(typeHandle);
                string typeName = MetadataNames.FullName(_md, typeHandle);
                string ns = _md.GetString(type.Namespace);
                if (ns == "Microsoft.CodeAnalysis" || ns == "System.Runtime.CompilerServices")
                {
                    // NullableAttribute, NullableContextAttribute, IsReadOnlyAttribute, EmbeddedAttribute…: the compiler
                    // embeds these when a feature needs them (nullable annotations, readonly structs, in parameters).
                    Add($"compiler-embedded type {typeName}: the source uses a feature whose attribute nanoFramework's mscorlib lacks (nullable annotations are off in portable code)");
                }
                if (type.GetGenericParameters().Count > 0)
                {
                    Add($"generic type defined: {typeName} — nanoFramework 1.x has no generics; use object, arrays or a concrete type");
                }
                foreach (var methodHandle in type.GetMethods())
                {
                    if (_md.GetMethodDefinition(methodHandle).GetGenericParameters().Count > 0)
                    {
                        Add($"generic method defined: {MetadataNames.MethodName(_md, methodHandle)} — nanoFramework 1.x has no generics");
                    }
                }
                foreach (var ifaceHandle in type.GetInterfaceImplementations())
                {
                    var iface = _md.GetInterfaceImplementation(ifaceHandle).Interface;
                    var sig = Decode(iface);
                    if (sig?.Problem != null)
                    {
                        Add($"{typeName} implements {sig.Problem}");
                    }
                }
                if (!type.BaseType.IsNil && Decode(type.BaseType) is { Problem: not null } b)
                {
                    Add($"{typeName} derives from {b.Problem}");
                }
            }
        }

        private SigType Decode(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeSpecification => _md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(SigTypeProvider.Instance, null),
            HandleKind.TypeReference => SigTypeProvider.Instance.GetTypeFromReference(_md, (TypeReferenceHandle)handle, 0),
            HandleKind.TypeDefinition => SigTypeProvider.Instance.GetTypeFromDefinition(_md, (TypeDefinitionHandle)handle, 0),
            _ => null,
        };

        // ---- generic or multidimensional types in what this assembly declares

        private void CheckDeclarationSignatures()
        {
            foreach (var typeHandle in _md.TypeDefinitions)
            {
                var type = _md.GetTypeDefinition(typeHandle);
                string typeName = MetadataNames.FullName(_md, typeHandle);
                foreach (var fieldHandle in type.GetFields())
                {
                    var field = _md.GetFieldDefinition(fieldHandle);
                    var sig = field.DecodeSignature(SigTypeProvider.Instance, null);
                    Note(sig);
                    if (sig.Problem != null)
                    {
                        Add($"field {typeName}.{_md.GetString(field.Name)} is of {sig.Problem}");
                    }
                }
                foreach (var methodHandle in type.GetMethods())
                {
                    var sig = _md.GetMethodDefinition(methodHandle).DecodeSignature(SigTypeProvider.Instance, null);
                    Note(sig.ReturnType);
                    foreach (var p in sig.ParameterTypes) Note(p);
                    string problem = SigTypeProvider.FirstProblem(sig);
                    if (problem != null)
                    {
                        Add($"method {MetadataNames.MethodName(_md, methodHandle)} has a parameter or result of {problem}");
                    }
                }
                foreach (var propertyHandle in type.GetProperties())
                {
                    var property = _md.GetPropertyDefinition(propertyHandle);
                    var sig = property.DecodeSignature(SigTypeProvider.Instance, null);
                    Note(sig.ReturnType);
                    string problem = SigTypeProvider.FirstProblem(sig);
                    if (problem != null)
                    {
                        Add($"property {typeName}.{_md.GetString(property.Name)} is of {problem}");
                    }
                }
            }
        }

        // ---- generic instantiations anywhere (TypeSpec / MethodSpec)

        private void CheckTypeSpecs()
        {
            int rows = _md.GetTableRowCount(TableIndex.TypeSpec);
            for (int row = 1; row <= rows; row++)
            {
                var handle = MetadataTokens.TypeSpecificationHandle(row);
                var sig = _md.GetTypeSpecification(handle).DecodeSignature(SigTypeProvider.Instance, null);
                if (sig.Problem != null && !IsOnlyInEventAccessors(handle))
                {
                    Add($"uses {sig.Problem}{Where(handle)}");
                }
            }
        }

        private void CheckMethodSpecs()
        {
            int rows = _md.GetTableRowCount(TableIndex.MethodSpec);
            for (int row = 1; row <= rows; row++)
            {
                var handle = MetadataTokens.MethodSpecificationHandle(row);
                var spec = _md.GetMethodSpecification(handle);
                var args = spec.DecodeSignature(SigTypeProvider.Instance, null);
                string method = MethodDisplay(spec.Method);
                if (IsEventAccessorCompareExchange(handle, spec, args) || IsInterpolationHandler(spec.Method))
                {
                    continue;
                }
                Add($"instantiates generic method {method}<{string.Join(", ", args.Select(a => a.Display))}> — nanoFramework 1.x has no generics{Where(handle)}");
            }
        }

        /// <summary>See <see cref="GateAllowList.EventAccessorCompareExchangeType"/>.</summary>
        private bool IsEventAccessorCompareExchange(MethodSpecificationHandle handle, MethodSpecification spec, System.Collections.Immutable.ImmutableArray<SigType> args)
        {
            if (spec.Method.Kind != HandleKind.MemberReference)
            {
                return false;
            }
            var mr = _md.GetMemberReference((MemberReferenceHandle)spec.Method);
            if (mr.Parent.Kind != HandleKind.TypeReference
                || MetadataNames.FullName(_md, (TypeReferenceHandle)mr.Parent) != GateAllowList.EventAccessorCompareExchangeType
                || _md.GetString(mr.Name) != GateAllowList.EventAccessorCompareExchangeMethod
                || args.Length != 1 || args[0].Problem != null)
            {
                return false;
            }
            return IsOnlyInEventAccessors(handle);
        }

        /// <summary>See <see cref="GateAllowList.InterpolatedStringHandler"/>.</summary>
        private bool IsInterpolationHandler(EntityHandle method)
        {
            if (method.Kind != HandleKind.MemberReference)
            {
                return false;
            }
            var parent = _md.GetMemberReference((MemberReferenceHandle)method).Parent;
            return parent.Kind == HandleKind.TypeReference
                && MetadataNames.FullName(_md, (TypeReferenceHandle)parent) == GateAllowList.InterpolatedStringHandler;
        }

        private bool IsOnlyInEventAccessors(EntityHandle handle)
        {
            if (!_usedIn.TryGetValue(handle, out var uses) || uses.Count == 0)
            {
                return false;
            }
            var accessorNames = new HashSet<string>(_eventAccessors.Select(a => MetadataNames.MethodName(_md, a)));
            if (!uses.All(accessorNames.Contains))
            {
                return false;
            }
            // Only the CompareExchange instantiation itself may appear there, never a generic type.
            return handle.Kind == HandleKind.MethodSpecification;
        }

        private string MethodDisplay(EntityHandle method)
        {
            if (method.Kind == HandleKind.MethodDefinition)
            {
                var h = (MethodDefinitionHandle)method;
                var def = _md.GetMethodDefinition(h);
                return MetadataNames.FullName(_md, def.GetDeclaringType()) + "." + _md.GetString(def.Name);
            }
            var mr = _md.GetMemberReference((MemberReferenceHandle)method);
            return ParentDisplay(mr.Parent) + "." + _md.GetString(mr.Name);
        }

        private string ParentDisplay(EntityHandle parent) => parent.Kind switch
        {
            HandleKind.TypeReference => MetadataNames.FullName(_md, (TypeReferenceHandle)parent),
            HandleKind.TypeDefinition => MetadataNames.FullName(_md, (TypeDefinitionHandle)parent),
            HandleKind.TypeSpecification => Decode(parent).Display,
            _ => parent.Kind.ToString(),
        };

        // ---- framework types and members against the listing

        private bool IsFramework(TypeReferenceHandle handle)
        {
            string assembly = MetadataNames.AssemblyOf(_md, handle);
            return assembly != null && !_gate._portable.Contains(assembly);
        }

        private void CheckTypeRefs()
        {
            foreach (var handle in _md.TypeReferences)
            {
                if (!IsFramework(handle))
                {
                    continue;
                }
                string name = MetadataNames.FullName(_md, handle);
                if (_gate._listing.Find(name) != null)
                {
                    continue;
                }
                if (IsSynthesizedAttribute(handle, name) || name == GateAllowList.InterpolatedStringHandler || IsBaseRebound(handle, name))
                {
                    continue;
                }
                Add($"type {name} is not in the nanoFramework listing ({Sections()}){Where(handle)}");
            }
        }

        /// <summary>The attribute constructors (MemberRefs) whose parent is <paramref name="type"/>, when it is a TypeRef.</summary>
        private IEnumerable<EntityHandle> AttributeCtorsOf(EntityHandle type)
        {
            foreach (var ctor in _attributeUses.Keys)
            {
                if (ctor.Kind == HandleKind.MemberReference && _md.GetMemberReference((MemberReferenceHandle)ctor).Parent == type)
                {
                    yield return ctor;
                }
            }
        }

        /// <summary>See <see cref="GateAllowList.SynthesizedAttributes"/>: the type is only ever applied as an
        /// attribute (never touched by code), and only where the compiler puts it.</summary>
        private bool IsSynthesizedAttribute(TypeReferenceHandle type, string name)
        {
            var entry = GateAllowList.SynthesizedAttributes.FirstOrDefault(a => a.Type == name);
            if (entry == null || _usedIn.ContainsKey(type))
            {
                return false;
            }
            foreach (var mrHandle in _md.MemberReferences)
            {
                if (_md.GetMemberReference(mrHandle).Parent == type && _usedIn.ContainsKey(mrHandle))
                {
                    return false;
                }
            }
            var uses = AttributeCtorsOf(type).SelectMany(c => _attributeUses[c]).ToList();
            return uses.Count > 0 && (!entry.AssemblyLevelOnly || uses.All(u => u.AssemblyLevel));
        }

        /// <summary>See <see cref="GateAllowList.BaseRebindings"/>: every member used on the type is rebound, each
        /// subclass it rebinds to is listed with that member, and no signature names the type.</summary>
        private bool IsBaseRebound(TypeReferenceHandle type, string name)
        {
            var rules = GateAllowList.BaseRebindings.Where(r => r.Type == name).ToList();
            if (rules.Count == 0 || _typesInSignatures.Contains(name)) return false;
            bool any = false;
            foreach (var mrHandle in _md.MemberReferences)
            {
                var mr = _md.GetMemberReference(mrHandle);
                if (mr.Parent != type) continue;
                if (mr.GetKind() != MemberReferenceKind.Method) return false;
                var sig = mr.DecodeMethodSignature(SigTypeProvider.Instance, null);
                string member = _md.GetString(mr.Name);
                string signature = $"{sig.ReturnType.Short} {member}({string.Join(", ", sig.ParameterTypes.Select(p => p.Short))})";
                var rule = rules.FirstOrDefault(r => r.Member == signature);
                if (rule == null) return false;
                foreach (var listedOn in rule.ListedOn)
                {
                    var t = _gate._listing.Find(listedOn);
                    if (t == null || !t.Members.Any(m => m.Name == member && m.Signature == signature)) return false;
                }
                any = true;
            }
            return any;
        }

        private string Sections() => string.Join(", ", _gate._listing.Sections.OrderBy(s => s, StringComparer.Ordinal));

        private void CheckMemberRefs()
        {
            foreach (var handle in _md.MemberReferences)
            {
                var mr = _md.GetMemberReference(handle);
                if (mr.Parent.Kind != HandleKind.TypeReference)
                {
                    continue; // TypeSpec parents are generic (reported above); MethodDef/ModuleRef parents are ours
                }
                var parent = (TypeReferenceHandle)mr.Parent;
                if (!IsFramework(parent))
                {
                    continue;
                }
                string typeName = MetadataNames.FullName(_md, parent);
                var type = _gate._listing.Find(typeName);
                if (type == null)
                {
                    continue; // reported once as a missing type
                }
                string name = _md.GetString(mr.Name);
                if (name == ".ctor" && IsSynthesizedAttribute(parent, typeName))
                {
                    continue;
                }
                string signature;
                bool isField = mr.GetKind() == MemberReferenceKind.Field;
                if (isField)
                {
                    var fieldType = mr.DecodeFieldSignature(SigTypeProvider.Instance, null);
                    signature = $"{fieldType.Short} {name}";
                }
                else
                {
                    var sig = mr.DecodeMethodSignature(SigTypeProvider.Instance, null);
                    if (sig.GenericParameterCount > 0)
                    {
                        if (typeName == GateAllowList.EventAccessorCompareExchangeType && name == GateAllowList.EventAccessorCompareExchangeMethod
                            && _usedIn.TryGetValue(handle, out var uses) && OnlyEventAccessors(uses))
                        {
                            continue;
                        }
                        Add($"calls generic method {typeName}.{name} — nanoFramework 1.x has no generics{Where(handle)}");
                        continue;
                    }
                    signature = $"{sig.ReturnType.Short} {name}({string.Join(", ", sig.ParameterTypes.Select(p => p.Short))})";
                }
                if (HasMember(type, name, signature))
                {
                    continue;
                }
                var rebinding = GateAllowList.Rebindings.FirstOrDefault(r => r.Type == typeName && r.Member == signature);
                if (rebinding != null && HasMember(type, name, rebinding.NanoMember))
                {
                    continue;
                }
                var overloads = _gate._listing.SelfAndAncestors(type)
                    .SelectMany(t => t.Members)
                    .Where(m => m.Name == name)
                    .Select(m => m.Signature)
                    .Distinct()
                    .ToList();
                string listed = overloads.Count == 0 ? "no member of that name is listed" : "listed: " + string.Join("; ", overloads);
                string what = name == ".ctor" ? "constructor" : isField ? "field" : "member";
                Add($"{what} {typeName}::{signature} is not in the nanoFramework listing ({listed}){Where(handle)}");
            }
        }

        private bool OnlyEventAccessors(SortedSet<string> uses)
        {
            var accessorNames = new HashSet<string>(_eventAccessors.Select(a => MetadataNames.MethodName(_md, a)));
            return uses.All(accessorNames.Contains);
        }

        private bool HasMember(ApiType type, string name, string signature)
        {
            foreach (var t in _gate._listing.SelfAndAncestors(type))
            {
                foreach (var m in t.Members)
                {
                    if (m.Name == name && m.Signature == signature)
                    {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
