using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Station.Core.Can;
using Xunit;

namespace Station.Can.Tests;

/// <summary>Every message of the GB/T 27930-2015 profile decoded from frames built byte by byte from the layout in
/// GB/T 27930-2015, with the edge values (offsets, maxima, 0xFF fill).</summary>
public class ProfileDecodeTests
{
    private static JsonElement One(params Station.Hal.CanFrame[] frames)
    {
        var h = new Harness();
        foreach (var f in frames) h.Feed(f);
        return h.Single();
    }

    private static JsonElement Transported(int pf, string hex, int sa = Bus.Bms)
    {
        var h = new Harness();
        h.Feed(Bus.Transfer(sa, pf << 8, Bus.Hex(hex)));
        return h.Single();
    }

    private static double D(JsonElement e, string key) => e.GetProperty(key).GetDouble();
    private static int I(JsonElement e, string key) => e.GetProperty(key).GetInt32();
    private static string S(JsonElement e, string key) => e.GetProperty(key).GetString();
    private static bool IsNull(JsonElement e, string key) => e.GetProperty(key).ValueKind == JsonValueKind.Null;
    private static string Raw(JsonElement e, string key) => e.GetProperty(key).GetRawText();

    [Fact]
    public void Chm_version_is_minor_then_major_little_endian()
    {
        var m = One(Bus.FromStation(0x26, 0x01, 0x01, 0x00));
        Assert.Equal("CHM", S(m, "msg"));
        Assert.Equal("0x56", m.GetProperty("sa").GetString());
        Assert.Equal("V1.1", S(m, "protocol_version"));
        Assert.Equal("V258.0", S(One(Bus.FromStation(0x26, 0x00, 0x02, 0x01)), "protocol_version"));
    }

    [Fact]
    public void Bhm_max_charge_voltage_at_0_1_v_per_bit_up_to_the_maximum()
    {
        Assert.Equal(426.1, D(One(Bus.FromBms(0x27, 0xA5, 0x10)), "max_charge_voltage_v"));
        // A widely quoted worked example gives `8E 17` as 604.6 V, but 0x178E = 6030 → 603.0 V (the text's arithmetic slip).
        Assert.Equal(603.0, D(One(Bus.FromBms(0x27, 0x8E, 0x17)), "max_charge_voltage_v"));
        Assert.Equal("6553.5", Raw(One(Bus.FromBms(0x27, 0xFF, 0xFF)), "max_charge_voltage_v"));
    }

    [Fact]
    public void Crm_recognition_charger_number_and_optional_region()
    {
        var m = One(Bus.FromStation(0x01, 0xAA, 0x01, 0x00, 0x00, 0x00, 0x31, 0x32, 0x33));
        Assert.Equal(0xAA, I(m, "recognition_code"));
        Assert.Equal("recognised", S(m, "recognition"));
        Assert.Equal(1, I(m, "charger_number"));
        Assert.Equal("123", S(m, "region_code"));
        var n = One(Bus.FromStation(0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));
        Assert.Equal("not_recognised", S(n, "recognition"));
        Assert.Equal(4294967295L, n.GetProperty("charger_number").GetInt64());
        Assert.True(IsNull(n, "region_code"));
    }

    private const string Brm49 =
        "010100" + "03" + "B80B" + "3C0F" + "4341544C" + "40E20100" + "26060F" + "020100" + "01" + "FF" +
        "4C535641553231383048323138333239" + "34" + "050F03E707FFFFFF";

