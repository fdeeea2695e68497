
namespace Station.Core.Config
{
    /// <summary>Maps the console's configuration keys onto the core's <see cref="StationConfig"/> fields and back.</summary>
    /// <remarks>
    /// | key | StationConfig field | applies |
    /// |---|---|---|
    /// | station.id | StationId | restart |
    /// | lift.travel_mm | TravelMm | restart (mechanics) |
    /// | lift.speed_mm_s | MaxSpeedMmS (speed at full drive duty: a drive calibration) | restart |
    /// | lift.homing_speed_mm_s | HomingSpeedMmS | at once |
    /// | lift.soft_min_mm / soft_max_mm | SoftLimitMinMm / SoftLimitMaxMm | at once |
    /// | lift.vehicle_height_mm | VehicleHeightMm | at once (next swap) |
    /// | lift.move_timeout_margin_ms | MoveTimeoutMarginMs | at once (next move) |
    /// | lift.stall_window_ms | StallWindowMs | at once |
    /// | safety.relay_response_ms | RelayResponseMs | restart |
    /// | lift.home_window_mm, approach_speed_mm_s, contact_zone_mm, seal_compression_mm, homing_backoff_mm, homing_repeat_mm | HomeWindowMm, ApproachSpeedMmS, ContactZoneMm, SealCompressionMm, HomingBackoffMm, HomingRepeatMm | at once (next move) |
    /// | lock.min_travel_ms | LockMinTravelMs | restart |
    /// | bay.profile | BayProfile | restart |
    /// | lift.following_error_mm | FollowingErrorMm | at once |
    /// | safety.tick_late_ms | TickLateMs | at once |
    /// | pack.standard | DefaultPackStandard (PackStandard number) | at once (next rack pack set) |
    /// | ota.probation_s, ota.cloud_deadline_s | ProbationS, CloudDeadlineS | restart (read when the update agent starts) |
    /// | lock.count, lock.travel_ms | LockCount, LockTravelMs | restart |
    /// | conveyor.*_timeout_ms | StagingTimeoutMs, TransferTimeoutMs | restart |
    /// | gate.min_soc_pct, gate.bms_timeout_ms | MinSocPct, BmsTimeoutMs | restart |
    /// | gate.bms_fresh_ms | GateFreshMs | restart |
    /// | pack.types | BmsCheckConfig.AcceptedBatteryTypes (GB/T codes) | restart (built with the BMS check) |
    /// | gate.pack_min_temp_c / gate.pack_max_temp_c | BmsCheckConfig.MinTempC / MaxTempC | restart |
    /// The "at once" fields are read by the lift axis and the sequencer each time they act, so changing them while the
    /// station is held in maintenance is safe; the others are captured when the controller (or its BMS check) is built.
    /// Keys with no field here (lift.jog_*, maint.*, mqtt.*) are read by the console or the cloud link directly.
    /// </remarks>
    public static class ConfigMapping
    {
        /// <summary>A new StationConfig: every field of <paramref name="baseConfig"/>, then the mapped keys from <paramref name="values"/>.</summary>
        public static StationConfig ToStationConfig(ConfigValues values, StationConfig baseConfig)
        {
            StationConfig c = Copy(baseConfig);
            c.StationId = values.Text(ConfigTable.StationId);
            c.BayProfile = values.Text(ConfigTable.BayProfile);
            c.TravelMm = values.Number(ConfigTable.LiftTravelMm);
            c.MaxSpeedMmS = values.Number(ConfigTable.LiftSpeedMmS);
            c.LockCount = values.Number(ConfigTable.LockCount);
            c.LockTravelMs = values.Number(ConfigTable.LockTravelMs);
            c.LockMinTravelMs = values.Number(ConfigTable.LockMinTravelMs);
            c.StagingTimeoutMs = values.Number(ConfigTable.StagingTimeoutMs);
            c.TransferTimeoutMs = values.Number(ConfigTable.TransferTimeoutMs);
            c.MinSocPct = values.Number(ConfigTable.MinSocPct);
            c.BmsTimeoutMs = values.Number(ConfigTable.BmsTimeoutMs);
            c.RelayResponseMs = values.Number(ConfigTable.SafetyRelayResponseMs);
            c.GateFreshMs = values.Number(ConfigTable.BmsFreshMs);
            ApplyLive(values, c);
            return c;
        }

