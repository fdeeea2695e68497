using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Station.Compat.Tests;

/// <summary>
/// The byte-code budget of a portable assembly. nanoFramework's metadata processor converts IL into its own byte code
/// and stores a method's offset into that table in 16 bits, so one assembly can hold at most 65,535 bytes of byte code
/// ("Byte code table overflow" otherwise). The project keeps each assembly at or below 60 % of that, 39,300 bytes
/// (0.6 × 65,535 = 39,321, rounded down), to leave room for the next features.
/// </summary>
/// <remarks>
/// Byte code is estimated from the IL: nanoFramework byte code ≈ <see cref="IlToByteCode"/> × IL bytes. The ratio was
/// measured by converting the project's assemblies with nanoFramework's real metadata processor (the device build's
/// own step): Station.Core came to 85,446 bytes of byte code from 108,613 IL bytes in Debug (0.787) and 69,058 from
/// 91,405 in Release (0.756). The gate uses the conservative 0.79 for both configurations.
/// </remarks>
public static class ByteCodeBudget
{
    /// <summary>The byte-code table limit of one assembly (16-bit offsets).</summary>
    public const int TableLimit = 65_535;

    /// <summary>The share of <see cref="TableLimit"/> an assembly may use.</summary>
    public const double LimitShare = 0.60;

    /// <summary>The budget in bytes of byte code per assembly.</summary>
    public const int Budget = 39_300;

    /// <summary>nanoFramework byte code bytes per IL byte (measured 0.76 Release, 0.79 Debug; the larger is used).</summary>
    public const double IlToByteCode = 0.79;

    /// <summary>One assembly in one build.</summary>
    public sealed record Row(string Assembly, string Build, int IlBytes)
    {
        /// <summary>Estimated nanoFramework byte code.</summary>
        public int ByteCode => Estimate(IlBytes);

        /// <summary>Share of <see cref="TableLimit"/>, percent.</summary>
        public double PercentOfLimit => 100.0 * ByteCode / TableLimit;
    }

    /// <summary>Estimated byte code for <paramref name="ilBytes"/> IL bytes, rounded up.</summary>
    public static int Estimate(int ilBytes) => (int)Math.Ceiling(ilBytes * IlToByteCode);

    /// <summary>The IL bytes of every method body in an assembly image (code only, without method headers and
    /// exception tables, as the metadata processor counts it).</summary>
    public static int IlBytes(byte[] image)
    {
        using var pe = new PEReader(System.Collections.Immutable.ImmutableArray.Create(image));
        var md = pe.GetMetadataReader();
        int total = 0;
        foreach (var h in md.MethodDefinitions)
        {
            int rva = md.GetMethodDefinition(h).RelativeVirtualAddress;
            if (rva != 0) total += pe.GetMethodBody(rva).GetILReader().Length;
        }
        return total;
    }

    /// <summary>The size of the byte-code table of a .pe file written by nanoFramework's metadata processor (format
    /// NFMRK1, the one nanoFramework 1.x loads): the header holds the start of each of its 16 tables and the padding
    /// after each; the byte code is table 13.</summary>
    public static int PeByteCodeBytes(byte[] pe)
    {
        if (pe.Length < 128 || Encoding.ASCII.GetString(pe, 0, 6) != "NFMRK1")
        {
            throw new InvalidOperationException("not a nanoFramework .pe file of format NFMRK1");
        }
        // marker[8], headerCRC, assemblyCRC, flags, nativeMethodsChecksum, patchEntryOffset (uint32 each),
        // version (4 × uint16), assembly name and string table version (uint16 each), then startOfTables[16] (uint32),
        // numOfPatchedMethods (uint32) and paddingOfTables[16] (bytes).
        const int starts = 8 + 5 * 4 + 4 * 2 + 2 * 2;
        const int padding = starts + 16 * 4 + 4;
        const int byteCode = 13;
        int Start(int table) => BitConverter.ToInt32(pe, starts + 4 * table);
        return Start(byteCode + 1) - Start(byteCode) - pe[padding + byteCode];
    }

    /// <summary>Null when the row is within budget, else a message saying by how much it is over and what to do.</summary>
    public static string Violation(Row row)
    {
        if (row.ByteCode <= Budget) return null;
        return string.Format(CultureInfo.InvariantCulture,
            "{0} ({1}): {2:N0} IL bytes ≈ {3:N0} bytes of nanoFramework byte code ({4:F1} % of {5:N0}), over the budget of {6:N0} (60 %) by {7:N0}: split the assembly along a seam or trim it",
            row.Assembly, row.Build, row.IlBytes, row.ByteCode, row.PercentOfLimit, TableLimit, Budget, row.ByteCode - Budget);
    }

    /// <summary>The rows as a Markdown table.</summary>
    public static string Table(IEnumerable<Row> rows)
    {
        var sb = new StringBuilder();
        sb.Append("| assembly | build | IL bytes | estimated byte code | % of 65,535 |\n");
        sb.Append("|---|---|---:|---:|---:|\n");
        foreach (var r in rows)
        {
            sb.Append(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:N0} | {3:N0} | {4:F1} % |\n",
                r.Assembly, r.Build, r.IlBytes, r.ByteCode, r.PercentOfLimit));
        }
        return sb.ToString();
    }
}
