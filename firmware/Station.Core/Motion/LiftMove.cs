namespace Station.Core.Motion
{
    /// <summary>One move of a lift axis: its start (the checks, the plan, the deadline and the figures that apply only
    /// from a start), and what the axis's tick keeps of it (the commanded speed, the last period).</summary>
    /// <remarks>
    /// Built once per axis and planned again at every move or homing (allocation-free). Every move carries a deadline:
    /// the planned duration × 1.5 plus <c>MoveTimeoutMarginMs</c>, so no move can run on unbounded (the idea of Klipper's
    /// max_duration). The start-time figures (CountsPerMm, PositionToleranceMm, AccelMmS2, CreepSpeedMmS, TickMs, the
    /// speed cap) are copied here when a move or homing begins: they apply only at the next start, and the axis's tick
    /// reads each several times (on nanoFramework's interpreter a field of the configuration costs two loads, one of these
    /// one). The keys that apply at once (soft limits, vehicle height, windows, following error) are read by the tick.
    /// </remarks>
    public sealed class LiftMove
    {
        private readonly StationConfig _c;
        private readonly LiftFeedback _feedback;
        private readonly LiftMotionWatch _watch;
        /// <summary><see cref="Start"/>: refused (not a valid target or cap; nothing changed).</summary>
        public const int Refused = 0;
        /// <summary><see cref="Start"/>: already there (no motion).</summary>
        public const int AlreadyThere = 1;
        /// <summary><see cref="Start"/>: the move began.</summary>
        public const int Started = 2;
        // The commanded speed now and when the axis's tick last ramped it (written by the tick).
        internal double SpeedMmS;
        internal long LastUpdateMs;
        // The plan. Up is also set by homing's phases (up while backing off).
        internal double TargetMm;
        internal bool Up;
        internal bool TowardsHome;
        internal bool IntoContact;
        internal long DeadlineMs;
        // The start-time figures, and the speed cap with its square.
        internal double SpeedCapMmS;
        internal double SpeedCapSquared;
        internal double CountsPerMm = 1;
        internal double ToleranceMm;
        internal double AccelMmS2;
        internal double TwoAccelMmS2;
        internal double CreepMmS;
        internal int TwoTicksMs;
        // The last contact-zone root the tick took, and its argument (-1: none yet): creeping through the zone asks the
        // same root tick after tick.
        internal double Reach = -1;
        internal double ReachRoot;

        /// <summary>Plans the moves of the axis that reads <paramref name="feedback"/>, with the figures of
        /// <paramref name="config"/>, and starts <paramref name="watch"/> with each.</summary>
        public LiftMove(StationConfig config, LiftFeedback feedback, LiftMotionWatch watch)
        {
            _c = config;
            _feedback = feedback;
            _watch = watch;
        }

        /// <summary>Starts a move to <paramref name="targetMm"/> at most at <paramref name="speedCapMmS"/> (never above
        /// MaxSpeedMmS) from rest: Refused (a cap not above 0, or a target outside the soft limits that is not home),
        /// AlreadyThere (within the position tolerance; at home only with the switch made) or Started.</summary>
        public int Start(double targetMm, double speedCapMmS, long nowMs)
        {
            if (!(speedCapMmS > 0)) return Refused;
            if ((!IsHomeTarget(targetMm) && targetMm < _c.SoftLimitMinMm) || targetMm > _c.SoftLimitMaxMm) return Refused;
            SpeedCapMmS = Kinematics.Min(speedCapMmS, _c.MaxSpeedMmS);
            LiftFeedback f = _feedback;
            f.Sample(nowMs, false);
            double pos = f.PositionMm;
            double distance = Kinematics.Abs(targetMm - pos);
            TargetMm = targetMm;
            // Home is reached only when the switch agrees; elsewhere the encoder alone says "already there".
            if (distance <= _c.PositionToleranceMm && (!IsHomeTarget(targetMm) || f.Home.Level)) return AlreadyThere;
            Begin(nowMs, Plan(pos, distance));
            return Started;
        }

        /// <summary>Starts homing from rest (<paramref name="homing"/> judges the edges and sets the direction).</summary>
        public void StartHoming(HomeReference homing, long nowMs)
        {
            _feedback.Sample(nowMs, false);
            Begin(nowMs, PlanHoming());
            homing.Begin(_feedback.Counts, _feedback.Home.Level);
            Up = homing.Up;
        }

        // Home is 0 or within the position tolerance of it (a homed lift rests a hair below the switch edge).
        private bool IsHomeTarget(double targetMm) { return targetMm > -_c.PositionToleranceMm && targetMm <= _c.PositionToleranceMm; }

        // A move from positionMm to TargetMm (already set), distanceMm away: the time allowed for it, ms.
        private long Plan(double positionMm, double distanceMm)
        {
            double target = TargetMm;
            Up = target > positionMm;
            TowardsHome = !Up && IsHomeTarget(target);
            IntoContact = Up && target >= _c.VehicleHeightMm - _c.ContactZoneMm && target <= _c.VehicleHeightMm + _c.SealCompressionMm;
            long planned = Kinematics.MoveMs(distanceMm, SpeedCapMmS, _c.AccelMmS2);
            if (IntoContact) planned += (long)(_c.ContactZoneMm / _c.ApproachSpeedMmS * 1000);
            return planned + planned / 2 + _c.MoveTimeoutMarginMs;
        }

        // Homing (down to the switch, back off, down again slowly): the time allowed for it, ms.
        private long PlanHoming()
        {
            TargetMm = 0;
            IntoContact = false;
            long planned = (long)(_c.TravelMm / _c.HomingSpeedMmS * 1000)
                + (long)((2 * _c.HomingBackoffMm + _c.HomingRepeatMm) / _c.ApproachSpeedMmS * 1000);
            return planned + planned / 2 + _c.MoveTimeoutMarginMs;
        }

        // A move or homing begins from rest at nowMs, allowed allowedMs: the deadline, the start-time figures, the watch.
        private void Begin(long nowMs, long allowedMs)
        {
            SpeedMmS = 0;
            LastUpdateMs = nowMs;
            LiftFeedback f = _feedback;
            f.LastChangeMs = nowMs;
            f.UnseenMm = 0;
            f.LastSeenMm = f.PositionMm;
            _watch.Begin(f.PositionMm);
            DeadlineMs = nowMs + allowedMs;
            SpeedCapSquared = SpeedCapMmS * SpeedCapMmS;
            CountsPerMm = _c.CountsPerMm;
            ToleranceMm = _c.PositionToleranceMm;
            AccelMmS2 = _c.AccelMmS2;
            TwoAccelMmS2 = 2 * AccelMmS2;
            CreepMmS = _c.CreepSpeedMmS;
            TwoTicksMs = 2 * _c.TickMs;
        }
    }
}
