namespace Station.Core
{
    /// <summary>GB/T 27930 battery type codes (BRM byte 4) and their names: one table for the decoder's enumeration and
    /// the configuration key <c>pack.types</c>.</summary>
    public static class BatteryTypes
    {
        /// <summary>The codes, in the order of <see cref="Names"/>.</summary>
        public static readonly int[] Codes = { 1, 2, 3, 4, 5, 6, 7, 8, 0xFF };

        /// <summary>snake_case names (lead-acid, NiMH, LiFePO4, LiMn2O4, LiCoO2, ternary NCM/NCA, Li-polymer,
        /// Li-titanate, other).</summary>
        public static readonly string[] Names =
            { "lead_acid", "nimh", "lifepo4", "limn2o4", "licoo2", "ternary", "li_polymer", "li_titanate", "other" };

        /// <summary>The code named <paramref name="name"/>, or -1.</summary>
        public static int CodeOf(string name)
        {
            for (int i = 0; i < Names.Length; i++) if (Names[i] == name) return Codes[i];
            return -1;
        }
    }
}
