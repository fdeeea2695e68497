using System.Text;
using Station.Core.Can;
using Station.Hal;
using Xunit;

namespace Station.Can.Tests;

public class CandumpLineTests
{
    [Fact]
    public void Parses_an_extended_frame_with_its_timestamp()
    {
        var f = new CanFrame();
        string line = "(1700000000.123456) can0 1826F456#0102030405060708";
        Assert.Null(CandumpLine.TryParse(line, ref f, out long us, out int ts, out int tl));
        Assert.Equal(1700000000123456L, us);
        Assert.Equal("1700000000.123456", line.Substring(ts, tl));
        Assert.True(f.Extended);
        Assert.Equal(0x1826F456u, f.Id);
        Assert.Equal(8, f.Length);
        Assert.Equal(0x0807060504030201UL, f.Data);
    }

    [Theory]
    [InlineData("(1.5) vcan0 123#", 1500000L, 0x123u, false, 0)]
    [InlineData("(0.000001) can1 7FF#FF", 1L, 0x7FFu, false, 1)]
    [InlineData("(12.1234567890) can0 1FFFFFFF#00", 0L, 0x1FFFFFFFu, true, 1)] // too many fraction digits
    [InlineData("(1700000000.100000) can0 181056f4#a510d80e02 R", 1700000000100000L, 0x181056F4u, true, 5)]
    [InlineData("(1700000000.100000) can0 181056F4#A510D80E02\r", 1700000000100000L, 0x181056F4u, true, 5)]
    public void Accepts_the_variants_candump_and_python_can_write(string line, long micros, uint id, bool extended, int length)
    {
        var f = new CanFrame();
        string error = CandumpLine.TryParse(line, ref f, out long us, out _, out _);
        if (line.Contains("1234567890")) { Assert.Equal("bad timestamp", error); return; }
        Assert.Null(error);
        Assert.Equal(micros, us);
        Assert.Equal(id, f.Id);
        Assert.Equal(extended, f.Extended);
        Assert.Equal(length, f.Length);
    }

    [Theory]
    [InlineData("", "no '(' timestamp")]
    [InlineData("1700000000.1 can0 123#00", "no '(' timestamp")]
    [InlineData("(abc) can0 123#00", "bad timestamp")]
    [InlineData("(1.1) can0 12#00", "bad identifier")]
    [InlineData("(1.1) can0 1234#00", "bad identifier")]
    [InlineData("(1.1) can0 800#00", "bad identifier")]
    [InlineData("(1.1) can0 2FFFFFFF#00", "bad identifier")]
    [InlineData("(1.1) can0 1826F45G#00", "bad identifier")]
    [InlineData("(1.1) can0 1826F456#0", "odd number of data digits")]
    [InlineData("(1.1) can0 1826F456#0G", "bad data")]
    [InlineData("(1.1) can0 1826F456#000102030405060708", "more than 8 data bytes")]
    [InlineData("(1.1) can0 123#R", "remote frame")]
    [InlineData("(1.1) can0 123##1", "CAN FD frame")]
    [InlineData("(1.1) can0 1826F456", "no '#'")]
    [InlineData("(1.1) can0", "no interface")]
    [InlineData("(1.1) can0 123#00 junk", "trailing text")]
    [InlineData("(9999999999999.1) can0 123#00", "timestamp too large")]
    public void Refuses_malformed_lines_with_a_reason(string line, string reason)
    {
        var f = new CanFrame();
        Assert.Equal(reason, CandumpLine.TryParse(line, ref f, out _, out _, out _));
    }

    [Fact]
    public void Writes_what_it_reads()
    {
        var sb = new StringBuilder();
        var f = Bus.Frame(0x1CEB56F4, 1, 0xC5, 0x0E, 0xA0, 0x0F, 0x4C, 0x61, 0x4D);
        CandumpLine.Append(sb, 1700000000000042L, "can0", ref f);
        Assert.Equal("(1700000000.000042) can0 1CEB56F4#01C50EA00F4C614D", sb.ToString());
        var back = new CanFrame();
        Assert.Null(CandumpLine.TryParse(sb.ToString(), ref back, out long us, out _, out _));
        Assert.Equal(f.Data, back.Data);
        Assert.Equal(1700000000000042L, us);
        sb.Clear();
        var s = new CanFrame { Id = 0x7DF, Length = 0 };
        CandumpLine.Append(sb, 5, "vcan0", ref s);
        Assert.Equal("(0.000005) vcan0 7DF#", sb.ToString());
    }
}
