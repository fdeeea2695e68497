using Station.Core.Config;

namespace Station.Core.Swap.Truck
{
    /// <summary>The reference truck bay's mechanical figures (docs/swap-states-truck.md, "Figures", says where each comes
    /// from). The robot's height axis runs on the lift.* configuration keys like the car's lift; these are the travel and
    /// fork axes, the block geometry and the latch and connector times.</summary>
    public static class TruckFigures
    {
        /// <summary>Travel axis length from the rack exchange (home) to the far end stop, mm.</summary>
        public const double TravelLengthMm = 6000;
        /// <summary>Travel axis top speed, mm/s.</summary>
        public const double TravelSpeedMmS = 500;
        /// <summary>Travel axis acceleration, mm/s².</summary>
        public const double TravelAccelMmS2 = 250;
        /// <summary>Travel position of block position 1 (behind the cab), mm from the exchange; each next one is
        /// <see cref="BlockPitchMm"/> further.</summary>
        public const double FirstBlockMm = 2000;
        /// <summary>Distance between block positions along the truck, mm (block length 1,200 mm + 100 mm gap).</summary>
        public const double BlockPitchMm = 1300;
        /// <summary>Fork stroke from retracted (home) to fully under the block in the cradle, mm.</summary>
        public const double ForkReachMm = 1300;
        /// <summary>Fork top speed, mm/s.</summary>
        public const double ForkSpeedMmS = 250;
        /// <summary>Fork acceleration, mm/s².</summary>
        public const double ForkAccelMmS2 = 250;
        /// <summary>Height at which the fork passes under a block in its cradle, mm above the exchange height.</summary>
        public const double UnderBlockMm = 300;
        /// <summary>Height at which the fork carries a block clear of the cradle, mm above the exchange height.</summary>
        public const double CarryMm = 340;
        /// <summary>Latches per block.</summary>
        public const int LatchesPerBlock = 2;
        /// <summary>Latch travel time allowed, ms.</summary>
        public const int LatchTravelMs = 3000;
        /// <summary>Fastest believable latch travel, ms.</summary>
        public const int LatchMinTravelMs = 400;
        /// <summary>Connector actuator travel time allowed, ms.</summary>
        public const int ConnectorTravelMs = 2500;
        /// <summary>Fastest believable connector travel, ms.</summary>
        public const int ConnectorMinTravelMs = 200;

        /// <summary>Travel position of block <paramref name="position"/> (1..3), mm.</summary>
        public static double BlockMm(int position) { return FirstBlockMm + (position - 1) * BlockPitchMm; }

        /// <summary>A copy of <paramref name="c"/> for the engine's devices of a truck bay: the height axis on the lift.*
        /// figures, and no engine lock set (each block has its own).</summary>
        public static StationConfig EngineConfig(StationConfig c)
        {
            StationConfig e = ConfigMapping.Copy(c);
            e.LockCount = 0;
            NoContact(e);
            return e;
        }

        /// <summary>The figures of the travel (<paramref name="travel"/> true) or fork axis, the rest from <paramref name="c"/>.</summary>
        public static StationConfig AxisConfig(StationConfig c, bool travel)
        {
            StationConfig a = ConfigMapping.Copy(c);
            a.TravelMm = travel ? TravelLengthMm : ForkReachMm + 100;
            a.MaxSpeedMmS = travel ? TravelSpeedMmS : ForkSpeedMmS;
            a.AccelMmS2 = travel ? TravelAccelMmS2 : ForkAccelMmS2;
            a.HomingSpeedMmS = a.MaxSpeedMmS / 2;
            a.SoftLimitMinMm = 0;
            a.SoftLimitMaxMm = travel ? TravelLengthMm - 100 : ForkReachMm + 20;
            // The following-error window must exceed what the axis travels in a tick or two of sampling lag between the
            // encoder and the commanded model: at 500 mm/s one 10 ms tick is already the lift's 5 mm. Three ticks of top
            // speed, never less than the configured window.
            double window = 3 * a.MaxSpeedMmS * c.TickMs / 1000.0;
            if (window > a.FollowingErrorMm) a.FollowingErrorMm = window;
            NoContact(a);
            return a;
        }

        // No contact move on a truck robot's axes (the fork carries the block; nothing presses into the truck): the
        // contact zone lies beyond their travel, so lift.vehicle_height_mm means nothing in a truck bay.
        private static void NoContact(StationConfig a)
        {
            a.VehicleHeightMm = 1000000;
            a.ContactZoneMm = 0;
            a.SealCompressionMm = 0;
        }

        /// <summary>The figures of a block's latch set (<paramref name="latches"/> true) or its connector.</summary>
        public static StationConfig LatchConfig(StationConfig c, bool latches)
        {
            StationConfig l = ConfigMapping.Copy(c);
            l.LockCount = latches ? LatchesPerBlock : 1;
            l.LockTravelMs = latches ? LatchTravelMs : ConnectorTravelMs;
            l.LockMinTravelMs = latches ? LatchMinTravelMs : ConnectorMinTravelMs;
            return l;
        }
    }
}
