using System.Text;
using Station.Bundle;
using Station.Core.Update;
using Station.Hal.Sim;

namespace Station.Update.Tests;

/// <summary>Bundles signed by the bundle tool's builder, for the station side to check.</summary>
static class TestBundles
{
    public const string Board = "esp32-devkitc";
    public static readonly (byte[] Seed, byte[] PublicKey) Release = BundleBuilder.NewKey();
    public static readonly (byte[] Seed, byte[] PublicKey) Stranger = BundleBuilder.NewKey();

    public static List<BundleAssembly> Assemblies(int seed = 1)
    {
        var rng = new System.Random(seed);
        var a = new byte[3000]; rng.NextBytes(a);
        var b = new byte[1025]; rng.NextBytes(b);
        return new List<BundleAssembly> { new("Station.Core.pe", a), new("Station.Device.pe", b) };
    }

    public static byte[] Build(string version = "0.2.0", string board = Board, int minLoader = 1, byte[] seed = null)
        => BundleBuilder.Build(seed ?? Release.Seed, version, "3f2a9c1", board, minLoader, Assemblies()).Bundle;

    /// <summary>A bundle whose manifest text is edited after it was written, then properly signed: a manifest that lies.</summary>
    public static byte[] BuildLying(Func<string, string> edit)
    {
        var assemblies = Assemblies();
        string text = Encoding.ASCII.GetString(BundleBuilder.Manifest("0.2.0", "3f2a9c1", Board, 1, assemblies));
        byte[] manifest = Encoding.ASCII.GetBytes(edit(text));
        return BundleBuilder.Pack(manifest, BundleBuilder.Sign(Release.Seed, manifest), assemblies);
    }

    /// <summary>Runs the station's verifier over the bytes stored as a file; returns its reason and slice count.</summary>
    public static (UpdateReason Reason, int Slices, BundleVerifier Verifier) Verify(byte[] bundle, string board = Board, long minimum = 0, int loader = LoaderVersion.Current, byte[] key = null)
    {
        var storage = new MemoryStorage();
        storage.Replace("slot-b.sfb", bundle, 0, bundle.Length);
        var v = new BundleVerifier();
        v.Begin(storage, "slot-b.sfb", key ?? Release.PublicKey, board, loader, minimum);
        int slices = 1;
        while (!v.Step(16)) slices++;
        return (v.Reason, slices, v);
    }
}
