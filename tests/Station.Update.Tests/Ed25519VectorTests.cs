using Station.Core.Update;
using Xunit;

namespace Station.Update.Tests;

/// <summary>The portable Ed25519 verification against RFC 8032 section 7.1 (TEST 1, 2, 3), and the ways a
/// signature must fail: any changed bit, another key, a non-canonical S (section 5.1.7), a key that is no point.</summary>
public class Ed25519VectorTests
{
    public static readonly TheoryData<string, string, string> Rfc8032 = new()
    {
        { "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
          "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b" },
        { "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
          "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00" },
        { "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
          "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a" },
    };

    [Theory, MemberData(nameof(Rfc8032))]
    public void TheRfc8032VectorsVerify(string key, string message, string signature)
    {
        Assert.True(new Ed25519Verifier().Verify(Hex.Bytes(key), Hex.Bytes(signature), Hex.Bytes(message), 0, message.Length / 2));
    }

    [Theory, MemberData(nameof(Rfc8032))]
    public void EveryFlippedSignatureOrMessageBitIsRefused(string key, string message, string signature)
    {
        var v = new Ed25519Verifier();
        var m = Hex.Bytes(message);
        for (int bit = 0; bit < 512; bit += 7)
        {
            var s = Hex.Bytes(signature);
            s[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(v.Verify(Hex.Bytes(key), s, m, 0, m.Length), $"bit {bit} of the signature");
        }
        if (m.Length > 0)
        {
            m[0] ^= 1;
            Assert.False(v.Verify(Hex.Bytes(key), Hex.Bytes(signature), m, 0, m.Length));
        }
    }

    [Fact]
    public void AnotherKeysSignatureIsRefused()
    {
        var v = new Ed25519Verifier();
        Assert.False(v.Verify(Hex.Bytes(Rfc8032Key(1)), Hex.Bytes(Rfc8032Signature(0)), new byte[0], 0, 0));
    }

    [Fact]
    public void ASignatureWithSPlusTheOrderIsRefused()
    {
        // S + L encodes the same residue; RFC 8032 requires S < L so a signature has one form only.
        var s = Hex.Bytes(Rfc8032Signature(0));
        var order = Hex.Bytes("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        int carry = 0;
        for (int i = 0; i < 32; i++)
        {
            int sum = s[32 + i] + order[i] + carry;
            s[32 + i] = (byte)sum;
            carry = sum >> 8;
        }
        Assert.False(new Ed25519Verifier().Verify(Hex.Bytes(Rfc8032Key(0)), s, new byte[0], 0, 0));
    }

    [Fact]
    public void AKeyThatIsNoPointOrIsMalformedIsRefusedNotThrown()
    {
        var v = new Ed25519Verifier();
        var sig = Hex.Bytes(Rfc8032Signature(0));
        var notOnCurve = Hex.Bytes(Rfc8032Key(0));
        notOnCurve[0] ^= 0x02; // most y have no x; this one is checked by the decoder
        Assert.False(v.Verify(notOnCurve, sig, new byte[0], 0, 0));
        var allOnes = Enumerable.Repeat((byte)0xff, 32).ToArray(); // y >= p: not canonical
        Assert.False(v.Verify(allOnes, sig, new byte[0], 0, 0));
        Assert.False(v.Verify(new byte[31], sig, new byte[0], 0, 0));
        Assert.False(v.Verify(Hex.Bytes(Rfc8032Key(0)), new byte[63], new byte[0], 0, 0));
        Assert.False(v.Verify(Hex.Bytes(Rfc8032Key(0)), sig, new byte[4], 2, 3));
    }

    [Fact]
    public void SlicesAreBoundedAndGiveTheSameAnswer()
    {
        var v = new Ed25519Verifier();
        var m = Hex.Bytes("af82");
        v.Begin(Hex.Bytes(Rfc8032Key(2)), Hex.Bytes(Rfc8032Signature(2)), m, 0, 2);
        int steps = 0;
        while (v.Step(8) == SignatureCheck.Working) steps++;
        Assert.Equal(SignatureCheck.Valid, v.State);
        // decode, hash, 2 x 256/8 ladder slices, finish: each call did a bounded piece of the work.
        Assert.InRange(steps, 2 + 64, 2 + 64 + 2);
    }

    static string Rfc8032Key(int i) => (string)Rfc8032.ToArray()[i][0];
    static string Rfc8032Signature(int i) => (string)Rfc8032.ToArray()[i][2];
}
