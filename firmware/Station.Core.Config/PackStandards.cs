namespace Station.Core
{
    /// <summary>The pack-standard catalogue (published figures: CATL Choco-Swap #20 42 kWh LFP / 52 kWh NMC, #25 56 kWh
    /// LFP / 70 kWh NMC; QIJI #75 171 kWh LFP), name lookups, accepted-standard masks, and whether what a BMS reports
    /// fits a standard.</summary>
    /// <remarks>The rows are private and read-only. A mask has bit n set for standard n; 0 means "any standard" (an
    /// authorisation that names none, as every one did before standards existed).</remarks>
    public static class PackStandards
    {
        private const int LiFePO4 = 3;
        private const int Ternary = 6;

        // A BMS's rated energy may differ from the nominal by this much (rated Ah and V are rounded, makers' margins)
        // and still be that standard; the catalogue's energies lie further apart than this within one chemistry.
        private const double EnergyTolerance = 0.10;

        // The names are constants, not read from the rows: ConfigTable's static initialiser asks for them, and
        // nanoFramework runs static initialisers in type order, not on first use, so the rows may not exist yet then.
        private const string UnspecifiedName = "unspecified";
        private const string Choco20LfpName = "choco20-lfp";
        private const string Choco20NmcName = "choco20-nmc";
        private const string Choco25LfpName = "choco25-lfp";
        private const string Choco25NmcName = "choco25-nmc";
        private const string Qiji75Name = "qiji75";
        private const string PartnerAName = "partner-a";
        private const string PartnerBName = "partner-b";

        private static readonly PackStandardRow[] Rows =
        {
            new PackStandardRow(PackStandard.Unspecified, UnspecifiedName, 0, 0),
            new PackStandardRow(PackStandard.Choco20Lfp, Choco20LfpName, LiFePO4, 42),
            new PackStandardRow(PackStandard.Choco20Nmc, Choco20NmcName, Ternary, 52),
            new PackStandardRow(PackStandard.Choco25Lfp, Choco25LfpName, LiFePO4, 56),
            new PackStandardRow(PackStandard.Choco25Nmc, Choco25NmcName, Ternary, 70),
            new PackStandardRow(PackStandard.Qiji75, Qiji75Name, LiFePO4, 171),
            new PackStandardRow(PackStandard.PartnerA, PartnerAName, 0, 0),
            new PackStandardRow(PackStandard.PartnerB, PartnerBName, 0, 0),
        };

        /// <summary>Number of catalogued standards (Unspecified included).</summary>
        public static int Count { get { return Rows.Length; } }

        /// <summary>The row at <paramref name="index"/> (0..Count-1).</summary>
        public static PackStandardRow RowAt(int index) { return Rows[index]; }

        /// <summary>A new array of every name, in number order (for the configuration key's list of values). Safe to call
        /// from another type's static initialiser (it reads no static field).</summary>
        public static string[] Names()
        {
            return new string[] { UnspecifiedName, Choco20LfpName, Choco20NmcName, Choco25LfpName, Choco25NmcName, Qiji75Name, PartnerAName, PartnerBName };
        }

        /// <summary>A new array of the names a vehicle may accept: every catalogued standard but "unspecified", in number
        /// order (for a booking's refusals and the console's completion).</summary>
        public static string[] AcceptableNames()
        {
            string[] names = new string[Rows.Length - 1];
            for (int i = 1; i < Rows.Length; i++) names[i - 1] = Rows[i].Name;
            return names;
        }

        /// <summary>True when <paramref name="code"/> is a catalogued standard.</summary>
        public static bool Known(int code) { return code >= 0 && code < Rows.Length; }

        /// <summary>The name of <paramref name="standard"/>, or "?" for a number this firmware does not know.</summary>
        public static string Name(PackStandard standard)
        {
            int i = (int)standard;
            return Known(i) ? Rows[i].Name : "?";
        }

        /// <summary>The standard named <paramref name="name"/> (case-insensitive), or -1.</summary>
        public static int CodeOf(string name)
        {
            if (name == null) return -1;
            string lower = name.Trim().ToLower();
            for (int i = 0; i < Rows.Length; i++) if (Rows[i].Name == lower) return i;
            return -1;
        }

        /// <summary>The mask of a comma-separated list of names ("choco25-lfp,choco25-nmc"); "" or "any" is 0 (any);
        /// -1 when a name is unknown or names "unspecified".</summary>
        public static int MaskOf(string names)
        {
            if (names == null) return -1;
            string t = names.Trim();
            if (t.Length == 0 || t.ToLower() == "any") return 0;
            string[] parts = t.Split(new char[] { ',' });
            int mask = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                int code = CodeOf(parts[i]);
                if (code <= 0) return -1;
                mask |= 1 << code;
            }
            return mask;
        }

        /// <summary>The mask in words ("any", or names joined by commas). Allocates: commands and records only.</summary>
        public static string MaskText(int mask)
        {
            if (mask == 0) return "any";
            string text = "";
            for (int i = 1; i < Rows.Length; i++)
            {
                if ((mask & (1 << i)) == 0) continue;
                text = text.Length == 0 ? Rows[i].Name : string.Concat(text, ",", Rows[i].Name);
            }
            return text;
        }

        /// <summary>True when a mask names only catalogued standards (bit 0, "unspecified", never).</summary>
        public static bool ValidMask(int mask)
        {
            return (mask & 1) == 0 && (mask >> Rows.Length) == 0 && mask >= 0;
        }

        /// <summary>True when a vehicle accepting <paramref name="mask"/> accepts a pack of <paramref name="standard"/>:
        /// a mask of 0 accepts every pack; otherwise the pack's standard must be named (an unspecified pack is not).
        /// Allocation-free.</summary>
        public static bool Accepts(int mask, PackStandard standard)
        {
            if (mask == 0) return true;
            int code = (int)standard;
            return code > 0 && code < 31 && (mask & (1 << code)) != 0;
        }

        /// <summary>True when what a BMS reports (GB/T battery type, rated Ah and V) contradicts <paramref name="standard"/>:
        /// another chemistry, or a rated energy more than 10 % from the nominal. False when the standard is unspecified,
        /// not catalogued, or the BMS left a figure out (nothing to contradict). Allocation-free.</summary>
        public static bool Contradicts(PackStandard standard, int batteryType, double ratedAh, double ratedV)
        {
            int i = (int)standard;
            if (i <= 0 || i >= Rows.Length) return false;
            PackStandardRow row = Rows[i];
            if (row.BatteryType != 0 && batteryType > 0 && batteryType != row.BatteryType) return true;
            if (row.NominalKwh <= 0 || ratedAh <= 0 || ratedV <= 0) return false;
            double kwh = ratedAh * ratedV / 1000.0;
            double off = kwh - row.NominalKwh;
            if (off < 0) off = -off;
            return off > row.NominalKwh * EnergyTolerance;
        }

        /// <summary>The catalogued standard a BMS's report fits (battery type and rated energy), or Unspecified when none
        /// or more than one does. Allocation-free.</summary>
        public static PackStandard FromBms(int batteryType, double ratedAh, double ratedV)
        {
            PackStandard found = PackStandard.Unspecified;
            if (batteryType <= 0 || ratedAh <= 0 || ratedV <= 0) return found;
            for (int i = 1; i < Rows.Length; i++)
            {
                if (Rows[i].BatteryType == 0 || Rows[i].NominalKwh == 0) continue;
                if (Contradicts(Rows[i].Standard, batteryType, ratedAh, ratedV)) continue;
                if (found != PackStandard.Unspecified) return PackStandard.Unspecified;
                found = Rows[i].Standard;
            }
            return found;
        }
    }
}
