namespace Station.Core.Can
{
    /// <summary>The pack's live state as its BMS reports it (BCP, BCS, BCL, BSM, BST, BSD), in preallocated fields.
    /// Each group has a time of last update (-1 = never).</summary>
    public sealed class PackStatus
    {
        /// <summary>BCP: present pack voltage, V.</summary>
        public double ParamPackVoltageV;
        /// <summary>BCP: state of charge, % (0.1 % resolution).</summary>
        public double ParamSocPct;
        /// <summary>BCP: max allowed temperature, °C.</summary>
        public int ParamMaxTempC;
        /// <summary>BCP: nominal energy, kWh.</summary>
        public double NominalEnergyKwh;
        /// <summary>When BCP last came.</summary>
        public long ParamsMs = -1;

        /// <summary>BCS: measured voltage, V.</summary>
        public double VoltageV;
        /// <summary>BCS: measured current, A (negative = charging).</summary>
        public double CurrentA;
        /// <summary>BCS: state of charge, %.</summary>
        public int SocPct = -1;
        /// <summary>BCS: highest cell voltage, V.</summary>
        public double MaxCellV;
        /// <summary>BCS: group of that cell.</summary>
        public int MaxCellGroup;
        /// <summary>BCS: estimated remaining time, min.</summary>
        public int RemainingMin;
        /// <summary>When BCS last came.</summary>
        public long BcsMs = -1;

        /// <summary>BCL: voltage demand, V.</summary>
        public double VoltageDemandV;
        /// <summary>BCL: current demand, A.</summary>
        public double CurrentDemandA;
        /// <summary>When BCL last came.</summary>
        public long BclMs = -1;

        /// <summary>BSM: highest temperature, °C.</summary>
        public int MaxTempC;
        /// <summary>BSM: lowest temperature, °C.</summary>
        public int MinTempC;
        /// <summary>BSM: cell with the highest voltage (1-based).</summary>
        public int MaxCellIndex;
        /// <summary>BSM 2-bit codes: cell voltage (00 ok, 01 high, 10 low).</summary>
        public int CellVoltageState;
        /// <summary>BSM: SOC state.</summary>
        public int SocState;
        /// <summary>BSM: over-current state.</summary>
        public int OvercurrentState;
        /// <summary>BSM: over-temperature state.</summary>
        public int OvertempState;
        /// <summary>BSM: insulation state.</summary>
        public int InsulationState;
        /// <summary>BSM: output connector state.</summary>
        public int ConnectorState;
        /// <summary>BSM: charging permitted (01).</summary>
        public int ChargePermit;
        /// <summary>When BSM last came.</summary>
        public long BsmMs = -1;

        /// <summary>BST: the four bytes as one LE word (reasons, faults, errors); valid when <see cref="BstMs"/> ≥ 0.</summary>
        public uint BstWord;
        /// <summary>When BST last came.</summary>
        public long BstMs = -1;
        /// <summary>BEM: the four bytes as one LE word; valid when <see cref="BemMs"/> ≥ 0.</summary>
        public uint BemWord;
        /// <summary>When BEM last came.</summary>
        public long BemMs = -1;
        /// <summary>BSD: SOC at stop, %.</summary>
        public int EndSocPct = -1;
        /// <summary>When BSD came.</summary>
        public long BsdMs = -1;

        /// <summary>Forgets everything (a new pack).</summary>
        public void Clear()
        {
            ParamsMs = BcsMs = BclMs = BsmMs = BstMs = BemMs = BsdMs = -1;
            SocPct = -1;
            EndSocPct = -1;
            BstWord = BemWord = 0;
        }
    }
}
