namespace Station.Core.Config
{
    /// <summary>The bay profiles this firmware knows, by the name the configuration key bay.profile gives. The names
    /// live beside the configuration that checks them; Station.Core.Swap.BayProfiles builds the profile a name stands for.</summary>
    public static class BayProfileNames
    {
        /// <summary>The car bay (lift, latches, staging and transfer conveyors).</summary>
        public const string Car = "car";

        /// <summary>The heavy-truck bay (side-swap robot with travel, height and fork axes; one to three blocks).</summary>
        public const string Truck = "truck";

        /// <summary>Every accepted name, for messages and help.</summary>
        public const string Known = "car, truck";

        /// <summary>Every accepted name, one per entry (the configuration key's choices).</summary>
        public static readonly string[] Names = { Car, Truck };

        /// <summary>Null when <paramref name="name"/> names a known profile, else a sentence saying which are known.</summary>
        public static string Check(string name)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (name == Names[i]) return null;
            }
            return string.Concat("bay.profile '", name == null ? "" : name, "' is not a known bay profile (known: ", Known, ")");
        }
    }
}
