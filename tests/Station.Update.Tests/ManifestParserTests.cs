using System.Text;
using Station.Core.Update;
using Xunit;

namespace Station.Update.Tests;

/// <summary>The manifest is read strictly: one spelling, every line in its place, limits enforced, no throw.</summary>
public class ManifestParserTests
{
    const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const string Good = "station-bundle 1\nfirmware 0.2.0\ncommit 3f2a9c1\nboard esp32-devkitc\nmin-loader 1\nassembly Station.Core.pe 40213 " + Hash + "\n";

    static (UpdateReason, BundleManifest) Parse(string text)
    {
        var m = new BundleManifest();
        byte[] b = Encoding.ASCII.GetBytes(text);
        return (ManifestParser.Parse(b, 0, b.Length, m), m);
    }

    [Fact]
    public void TheDocumentedExampleParses()
    {
        var (r, m) = Parse(Good);
        Assert.Equal(UpdateReason.None, r);
        Assert.Equal(("0.2.0", "3f2a9c1", "esp32-devkitc", 1, 1, 40213), (m.Version, m.Commit, m.Board, m.MinimumLoader, m.AssemblyCount, m.AssemblySizes[0]));
        Assert.Equal(Hash, Hex.Of(m.AssemblyHashes[0]));
    }

    [Theory]
    [InlineData("station-bundle 2\n", UpdateReason.UnknownFormat)]
    [InlineData("firmware 0.2.0\n", UpdateReason.ManifestMalformed)]          // a line missing
    [InlineData("firmware 0.2\n", UpdateReason.ManifestMalformed)]
    [InlineData("commit 3f2a 9c1\n", UpdateReason.ManifestMalformed)]
    [InlineData("board esp32/devkitc\n", UpdateReason.ManifestMalformed)]
    [InlineData("min-loader 0\n", UpdateReason.ManifestMalformed)]
    [InlineData("min-loader 01\n", UpdateReason.ManifestMalformed)]
    [InlineData("assembly Station.Core.dll 40213 H\n", UpdateReason.ManifestMalformed)]
    [InlineData("assembly Station.Core.pe 0 H\n", UpdateReason.ManifestMalformed)]
    [InlineData("assembly Station.Core.pe 262145 H\n", UpdateReason.ManifestMalformed)]
    [InlineData("assembly Station.Core.pe 40213 H \n", UpdateReason.ManifestMalformed)]
    [InlineData("assembly Station.Core.pe 40213 9F86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n", UpdateReason.ManifestMalformed)]
    [InlineData("assembly Station.Core.pe 40213 H\r\n", UpdateReason.ManifestMalformed)]
    public void EachMalformedLineIsRefused(string replacementLine, UpdateReason expected)
    {
        string line = replacementLine.Replace("H", Hash);
        string key = line.Substring(0, line.IndexOf(' '));
        string[] lines = Good.Split('\n');
        int index = Array.FindIndex(lines, l => l.StartsWith(key + " ", StringComparison.Ordinal));
        string text = key == "firmware" && line == "firmware 0.2.0\n"
            ? Good.Replace("station-bundle 1\n", "")                       // the first line dropped: everything shifts
            : string.Join("\n", lines.Select((l, i) => i == index ? line.TrimEnd('\n') : l));
        var (r, m) = Parse(text);
        Assert.Equal(expected, r);
        Assert.True(m.ErrorLine > 0);
    }

    [Fact]
    public void DuplicatesExtrasTruncationAndLimitsAreRefused()
    {
        string asm = "assembly Station.Core.pe 40213 " + Hash + "\n";
        Assert.Equal(UpdateReason.ManifestMalformed, Parse(Good + asm).Item1);                   // the same assembly twice
        Assert.Equal(UpdateReason.ManifestMalformed, Parse(Good + "extra yes\n").Item1);
        Assert.Equal(UpdateReason.ManifestMalformed, Parse(Good.TrimEnd('\n')).Item1);           // last line without LF
        Assert.Equal(UpdateReason.ManifestMalformed, Parse(Good.Substring(0, Good.IndexOf("assembly", StringComparison.Ordinal))).Item1);
        var many = new StringBuilder(Good);
        for (int i = 0; i < BundleManifest.MaxAssemblies; i++) many.Append("assembly A" + i + ".pe 1 " + Hash + "\n");
        Assert.Equal(UpdateReason.ManifestMalformed, Parse(many.ToString()).Item1);                // 17 assemblies
        Assert.Equal(UpdateReason.ManifestMalformed, Parse("").Item1);
        var m = new BundleManifest();
        Assert.Equal(UpdateReason.ManifestMalformed, ManifestParser.Parse(null, 0, 0, m));
        Assert.Equal(UpdateReason.ManifestMalformed, ManifestParser.Parse(new byte[10], 5, 6, m));
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var rng = new System.Random(5);
        var m = new BundleManifest();
        byte[] good = Encoding.ASCII.GetBytes(Good);
        for (int n = 0; n < 3000; n++)
        {
            byte[] b = (byte[])good.Clone();
            for (int k = 0; k < 1 + n % 4; k++) b[rng.Next(b.Length)] = (byte)rng.Next(256);
            ManifestParser.Parse(b, 0, b.Length, m);
        }
    }
}
