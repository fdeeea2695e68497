namespace Station.Core.Can
{
    /// <summary>GB/T 27930-2015 as a pack-protocol table: every message of the project's reading
    /// (GB/T 27930-2015), with its "Chosen" rules.</summary>
    /// <remarks>
    /// Rules carried by the rows: currents are raw × 0.1 − 400 A with the sign kept (negative = charging, §2.2);
    /// 2-bit fields are counted from the least-significant bit (§2.4) and keep their raw code 0..3; optional fields that
    /// are all 0xFF print null (§2.3); a shorter frame than <see cref="PackMessage.MinLength"/> is rejected and longer
    /// DLCs are accepted (§2.5); BRM accepts 8..49 bytes and prints absent optional fields as null (§4.4); the BCS
    /// cell voltage is the low 12 bits and the group the high 4 bits of the LE word in bytes 5–6 (§4.10); BSM indices
    /// carry offset +1 (§4.12); CTS is little-endian BCD with the century in byte 7 (§4.6); CCS is accepted at DLC 7
    /// (§4.11). Keys are the snake_case names of the spec; where it names none, the key says the field's meaning.
    /// </remarks>
    public static class GbT27930Profile
    {
        /// <summary>The charger/station address.</summary>
        public const int StationAddress = 0x56;
        /// <summary>The BMS address.</summary>
        public const int BmsAddress = 0xF4;

        private static PackProfile _instance;

        /// <summary>The shared profile (built once; tables are read-only after construction).</summary>
        public static PackProfile Instance
        {
            get
            {
                if (_instance == null) _instance = Create();
                return _instance;
            }
        }

        /// <summary>Builds the GB/T 27930-2015 table.</summary>
        public static PackProfile Create()
        {
            int[] readyCodes = { 0x00, 0xAA, 0xFF };
            string[] readyNames = { "not_ready", "ready", "invalid" };
            return new PackProfile("GB/T 27930-2015", StationAddress, BmsAddress, new PackMessage[]
            {
                new PackMessage("CHM", 0x26, 6, 3, 3, false, new PackSignal[]
                {
                    PackSignal.Version("protocol_version", 1),
                }),
                new PackMessage("BHM", 0x27, 6, 2, 2, true, new PackSignal[]
                {
                    PackSignal.Bytes("max_charge_voltage_v", 1, 2, 0.1, 0),
                }),
                new PackMessage("CRM", 0x01, 6, 8, 8, false, new PackSignal[]
                {
                    PackSignal.Enumeration("recognition_code", "recognition", 1,
                        new int[] { 0x00, 0xAA }, new string[] { "not_recognised", "recognised" }),
                    PackSignal.Bytes("charger_number", 2, 4, 1, 0),
                    PackSignal.Text("region_code", 6, 3),
                }),
                new PackMessage("BRM", 0x02, 7, 8, 49, true, new PackSignal[]
                {
                    PackSignal.Version("protocol_version", 1),
                    PackSignal.Enumeration("battery_type_code", "battery_type", 4, BatteryTypes.Codes, BatteryTypes.Names),
                    PackSignal.Bytes("rated_capacity_ah", 5, 2, 0.1, 0),
                    PackSignal.Bytes("rated_voltage_v", 7, 2, 0.1, 0),
                    PackSignal.Text("manufacturer", 9, 4),
                    PackSignal.Bytes("pack_serial_number", 13, 4, 1, 0).Optional().WithHex("pack_serial_hex"),
                    PackSignal.Date("manufacture_date", 17, 1985),
                    PackSignal.Bytes("cycle_count", 20, 3, 1, 0).Optional(),
                    PackSignal.Enumeration("ownership_code", "ownership", 23,
                        new int[] { 0, 1 }, new string[] { "leased", "owned" }).Optional(),
                    PackSignal.Text("vin", 25, 17),
                    PackSignal.SoftwareVersion("bms_sw_version", 42),
                }),
                new PackMessage("BCP", 0x06, 7, 13, 13, true, new PackSignal[]
                {
                    PackSignal.Bytes("cell_max_charge_voltage_v", 1, 2, 0.01, 0).Range(0, 24),
                    PackSignal.Bytes("max_charge_current_a", 3, 2, 0.1, -400),
                    PackSignal.Bytes("nominal_energy_kwh", 5, 2, 0.1, 0).Range(0, 1000),
                    PackSignal.Bytes("max_charge_voltage_v", 7, 2, 0.1, 0),
                    PackSignal.Bytes("max_temp_c", 9, 1, 1, -50).Range(-50, 200),
                    PackSignal.Bytes("soc_pct", 10, 2, 0.1, 0).Range(0, 100),
                    PackSignal.Bytes("pack_voltage_v", 12, 2, 0.1, 0),
                }),
                new PackMessage("CTS", 0x07, 6, 7, 7, false, new PackSignal[]
                {
                    PackSignal.BcdTime("time", 1),
                }),
                new PackMessage("CML", 0x08, 6, 8, 8, false, new PackSignal[]
                {
                    PackSignal.Bytes("max_output_voltage_v", 1, 2, 0.1, 0),
                    PackSignal.Bytes("min_output_voltage_v", 3, 2, 0.1, 0),
                    PackSignal.Bytes("max_output_current_a", 5, 2, 0.1, -400),
                    PackSignal.Bytes("min_output_current_a", 7, 2, 0.1, -400),
                }),
                new PackMessage("BRO", 0x09, 4, 1, 1, true, new PackSignal[]
                {
                    PackSignal.Enumeration("ready_code", "ready", 1, readyCodes, readyNames),
                }),
                new PackMessage("CRO", 0x0A, 4, 1, 1, false, new PackSignal[]
                {
                    PackSignal.Enumeration("ready_code", "ready", 1, readyCodes, readyNames),
                }),
                new PackMessage("BCL", 0x10, 6, 5, 5, true, new PackSignal[]
                {
                    PackSignal.Bytes("voltage_demand_v", 1, 2, 0.1, 0),
                    PackSignal.Bytes("current_demand_a", 3, 2, 0.1, -400),
                    PackSignal.Enumeration("charge_mode_code", "charge_mode", 5,
                        new int[] { 1, 2 }, new string[] { "constant_voltage", "constant_current" }),
                }),
                new PackMessage("BCS", 0x11, 7, 9, 9, true, new PackSignal[]
                {
                    PackSignal.Bytes("voltage_v", 1, 2, 0.1, 0),
                    PackSignal.Bytes("current_a", 3, 2, 0.1, -400),
                    PackSignal.Number("max_cell_v", 5, 1, 12, 0.01, 0).Range(0, 24),
                    PackSignal.Number("max_cell_group", 6, 5, 4, 1, 0),
                    PackSignal.Bytes("soc_pct", 7, 1, 1, 0).Range(0, 100),
                    PackSignal.Bytes("remaining_min", 8, 2, 1, 0).Range(0, 600),
                }),
                new PackMessage("CCS", 0x12, 6, 7, 8, false, new PackSignal[]
                {
                    PackSignal.Bytes("output_voltage_v", 1, 2, 0.1, 0),
                    PackSignal.Bytes("output_current_a", 3, 2, 0.1, -400),
                    PackSignal.Bytes("charge_time_min", 5, 2, 1, 0).Range(0, 600),
                    PackSignal.Code2("charge_permit", 7, 1),
                }),
                new PackMessage("BSM", 0x13, 6, 7, 7, true, new PackSignal[]
                {
                    PackSignal.Bytes("max_cell_voltage_index", 1, 1, 1, 1).Range(1, 256),
                    PackSignal.Bytes("max_temp_c", 2, 1, 1, -50).Range(-50, 200),
                    PackSignal.Bytes("max_temp_probe", 3, 1, 1, 1).Range(1, 128),
                    PackSignal.Bytes("min_temp_c", 4, 1, 1, -50).Range(-50, 200),
                    PackSignal.Bytes("min_temp_probe", 5, 1, 1, 1).Range(1, 128),
                    PackSignal.Code2("cell_voltage_state", 6, 1),
                    PackSignal.Code2("soc_state", 6, 3),
                    PackSignal.Code2("overcurrent_state", 6, 5),
                    PackSignal.Code2("overtemp_state", 6, 7),
                    PackSignal.Code2("insulation_state", 7, 1),
                    PackSignal.Code2("connector_state", 7, 3),
                    PackSignal.Code2("charge_permit", 7, 5),
                }),
                new PackMessage("BST", 0x19, 4, 4, 4, true, new PackSignal[]
                {
                    PackSignal.Code2("reason_soc_target", 1, 1),
                    PackSignal.Code2("reason_total_voltage", 1, 3),
                    PackSignal.Code2("reason_cell_voltage", 1, 5),
                    PackSignal.Code2("reason_charger_stop", 1, 7),
                    PackSignal.Code2("fault_insulation", 2, 1),
                    PackSignal.Code2("fault_output_connector_overtemp", 2, 3),
                    PackSignal.Code2("fault_bms_connector_overtemp", 2, 5),
                    PackSignal.Code2("fault_charging_connector", 2, 7),
                    PackSignal.Code2("fault_pack_overtemp", 3, 1),
                    PackSignal.Code2("fault_hv_relay", 3, 3),
                    PackSignal.Code2("fault_cp2_voltage", 3, 5),
                    PackSignal.Code2("fault_other", 3, 7),
                    PackSignal.Code2("error_overcurrent", 4, 1),
                    PackSignal.Code2("error_voltage", 4, 3),
                }),
                new PackMessage("CST", 0x1A, 4, 4, 4, false, new PackSignal[]
                {
                    PackSignal.Code2("reason_condition_reached", 1, 1),
                    PackSignal.Code2("reason_manual_stop", 1, 3),
                    PackSignal.Code2("reason_fault_stop", 1, 5),
                    PackSignal.Code2("reason_bms_stop", 1, 7),
                    PackSignal.Code2("fault_charger_overtemp", 2, 1),
                    PackSignal.Code2("fault_charging_connector", 2, 3),
                    PackSignal.Code2("fault_charger_internal_overtemp", 2, 5),
                    PackSignal.Code2("fault_energy_unavailable", 2, 7),
                    PackSignal.Code2("fault_emergency_stop", 3, 1),
                    PackSignal.Code2("fault_other", 3, 3),
                    PackSignal.Code2("error_current_mismatch", 4, 1),
                    PackSignal.Code2("error_voltage", 4, 3),
                }),
                new PackMessage("BSD", 0x1C, 6, 7, 7, true, new PackSignal[]
                {
                    PackSignal.Bytes("soc_pct", 1, 1, 1, 0).Range(0, 100),
                    PackSignal.Bytes("min_cell_v", 2, 2, 0.01, 0).Range(0, 24),
                    PackSignal.Bytes("max_cell_v", 4, 2, 0.01, 0).Range(0, 24),
                    PackSignal.Bytes("min_temp_c", 6, 1, 1, -50).Range(-50, 200),
                    PackSignal.Bytes("max_temp_c", 7, 1, 1, -50).Range(-50, 200),
                }),
                new PackMessage("CSD", 0x1D, 6, 8, 8, false, new PackSignal[]
                {
                    PackSignal.Bytes("charge_time_min", 1, 2, 1, 0).Range(0, 600),
                    PackSignal.Bytes("output_energy_kwh", 3, 2, 0.1, 0),
                    PackSignal.Bytes("charger_number_raw", 5, 4, 1, 0),
                }),
                new PackMessage("BEM", 0x1E, 2, 4, 4, true, new PackSignal[]
                {
                    PackSignal.Code2("timeout_crm_00", 1, 1),
                    PackSignal.Code2("timeout_crm_aa", 1, 3),
                    PackSignal.Code2("timeout_cts_cml", 2, 1),
                    PackSignal.Code2("timeout_cro", 2, 3),
                    PackSignal.Code2("timeout_ccs", 3, 1),
                    PackSignal.Code2("timeout_cst", 3, 3),
                    PackSignal.Code2("timeout_csd", 4, 1),
                }),
                new PackMessage("CEM", 0x1F, 2, 4, 4, false, new PackSignal[]
                {
                    PackSignal.Code2("timeout_brm", 1, 1),
                    PackSignal.Code2("timeout_bcp", 2, 1),
                    PackSignal.Code2("timeout_bro", 2, 3),
                    PackSignal.Code2("timeout_bcs", 3, 1),
                    PackSignal.Code2("timeout_bcl", 3, 3),
                    PackSignal.Code2("timeout_bst", 3, 5),
                    PackSignal.Code2("timeout_bsd", 4, 1),
                    PackSignal.Code2("timeout_other", 4, 3),
                }),
            });
        }
    }
}
