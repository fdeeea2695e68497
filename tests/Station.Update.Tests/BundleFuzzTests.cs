using System.Text;
using Station.Core.Update;
using Station.Tests.Shared;
using Xunit;

namespace Station.Update.Tests;

/// <summary>Update bundles and manifests as a bad card or a hostile server hands them over, mutated with a fixed seed:
/// the verifier and the manifest parser never throw and always finish, and no changed byte ever verifies.</summary>
public class BundleFuzzTests
{
    [Fact]
    public void Mutated_bundles_never_throw_always_finish_and_never_verify()
    {
        byte[] good = TestBundles.Build();
        var rng = new System.Random(7301);
        int refused = 0;
        var reasons = new HashSet<UpdateReason>();
        for (int round = 0; round < 160; round++)
        {
            byte[] bad = round % 2 == 0 ? HostileBytes.Mutate(good, rng) : FlipOne(good, rng);
            if (bad.AsSpan().SequenceEqual(good)) continue;
            UpdateReason reason = UpdateReason.None;
            int slices = 0;
            bool passed = true;
            System.Exception e = Record.Exception(() =>
            {
                var storage = new Station.Hal.Sim.MemoryStorage();
                storage.Replace("slot-b.sfb", bad, 0, bad.Length);
                var v = new BundleVerifier();
                v.Begin(storage, "slot-b.sfb", TestBundles.Release.PublicKey, TestBundles.Board, LoaderVersion.Current, 0);
                while (!v.Step(16) && slices < 10_000) slices++;
                reason = v.Reason;
                passed = v.Passed;
                Assert.True(v.Done, "not done after " + slices + " slices");
            });
            Assert.True(e == null, "round " + round + ": " + e);
            Assert.False(passed, "round " + round + ": a changed bundle verified");
            Assert.NotEqual(UpdateReason.None, reason);
            reasons.Add(reason);
            refused++;
        }
        Assert.True(refused > 150);
        foreach (var r in new[] { UpdateReason.SignatureInvalid, UpdateReason.HashMismatch, UpdateReason.UnknownFormat })
            Assert.True(reasons.Contains(r), "never reached " + r + ": " + string.Join(",", reasons));
    }

    static byte[] FlipOne(byte[] good, System.Random rng)
    {
        var b = (byte[])good.Clone();
        b[rng.Next(b.Length)] ^= (byte)(1 << rng.Next(8));
        return b;
    }

    [Fact]
    public void Mutated_manifests_never_throw_and_what_parses_is_inside_the_limits()
    {
        const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        byte[] good = Encoding.ASCII.GetBytes("station-bundle 1\nfirmware 0.2.0\ncommit 3f2a9c1\nboard esp32-devkitc\nmin-loader 1\nassembly Station.Core.pe 40213 "
            + Hash + "\nassembly Station.Device.pe 1025 " + Hash + "\n");
        var rng = new System.Random(7302);
        int parsed = 0;
        for (int round = 0; round < 8000; round++)
        {
            byte[] text = HostileBytes.Mutate(good, rng);
            var m = new BundleManifest();
            UpdateReason r = UpdateReason.None;
            System.Exception e = Record.Exception(() => r = ManifestParser.Parse(text, 0, text.Length, m));
            string what = "round " + round + ": " + Encoding.ASCII.GetString(text, 0, System.Math.Min(300, text.Length));
            Assert.True(e == null, what + "\n" + e);
            if (r != UpdateReason.None) continue;
            parsed++;
            Assert.True(text.Length <= BundleManifest.MaxLength, what);
            Assert.InRange(m.AssemblyCount, 1, BundleManifest.MaxAssemblies);
            for (int i = 0; i < m.AssemblyCount; i++)
            {
                Assert.InRange(m.AssemblySizes[i], 1, BundleManifest.MaxAssemblySize);
                Assert.False(string.IsNullOrEmpty(m.AssemblyNames[i]), what);
                Assert.Equal(32, m.AssemblyHashes[i].Length);
            }
            Assert.False(string.IsNullOrEmpty(m.Version), what);
            Assert.True(m.VersionNumber >= 0, what); // 0.0.0 is a version; the agent judges it against the running one
            Assert.InRange(m.PayloadLength(), 1, (long)BundleManifest.MaxAssemblies * BundleManifest.MaxAssemblySize);
        }
        Assert.True(parsed > 100, "parsed " + parsed);
    }
}