        /// <summary>Applies changed keys to the running configuration <paramref name="running"/> (console and cloud
        /// alike): the whole mapped set must validate, then the "at once" fields are copied; the rest wait for the next
        /// start. Returns null when applied, otherwise why not (the running configuration is then unchanged).</summary>
        public static string Apply(ConfigValues values, StationConfig running)
        {
            StationConfig trial = ToStationConfig(values, running);
            string error = trial.Validate();
            if (error != null) return "not applied to the running station: " + error;
            ApplyLive(values, running);
            return null;
        }

        /// <summary>What <see cref="Apply"/> changes at once, in words.</summary>
        public const string AppliedText = "soft limits, vehicle height, homing speed, move margin, stall window and the lift's plausibility figures apply now; the other keys at the next start";

        /// <summary>Copies the fields that may change while the controller runs (see the table above).</summary>
        public static void ApplyLive(ConfigValues values, StationConfig c)
        {
            c.HomingSpeedMmS = values.Number(ConfigTable.LiftHomingSpeedMmS);
            c.SoftLimitMinMm = values.Number(ConfigTable.LiftSoftMinMm);
            c.SoftLimitMaxMm = values.Number(ConfigTable.LiftSoftMaxMm);
            c.VehicleHeightMm = values.Number(ConfigTable.LiftVehicleHeightMm);
            c.MoveTimeoutMarginMs = values.Number(ConfigTable.LiftMoveTimeoutMarginMs);
            c.StallWindowMs = values.Number(ConfigTable.LiftStallWindowMs);
            c.HomeWindowMm = values.Number(ConfigTable.LiftHomeWindowMm);
            c.ApproachSpeedMmS = values.Number(ConfigTable.LiftApproachSpeedMmS);
            c.ContactZoneMm = values.Number(ConfigTable.LiftContactZoneMm);
            c.SealCompressionMm = values.Number(ConfigTable.LiftSealCompressionMm);
            c.HomingBackoffMm = values.Number(ConfigTable.LiftHomingBackoffMm);
            c.HomingRepeatMm = values.Number(ConfigTable.LiftHomingRepeatMm);
            c.FollowingErrorMm = values.Number(ConfigTable.LiftFollowingErrorMm);
            c.TickLateMs = values.Number(ConfigTable.SafetyTickLateMs);
            int standard = PackStandards.CodeOf(values.Text(ConfigTable.PackStandard));
            c.DefaultPackStandard = standard < 0 ? 0 : standard;
            c.ProbationS = values.Number(ConfigTable.OtaProbationS);
            c.CloudDeadlineS = values.Number(ConfigTable.OtaCloudDeadlineS);
        }

        /// <summary>Sets the mapped keys of <paramref name="values"/> from a StationConfig (the simulator's bay, a
        /// board's build). Returns null, or the first value the key table refuses (that key keeps its value).</summary>
        public static string FromStationConfig(StationConfig c, ConfigValues values)
        {
            string error = null;
            error = First(error, values.TrySetStored(ConfigTable.StationId, c.StationId));
            error = First(error, values.TrySetStored(ConfigTable.BayProfile, c.BayProfile));
            error = First(error, values.TrySetStored(ConfigTable.LiftTravelMm, Round(c.TravelMm)));
            error = First(error, values.TrySetStored(ConfigTable.LiftSpeedMmS, Round(c.MaxSpeedMmS)));
            error = First(error, values.TrySetStored(ConfigTable.LiftHomingSpeedMmS, Round(c.HomingSpeedMmS)));
            error = First(error, values.TrySetStored(ConfigTable.LiftSoftMinMm, Round(c.SoftLimitMinMm)));
            error = First(error, values.TrySetStored(ConfigTable.LiftSoftMaxMm, Round(c.SoftLimitMaxMm)));
            error = First(error, values.TrySetStored(ConfigTable.LiftVehicleHeightMm, Round(c.VehicleHeightMm)));
            error = First(error, values.TrySetStored(ConfigTable.LiftMoveTimeoutMarginMs, c.MoveTimeoutMarginMs.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.LockCount, c.LockCount.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.LockTravelMs, c.LockTravelMs.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.StagingTimeoutMs, c.StagingTimeoutMs.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.TransferTimeoutMs, c.TransferTimeoutMs.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.MinSocPct, c.MinSocPct.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.BmsTimeoutMs, c.BmsTimeoutMs.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.LiftStallWindowMs, c.StallWindowMs.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.SafetyRelayResponseMs, c.RelayResponseMs.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.BmsFreshMs, c.GateFreshMs.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.LiftHomeWindowMm, Round(c.HomeWindowMm)));
            error = First(error, values.TrySetStored(ConfigTable.LiftApproachSpeedMmS, Round(c.ApproachSpeedMmS)));
            error = First(error, values.TrySetStored(ConfigTable.LiftContactZoneMm, Round(c.ContactZoneMm)));
            error = First(error, values.TrySetStored(ConfigTable.LiftSealCompressionMm, Round(c.SealCompressionMm)));
            error = First(error, values.TrySetStored(ConfigTable.LiftHomingBackoffMm, Round(c.HomingBackoffMm)));
            error = First(error, values.TrySetStored(ConfigTable.LiftHomingRepeatMm, Round(c.HomingRepeatMm)));
            error = First(error, values.TrySetStored(ConfigTable.LockMinTravelMs, c.LockMinTravelMs.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.LiftFollowingErrorMm, Round(c.FollowingErrorMm)));
            error = First(error, values.TrySetStored(ConfigTable.SafetyTickLateMs, c.TickLateMs.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.PackStandard, PackStandards.Name((PackStandard)c.DefaultPackStandard)));
            error = First(error, values.TrySetStored(ConfigTable.OtaProbationS, c.ProbationS.ToString()));
            error = First(error, values.TrySetStored(ConfigTable.OtaCloudDeadlineS, c.CloudDeadlineS.ToString()));
            int speed = values.Number(ConfigTable.LiftSpeedMmS);
            if (values.Number(ConfigTable.LiftJogSpeedMmS) > speed)
            {
                values.TrySetStored(ConfigTable.LiftJogSpeedMmS, speed.ToString());
            }

            return error;
        }

