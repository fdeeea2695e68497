using Station.Core.Can;
using Station.Hal;
using Xunit;

namespace Station.Can.Tests;

/// <summary>The register-level decisions the device CAN adapters rely on: bit timing for the STM32F769's bxCAN and for
/// an MCP2515 with 8 or 16 MHz crystals, MCP2515 identifier packing, error states and bus-off recovery.</summary>
public class RegisterLevelTests
{
    [Fact]
    public void Stm32f769_can1_at_250_kbit_from_its_54_mhz_apb1()
    {
        var t = CanBitTiming.ForBxCan(54_000_000, 250_000);
        Assert.NotNull(t);
        Assert.Equal(12, t.Prescaler);   // 54 MHz / 12 = 4.5 MHz: tq = 222 ns
        Assert.Equal(18, t.QuantaPerBit); // 18 tq × 222 ns = 4 µs = 250 kbit/s
        Assert.Equal(15, t.Tseg1);
        Assert.Equal(2, t.Tseg2);
        Assert.Equal(1, t.Sjw);
        Assert.Equal(888, t.SamplePointPermille);
        Assert.Equal(250_000, t.BitRate(54_000_000));
    }

    [Theory]
    [InlineData(8_000_000, 0x00, 0xBC, 0x01)]
    [InlineData(16_000_000, 0x01, 0xBC, 0x01)]
    public void Mcp2515_at_250_kbit_for_8_and_16_mhz_crystals(int crystal, int cnf1, int cnf2, int cnf3)
    {
        Assert.True(Mcp2515.BitTiming(crystal, 250_000, out byte c1, out byte c2, out byte c3));
        Assert.Equal(cnf1, c1);
        Assert.Equal(cnf2, c2);
        Assert.Equal(cnf3, c3);
        // decode the registers back per the datasheet: tq = 2(BRP+1)/Fosc; bit = 1 + (PRSEG+1) + (PHSEG1+1) + (PHSEG2+1)
        int brp = c1 & 0x3F, prseg = c2 & 7, phseg1 = (c2 >> 3) & 7, phseg2 = c3 & 7;
        int quanta = 1 + (prseg + 1) + (phseg1 + 1) + (phseg2 + 1);
        Assert.Equal(250_000, crystal / (2 * (brp + 1) * quanta));
        Assert.Equal(0.875, (1.0 + prseg + 1 + phseg1 + 1) / quanta);
    }

    [Fact]
    public void Bit_timing_refuses_rates_the_clock_cannot_make_exactly()
    {
        Assert.False(Mcp2515.BitTiming(7_372_800, 250_000, out _, out _, out _));
        Assert.Null(CanBitTiming.ForBxCan(54_000_000, 300_001));
        Assert.Null(CanBitTiming.Compute(0, 250_000, 875, 64, 8, 25, 16, 2, 8));
        Assert.True(Mcp2515.BitTiming(8_000_000, 500_000, out _, out _, out _));
    }

    [Fact]
    public void Extended_id_is_packed_into_sidh_sidl_eid8_eid0_per_the_datasheet()
    {
        var image = new byte[Mcp2515.BufferImageLength];
        var f = new CanFrame { Id = 0x1CEB56F4, Extended = true, Length = 8, Data = 0x4D614C0FA00EC501 };
        Assert.Equal(13, Mcp2515.PackTxBuffer(ref f, image));
        // id bits 28..21 = 0xE7; SIDL = bits 20..18 (010) << 5 | EXIDE | bits 17..16 (11) = 0x4B
        Assert.Equal(new byte[] { 0xE7, 0x4B, 0x56, 0xF4, 0x08, 0x01, 0xC5, 0x0E, 0xA0, 0x0F, 0x4C, 0x61, 0x4D }, image);
        var back = new CanFrame();
        Mcp2515.UnpackRxBuffer(image, 0, ref back);
        Assert.True(back.Extended);
        Assert.Equal(f.Id, back.Id);
        Assert.Equal(f.Data, back.Data);
        Assert.Equal(8, back.Length);
    }

    [Fact]
    public void Standard_id_packing_and_short_frames()
    {
        var image = new byte[13];
        var f = new CanFrame { Id = 0x7DF, Extended = false, Length = 2, Data = 0x0102 };
        Assert.Equal(7, Mcp2515.PackTxBuffer(ref f, image));
        Assert.Equal(0xFB, image[0]);
        Assert.Equal(0xE0, image[1]);
        Assert.Equal(2, image[4]);
        var back = new CanFrame();
        Mcp2515.UnpackRxBuffer(image, 0, ref back);
        Assert.False(back.Extended);
        Assert.Equal(0x7DFu, back.Id);
        Assert.Equal(0x0102UL, back.Data);
    }

    [Fact]
    public void A_hostile_dlc_from_the_controller_is_clipped_to_8()
    {
        var image = new byte[] { 0, 0, 0, 0, 0x4F, 1, 2, 3, 4, 5, 6, 7, 8 };
        var back = new CanFrame();
        Mcp2515.UnpackRxBuffer(image, 0, ref back);
        Assert.Equal(8, back.Length);
        Assert.Equal(0x0807060504030201UL, back.Data);
    }

    [Theory]
    [InlineData(0x00, 0, 0, CanErrorState.Active)]
    [InlineData(0x01, 96, 0, CanErrorState.Warning)]
    [InlineData(0x00, 0, 100, CanErrorState.Warning)]
    [InlineData(0x10, 130, 0, CanErrorState.Passive)]
    [InlineData(0x08, 0, 128, CanErrorState.Passive)]
    [InlineData(0x20, 255, 0, CanErrorState.BusOff)]
    public void Error_state_from_eflg_and_counters(int eflg, int tec, int rec, CanErrorState expected)
    {
        Assert.Equal(expected, Mcp2515.ErrorState((byte)eflg, tec, rec));
    }

    [Fact]
    public void Bus_off_recovery_waits_then_backs_off_and_restarts_after_recovery()
    {
        var r = new BusOffRecovery { FirstRetryMs = 100, MaxRetryMs = 400 };
        Assert.False(r.ShouldReset(CanErrorState.Active, 0));
        Assert.False(r.ShouldReset(CanErrorState.BusOff, 10));   // the controller may recover by itself
        Assert.False(r.ShouldReset(CanErrorState.BusOff, 100));
        Assert.True(r.ShouldReset(CanErrorState.BusOff, 110));
        Assert.False(r.ShouldReset(CanErrorState.BusOff, 300));
        Assert.True(r.ShouldReset(CanErrorState.BusOff, 310));   // 200 ms later
        Assert.False(r.ShouldReset(CanErrorState.BusOff, 700));
        Assert.True(r.ShouldReset(CanErrorState.BusOff, 710));   // 400 ms (capped)
        Assert.True(r.ShouldReset(CanErrorState.BusOff, 1110));  // still capped at 400
        Assert.Equal(4, r.Resets);
        Assert.False(r.ShouldReset(CanErrorState.Active, 1200));
        Assert.False(r.ShouldReset(CanErrorState.BusOff, 1300));
        Assert.True(r.ShouldReset(CanErrorState.BusOff, 1401));  // back to the first wait after recovering
        Assert.Equal(2, r.BusOffEvents);
    }
}
