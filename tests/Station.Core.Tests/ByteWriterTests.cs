using Station.Core.Journal;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The journal's byte layout, field by field: little-endian integers, a length-prefixed ASCII string with
    /// 255 for null, non-ASCII as '?', strings cut at 64. The golden journal files hold whole records; these pin each
    /// writer on its own, edges included, so a faster writer cannot change a stored byte.</summary>
    public class ByteWriterTests
    {
        private static byte[] Written(System.Action<ByteWriter> write, int start = 3)
        {
            var w = new ByteWriter(new byte[200]) { Position = start };
            write(w);
            byte[] b = new byte[w.Position - start];
            System.Array.Copy(w.Buffer, start, b, 0, b.Length);
            return b;
        }

        private static ByteReader Reader(byte[] b) { return new ByteReader(b, 0, b.Length); }

        [Theory]
        [InlineData(0, "00000000")]
        [InlineData(1, "01000000")]
        [InlineData(-1, "FFFFFFFF")]
        [InlineData(0x12345678, "78563412")]
        [InlineData(int.MinValue, "00000080")]
        [InlineData(int.MaxValue, "FFFFFF7F")]
        public void I32_is_little_endian(int v, string hex)
        {
            Assert.Equal(hex, System.Convert.ToHexString(Written(w => w.I32(v))));
            Assert.Equal(hex, System.Convert.ToHexString(Written(w => w.U32(unchecked((uint)v)))));
            Assert.Equal(v, Reader(Written(w => w.I32(v))).I32());
        }

        [Theory]
        [InlineData(0L, "0000000000000000")]
        [InlineData(-1L, "FFFFFFFFFFFFFFFF")]
        [InlineData(0x0102030405060708L, "0807060504030201")]
        [InlineData(long.MinValue, "0000000000000080")]
        [InlineData(0x00000000FFFFFFFFL, "FFFFFFFF00000000")]
        [InlineData(1764576000000L, "00F8ECD89A010000")]
        public void I64_is_little_endian_low_word_first(long v, string hex)
        {
            Assert.Equal(hex, System.Convert.ToHexString(Written(w => w.I64(v))));
            Assert.Equal(v, Reader(Written(w => w.I64(v))).I64());
        }

        [Fact]
        public void Strings_are_length_prefixed_ascii()
        {
            Assert.Equal("FF", System.Convert.ToHexString(Written(w => w.Str(null))));
            Assert.Equal("00", System.Convert.ToHexString(Written(w => w.Str(""))));
            Assert.Equal("03414231", System.Convert.ToHexString(Written(w => w.Str("AB1"))));
            Assert.Equal("03413F42", System.Convert.ToHexString(Written(w => w.Str("A\u00e9B"))));
            byte[] cut = Written(w => w.Str(new string('x', 100)));
            Assert.Equal(65, cut.Length);
            Assert.Equal(64, cut[0]);
            var w2 = new ByteWriter(new byte[10]);
            w2.Str("ab");
            w2.I32(7);
            Assert.Equal(7, w2.Position);
        }
    }
}
