using System.Text;
using Station.Core.Update;
using Xunit;

namespace Station.Update.Tests;

/// <summary>A bundle built and signed by tools/Station.Bundle (BouncyCastle Ed25519) verifies in the station's portable
/// code; every way a bundle can be wrong is refused with its own reason.</summary>
public class BundleVerifierTests
{
    [Fact]
    public void ABundleBuiltByTheToolVerifiesOnTheStation()
    {
        var (reason, slices, v) = TestBundles.Verify(TestBundles.Build());
        Assert.Equal(UpdateReason.None, reason);
        Assert.True(v.Passed);
        Assert.Equal("0.2.0", v.Manifest.Version);
        Assert.Equal("Station.Core.pe", v.Manifest.AssemblyNames[0]);
        Assert.Equal(1025, v.Manifest.AssemblySizes[1]);
        // header + 1 decode + 1 hash + 2·256/16 ladder slices + finish + (3000 + 1025)/512 rounded per assembly
        Assert.InRange(slices, 30, 60);
    }

    [Fact]
    public void AnyTamperedByteIsRefused()
    {
        byte[] good = TestBundles.Build();
        int manifestLength = BitConverter.ToInt32(good, 4);
        var expectations = new (int Offset, UpdateReason Reason)[]
        {
            (0, UpdateReason.UnknownFormat),                            // magic
            (8 + 39, UpdateReason.SignatureInvalid),                    // the commit in the manifest: still well-formed, no longer signed
            (8 + manifestLength + 5, UpdateReason.SignatureInvalid),    // the signature
            (8 + manifestLength + 64 + 10, UpdateReason.HashMismatch),  // first assembly
            (good.Length - 1, UpdateReason.HashMismatch),               // last byte of the last assembly
        };
        foreach (var (offset, reason) in expectations)
        {
            var bad = (byte[])good.Clone();
            bad[offset] ^= 0x01;
            Assert.Equal(reason, TestBundles.Verify(bad).Reason);
        }
    }

    [Fact]
    public void TruncatedOrExtendedBundlesAreRefused()
    {
        byte[] good = TestBundles.Build();
        Assert.Equal(UpdateReason.SizeMismatch, TestBundles.Verify(good[..^1]).Reason);
        Assert.Equal(UpdateReason.SizeMismatch, TestBundles.Verify(good.Concat(new byte[] { 0 }).ToArray()).Reason);
        Assert.Equal(UpdateReason.SizeMismatch, TestBundles.Verify(good[..6]).Reason);
        Assert.Equal(UpdateReason.SizeMismatch, TestBundles.Verify(Array.Empty<byte>()).Reason);
    }

    [Fact]
    public void AnotherKeysBundleIsRefused()
    {
        Assert.Equal(UpdateReason.SignatureInvalid, TestBundles.Verify(TestBundles.Build(seed: TestBundles.Stranger.Seed)).Reason);
        Assert.Equal(UpdateReason.SignatureInvalid, TestBundles.Verify(TestBundles.Build(), key: TestBundles.Stranger.PublicKey).Reason);
    }

    [Fact]
    public void WrongBoardOldLoaderAndDowngradeAreRefused()
    {
        Assert.Equal(UpdateReason.WrongBoard, TestBundles.Verify(TestBundles.Build(board: "stm32f769i-disco")).Reason);
        Assert.Equal(UpdateReason.LoaderTooOld, TestBundles.Verify(TestBundles.Build(minLoader: 2)).Reason);
        long floor = FirmwareVersionNumber.Parse("0.3.0");
        Assert.Equal(UpdateReason.BelowMinimumVersion, TestBundles.Verify(TestBundles.Build(version: "0.2.9"), minimum: floor).Reason);
        Assert.Equal(UpdateReason.None, TestBundles.Verify(TestBundles.Build(version: "0.3.0"), minimum: floor).Reason);
    }

    [Fact]
    public void ASignedManifestThatLiesAboutSizesOrHashesIsRefused()
    {
        // Signed with the real key: only the sizes and hashes catch it.
        var lyingSize = TestBundles.BuildLying(m => m.Replace(" 3000 ", " 3001 "));
        Assert.Equal(UpdateReason.SizeMismatch, TestBundles.Verify(lyingSize).Reason);
        var swapped = TestBundles.BuildLying(m => m.Replace(" 3000 ", " 2999 ").Replace(" 1025 ", " 1026 "));
        Assert.Equal(UpdateReason.HashMismatch, TestBundles.Verify(swapped).Reason);
        var lyingHash = TestBundles.BuildLying(m =>
        {
            int at = m.IndexOf("Station.Device.pe 1025 ", StringComparison.Ordinal) + "Station.Device.pe 1025 ".Length;
            return m[..at] + (m[at] == '0' ? '1' : '0') + m[(at + 1)..];
        });
        Assert.Equal(UpdateReason.HashMismatch, TestBundles.Verify(lyingHash).Reason);
    }

    [Fact]
    public void VersionNumbersCompareAndRefuseOddSpellings()
    {
        Assert.True(FirmwareVersionNumber.Parse("1.0.0") > FirmwareVersionNumber.Parse("0.65535.65535"));
        Assert.True(FirmwareVersionNumber.Parse("0.10.0") > FirmwareVersionNumber.Parse("0.9.9"));
        foreach (var bad in new[] { "", "1", "1.2", "1.2.3.4", "01.2.3", "1.2.x", "1..3", "1.2.65536", "-1.2.3", "1.2.3 ", null })
            Assert.Equal(FirmwareVersionNumber.Invalid, FirmwareVersionNumber.Parse(bad));
    }
}
