namespace Station.Core
{
    /// <summary>One row of the pack-standard catalogue: number, name, and what a pack of it reports over its BMS (GB/T
    /// 27930 BRM battery type and rated energy). Read-only.</summary>
    public sealed class PackStandardRow
    {
        /// <summary>The standard's number.</summary>
        public readonly PackStandard Standard;
        /// <summary>Its name in configuration, console and cloud ("choco25-lfp").</summary>
        public readonly string Name;
        /// <summary>The GB/T battery type code its BMS reports (3 LiFePO4, 6 ternary), 0 = not catalogued.</summary>
        public readonly int BatteryType;
        /// <summary>Its nominal energy, kWh (rated Ah × rated V from the BRM), 0 = not catalogued.</summary>
        public readonly int NominalKwh;

        /// <summary>Builds a row.</summary>
        public PackStandardRow(PackStandard standard, string name, int batteryType, int nominalKwh)
        {
            Standard = standard;
            Name = name;
            BatteryType = batteryType;
            NominalKwh = nominalKwh;
        }
    }
}
