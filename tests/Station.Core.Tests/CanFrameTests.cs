using Station.Hal;
using Xunit;

namespace Station.Core.Tests
{
    public class CanFrameTests
    {
        [Fact]
        public void Byte_indexer_reads_and_writes_each_byte_independently()
        {
            var frame = new CanFrame();
            for (int i = 0; i < 8; i++) frame[i] = (byte)(0x11 * (i + 1));
            Assert.Equal(0x8877665544332211UL, frame.Data);
            frame[3] = 0x00;
            Assert.Equal(0x8877665500332211UL, frame.Data);
            Assert.Equal(0x88, frame[7]);
        }
    }
}
