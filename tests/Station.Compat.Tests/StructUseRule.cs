using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Station.Compat.Tests;

/// <summary>nanoFramework's interpreter keeps every value of a user-defined struct on its managed heap: a struct local
/// is allocated on each call, a struct passed or returned by value, copied out of an array or a field, boxed or
/// created is one or more heap objects (measured on nanoCLR: a copy out of an array is 3, a by-value argument 4). That
/// is what made the control tick allocate. So portable code defines no structs (enums are fine) except the few
/// allowed here, and those live only in fields of classes and move only by reference (<c>ref</c>/<c>in</c>/<c>out</c>).</summary>
public sealed class StructUseRule
{
    /// <summary>Structs allowed to exist, by full name: the HAL's CAN frame, which lives in the decoder's and the
    /// adapters' fields and is handed on by reference only (measured on nanoCLR: 0 allocations per frame).</summary>
    public static readonly string[] Allowed = { "Station.Hal.CanFrame" };

    private readonly HashSet<string> _structs = new();
    private readonly HashSet<string> _allowed;

    /// <summary>A rule over the structs defined in <paramref name="images"/> (every portable assembly, so a struct of
    /// the HAL used in the CAN assembly is seen).</summary>
    public StructUseRule(IEnumerable<byte[]> images, IEnumerable<string> allowed)
    {
        _allowed = new HashSet<string>(allowed);
        foreach (var image in images)
        {
            _structs.UnionWith(StructsDefinedIn(image));
        }
    }

    /// <summary>Full names of the value types (not enums) an assembly defines.</summary>
    public static IEnumerable<string> StructsDefinedIn(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var reader = pe.GetMetadataReader();
        foreach (var h in reader.TypeDefinitions)
        {
            var def = reader.GetTypeDefinition(h);
            string name = MetadataNames.FullName(reader, h);
            // The compiler's <PrivateImplementationDetails> blobs back array initializers; no value of them is ever made.
            if (BaseName(reader, def.BaseType) == "System.ValueType" && !name.StartsWith('<')) yield return name;
        }
    }

    /// <summary>Every struct definition not allowed, and every place a struct value is created, copied, held in a
    /// local or an array, boxed, or passed or returned by value. Empty when the assembly keeps the rule.</summary>
    public IReadOnlyList<string> Check(byte[] image)
    {
        var findings = new List<string>();
        using var pe = new PEReader(new MemoryStream(image));
        var reader = pe.GetMetadataReader();
        foreach (var h in reader.TypeDefinitions)
        {
            string name = MetadataNames.FullName(reader, h);
            if (_structs.Contains(name) && !_allowed.Contains(name))
                findings.Add($"{name} is a struct: on nanoFramework every value of it lives on the heap; make it a class allocated once and changed in place");
            foreach (var fh in reader.GetTypeDefinition(h).GetFields())
            {
                var field = reader.GetFieldDefinition(fh);
                string type = field.DecodeSignature(SigTypeProvider.Instance, null).Display;
                if (type.EndsWith("[]") && _structs.Contains(type[..^2]))
                    findings.Add($"{name}.{reader.GetString(field.Name)} is an array of struct {type[..^2]}: every read copies an element onto the heap");
            }
        }
        foreach (var mh in reader.MethodDefinitions)
        {
            var method = reader.GetMethodDefinition(mh);
            string where = MetadataNames.MethodName(reader, mh);
            var sig = method.DecodeSignature(SigTypeProvider.Instance, null);
            if (IsStruct(sig.ReturnType)) findings.Add($"{where} returns struct {sig.ReturnType.Display} by value");
            foreach (var p in sig.ParameterTypes.Where(IsStruct))
                findings.Add($"{where} takes struct {p.Display} by value (pass it by ref)");
            if (method.RelativeVirtualAddress == 0) continue;
            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                var locals = reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(SigTypeProvider.Instance, null);
                foreach (var local in locals.Where(IsStruct))
                    findings.Add($"{where} has a local of struct {local.Display} (allocated on the heap at every call)");
            }
            foreach (var (op, token) in ILTokens.Instructions(body.GetILBytes()))
            {
                string copied = CopiedStruct(reader, op, token);
                if (copied != null) findings.Add($"{where} {copied}");
            }
        }
        return findings;
    }

    private bool IsStruct(SigType t) => _structs.Contains(t.Display);

    // The struct an instruction creates, copies, boxes or puts in an array, with the verb; null for anything else.
    private string CopiedStruct(MetadataReader reader, short op, int token)
    {
        if (token == 0 || (token >> 24) == 0x70) return null;
        var handle = MetadataTokens.EntityHandle(token);
        switch ((ushort)op)
        {
            case 0x8C: return Named(reader, handle, "boxes struct");          // box
            case 0x8D: return Named(reader, handle, "makes an array of struct"); // newarr
            case 0xA3: return Named(reader, handle, "copies out of an array of struct"); // ldelem
            case 0xA4: return Named(reader, handle, "copies into an array of struct");   // stelem
            case 0x71: return Named(reader, handle, "copies struct");        // ldobj
            case 0x81: return Named(reader, handle, "copies struct");        // stobj
            case 0x70: return Named(reader, handle, "copies struct");        // cpobj
            case 0xFE15: return Named(reader, handle, "creates struct");     // initobj
            case 0x73: // newobj
                string parent = MethodParent(reader, handle);
                return parent != null && _structs.Contains(parent) ? $"creates struct {parent}" : null;
            case 0x7B: case 0x7E: // ldfld, ldsfld: the whole value of a struct-typed field
            case 0x7D: case 0x80: // stfld, stsfld
                string type = FieldType(reader, handle);
                return type != null && _structs.Contains(type) ? $"copies struct {type} {(op == 0x7B || op == 0x7E ? "out of" : "into")} a field" : null;
        }
        return null;
    }

    private string Named(MetadataReader reader, EntityHandle handle, string verb)
    {
        string name = TypeName(reader, handle);
        return name != null && _structs.Contains(name) ? $"{verb} {name}" : null;
    }

    private static string TypeName(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => MetadataNames.FullName(reader, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => MetadataNames.FullName(reader, (TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(SigTypeProvider.Instance, null).Display,
        _ => null,
    };

    private static string BaseName(MetadataReader reader, EntityHandle handle)
        => handle.IsNil ? null : TypeName(reader, handle);

    private static string MethodParent(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.MethodDefinition => MetadataNames.FullName(reader, reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()),
        HandleKind.MemberReference => TypeName(reader, reader.GetMemberReference((MemberReferenceHandle)handle).Parent),
        _ => null,
    };

    private static string FieldType(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.FieldDefinition => reader.GetFieldDefinition((FieldDefinitionHandle)handle).DecodeSignature(SigTypeProvider.Instance, null).Display,
        HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)handle).DecodeFieldSignature(SigTypeProvider.Instance, null).Display,
        _ => null,
    };
}