    [Fact]
    public void Brm_49_bytes_every_field()
    {
        Assert.Equal(49, Bus.Hex(Brm49).Length);
        var m = Transported(0x02, Brm49);
        Assert.Equal("BRM", S(m, "msg"));
        Assert.Equal("V1.1", S(m, "protocol_version"));
        Assert.Equal(3, I(m, "battery_type_code"));
        Assert.Equal("lifepo4", S(m, "battery_type"));
        Assert.Equal(300.0, D(m, "rated_capacity_ah"));
        Assert.Equal(390.0, D(m, "rated_voltage_v"));
        Assert.Equal("CATL", S(m, "manufacturer"));
        Assert.Equal(123456, I(m, "pack_serial_number"));
        Assert.Equal("0x0001E240", S(m, "pack_serial_hex"));
        Assert.Equal("2023-06-15", S(m, "manufacture_date"));
        Assert.Equal(258, I(m, "cycle_count"));
        Assert.Equal(1, I(m, "ownership_code"));
        Assert.Equal("owned", S(m, "ownership"));
        Assert.Equal("LSVAU2180H2183294", S(m, "vin"));
        Assert.Equal(5, m.GetProperty("bms_sw_version").GetProperty("serial").GetInt32());
        Assert.Equal("2023-03-15", m.GetProperty("bms_sw_version").GetProperty("date").GetString());
    }

    [Fact]
    public void Brm_41_bytes_has_null_software_version_and_all_ff_vin_is_null()
    {
        string hex = Brm49.Substring(0, 24 * 2) + new string('F', 34);
        var m = Transported(0x02, hex);
        Assert.Equal("lifepo4", S(m, "battery_type"));
        Assert.True(IsNull(m, "vin"));
        Assert.True(IsNull(m, "bms_sw_version"));
    }

    [Fact]
    public void Brm_optional_fields_all_ff_are_null_and_type_ff_is_other()
    {
        string hex = "010100" + "FF" + "B80B" + "3C0F" + "FFFFFFFF" + "FFFFFFFF" + "FFFFFF" + "FFFFFF" + "FF" + "FF" +
                     new string('F', 34) + "FFFFFFFFFFFFFFFF";
        var m = Transported(0x02, hex);
        Assert.Equal(255, I(m, "battery_type_code"));
        Assert.Equal("other", S(m, "battery_type"));
        foreach (var key in new[] { "manufacturer", "pack_serial_number", "pack_serial_hex", "manufacture_date", "cycle_count",
                                    "ownership_code", "ownership", "vin", "bms_sw_version" })
            Assert.True(IsNull(m, key), key);
    }

    [Fact]
    public void Brm_zero_filled_vin_is_an_empty_string_not_garbage_and_unknown_type_is_named_unknown()
    {
        string hex = Brm49.Substring(0, 6) + "09" + Brm49.Substring(8, 16 * 2) + new string('0', 34 * 2 - 32) + Brm49.Substring(41 * 2);
        hex = Brm49.Substring(0, 6) + "09" + Brm49.Substring(8, (24 - 4) * 2) + new string('0', 34) + Brm49.Substring(41 * 2);
        var m = Transported(0x02, hex);
        Assert.Equal("unknown", S(m, "battery_type"));
        Assert.Equal("", S(m, "vin"));
    }

    [Fact]
    public void Brm_with_only_the_8_mandatory_bytes_in_one_frame_decodes_them_and_nulls_the_rest()
    {
        var m = One(Bus.Frame(Bus.Id(7, 0x02, Bus.Station, Bus.Bms), 0x01, 0x01, 0x00, 0x06, 0xB8, 0x0B, 0x3C, 0x0F));
        Assert.Equal("ternary", S(m, "battery_type"));
        Assert.Equal(390.0, D(m, "rated_voltage_v"));
        Assert.True(IsNull(m, "manufacturer"));
        Assert.True(IsNull(m, "pack_serial_number"));
        Assert.True(IsNull(m, "bms_sw_version"));
    }

    [Fact]
    public void Brm_manufacture_year_offset_1985_reaches_2240()
    {
        string hex = Brm49.Substring(0, 16 * 2) + "FF0C1F" + Brm49.Substring(19 * 2);
        Assert.Equal("2240-12-31", S(Transported(0x02, hex), "manufacture_date"));
        hex = Brm49.Substring(0, 16 * 2) + "000101" + Brm49.Substring(19 * 2);
        Assert.Equal("1985-01-01", S(Transported(0x02, hex), "manufacture_date"));
    }

