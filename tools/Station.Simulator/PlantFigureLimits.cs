using System.Collections.Generic;
using System.Reflection;

namespace Station.Simulator
{
    /// <summary>The range a scenario may give each plant figure: what a swap bay for cars or trucks can plausibly
    /// have, with margin. Checked while the file is read, before the plant is built, so an absurd figure (RackSlots
    /// 100,000,000 would build a hundred million rack slots) is refused instead of worked on.</summary>
    public static class PlantFigureLimits
    {
        /// <summary>Range of a whole-number figure not in the table (a figure added later).</summary>
        public const int DefaultIntMax = 100_000;
        /// <summary>Range of a decimal figure not in the table: ± this.</summary>
        public const double DefaultNumberLimit = 1e6;

        private static readonly Dictionary<string, (double Min, double Max)> Limits = new Dictionary<string, (double, double)>
        {
            ["LiftTravelMm"] = (1, 5_000),
            ["VehicleHeightMm"] = (0, 5_000),
            ["LiftMaxSpeedMmS"] = (0.1, 2_000),
            ["LiftAccelMmS2"] = (0.1, 50_000),
            ["LiftBrakeDecelMmS2"] = (0.1, 100_000),
            ["EncoderCountsPerMm"] = (0.01, 1_000),
            ["HomeSwitchMm"] = (0, 500),
            ["LiftOvertravelMm"] = (0, 500),
            ["ContactWindowMm"] = (0, 500),
            ["ContactComplianceMm"] = (0, 500),
            ["TransferAlignMm"] = (0, 500),
            ["LiftPwmHz"] = (1, 100_000),
            ["LockCount"] = (1, 16),
            ["LockTravelMs"] = (1, 60_000),
            ["LockJamFraction"] = (0, 1),
            ["StagingLengthMm"] = (1, 20_000),
            ["StagingSpeedMmS"] = (0.1, 5_000),
            ["TransferPitchMm"] = (1, 20_000),
            ["TransferSpeedMmS"] = (0.1, 5_000),
            ["PackLengthMm"] = (1, 10_000),
            ["PackSensorWindowMm"] = (0, 5_000),
            ["RackSlots"] = (1, 200),
            ["RackPacks"] = (0, 200),
            ["HandlerFetchMs"] = (0, 600_000),
            ["HandlerStoreMs"] = (0, 600_000),
            ["HandlerSettleMs"] = (0, 60_000),
            ["ChargePctPerMin"] = (0, 100),
            ["RackInitialSocPct"] = (0, 100),
            ["VehicleArriveMs"] = (0, 3_600_000),
            ["VehicleDepartMs"] = (0, 3_600_000),
            ["VehiclePackSocPct"] = (0, 100),
            ["SafetyRelayPickupMs"] = (0, 10_000),
            ["PermitWatchdogMs"] = (0, 10_000),
            ["VehicleHeightErrorMm"] = (-500, 500),
        };

        /// <summary>Names of the figures with their own range.</summary>
        public static IEnumerable<string> Names => Limits.Keys;

        /// <summary>The range of <paramref name="figure"/> (a public field of PlantParameters).</summary>
        public static (double Min, double Max) For(FieldInfo figure)
        {
            if (Limits.TryGetValue(figure.Name, out var range)) return range;
            return figure.FieldType == typeof(int) ? (0, DefaultIntMax) : (-DefaultNumberLimit, DefaultNumberLimit);
        }
    }
}
