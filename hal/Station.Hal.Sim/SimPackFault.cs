namespace Station.Hal.Sim
{
    /// <summary>Bits of <see cref="SimPack.FaultFlags"/> as a simulated BMS reports them in BSM.</summary>
    public static class SimPackFault
    {
        /// <summary>BSM 7.1 insulation abnormal.</summary>
        public const int Insulation = 1;
        /// <summary>BSM 7.3 output connector abnormal.</summary>
        public const int Connector = 2;
        /// <summary>BSM 6.1 cell voltage too high.</summary>
        public const int CellVoltage = 4;
        /// <summary>BSM 6.7 over-temperature.</summary>
        public const int OverTemperature = 8;
        /// <summary>BSM 6.5 over-current.</summary>
        public const int OverCurrent = 16;
    }
}
