using Station.Core.Config;
using System.Text;
using Station.Core.Update;
using Xunit;

namespace Station.Update.Tests;

/// <summary>The portable SHA-256 and SHA-512 against the examples published with FIPS 180-4 (NIST's "Examples
/// with intermediate values": one block "abc", and the two-block messages).</summary>
public class HashVectorTests
{
    static string Sha256Of(byte[] m, int piece)
    {
        var sha = new Sha256();
        for (int i = 0; i < m.Length; i += piece) sha.Update(m, i, Math.Min(piece, m.Length - i));
        var d = new byte[32];
        sha.Final(d, 0);
        return Hex.Of(d);
    }

    static string Sha512Of(byte[] m, int piece)
    {
        var sha = new Sha512();
        for (int i = 0; i < m.Length; i += piece) sha.Update(m, i, Math.Min(piece, m.Length - i));
        var d = new byte[64];
        sha.Final(d, 0);
        return Hex.Of(d);
    }

    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Sha256MatchesTheFips180Examples(string message, string digest)
    {
        var m = Encoding.ASCII.GetBytes(message);
        Assert.Equal(digest, Sha256Of(m, 64));
        Assert.Equal(digest, Sha256Of(m, 1)); // fed a byte at a time, as chunks arrive
    }

    [Theory]
    [InlineData("abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909")]
    public void Sha512MatchesTheFips180Examples(string message, string digest)
    {
        var m = Encoding.ASCII.GetBytes(message);
        Assert.Equal(digest, Sha512Of(m, 128));
        Assert.Equal(digest, Sha512Of(m, 7));
    }

    [Fact]
    public void LongMessagesAndEveryPaddingBoundaryMatchDotNet()
    {
        var rng = new System.Random(11);
        for (int n = 0; n < 300; n++)
        {
            var m = new byte[n];
            rng.NextBytes(m);
            Assert.Equal(Hex.Of(System.Security.Cryptography.SHA256.HashData(m)), Sha256Of(m, 13));
            Assert.Equal(Hex.Of(System.Security.Cryptography.SHA512.HashData(m)), Sha512Of(m, 13));
        }
        var million = Encoding.ASCII.GetBytes(new string('a', 1_000_000));
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Sha256Of(million, 4096));
    }
}
