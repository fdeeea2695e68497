using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Station.Compat.Tests;

/// <summary>
/// Which portable assembly may use which: the HAL contracts use nothing of ours; the station configuration uses the HAL;
/// the controller core uses the HAL and the configuration;
/// CAN/BMS, cloud and console each use the core, the configuration and the HAL and nothing of each other; the board pin maps may use the
/// HAL. (firmware/Station.Device, the device application, uses them all and is not portable.)
/// </summary>
public static class AssemblyReferences
{
    /// <summary>Portable assembly → the portable assemblies it may reference.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Station.Hal"] = Array.Empty<string>(),
        ["Station.Core.Config"] = new[] { "Station.Hal" },
        ["Station.Core"] = new[] { "Station.Hal", "Station.Core.Config" },
        ["Station.Core.Can"] = new[] { "Station.Hal", "Station.Core.Config", "Station.Core" },
        ["Station.Core.Cloud"] = new[] { "Station.Hal", "Station.Core.Config", "Station.Core" },
        ["Station.Core.Console"] = new[] { "Station.Hal", "Station.Core.Config", "Station.Core" },
        ["Station.Core.Update"] = new[] { "Station.Hal", "Station.Core.Config", "Station.Core" },
        ["Station.Boards"] = new[] { "Station.Hal" },
    };

    /// <summary>Names of the assemblies an image references.</summary>
    public static List<string> Of(byte[] image)
    {
        using var pe = new PEReader(System.Collections.Immutable.ImmutableArray.Create(image));
        var md = pe.GetMetadataReader();
        return md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
    }

    /// <summary>One message per portable assembly that <paramref name="assembly"/> references against the direction
    /// above (an assembly missing from <see cref="Allowed"/> is a finding too).</summary>
    public static List<string> Violations(string assembly, IEnumerable<string> references)
    {
        if (!Allowed.TryGetValue(assembly, out var allowed))
        {
            return new List<string> { $"{assembly} is not in AssemblyReferences.Allowed: say which portable assemblies it may use (and update docs/device.md)" };
        }
        return references
            .Where(r => Allowed.ContainsKey(r) && Array.IndexOf(allowed, r) < 0)
            .Select(r => $"{assembly} references {r}, against the dependency direction (it may use: {(allowed.Length == 0 ? "no portable assembly" : string.Join(", ", allowed))})")
            .ToList();
    }
}
