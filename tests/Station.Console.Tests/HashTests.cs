using System;
using System.Text;
using Station.Core.Config;
using Station.Core.Journal;
using Xunit;

namespace Station.Console.Tests
{
    public class HashTests
    {
        private static string Hex(byte[] d) => HexText.FromBytes(d, 0, d.Length);

        [Theory]
        [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
        public void Sha256_matches_the_FIPS_180_examples(string message, string digest)
        {
            byte[] m = Encoding.ASCII.GetBytes(message);
            Assert.Equal(digest, Hex(Sha256.Hash(m, 0, m.Length)));
        }

        [Fact]
        public void Sha256_of_a_million_a_matches_the_NIST_vector()
        {
            byte[] m = new byte[1000000];
            Array.Fill(m, (byte)'a');
            Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Hex(Sha256.Hash(m, 0, m.Length)));
        }

        [Fact]
        public void Sha256_agrees_with_the_platform_for_every_length_around_the_block_edges()
        {
            byte[] data = new byte[300];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 37 + 11);
            for (int offset = 0; offset < 3; offset++)
            {
                for (int n = 0; n <= 200; n++)
                {
                    byte[] expected = System.Security.Cryptography.SHA256.HashData(data.AsSpan(offset, n));
                    Assert.Equal(Hex(expected), Hex(Sha256.Hash(data, offset, n)));
                }
            }
        }

        [Fact]
        public void Crc32_matches_the_check_value()
        {
            byte[] m = Encoding.ASCII.GetBytes("123456789");
            Assert.Equal(0xCBF43926u, Crc32.Compute(m, 0, m.Length));
        }

        // The bitwise definition (no table): the four-byte slices and the tail must agree with it at every alignment.
        private static uint BitwiseCrc32(byte[] d, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= d[i];
                for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
            return ~crc;
        }

        [Fact]
        public void Crc32_agrees_with_the_bitwise_definition_at_every_offset_and_length()
        {
            var random = new System.Random(27930);
            byte[] data = new byte[600];
            random.NextBytes(data);
            data[100] = 0xFF; data[101] = 0x00; data[102] = 0x80; data[103] = 0x7F;
            for (int offset = 0; offset < 9; offset++)
                for (int n = 0; n <= 520; n++)
                    Assert.Equal(BitwiseCrc32(data, offset, n), Crc32.Compute(data, offset, n));
            byte[] zeros = new byte[64], ones = new byte[64];
            System.Array.Fill(ones, (byte)0xFF);
            Assert.Equal(BitwiseCrc32(zeros, 0, 64), Crc32.Compute(zeros, 0, 64));
            Assert.Equal(BitwiseCrc32(ones, 0, 64), Crc32.Compute(ones, 0, 64));
        }

        [Fact]
        public void Pin_hash_matches_only_its_pin_and_salts_differ()
        {
            string a = PinHash.Create("4711", 1);
            string b = PinHash.Create("4711", 2);
            Assert.True(PinHash.IsStoredForm(a));
            Assert.NotEqual(a, b);
            Assert.True(PinHash.Matches(a, "4711"));
            Assert.True(PinHash.Matches(b, "4711"));
            Assert.False(PinHash.Matches(a, "4712"));
            Assert.False(PinHash.Matches(a, "47110"));
            Assert.False(PinHash.Matches(a, ""));
            Assert.False(PinHash.Matches(a, null));
            Assert.False(PinHash.Matches("garbage", "4711"));
            Assert.DoesNotContain("4711", a);
        }

        [Theory]
        [InlineData("1234", true)]
        [InlineData("12345678", true)]
        [InlineData("123", false)]
        [InlineData("123456789", false)]
        [InlineData("12a4", false)]
        [InlineData("-123", false)]
        public void Pin_shape_is_four_to_eight_digits(string pin, bool ok) => Assert.Equal(ok, PinHash.IsWellFormed(pin));

        [Theory]
        [InlineData("0", true, 0)]
        [InlineData("+10", true, 10)]
        [InlineData("-50", true, -50)]
        [InlineData("999999999", true, 999999999)]
        [InlineData("1000000000", false, 0)]
        [InlineData("", false, 0)]
        [InlineData("+", false, 0)]
        [InlineData("1.5", false, 0)]
        [InlineData("10mm", false, 0)]
        [InlineData(" 1", false, 0)]
        [InlineData("0x10", false, 0)]
        [InlineData("--1", false, 0)]
        public void Numbers_are_parsed_strictly(string text, bool ok, int value)
        {
            Assert.Equal(ok, NumberText.TryParse(text, out int v));
            Assert.Equal(value, v);
        }
    }
}