        /// <summary>A field-by-field copy of <paramref name="c"/>.</summary>
        public static StationConfig Copy(StationConfig c)
        {
            StationConfig k = new StationConfig();
            k.StationId = c.StationId;
            k.BayProfile = c.BayProfile;
            k.TickMs = c.TickMs;
            k.InputDebounceMs = c.InputDebounceMs;
            k.TravelMm = c.TravelMm;
            k.CountsPerMm = c.CountsPerMm;
            k.MaxSpeedMmS = c.MaxSpeedMmS;
            k.AccelMmS2 = c.AccelMmS2;
            k.VehicleHeightMm = c.VehicleHeightMm;
            k.SoftLimitMinMm = c.SoftLimitMinMm;
            k.SoftLimitMaxMm = c.SoftLimitMaxMm;
            k.MoveTimeoutMarginMs = c.MoveTimeoutMarginMs;
            k.StallWindowMs = c.StallWindowMs;
            k.HomingSpeedMmS = c.HomingSpeedMmS;
            k.PositionToleranceMm = c.PositionToleranceMm;
            k.CreepSpeedMmS = c.CreepSpeedMmS;
            k.HomeWindowMm = c.HomeWindowMm;
            k.ApproachSpeedMmS = c.ApproachSpeedMmS;
            k.ContactZoneMm = c.ContactZoneMm;
            k.SealCompressionMm = c.SealCompressionMm;
            k.HomingBackoffMm = c.HomingBackoffMm;
            k.HomingRepeatMm = c.HomingRepeatMm;
            k.FollowingErrorMm = c.FollowingErrorMm;
            k.TickLateMs = c.TickLateMs;
            k.DefaultPackStandard = c.DefaultPackStandard;
            k.ProbationS = c.ProbationS;
            k.CloudDeadlineS = c.CloudDeadlineS;
            k.LockCount = c.LockCount;
            k.LockTravelMs = c.LockTravelMs;
            k.LockMinTravelMs = c.LockMinTravelMs;
            k.StagingTimeoutMs = c.StagingTimeoutMs;
            k.TransferTimeoutMs = c.TransferTimeoutMs;
            k.MinSocPct = c.MinSocPct;
            k.BmsTimeoutMs = c.BmsTimeoutMs;
            k.GateFreshMs = c.GateFreshMs;
            k.RelayResponseMs = c.RelayResponseMs;
            k.RackSlots = c.RackSlots;
            k.JournalMaxBytes = c.JournalMaxBytes;
            return k;
        }

        private static string Round(double mm)
        {
            return ((int)(mm + (mm >= 0 ? 0.5 : -0.5))).ToString();
        }

        private static string First(string error, string next)
        {
            return error != null ? error : next;
        }
    }
}
