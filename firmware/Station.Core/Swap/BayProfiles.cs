using Station.Core.Config;
using Station.Core.Swap.Car;

namespace Station.Core.Swap
{
    /// <summary>Builds the bay profile a configuration name stands for (the names themselves are
    /// <see cref="BayProfileNames"/>, checked with the rest of the configuration). The car bay is built in; a profile in
    /// its own assembly (the truck's, Station.Core.Truck) registers itself at start-up.</summary>
    public static class BayProfiles
    {
        private const int Capacity = 4;
        private static readonly BayProfile[] Registered = new BayProfile[Capacity];
        private static int _count;

        /// <summary>Makes <paramref name="template"/>'s profile available by its name (<see cref="BayProfile.Fresh"/>
        /// builds each station's own instance); registering a name again replaces it. False when the table is full.</summary>
        public static bool Register(BayProfile template)
        {
            for (int i = 0; i < _count; i++)
            {
                if (Registered[i].Name == template.Name)
                {
                    Registered[i] = template;
                    return true;
                }
            }
            if (_count == Capacity) return false;
            Registered[_count++] = template;
            return true;
        }

        /// <summary>A new instance of the profile <paramref name="name"/>, or null when unknown or not built into this
        /// firmware (not registered).</summary>
        public static BayProfile Create(string name)
        {
            if (name == BayProfileNames.Car) return new CarBayProfile();
            for (int i = 0; i < _count; i++) if (Registered[i].Name == name) return Registered[i].Fresh();
            return null;
        }

        /// <summary>The profile <paramref name="config"/> names, once the configuration validates and the board wires
        /// every port group it needs; throws ArgumentException otherwise.</summary>
        internal static BayProfile Checked(StationIo io, StationConfig config)
        {
            string error = config.Validate();
            if (error != null) throw new System.ArgumentException(error);
            BayProfile profile = Create(config.BayProfile);
            if (profile == null)
                throw new System.ArgumentException(string.Concat("bay profile '", config.BayProfile, "' is not built into this firmware (its assembly did not register it)"));
            error = BoardPorts.Missing(profile, io);
            if (error != null) throw new System.ArgumentException(error);
            return profile;
        }
    }
}
