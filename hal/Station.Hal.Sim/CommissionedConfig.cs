using System;
using Station.Core;

namespace Station.Hal.Sim
{
    /// <summary>The controller configuration a plant's figures imply: what a commissioning engineer would enter for a
    /// bay built to <see cref="PlantParameters"/> (kept apart from the plant's own figures, which the controller never
    /// sees).</summary>
    public static class CommissionedConfig
    {
        /// <summary>A controller configuration that describes plant <paramref name="p"/> truthfully (travel, encoder,
        /// speeds, lock time with margin, conveyor deadlines with margin, rack size).</summary>
        public static StationConfig For(PlantParameters p)
        {
            var c = new StationConfig
            {
                TravelMm = p.LiftTravelMm,
                CountsPerMm = p.EncoderCountsPerMm,
                MaxSpeedMmS = p.LiftMaxSpeedMmS,
                AccelMmS2 = p.LiftAccelMmS2 * 0.8, // ramp below what the drive can do, so the drive can follow it
                // The controller's home is the home switch's edge (homing takes its reference there), HomeSwitchMm
                // above the plant's zero: heights are measured from it.
                VehicleHeightMm = p.VehicleHeightMm - p.HomeSwitchMm,
                SoftLimitMinMm = 0,
                SoftLimitMaxMm = Math.Min(p.LiftTravelMm - 10, p.VehicleHeightMm + p.ContactComplianceMm + 50),
                HomingSpeedMmS = Math.Min(50, p.LiftMaxSpeedMmS),
                LockCount = p.LockCount,
                LockTravelMs = (int)(p.LockTravelMs * 1.25) + 100,
                StagingTimeoutMs = (int)(p.StagingLengthMm / p.StagingSpeedMmS * 1000) + p.HandlerFetchMs + 5000,
                TransferTimeoutMs = (int)(p.TransferPitchMm / p.TransferSpeedMmS * 1000 * 1.5) + 2000,
                RackSlots = p.RackSlots,
                // The plausibility figures from the same plant: the lift may touch the pack ContactWindowMm below its
                // height (creep from 2 mm before: the ramp is already at approach speed there), the seals give
                // ContactComplianceMm, the home switch releases HomeSwitchMm above its lowest point, and a healthy lock
                // needs its whole travel time.
                ContactZoneMm = p.ContactWindowMm + 2,
                SealCompressionMm = Math.Max(1, p.ContactComplianceMm),
                HomingBackoffMm = p.HomeSwitchMm + 5,
                LockMinTravelMs = Math.Max(30, p.LockTravelMs * 3 / 4),
            };
            if (c.SoftLimitMaxMm <= c.VehicleHeightMm) c.SoftLimitMaxMm = Math.Min(p.LiftTravelMm - 1, c.VehicleHeightMm + 1);
            return c;
        }
    }
}
