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
    /// | counter wrap, noise, preset | encoder against the lift's top speed | a change between two samples larger than 1.5 × top speed × (elapsed + one tick) + 2 counts: LiftEncoderJump |
    /// | brake not holding, drive without enable | encoder of a homed idle lift | more than <c>FollowingErrorMm</c> from where it came to rest: LiftMovedWhileIdle |
    /// The model's speed follows the commanded speed within <c>AccelMmS2</c> (the drive cannot reverse at once), so a
    /// healthy drive that follows its ramp stays within a tick's travel of it. Allocation-free; one instance per axis.
    /// </remarks>
    public sealed class LiftMotionWatch
    {
        private readonly StationConfig _c;
        private double _modelMm;
        private double _modelSpeedMmS;
        private double _furthestMm;
        private double _restMm;
        private bool _resting;
        private long _stoppedMs;
        private bool _stopPending;
        private int _lastCounts;
        // Read and written by the axis too: a tick whose count did not change does Jumped's bookkeeping inline (see
        // LiftAxis.Sample; a call per tick is dear on the interpreter and an unchanged count is never a jump).
        internal long LastSampleMs;
        internal bool Sampled;

        /// <summary>A watch over the figures of <paramref name="config"/> (read each time, so live changes apply).</summary>
        public LiftMotionWatch(StationConfig config) { _c = config; }

        /// <summary>Largest following error seen since the last <see cref="Begin"/>, mm (for status and tests).</summary>
        public double PeakErrorMm { get { return _peakErrorMm; } }
        // A field for Driven's every-tick compare (an auto-property is a call per read and per write on the interpreter).
        private double _peakErrorMm;

        /// <summary>A move or homing starts from rest at <paramref name="positionMm"/>.</summary>
        public void Begin(double positionMm)
        {
            _modelMm = positionMm;
            _modelSpeedMmS = 0;
            _furthestMm = positionMm;
            _peakErrorMm = 0;
        }

        /// <summary>The drive was switched off: the lift settles on its brake for one stall window from the next idle
        /// period (<see cref="MovedWhileIdle"/> takes the time: a stop has no clock of its own), then must stay where it
        /// came to rest.</summary>
        public void Stopped()
        {
            _stopPending = true;
            _resting = false;
        }

        /// <summary>True when the count changed from the sample before by more than the lift can travel in between.</summary>
        public bool Jumped(int counts, long nowMs)
        {
            bool first = !Sampled;
            int before = _lastCounts;
            long elapsed = nowMs - LastSampleMs;
            Sampled = true;
            _lastCounts = counts;
            LastSampleMs = nowMs;
            // An unchanged count is no jump (the allowance is at least 2 counts): the resting lift's ticks end here.
            if (first || elapsed < 0 || counts == before) return false;
            double allowed = 1.5 * _c.MaxSpeedMmS * (elapsed + _c.TickMs) / 1000.0 * _c.CountsPerMm + 2;
            double jump = counts - before; // Kinematics' Abs, Min and Max inline here: a call is dear on the interpreter
            if (jump < 0) jump = -jump;
            return jump > allowed;
        }

        /// <summary>One period of a driven lift: <paramref name="commandedMmS"/> (signed, up positive) was commanded for
        /// the last <paramref name="periodMs"/>; <paramref name="positionMm"/> is the encoder now. Returns the fault or None.</summary>
        public FaultCode Driven(double positionMm, double commandedMmS, long periodMs, bool up, bool countStopped)
        {
            if (periodMs > 0)
            {
                double dt = periodMs / 1000.0;
                double step = _c.AccelMmS2 * dt;
                double v = _modelSpeedMmS;
                if (commandedMmS > v)
                {
                    double faster = v + step;
                    v = commandedMmS < faster ? commandedMmS : faster;
                }
                else
                {
                    double slower = v - step;
                    v = commandedMmS > slower ? commandedMmS : slower;
                }
                _modelSpeedMmS = v;
                _modelMm += v * dt;
            }
            // Positive: the encoder is behind the commanded travel in the direction of the move.
            double behind = up ? _modelMm - positionMm : positionMm - _modelMm;
            double error = behind < 0 ? -behind : behind;
            if (error > _peakErrorMm) _peakErrorMm = error;
            if (up ? positionMm > _furthestMm : positionMm < _furthestMm) _furthestMm = positionMm;
            if (behind > _c.FollowingErrorMm) return countStopped ? FaultCode.LiftStall : FaultCode.LiftFollowingError;
            if (-behind > _c.FollowingErrorMm) return FaultCode.LiftRunaway;
            double back = up ? _furthestMm - positionMm : positionMm - _furthestMm;
            if (back > _c.FollowingErrorMm / 2) return FaultCode.LiftRunaway;
            return FaultCode.None;
        }

        /// <summary>One period of a homed idle lift at <paramref name="positionMm"/>: true when it moved away from where it
        /// came to rest by more than the following-error limit.</summary>
        public bool MovedWhileIdle(double positionMm, long nowMs)
        {
            if (_stopPending)
            {
                _stoppedMs = nowMs;
                _stopPending = false;
            }
            if (nowMs - _stoppedMs < _c.StallWindowMs)
            {
                _restMm = positionMm;
                _resting = true;
                return false;
            }
            if (!_resting)
            {
                _restMm = positionMm;
                _resting = true;
            }
            return Kinematics.Abs(positionMm - _restMm) > _c.FollowingErrorMm;
        }
    }
}
