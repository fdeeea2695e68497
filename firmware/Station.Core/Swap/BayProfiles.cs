using Station.Core.Swap.Car;

namespace Station.Core.Swap
{
    /// <summary>The bay profiles this firmware knows, by the name the configuration key bay.profile gives.</summary>
    public static class BayProfiles
    {
        /// <summary>The car bay (lift, latches, staging and transfer conveyors).</summary>
        public const string Car = "car";

        /// <summary>Every accepted name, for messages and help.</summary>
        public const string Known = Car;

        /// <summary>Every accepted name, one per entry (the configuration key's choices).</summary>
        public static readonly string[] Names = { Car };

        /// <summary>Null when <paramref name="name"/> names a known profile, else a sentence saying which are known.</summary>
        public static string Check(string name)
        {
            if (name == Car) return null;
            return string.Concat("bay.profile '", name == null ? "" : name, "' is not a known bay profile (known: ", Known, ")");
        }

        /// <summary>A new instance of the profile <paramref name="name"/>, or null when unknown.</summary>
        public static BayProfile Create(string name)
        {
            if (name == Car) return new CarBayProfile();
            return null;
        }
    }
}
