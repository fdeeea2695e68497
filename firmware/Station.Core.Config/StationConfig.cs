namespace Station.Core
{
    /// <summary>Figures of one bay, with defaults for a car station. Plain fields; <see cref="Validate"/> before use.</summary>
    /// <remarks>Lift positions are millimetres above home (the bottom limit, which is also the conveyor's transfer height).</remarks>
    public sealed class StationConfig
    {
        /// <summary>Station identifier used in records and topics.</summary>
        public string StationId = "bay1";
        /// <summary>Kind of bay (configuration key bay.profile): which bay profile runs.</summary>
        public string BayProfile = Station.Core.Config.BayProfileNames.Car;
        /// <summary>Control period in milliseconds.</summary>
        public int TickMs = 10;
        /// <summary>Time an input must hold a new level before the core believes it (safety inputs drop at once).</summary>
        public int InputDebounceMs = 20;

        /// <summary>Mechanical travel of the lift from home to the top limit, mm.</summary>
        public double TravelMm = 600;
        /// <summary>Encoder counts per millimetre of lift travel.</summary>
        public double CountsPerMm = 20;
        /// <summary>Lift speed at full PWM duty, mm/s.</summary>
        public double MaxSpeedMmS = 200;
        /// <summary>Lift acceleration and deceleration of the speed ramp, mm/s².</summary>
        public double AccelMmS2 = 400;
        /// <summary>Lift height at which the platform meets the vehicle's pack, mm above home.</summary>
        public double VehicleHeightMm = 500;
        /// <summary>Lowest commandable lift position, mm; home (0) stays a valid target below it.</summary>
        public double SoftLimitMinMm = 0;
        /// <summary>Highest commandable lift position, mm (below the top limit switch).</summary>
        public double SoftLimitMaxMm = 560;
        /// <summary>Margin added to a move's computed duration before it times out, ms.</summary>
        public int MoveTimeoutMarginMs = 2000;
        /// <summary>A driven lift whose encoder does not change for this long has stalled, ms.</summary>
        public int StallWindowMs = 300;
        /// <summary>Speed while seeking the home switch, mm/s.</summary>
        public double HomingSpeedMmS = 100;
        /// <summary>A move has arrived when within this distance of its target, mm.</summary>
        public double PositionToleranceMm = 1.0;
        /// <summary>Lowest speed the ramp commands while still short of the target, mm/s.</summary>
        public double CreepSpeedMmS = 5;
        /// <summary>The home switch and the encoder agree when the switch is made within this distance of the encoder's
        /// home, mm: a switch made further up, or an encoder this far below home with no switch, is a fault.</summary>
        public double HomeWindowMm = 5;
        /// <summary>Speed in the contact zone below the vehicle height and during homing's back-off and confirming
        /// approach, mm/s.</summary>
        public double ApproachSpeedMmS = 20;
        /// <summary>Below the vehicle height, the zone in which the platform may touch the pack: the lift enters it at
        /// <see cref="ApproachSpeedMmS"/>, mm.</summary>
        public double ContactZoneMm = 15;
        /// <summary>How far the lift may press past the vehicle height before the pack is pushed into the car (seal and
        /// pad compression), mm. Half of it is the budget for travel the encoder has not confirmed.</summary>
        public double SealCompressionMm = 6;
        /// <summary>Longest move up while homing backs off the home switch before it must read released, mm.</summary>
        public double HomingBackoffMm = 10;
        /// <summary>The confirming approach must find the home switch edge within this distance of the first edge, mm.</summary>
        public double HomingRepeatMm = 2;
        /// <summary>The encoder may differ from the travel the drive was commanded by this much before the lift is stopped
        /// (behind: LiftFollowingError; ahead: LiftRunaway; against the direction: half of it), and a homed idle lift may
        /// drift this much (LiftMovedWhileIdle), mm.</summary>
        public double FollowingErrorMm = 5;
        /// <summary>A control tick this much later than the one before, with an actuator driven, stops everything
        /// (ControlTickLate); without motion it is only counted, ms.</summary>
        public int TickLateMs = 100;
        /// <summary>The <see cref="PackStandard"/> number a rack pack gets when it is set without one (pack.standard);
        /// 0 = unspecified.</summary>
        public int DefaultPackStandard;

        /// <summary>How long a trial firmware image must run with its self-checks passed and no fault before the loader
        /// confirms it (s).</summary>
        public int ProbationS = 600;

        /// <summary>How long a trial firmware image has to reach the cloud before it rolls back (s).</summary>
        public int CloudDeadlineS = 300;

        /// <summary>Number of pack locks.</summary>
        public int LockCount = 4;
        /// <summary>Longest time a lock may take from one end position to the other, ms.</summary>
        public int LockTravelMs = 1500;
        /// <summary>Shortest time a lock can physically take between its end positions, ms: a sensor reading the end
        /// sooner is not believed (LockTooFast).</summary>
        public int LockMinTravelMs = 400;

        /// <summary>Longest staging conveyor run (rack feed point to staging point), ms.</summary>
        public int StagingTimeoutMs = 30000;
        /// <summary>Longest transfer conveyor run (depleted off the lift, charged on), ms.</summary>
        public int TransferTimeoutMs = 20000;

        /// <summary>Lowest state of charge a pack may have to be installed, percent.</summary>
        public int MinSocPct = 80;
        /// <summary>Longest time the release-gate pack check may take, ms.</summary>
        public int BmsTimeoutMs = 5000;
        /// <summary>The release gate releases only on a pack check confirmed within this long (the BMS's newest status), ms.</summary>
        public int GateFreshMs = 500;
        /// <summary>Time the safety relay has to follow the MotionPermit request, ms.</summary>
        public int RelayResponseMs = 200;

        /// <summary>Number of rack slots the inventory tracks.</summary>
        public int RackSlots = 13;
        /// <summary>Journal size that triggers compaction, bytes.</summary>
        public int JournalMaxBytes = 16384;

        /// <summary>Checks the figures; returns null when valid, otherwise a sentence naming the first bad field.</summary>
        public string Validate()
        {
            if (!Station.Core.Config.StationName.IsValid(StationId)) return "station.id must be " + Station.Core.Config.StationName.RuleText;
            string profile = Station.Core.Config.BayProfileNames.Check(BayProfile);
            if (profile != null) return profile;
            if (TickMs < 1 || TickMs > 100) return "TickMs must be 1..100";
            if (InputDebounceMs < 0 || InputDebounceMs > 1000) return "InputDebounceMs must be 0..1000";
            if (!(TravelMm > 0)) return "TravelMm must be > 0";
            if (!(CountsPerMm > 0)) return "CountsPerMm must be > 0";
            if (!(MaxSpeedMmS > 0)) return "MaxSpeedMmS must be > 0";
            if (!(AccelMmS2 > 0)) return "AccelMmS2 must be > 0";
            if (!(HomingSpeedMmS > 0) || HomingSpeedMmS > MaxSpeedMmS) return "HomingSpeedMmS must be > 0 and <= MaxSpeedMmS";
            if (!(CreepSpeedMmS > 0) || CreepSpeedMmS > MaxSpeedMmS) return "CreepSpeedMmS must be > 0 and <= MaxSpeedMmS";
            if (!(PositionToleranceMm > 0)) return "PositionToleranceMm must be > 0";
            if (SoftLimitMinMm < 0 || !(SoftLimitMaxMm > SoftLimitMinMm) || SoftLimitMaxMm >= TravelMm) return "soft limits must satisfy 0 <= SoftLimitMinMm < SoftLimitMaxMm < TravelMm";
            if (VehicleHeightMm < SoftLimitMinMm || VehicleHeightMm > SoftLimitMaxMm) return "VehicleHeightMm must lie inside the soft limits";
            if (MoveTimeoutMarginMs < 0 || StallWindowMs < 2 * TickMs) return "lift.move_timeout_margin_ms must be >= 0 and lift.stall_window_ms at least 2 ticks";
            if (LockCount < 1 || LockCount > 16) return "LockCount must be 1..16";
            if (LockTravelMs < TickMs) return "LockTravelMs must be at least one tick";
            if (LockMinTravelMs < InputDebounceMs + TickMs || LockMinTravelMs >= LockTravelMs) return "LockMinTravelMs must be >= InputDebounceMs + one tick and < LockTravelMs";
            string plausibility = ValidatePlausibility();
            if (plausibility != null) return plausibility;
            if (StagingTimeoutMs < TickMs || TransferTimeoutMs < TickMs) return "conveyor timeouts must be at least one tick";
            if (MinSocPct < 0 || MinSocPct > 100) return "MinSocPct must be 0..100";
            if (BmsTimeoutMs < TickMs || RelayResponseMs < TickMs) return "gate.bms_timeout_ms and safety.relay_response_ms must be at least one tick";
            if (GateFreshMs < TickMs || GateFreshMs > BmsTimeoutMs) return "gate.bms_fresh_ms must be at least one tick and at most gate.bms_timeout_ms";
            if (RackSlots < 1 || RackSlots > 64) return "RackSlots must be 1..64";
            if (JournalMaxBytes < 4096) return "JournalMaxBytes must be >= 4096";
            return null;
        }

        // The two-channel figures: each must leave the check able to see a healthy lift (a few encoder counts, two ticks
        // of motion) and must not be wider than what it protects.
        private string ValidatePlausibility()
        {
            double count = 1 / CountsPerMm;
            if (!(HomeWindowMm > PositionToleranceMm) || HomeWindowMm > 50) return "HomeWindowMm must be > PositionToleranceMm and <= 50";
            if (!(ApproachSpeedMmS >= CreepSpeedMmS) || ApproachSpeedMmS > MaxSpeedMmS) return "ApproachSpeedMmS must be >= CreepSpeedMmS and <= MaxSpeedMmS";
            if (ContactZoneMm < 0 || ContactZoneMm > VehicleHeightMm) return "ContactZoneMm must be 0..VehicleHeightMm";
            if (!(SealCompressionMm > 0) || SealCompressionMm > 50) return "SealCompressionMm must be > 0 and <= 50";
            double budget = SealCompressionMm / 2;
            if (budget < 3 * count || budget < ApproachSpeedMmS * 2 * TickMs / 1000.0) return "SealCompressionMm / 2 must cover 3 encoder counts and two ticks at ApproachSpeedMmS";
            if (!(HomingRepeatMm >= 2 * count) || HomingRepeatMm > 20) return "HomingRepeatMm must be >= 2 encoder counts and <= 20";
            if (!(FollowingErrorMm >= 4 * count) || FollowingErrorMm > 50) return "FollowingErrorMm must be >= 4 encoder counts and <= 50";
            if (TickLateMs < 2 * TickMs || TickLateMs > 1000) return "TickLateMs must be at least two ticks and <= 1000";
            if (!PackStandards.Known(DefaultPackStandard)) return "DefaultPackStandard must be a catalogued pack standard";
            if (ProbationS < 60 || ProbationS > 86400) return "ProbationS must be 60..86400";
            if (CloudDeadlineS < 30 || CloudDeadlineS > 3600) return "CloudDeadlineS must be 30..3600";
            if (!(HomingBackoffMm > PositionToleranceMm + HomingRepeatMm) || HomingBackoffMm > 50) return "HomingBackoffMm must be > PositionToleranceMm + HomingRepeatMm and <= 50";
            return null;
        }
    }
}
