namespace Station.Core
{
    /// <summary>The pack standards a station's rack may hold and a vehicle may accept. Numbered: the journal, the cloud
    /// and the console carry the number (bit n of an accepted-standards mask is standard n); never renumbered.</summary>
    public enum PackStandard
    {
        /// <summary>Nobody told the station (an older record, a pack set without a standard): matches only a vehicle
        /// that names no standards.</summary>
        Unspecified = 0,
        /// <summary>CATL Choco-Swap #20 (A0 class), LFP, 42 kWh.</summary>
        Choco20Lfp = 1,
        /// <summary>CATL Choco-Swap #20 (A0 class), NMC, 52 kWh.</summary>
        Choco20Nmc = 2,
        /// <summary>CATL Choco-Swap #25 (A/B class), LFP, 56 kWh.</summary>
        Choco25Lfp = 3,
        /// <summary>CATL Choco-Swap #25 (A/B class), NMC, 70 kWh.</summary>
        Choco25Nmc = 4,
        /// <summary>CATL QIJI #75 heavy-truck block, LFP, 171 kWh.</summary>
        Qiji75 = 5,
        /// <summary>A partner's pack sharing the network (chemistry and energy not catalogued: the BMS check judges its
        /// serial only).</summary>
        PartnerA = 6,
        /// <summary>A second partner's pack (as <see cref="PartnerA"/>).</summary>
        PartnerB = 7,
    }
}