    [Fact]
    public void Bcp_every_field_with_signed_current_and_0_1_percent_soc()
    {
        var m = Transported(0x06, "A401" + "DA05" + "2003" + "A510" + "64" + "5802" + "100E");
        Assert.Equal(4.2, D(m, "cell_max_charge_voltage_v"));
        Assert.Equal(-250.2, D(m, "max_charge_current_a"));
        Assert.Equal(80.0, D(m, "nominal_energy_kwh"));
        Assert.Equal(426.1, D(m, "max_charge_voltage_v"));
        Assert.Equal(50, I(m, "max_temp_c"));
        Assert.Equal(60.0, D(m, "soc_pct"));
        Assert.Equal(360.0, D(m, "pack_voltage_v"));
        Assert.False(m.TryGetProperty("out_of_range", out _));
        Assert.Equal(-100.0, D(Transported(0x06, "A401" + "B80B" + "2003" + "A510" + "64" + "5802" + "100E"), "max_charge_current_a"));
    }

    [Fact]
    public void Bcp_edges_temperature_offset_and_out_of_range_soc_are_flagged()
    {
        var m = Transported(0x06, "A401" + "A00F" + "2003" + "A510" + "00" + "E903" + "100E");
        Assert.Equal(-50, I(m, "max_temp_c"));
        Assert.Equal("0.0", Raw(m, "max_charge_current_a"));
        Assert.Equal(100.1, D(m, "soc_pct"));
        Assert.Equal(new[] { "soc_pct" }, m.GetProperty("out_of_range").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Cts_little_endian_bcd_with_century_in_byte_7_and_ff_is_null()
    {
        Assert.Equal("2015-05-16T08:24:36", S(One(Bus.FromStation(0x07, 0x36, 0x24, 0x08, 0x16, 0x05, 0x15, 0x20)), "time"));
        Assert.True(IsNull(One(Bus.FromStation(0x07, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)), "time"));
    }

    [Fact]
    public void Cml_voltage_and_signed_current_limits()
    {
        var m = One(Bus.FromStation(0x08, 0x58, 0x1B, 0xD0, 0x07, 0xDC, 0x05, 0xA0, 0x0F));
        Assert.Equal(700.0, D(m, "max_output_voltage_v"));
        Assert.Equal(200.0, D(m, "min_output_voltage_v"));
        Assert.Equal(-250.0, D(m, "max_output_current_a"));
        Assert.Equal(0.0, D(m, "min_output_current_a"));
        Assert.Equal(-400.0, D(One(Bus.FromStation(0x08, 0, 0, 0, 0, 0, 0, 0, 0)), "max_output_current_a"));
        Assert.Equal(6153.5, D(One(Bus.FromStation(0x08, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0)), "max_output_current_a"));
    }

    [Theory]
    [InlineData(0x00, "not_ready")]
    [InlineData(0xAA, "ready")]
    [InlineData(0xFF, "invalid")]
    [InlineData(0x12, "unknown")]
    public void Bro_and_cro_ready_codes(int code, string name)
    {
        var b = One(Bus.Frame(Bus.Id(4, 0x09, Bus.Station, Bus.Bms), (byte)code));
        Assert.Equal("BRO", S(b, "msg"));
        Assert.Equal(code, I(b, "ready_code"));
        Assert.Equal(name, S(b, "ready"));
        var c = One(Bus.Frame(Bus.Id(4, 0x0A, Bus.Bms, Bus.Station), (byte)code));
        Assert.Equal("CRO", S(c, "msg"));
        Assert.Equal(name, S(c, "ready"));
    }

    [Fact]
    public void Bcl_capture_example_and_longer_dlc_is_accepted()
    {
        var m = One(Bus.FromBms(0x10, 0xA5, 0x10, 0xD8, 0x0E, 0x02));
        Assert.Equal(426.1, D(m, "voltage_demand_v"));
        Assert.Equal(-20.0, D(m, "current_demand_a"));
        Assert.Equal(2, I(m, "charge_mode_code"));
        Assert.Equal("constant_current", S(m, "charge_mode"));
        var padded = One(Bus.FromBms(0x10, 0xA5, 0x10, 0xD8, 0x0E, 0x01, 0xFF, 0xFF, 0xFF));
        Assert.Equal("constant_voltage", S(padded, "charge_mode"));
    }

    [Fact]
    public void Bcs_worked_examples_from_the_captures()
    {
        var m = Transported(0x11, "C50EA00F4C614D0000");
        Assert.Equal("BCS", S(m, "msg"));
        Assert.Equal(378.1, D(m, "voltage_v"));
        Assert.Equal("0.0", Raw(m, "current_a"));
        Assert.Equal(3.32, D(m, "max_cell_v"));
        Assert.Equal(6, I(m, "max_cell_group"));
        Assert.Equal(77, I(m, "soc_pct"));
        Assert.Equal(0, I(m, "remaining_min"));
        var ty = Transported(0x11, "2513A00F731161" + "0000");
        Assert.Equal(490.1, D(ty, "voltage_v"));
        Assert.Equal(3.71, D(ty, "max_cell_v"));
        Assert.Equal(1, I(ty, "max_cell_group"));
        Assert.Equal(97, I(ty, "soc_pct"));
    }

    [Fact]
    public void Bcs_edges_max_group_and_out_of_range_cell_voltage_and_time()
    {
        var m = Transported(0x11, "FFFF" + "FFFF" + "FFFF" + "64" + "5902");
        Assert.Equal(6553.5, D(m, "voltage_v"));
        Assert.Equal(6153.5, D(m, "current_a"));
        Assert.Equal(40.95, D(m, "max_cell_v"));
        Assert.Equal(15, I(m, "max_cell_group"));
        Assert.Equal(100, I(m, "soc_pct"));
        Assert.Equal(601, I(m, "remaining_min"));
        Assert.Equal(new[] { "max_cell_v", "remaining_min" }, m.GetProperty("out_of_range").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Bcs_as_an_8_byte_single_frame_is_rejected_as_too_short()
    {
        var h = new Harness();
        h.Feed(Bus.Frame(Bus.Id(7, 0x11, Bus.Station, Bus.Bms), 0xC5, 0x0E, 0xA0, 0x0F, 0x4C, 0x61, 0x4D, 0x00));
        Assert.Empty(h.Messages);
        Assert.Equal("short_frame", h.DropReason());
        Assert.Equal("BCS", Assert.Single(h.Drops).GetProperty("msg").GetString());
    }

    [Fact]
    public void Ccs_accepted_at_dlc_7_and_8()
    {
        var m = One(Bus.FromStation(0x12, 0x10, 0x0E, 0x9C, 0x0F, 0x0A, 0x00, 0xFD));
        Assert.Equal(360.0, D(m, "output_voltage_v"));
        Assert.Equal(-0.4, D(m, "output_current_a"));
        Assert.Equal(10, I(m, "charge_time_min"));
        Assert.Equal(1, I(m, "charge_permit"));
        var eight = One(Bus.FromStation(0x12, 0x10, 0x0E, 0x9C, 0x0F, 0x58, 0x02, 0xFC, 0xFF));
        Assert.Equal(600, I(eight, "charge_time_min"));
        Assert.Equal(0, I(eight, "charge_permit"));
    }

    [Fact]
    public void Bsm_offsets_plus_one_and_lsb_first_two_bit_fields()
    {
        var m = One(Bus.FromBms(0x13, 0x0A, 0x5B, 0x0A, 0x4A, 0x03, 0x99, 0xD0));
        Assert.Equal(11, I(m, "max_cell_voltage_index"));
        Assert.Equal(41, I(m, "max_temp_c"));
        Assert.Equal(11, I(m, "max_temp_probe"));
        Assert.Equal(24, I(m, "min_temp_c"));
        Assert.Equal(4, I(m, "min_temp_probe"));
        Assert.Equal(1, I(m, "cell_voltage_state"));
        Assert.Equal(2, I(m, "soc_state"));
        Assert.Equal(1, I(m, "overcurrent_state"));
        Assert.Equal(2, I(m, "overtemp_state"));
        Assert.Equal(0, I(m, "insulation_state"));
        Assert.Equal(0, I(m, "connector_state"));
        Assert.Equal(1, I(m, "charge_permit"));
    }

    [Fact]
    public void Bsm_edges_index_256_probe_128_and_insulation_fault()
    {
        var m = One(Bus.FromBms(0x13, 0xFF, 0xFA, 0x7F, 0x00, 0x80, 0x00, 0x09, 0xFF));
        Assert.Equal(256, I(m, "max_cell_voltage_index"));
        Assert.Equal(200, I(m, "max_temp_c"));
        Assert.Equal(128, I(m, "max_temp_probe"));
        Assert.Equal(-50, I(m, "min_temp_c"));
        Assert.Equal(129, I(m, "min_temp_probe"));
        Assert.Equal(1, I(m, "insulation_state"));
        Assert.Equal(2, I(m, "connector_state"));
        Assert.Equal(0, I(m, "charge_permit"));
        Assert.Equal(new[] { "min_temp_probe" }, m.GetProperty("out_of_range").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Bst_reasons_fault_word_little_endian_and_errors()
    {
        var m = One(Bus.Frame(Bus.Id(4, 0x19, Bus.Station, Bus.Bms), 0x40, 0x01, 0x81, 0xF9));
        Assert.Equal(0, I(m, "reason_soc_target"));
        Assert.Equal(1, I(m, "reason_charger_stop"));
        Assert.Equal(1, I(m, "fault_insulation"));
        Assert.Equal(0, I(m, "fault_output_connector_overtemp"));
        Assert.Equal(1, I(m, "fault_pack_overtemp"));
        Assert.Equal(2, I(m, "fault_other"));
        Assert.Equal(1, I(m, "error_overcurrent"));
        Assert.Equal(2, I(m, "error_voltage"));
        var soc = One(Bus.Frame(Bus.Id(4, 0x19, Bus.Station, Bus.Bms), 0x01, 0x00, 0x00, 0xF0));
        Assert.Equal(1, I(soc, "reason_soc_target"));
    }

    [Fact]
    public void Cst_capture_manual_stop_with_fill_bits_ignored_and_emergency_stop()
    {
        var m = One(Bus.Frame(Bus.Id(4, 0x1A, Bus.Bms, Bus.Station), 0x04, 0x00, 0xF0, 0xF0));
        Assert.Equal(1, I(m, "reason_manual_stop"));
        Assert.Equal(0, I(m, "reason_condition_reached"));
        Assert.Equal(0, I(m, "fault_emergency_stop"));
        Assert.Equal(0, I(m, "fault_other"));
        Assert.Equal(0, I(m, "error_current_mismatch"));
        var e = One(Bus.Frame(Bus.Id(4, 0x1A, Bus.Bms, Bus.Station), 0x10, 0x00, 0xF1, 0xF4));
        Assert.Equal(1, I(e, "reason_fault_stop"));
        Assert.Equal(1, I(e, "fault_emergency_stop"));
        Assert.Equal(1, I(e, "error_voltage"));
    }

    [Fact]
    public void Bsd_low_before_high_and_temperature_offsets()
    {
        var m = One(Bus.FromBms(0x1C, 0x4D, 0x4C, 0x01, 0x60, 0x01, 0x3C, 0x4B));
        Assert.Equal(77, I(m, "soc_pct"));
        Assert.Equal(3.32, D(m, "min_cell_v"));
        Assert.Equal(3.52, D(m, "max_cell_v"));
        Assert.Equal(10, I(m, "min_temp_c"));
        Assert.Equal(25, I(m, "max_temp_c"));
    }

    [Fact]
    public void Csd_reports_the_raw_charger_number()
    {
        var m = One(Bus.FromStation(0x1D, 0x3C, 0x00, 0xE8, 0x03, 0x01, 0x01, 0x01, 0x01));
        Assert.Equal(60, I(m, "charge_time_min"));
        Assert.Equal(100.0, D(m, "output_energy_kwh"));
        Assert.Equal(0x01010101, I(m, "charger_number_raw"));
    }

    [Fact]
    public void Bem_capture_is_a_ccs_timeout()
    {
        var m = One(Bus.Frame(Bus.Id(2, 0x1E, Bus.Station, Bus.Bms), 0xF0, 0xF0, 0xF1, 0xFC));
        Assert.Equal(1, I(m, "timeout_ccs"));
        foreach (var k in new[] { "timeout_crm_00", "timeout_crm_aa", "timeout_cts_cml", "timeout_cro", "timeout_cst", "timeout_csd" })
            Assert.Equal(0, I(m, k));
        var all = One(Bus.Frame(Bus.Id(2, 0x1E, Bus.Station, Bus.Bms), 0xF5, 0xF6, 0xF9, 0xFD));
        Assert.Equal(1, I(all, "timeout_crm_00"));
        Assert.Equal(1, I(all, "timeout_crm_aa"));
        Assert.Equal(2, I(all, "timeout_cts_cml"));
        Assert.Equal(1, I(all, "timeout_cro"));
        Assert.Equal(1, I(all, "timeout_ccs"));
        Assert.Equal(2, I(all, "timeout_cst"));
        Assert.Equal(1, I(all, "timeout_csd"));
    }

    [Fact]
    public void Cem_one_field_in_byte_1_three_in_byte_3()
    {
        var m = One(Bus.Frame(Bus.Id(2, 0x1F, Bus.Bms, Bus.Station), 0xFD, 0xF4, 0xC6, 0xF4));
        Assert.Equal(1, I(m, "timeout_brm"));
        Assert.Equal(0, I(m, "timeout_bcp"));
        Assert.Equal(1, I(m, "timeout_bro"));
        Assert.Equal(2, I(m, "timeout_bcs"));
        Assert.Equal(1, I(m, "timeout_bcl"));
        Assert.Equal(0, I(m, "timeout_bst"));
        Assert.Equal(0, I(m, "timeout_bsd"));
        Assert.Equal(1, I(m, "timeout_other"));
    }

    [Fact]
    public void Every_message_of_the_spec_is_in_the_profile_with_its_pgn_and_direction()
    {
        var expected = new (string Name, int Pf, bool FromBms, int Length)[]
        {
            ("CHM", 0x26, false, 3), ("BHM", 0x27, true, 2), ("CRM", 0x01, false, 8), ("BRM", 0x02, true, 49),
            ("BCP", 0x06, true, 13), ("CTS", 0x07, false, 7), ("CML", 0x08, false, 8), ("BRO", 0x09, true, 1),
            ("CRO", 0x0A, false, 1), ("BCL", 0x10, true, 5), ("BCS", 0x11, true, 9), ("CCS", 0x12, false, 8),
            ("BSM", 0x13, true, 7), ("BST", 0x19, true, 4), ("CST", 0x1A, false, 4), ("BSD", 0x1C, true, 7),
            ("CSD", 0x1D, false, 8), ("BEM", 0x1E, true, 4), ("CEM", 0x1F, false, 4),
        };
        var p = GbT27930Profile.Create();
        Assert.Equal(expected.Length, p.Messages.Length);
        foreach (var e in expected)
        {
            var m = p.ByName(e.Name);
            Assert.NotNull(m);
            Assert.Equal(e.Pf, m.Pf);
            Assert.Equal(e.FromBms, m.FromBms);
            Assert.Equal(e.Length, m.Length);
        }
        Assert.Equal(8, p.ByName("BRM").MinLength);
    }

    [Fact]
    public void Filter_on_pf_and_addresses_unrelated_nodes_and_standard_ids_are_ignored()
    {
        var h = new Harness();
        h.Feed(Bus.Frame(Bus.Id(6, 0x10, Bus.Station, 0x20), 0xA5, 0x10, 0xD8, 0x0E, 0x02)); // another node, same PF
        h.Feed(Bus.Frame(Bus.Id(6, 0x10, 0x30, Bus.Bms), 0xA5, 0x10, 0xD8, 0x0E, 0x02));     // BMS to someone else
        var std = Bus.FromBms(0x10, 0xA5, 0x10, 0xD8, 0x0E, 0x02);
        std.Extended = false; std.Id = 0x123;
        h.Feed(std);
        h.Feed(Bus.Frame(Bus.Id(6, 0xF0, 0x04, 0x00), 1, 2, 3, 4, 5, 6, 7, 8));               // EEC1-like PDU2 traffic
        Assert.Empty(h.Messages);
        Assert.Empty(h.Drops);
        Assert.Equal(4, h.Decoder.FramesIgnored);
    }

    [Fact]
    public void A_bms_message_sent_by_the_station_is_rejected_as_wrong_addressing()
    {
        var h = new Harness();
        h.Feed(Bus.FromStation(0x10, 0xA5, 0x10, 0xD8, 0x0E, 0x02));
        Assert.Empty(h.Messages);
        Assert.Equal("wrong_addressing", h.DropReason());
    }

    [Fact]
    public void A_second_bms_address_is_decoded_once_added()
    {
        var h = new Harness();
        var f = Bus.Frame(Bus.Id(6, 0x10, Bus.Station, 0xF5), 0xA5, 0x10, 0xD8, 0x0E, 0x02);
        h.Feed(f);
        Assert.Empty(h.Messages);
        h.Decoder.AddBms(0xF5);
        h.Feed(f);
        Assert.Equal("0xF5", h.Single().GetProperty("sa").GetString());
    }

    [Fact]
    public void A_station_maker_can_add_another_protocol_as_another_table()
    {
        var profile = new PackProfile("Example pack CAN", 0x80, 0x40, new[]
        {
            new PackMessage("PST", 0x50, 6, 4, 4, true, new[]
            {
                PackSignal.Bytes("soc_pct", 1, 1, 0.5, 0).Range(0, 100),
                PackSignal.Number("temp_c", 2, 1, 12, 0.25, -40),
                PackSignal.Code2("fault", 3, 5),
            }),
        });
        var d = new PackDecoder(profile, null, 2, null);
        var seen = new List<string>();
        d.MessageDecoded = m =>
        {
            var sb = new System.Text.StringBuilder();
            PackJson.AppendMessage(sb, m, null);
            seen.Add(sb.ToString());
        };
        var f = Bus.Frame(Bus.Id(6, 0x50, 0x80, 0x40), 150, 0x28, 0x31, 0xFF);
        d.Receive(ref f, 5);
        Assert.Equal("{\"t\":0.005,\"sa\":\"0x40\",\"da\":\"0x80\",\"msg\":\"PST\",\"soc_pct\":75.0,\"temp_c\":34.00,\"fault\":3}", Assert.Single(seen));
    }

    [Fact]
    public void A_table_row_outside_its_message_is_refused_when_the_profile_is_built()
    {
        Assert.Throws<System.ArgumentException>(() => new PackProfile("bad", 0x56, 0xF4, new[]
        {
            new PackMessage("X", 0x30, 6, 2, 2, true, new[] { PackSignal.Bytes("v", 2, 2, 1, 0) }),
        }));
    }
}
