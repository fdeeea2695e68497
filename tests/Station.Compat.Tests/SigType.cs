using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace Station.Compat.Tests;

/// <summary>A type as it appears in a signature: the short name the listing uses, a full name for messages, and
/// what nanoFramework 1.x cannot run about it (null when nothing).</summary>
public sealed record SigType(string Short, string Display, string Problem)
{
    public override string ToString() => Display;
}

/// <summary>Decodes metadata signatures into <see cref="SigType"/>s.</summary>
public sealed class SigTypeProvider : ISignatureTypeProvider<SigType, object>
{
    public static readonly SigTypeProvider Instance = new();

    public SigType GetPrimitiveType(PrimitiveTypeCode typeCode)
    {
        string s = typeCode switch
        {
            PrimitiveTypeCode.Boolean => "bool",
            PrimitiveTypeCode.Char => "char",
            PrimitiveTypeCode.SByte => "sbyte",
            PrimitiveTypeCode.Byte => "byte",
            PrimitiveTypeCode.Int16 => "short",
            PrimitiveTypeCode.UInt16 => "ushort",
            PrimitiveTypeCode.Int32 => "int",
            PrimitiveTypeCode.UInt32 => "uint",
            PrimitiveTypeCode.Int64 => "long",
            PrimitiveTypeCode.UInt64 => "ulong",
            PrimitiveTypeCode.Single => "float",
            PrimitiveTypeCode.Double => "double",
            PrimitiveTypeCode.String => "string",
            PrimitiveTypeCode.Object => "object",
            PrimitiveTypeCode.Void => "void",
            PrimitiveTypeCode.IntPtr => "IntPtr",
            PrimitiveTypeCode.UIntPtr => "UIntPtr",
            PrimitiveTypeCode.TypedReference => "TypedReference",
            _ => typeCode.ToString(),
        };
        return new SigType(s, s, null);
    }

    public SigType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var def = reader.GetTypeDefinition(handle);
        return new SigType(reader.GetString(def.Name), MetadataNames.FullName(reader, handle), null);
    }

    public SigType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var r = reader.GetTypeReference(handle);
        return new SigType(reader.GetString(r.Name), MetadataNames.FullName(reader, handle), null);
    }

    public SigType GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public SigType GetSZArrayType(SigType elementType)
        => new(elementType.Short + "[]", elementType.Display + "[]", elementType.Problem);

    public SigType GetArrayType(SigType elementType, ArrayShape shape)
    {
        string commas = new(',', shape.Rank - 1);
        string display = $"{elementType.Display}[{commas}]";
        return new(elementType.Short + $"[{commas}]", display, $"multidimensional array {display}");
    }

    public SigType GetByReferenceType(SigType elementType)
        => new(elementType.Short + "&", elementType.Display + "&", elementType.Problem);

    public SigType GetPointerType(SigType elementType)
        => new(elementType.Short + "*", elementType.Display + "*", $"pointer {elementType.Display}*");

    public SigType GetPinnedType(SigType elementType) => elementType;

    public SigType GetModifiedType(SigType modifier, SigType unmodifiedType, bool isRequired) => unmodifiedType;

    public SigType GetGenericInstantiation(SigType genericType, ImmutableArray<SigType> typeArguments)
    {
        string display = $"{genericType.Display}<{string.Join(", ", typeArguments.Select(a => a.Display))}>";
        string shortName = $"{genericType.Short}<{string.Join(", ", typeArguments.Select(a => a.Short))}>";
        return new(shortName, display, $"generic type {display}");
    }

    public SigType GetGenericMethodParameter(object genericContext, int index)
        => new($"!!{index}", $"!!{index}", "a generic method parameter");

    public SigType GetGenericTypeParameter(object genericContext, int index)
        => new($"!{index}", $"!{index}", "a generic type parameter");

    public SigType GetFunctionPointerType(MethodSignature<SigType> signature)
        => new("fnptr", "function pointer", "a function pointer");

    /// <summary>The first problem among several types, or null.</summary>
    public static string FirstProblem(MethodSignature<SigType> sig)
        => sig.ReturnType.Problem ?? sig.ParameterTypes.Select(p => p.Problem).FirstOrDefault(p => p != null);
}
