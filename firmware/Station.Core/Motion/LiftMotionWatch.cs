namespace Station.Core.Motion
{
    /// <summary>The lift's motion against what it was told: a model of the commanded travel that the encoder must
    /// follow, the commanded direction, the largest step the count can physically take, and a homed lift at rest.</summary>
    /// <remarks>
    /// Which channel catches which fault (docs/safety.md, "Two-channel judgements"):
    /// | fault | channels | check |
    /// |---|---|---|
    /// | encoder slip, wrong scale, weak drive | encoder against the commanded travel | behind by more than <c>FollowingErrorMm</c>: LiftFollowingError (LiftStall when the count has stopped) |
    /// | drive runaway | encoder against the commanded travel and direction | ahead by <c>FollowingErrorMm</c>, or back against the direction by half of it: LiftRunaway |
    /// | brake not holding, drive without enable | encoder of a homed idle lift | more than <c>FollowingErrorMm</c> from where it came to rest: LiftMovedWhileIdle |
    /// The model's speed follows the commanded speed within <c>AccelMmS2</c> (the drive cannot reverse at once), so a
    /// healthy drive that follows its ramp stays within a tick's travel of it. This is the watch's state and its
    /// once-per-move steps; the checks themselves run inline in <see cref="LiftAxis.Update"/>, where they read and write
    /// these fields (on nanoFramework's interpreter a call per tick costs as much as several checks). The encoder's jump
    /// check (a change between two samples larger than 1.5 × top speed × (elapsed + one tick) + 2 counts:
    /// LiftEncoderJump) is the sample's own, in <see cref="LiftFeedback.Sample"/>. Allocation-free; one instance per axis.
    /// </remarks>
    public sealed class LiftMotionWatch
    {
        // The following model: the commanded travel as a drive within AccelMmS2 of the ramp would make it.
        internal double ModelMm;
        internal double ModelSpeedMmS;
        // The furthest the encoder has gone in the move's direction (a step back from it is a runaway).
        internal double FurthestMm;
        // Largest following error since the last Begin (also for status and tests).
        internal double PeakMm;
        // At rest: where the lift came to rest, whether that is known, and when the drive stopped (taken at the first
        // idle period after the stop: a stop has no clock of its own).
        internal double RestMm;
        internal bool Resting;
        internal long StoppedMs;
        internal bool StopPending;

        /// <summary>A move or homing starts from rest at <paramref name="positionMm"/>.</summary>
        public void Begin(double positionMm)
        {
            ModelMm = positionMm;
            ModelSpeedMmS = 0;
            FurthestMm = positionMm;
            PeakMm = 0;
        }

        /// <summary>The drive was switched off: the lift settles on its brake for one stall window from the next idle
        /// period, then must stay where it came to rest.</summary>
        public void Stopped()
        {
            StopPending = true;
            Resting = false;
        }
    }
}
