using Station.Core.Config;
using Station.Core.Swap.Car;

namespace Station.Core.Swap
{
    /// <summary>Builds the bay profile a configuration name stands for (the names themselves are
    /// <see cref="BayProfileNames"/>, checked with the rest of the configuration).</summary>
    public static class BayProfiles
    {
        /// <summary>A new instance of the profile <paramref name="name"/>, or null when unknown.</summary>
        public static BayProfile Create(string name)
        {
            if (name == BayProfileNames.Car) return new CarBayProfile();
            if (name == BayProfileNames.Truck) return new Truck.TruckBayProfile();
            return null;
        }
    }
}
