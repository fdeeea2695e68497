using System.Reflection.Metadata;

namespace Station.Compat.Tests;

/// <summary>Readable names of metadata entities, in the listing's form (namespace-qualified, nested as Outer+Inner).</summary>
public static class MetadataNames
{
    public static string FullName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var def = reader.GetTypeDefinition(handle);
        string name = reader.GetString(def.Name);
        var declaring = def.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return FullName(reader, declaring) + "+" + name;
        }
        string ns = reader.GetString(def.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string FullName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var r = reader.GetTypeReference(handle);
        string name = reader.GetString(r.Name);
        if (r.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return FullName(reader, (TypeReferenceHandle)r.ResolutionScope) + "+" + name;
        }
        string ns = reader.GetString(r.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>The assembly a type reference points into (following nesting), or null when it is in this module.</summary>
    public static string AssemblyOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }
        if (scope.Kind == HandleKind.AssemblyReference)
        {
            return reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
        }
        return null;
    }

    public static string MethodName(MetadataReader reader, MethodDefinitionHandle handle)
    {
        var m = reader.GetMethodDefinition(handle);
        return FullName(reader, m.GetDeclaringType()) + "." + reader.GetString(m.Name) + "()";
    }
}
