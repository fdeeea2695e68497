using Station.Core;

namespace Station.Hal.Sim
{
    /// <summary>One battery pack in the simulated world. Carries what a BMS would report (serial, state of charge,
    /// type, fault flags), so a simulated BMS on a virtual CAN bus can answer for the pack that sits in the vehicle.</summary>
    public sealed class SimPack
    {
        /// <summary>A pack with its serial, state of charge and battery type.</summary>
        public SimPack(string serial, double socPct, string type)
        {
            Serial = serial;
            SocPct = socPct;
            Type = type;
        }

        /// <summary>Serial number (as the BMS reports it).</summary>
        public string Serial { get; }
        /// <summary>State of charge, %.</summary>
        public double SocPct { get; set; }
        /// <summary>Battery type label.</summary>
        public string Type { get; set; }
        /// <summary>The pack's standard (Choco-Swap #20/#25, QIJI #75, …): the rack seeds the station's records with it and
        /// the BMS reports its chemistry and rated energy; Unspecified keeps the generic 200 Ah / 384 V identity.</summary>
        public PackStandard Standard { get; set; }
        /// <summary>When set, the BMS reports this standard's identity instead of <see cref="Standard"/>'s (a pack whose
        /// record is wrong, or a pack of another standard behind a known serial).</summary>
        public PackStandard? BmsReportsAs { get; set; }
        /// <summary>BMS fault bits (insulation, connector, cell voltage, temperature…), 0 = healthy.</summary>
        public int FaultFlags { get; set; }
        /// <summary>Highest cell temperature, °C.</summary>
        public double MaxCellTempC { get; set; } = 25;
        /// <summary>Where the pack is.</summary>
        public SimPackPlace Place { get; internal set; }
        /// <summary>Rack slot index when <see cref="Place"/> is Rack, else -1.</summary>
        public int Slot { get; internal set; } = -1;
        /// <summary>Position of the pack's centre along the conveyor line, mm from the feed point (Conveyor only).</summary>
        public double TrackMm { get; internal set; }
        /// <summary>Where the conveyor is taking the pack, mm (Conveyor only).</summary>
        internal double TargetMm;

        /// <inheritdoc />
        public override string ToString() => $"{Serial} ({SocPct:0}% {Place})";
    }
}
