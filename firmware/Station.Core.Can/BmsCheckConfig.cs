using Station.Core.Config;

namespace Station.Core.Can
{
    /// <summary>What the BMS release-gate check accepts, beyond StationConfig.MinSocPct and BmsTimeoutMs.</summary>
    public sealed class BmsCheckConfig
    {
        /// <summary>Accepted GB/T battery type codes (BRM byte 4): 3 LiFePO4 and 6 ternary by default.</summary>
        public int[] AcceptedBatteryTypes = { 3, 6 };
        /// <summary>Lowest acceptable pack temperature (BSM lowest), °C.</summary>
        public int MinTempC = -20;
        /// <summary>Highest acceptable pack temperature (BSM highest), °C.</summary>
        public int MaxTempC = 55;
        /// <summary>The check gives up on a silent BMS after this long (kept below StationConfig.BmsTimeoutMs so the
        /// specific BmsNoAnswer is latched rather than the generic GatePackCheckTimeout); 0 = BmsTimeoutMs minus 500 ms.</summary>
        public int AnswerTimeoutMs;

        /// <summary>The BMS release-gate check's figures from the keys (pack.types, gate.pack_*_temp_c).</summary>
        public static BmsCheckConfig From(ConfigValues values)
        {
            BmsCheckConfig b = new BmsCheckConfig();
            string[] names = values.Text(ConfigTable.PackTypes).Split(new char[] { ',' });
            int[] codes = new int[names.Length];
            for (int i = 0; i < names.Length; i++) codes[i] = BatteryTypes.CodeOf(names[i]);
            b.AcceptedBatteryTypes = codes;
            b.MinTempC = values.Number(ConfigTable.PackMinTempC);
            b.MaxTempC = values.Number(ConfigTable.PackMaxTempC);
            return b;
        }

        /// <summary>Checks the figures; null when valid, otherwise a sentence naming the bad field.</summary>
        public string Validate()
        {
            if (AcceptedBatteryTypes == null || AcceptedBatteryTypes.Length == 0) return "AcceptedBatteryTypes must list at least one type";
            if (MinTempC < -50 || MaxTempC > 200 || MinTempC >= MaxTempC) return "MinTempC < MaxTempC within -50..200 required";
            if (AnswerTimeoutMs < 0) return "AnswerTimeoutMs must be >= 0";
            return null;
        }
    }
}
