using Station.Hal;

namespace Station.Core.Motion
{
    /// <summary>The lift axis: PWM speed with an acceleration ramp, direction, enable, brake, encoder, limit switches,
    /// soft limits, homing, stall detection and a deadline on every move.</summary>
    /// <remarks>
    /// States: Idle (brake holds, drive off) → Moving / Homing (drive on) → Idle when arrived, Faulted on any fault.
    /// Every move carries a deadline (computed duration × 1.5 + margin) checked here, below the sequencer, so a move
    /// can never run on unbounded (the idea of Klipper's max_duration). Call <see cref="Update"/> once per tick.
    /// The encoder is incremental: the position means something only after homing (<see cref="IsHomed"/>).
    ///
    /// Two channels where one lying sensor could drop or crush a pack (docs/safety.md):
    /// | judgement | channels | a lying channel is caught by |
    /// |---|---|---|
    /// | arrived home (transfer height) | home switch AND encoder within <c>HomeWindowMm</c> | switch made far up: LiftHomeLimitUnexpected; encoder below home without the switch: LiftHomeSwitchMissing |
    /// | left home | encoder AND switch released | switch still made above the window: LiftHomeLimitUnexpected |
    /// | home reference | first switch edge AND a second slow approach to the same edge | edge not repeatable or switch not releasing: LiftHomingNotConfirmed |
    /// | moving / contact | encoder AND the travel the drive was commanded | encoder stopped: LiftStall (time window, or in a contact move the commanded travel the encoder has not confirmed, bounded by half the seal compression) |
    /// | not pressing into the car | encoder against vehicle height + half the seal compression | LiftPastContact |
    /// | pack where the encoder expects it | pack-contact sensor against the encoder (contact zone) | sensor made below the zone: LiftContactEarly |
    /// | following, direction, jumps, rest | encoder against the commanded travel, top speed and rest (<see cref="LiftMotionWatch"/>) | LiftFollowingError / LiftRunaway / LiftEncoderJump / LiftMovedWhileIdle |
    /// The contact move enters the zone <c>ContactZoneMm</c> below the vehicle height at <c>ApproachSpeedMmS</c>, so an
    /// encoder that stops there is found within the seal's compression, not after it.
    /// </remarks>
    public sealed class LiftAxis
    {
        // The ports, each in its own field: one field load per write on the interpreter, not a chain of them.
        private readonly IPwmOutput _drive;
        private readonly IDigitalOutput _directionAway;
        private readonly IDigitalOutput _enable;
        private readonly IDigitalOutput _brakeRelease;
        private readonly IPositionInput _encoder;
        // The outputs as last written: an idle tick writes nothing, a moving one only the speed reference (each write is
        // an interface call on the interpreter). Unknown at first: the first idle tick switches everything off, the first
        // moving tick writes everything.
        private bool _driving;
        private bool _drivenAway;
        private bool _outputsKnown;
        private readonly StationConfig _c;
        private readonly DebouncedInput _top;
        private readonly DebouncedInput _home;
        private readonly DebouncedInput _contact;
        // The three, sampled in one loop.
        private readonly InputGroup _inputs;
        private readonly LiftMotionWatch _watch;
        private bool _jumpSeen;
        private int _zeroCounts;
        private int _counts;
        private int _lastCounts;
        private long _lastEncoderChangeMs;
        private long _lastUpdateMs;
        private long _deadlineMs;
        private double _targetMm;
        private double _speedMmS;
        private double _speedCapMmS;
        // Per move: the cap squared, and the start-time figures (keys that apply only at the next start, so they cannot
        // change during a move) read from the axis's own fields, not through the configuration: on the interpreter each
        // field load resolves its token, and a moving tick reads these about ten times.
        private double _speedCapSquared;
        private double _countsPerMm = 1;
        private double _toleranceMm;
        private double _accelMmS2;
        private double _twoAccelMmS2;
        private double _creepMmS;
        private int _twoTicksMs;
        private bool _up;
        private bool _arrived;
        private bool _intoContact;
        // A move down to home (set with the move: neither direction nor target changes during one).
        private bool _towardsHome;
        private double _unseenMm;
        private double _lastSeenMm;
        private bool _homeRawBefore;
        private int _homeEdgeCounts;
        private readonly HomeReference _homing;
        private HomingPhase _lastPhase;
        // Update reads the field, not the property: a getter call per read is dear on nanoFramework's interpreter.
        private LiftMode _mode;

        /// <summary>Builds the axis over one linear axis port group (the car bay's lift).</summary>
        public LiftAxis(LinearAxisPorts ports, StationConfig config)
        {
            _drive = ports.Drive;
            _directionAway = ports.DirectionAway;
            _enable = ports.Enable;
            _brakeRelease = ports.BrakeRelease;
            _encoder = ports.Encoder;
            _c = config;
            _top = new DebouncedInput(ports.FarLimit, config.InputDebounceMs, false);
            _home = new DebouncedInput(ports.HomeSwitch, config.InputDebounceMs, false);
            _contact = new DebouncedInput(ports.FarContact, config.InputDebounceMs, false);
            _inputs = new InputGroup(new DebouncedInput[] { _top, _home, _contact });
            _watch = new LiftMotionWatch(config);
            _homing = new HomeReference(config);
        }

        /// <summary>What the axis is doing.</summary>
        public LiftMode Mode { get { return _mode; } private set { _mode = value; } }

        /// <summary>True once homing found the home switch (false after power-up and after a fault).</summary>
        public bool IsHomed { get { return _homed; } private set { _homed = value; } }
        private bool _homed;

        /// <summary>The fault that stopped the axis, or None.</summary>
        public FaultCode Fault { get { return Tripped; } private set { Tripped = value; } }
        // The same, as a field for the sequencer's every-tick check (a getter call each on the interpreter).
        internal FaultCode Tripped;

        /// <summary>Position in mm above home (meaningful when homed).</summary>
        public double PositionMm { get { return (_counts - _zeroCounts) / _c.CountsPerMm; } }

        /// <summary>Target of the current move, mm.</summary>
        public double TargetMm { get { return _targetMm; } }

        /// <summary>Commanded speed now, mm/s (0 when stopped).</summary>
        public double CommandedSpeedMmS { get { return _speedMmS; } }

        /// <summary>Debounced home switch.</summary>
        public bool AtHomeSwitch { get { return _home.Level; } }

        /// <summary>Debounced top limit switch.</summary>
        public bool AtTopLimit { get { return _top.Level; } }

        /// <summary>Debounced pack-contact sensor of the platform.</summary>
        public bool AtPackContact { get { return _contact.Level; } }

        /// <summary>Largest difference between the encoder and the commanded travel in the current or last move, mm.</summary>
        public double PeakFollowingErrorMm { get { return _watch.PeakErrorMm; } }

        /// <summary>True when homed, idle, the home switch made and the encoder within HomeWindowMm of home (both channels).</summary>
        public bool IsHome
        {
            get { return IsHomed && Mode == LiftMode.Idle && _home.Level && Kinematics.Abs(PositionMm) <= _c.HomeWindowMm; }
        }

        /// <summary>True when homed, idle, the encoder within twice the position tolerance of <paramref name="mm"/> and the
        /// home switch released (a height above the home window; use <see cref="IsHome"/> for home).</summary>
        public bool IsAt(double mm)
        {
            return IsHomed && Mode == LiftMode.Idle && !_home.Level && Kinematics.Abs(PositionMm - mm) <= 2 * _c.PositionToleranceMm;
        }

        /// <summary>Where homing is (meaningful while <see cref="Mode"/> is Homing).</summary>
        public HomingPhase Phase { get { return _homing.Phase; } }

        /// <summary>Deadline of the current move (Clock.NowMs), 0 when idle.</summary>
        public long DeadlineMs { get { return Mode == LiftMode.Moving || Mode == LiftMode.Homing ? _deadlineMs : 0; } }

        /// <summary>Starts a move to <paramref name="targetMm"/>; false (and no motion) when not homed, faulted, busy or outside the
        /// soft limits. Home (0, or a target within the position tolerance of it) is always a valid target: the home switch,
        /// not the soft minimum, bounds the way down.</summary>
        public bool MoveTo(double targetMm, long nowMs) { return MoveTo(targetMm, _c.MaxSpeedMmS, nowMs); }

        /// <summary>As <see cref="MoveTo(double, long)"/> with the speed capped at <paramref name="speedCapMmS"/>
        /// (maintenance jogs from the console); the cap never exceeds MaxSpeedMmS.</summary>
        public bool MoveTo(double targetMm, double speedCapMmS, long nowMs)
        {
            if (!IsHomed || Mode != LiftMode.Idle) return false;
            if (!(speedCapMmS > 0)) return false;
            _speedCapMmS = Kinematics.Min(speedCapMmS, _c.MaxSpeedMmS);
            if ((!IsHomeTarget(targetMm) && targetMm < _c.SoftLimitMinMm) || targetMm > _c.SoftLimitMaxMm) return false;
            Sample(nowMs);
            double distance = Kinematics.Abs(targetMm - PositionMm);
            _targetMm = targetMm;
            // Home is reached only when the switch agrees; elsewhere the encoder alone says "already there".
            if (distance <= _c.PositionToleranceMm && (!IsHomeTarget(targetMm) || _home.Level))
            {
                _arrived = true;
                return true;
            }
            _up = targetMm > PositionMm;
            _towardsHome = !_up && IsHomeTarget(targetMm);
            _intoContact = _up && targetMm >= _c.VehicleHeightMm - _c.ContactZoneMm && targetMm <= _c.VehicleHeightMm + _c.SealCompressionMm;
            long planned = Kinematics.MoveMs(distance, _speedCapMmS, _c.AccelMmS2);
            if (_intoContact) planned += (long)(_c.ContactZoneMm / _c.ApproachSpeedMmS * 1000);
            Begin(LiftMode.Moving, nowMs, planned + planned / 2 + _c.MoveTimeoutMarginMs);
            return true;
        }

        /// <summary>Starts homing: down at homing speed to the home switch (skipped when it is already made), back off
        /// until it releases, then down again slowly; the second edge is the reference, and only if it agrees with the
        /// first. False when faulted or busy.</summary>
        public bool StartHoming(long nowMs)
        {
            if (Mode != LiftMode.Idle) return false;
            IsHomed = false;
            Sample(nowMs);
            _targetMm = 0;
            _intoContact = false;
            long planned = (long)(_c.TravelMm / _c.HomingSpeedMmS * 1000)
                + (long)((2 * _c.HomingBackoffMm + _c.HomingRepeatMm) / _c.ApproachSpeedMmS * 1000);
            Begin(LiftMode.Homing, nowMs, planned + planned / 2 + _c.MoveTimeoutMarginMs);
            _homing.Begin(_counts, _home.Level);
            _lastPhase = _homing.Phase;
            _up = _homing.Up;
            return true;
        }

        /// <summary>True once after a move or homing completed (reading clears it).</summary>
        public bool TakeArrived()
        {
            bool a = _arrived;
            _arrived = false;
            return a;
        }

        /// <summary>Stops at once: drive off, enable off, brake holds. Not a fault.</summary>
        public void Stop()
        {
            if (Mode != LiftMode.Faulted) Mode = LiftMode.Idle;
            _speedMmS = 0;
            OutputsOff();
            _watch.Stopped();
        }

        /// <summary>Stops and latches <paramref name="code"/> (used by the axis itself and by the interlocks).</summary>
        public void Trip(FaultCode code)
        {
            OutputsOff();
            _speedMmS = 0;
            Mode = LiftMode.Faulted;
            if (Fault == FaultCode.None) Fault = code;
        }

        /// <summary>Clears a fault; the axis must home again before it moves to a position.</summary>
        public void ClearFault()
        {
            OutputsOff();
            Fault = FaultCode.None;
            Mode = LiftMode.Idle;
            IsHomed = false;
            _arrived = false;
        }

        /// <summary>Forgets the home position (power-up, recovery).</summary>
        public void ForgetHome() { IsHomed = false; }

        /// <summary>One control period: sample, check every limit and the deadline, ramp the speed, drive the outputs.</summary>
        public void Update(long nowMs)
        {
            Sample(nowMs);
            // Encoder against the lift's top speed: a count that jumps is not believed, moving or homed at rest.
            bool jumped = _jumpSeen;
            _jumpSeen = false;
            if (jumped && (_mode == LiftMode.Moving || _mode == LiftMode.Homing || (_mode == LiftMode.Idle && _homed)))
            {
                Trip(FaultCode.LiftEncoderJump);
                return;
            }
            if (_mode == LiftMode.Idle || _mode == LiftMode.Faulted)
            {
                if (_driving || !_outputsKnown) OutputsOff();
                _lastUpdateMs = nowMs;
                // Encoder against "no move commanded": a homed lift at rest that moves has a brake or drive fault.
                if (_mode == LiftMode.Idle && _homed && _watch.MovedWhileIdle((_counts - _zeroCounts) / _c.CountsPerMm, nowMs)) Trip(FaultCode.LiftMovedWhileIdle);
                return;
            }
            double pos = (_counts - _zeroCounts) / _countsPerMm; // PositionMm, without a call
            // Travel commanded over the last period that no encoder count has confirmed yet.
            if (_lastEncoderChangeMs != nowMs && nowMs > _lastUpdateMs) _unseenMm += _speedMmS * (nowMs - _lastUpdateMs) / 1000.0;
            if (_top.Level)
            {
                Trip(FaultCode.LiftTopLimit);
                return;
            }
            if (_mode == LiftMode.Homing)
            {
                if (UpdateHoming()) return;
            }
            else
            {
                if (CheckMove(pos)) return;
            }
            if (nowMs > _deadlineMs)
            {
                Trip(Mode == LiftMode.Homing ? FaultCode.LiftHomingFailed : FaultCode.LiftMoveTimeout);
                return;
            }
            // Encoder against the commanded travel and direction (slip, scale, runaway); a count that stopped is a stall.
            // Not while homing: its reversals leave a drive's deceleration to the mechanics, and homing has its own
            // channels (the edge confirmed twice, the back-off bound, the deadline).
            FaultCode motion = _mode != LiftMode.Moving ? FaultCode.None : _watch.Driven(pos, _up ? _speedMmS : -_speedMmS,
                nowMs - _lastUpdateMs, _up, nowMs - _lastEncoderChangeMs >= _twoTicksMs);
            if (motion != FaultCode.None)
            {
                Trip(motion);
                return;
            }
            // Stall, channel "encoder against the commanded travel": no count for StallWindowMs, or - moving into contact -
            // more commanded travel than the encoder confirmed than the distance to the contact zone plus half the seal
            // compression (an encoder that stops just before contact must not let the drive press the pack into the car).
            if (nowMs - _lastEncoderChangeMs >= _c.StallWindowMs || (_intoContact && _unseenMm > UnseenBudgetMm()))
            {
                Trip(FaultCode.LiftStall);
                return;
            }
            Ramp(nowMs, pos);
        }

        private const double SoftLimitSlackMm = 5;
        // cap² <= reach × this means cap <= sqrt(reach) whatever the last bits of either: the root need not be taken.
        private const double SquareMargin = 1 - 1e-9;
        // The last contact-zone root taken, and its argument (-1: none yet).
        private double _reach = -1;
        private double _reachRoot;

        // Home is 0 or within the tolerance of it (a homed lift rests a hair below the switch edge).
        private bool IsHomeTarget(double targetMm) { return targetMm > -_c.PositionToleranceMm && targetMm <= _c.PositionToleranceMm; }

        private double ContactZoneStartMm { get { return _c.VehicleHeightMm - _c.ContactZoneMm; } }

        private double UnseenBudgetMm()
        {
            return Kinematics.Max(ContactZoneStartMm - _lastSeenMm, 0) + _c.SealCompressionMm / 2;
        }

        // A move's limits and arrival; true when the move ended (arrived or tripped).
        private bool CheckMove(double pos)
        {
            bool towardsHome = _towardsHome;
            // Home switch against encoder: made where the encoder says the lift is above the window (stuck, shorted or a
            // glitch) - in any direction - is a fault, never an arrival.
            if (_home.Level && pos > _c.HomeWindowMm)
            {
                Trip(FaultCode.LiftHomeLimitUnexpected);
                return true;
            }
            // Encoder against home switch: the encoder below home by the window and still no switch.
            if (towardsHome && !_home.Level && pos < -_c.HomeWindowMm)
            {
                Trip(FaultCode.LiftHomeSwitchMissing);
                return true;
            }
            // Below the soft minimum only a move down that is not going home is out of bounds: a move up from home
            // starts there, and the move home ends at the switch below it.
            if (pos > _c.SoftLimitMaxMm + SoftLimitSlackMm || (!_up && !towardsHome && pos < _c.SoftLimitMinMm - SoftLimitSlackMm))
            {
                Trip(FaultCode.LiftSoftLimit);
                return true;
            }
            // Contact sensor against encoder: the platform touches a pack below the zone where it may (pack lower than
            // configured, or an encoder that reads low) - stop before the speed still allowed there crushes it.
            if (_intoContact && _contact.Level && pos < ContactZoneStartMm - _toleranceMm)
            {
                Trip(FaultCode.LiftContactEarly);
                return true;
            }
            if (_intoContact && pos > _c.VehicleHeightMm + _c.SealCompressionMm / 2)
            {
                Trip(FaultCode.LiftPastContact);
                return true;
            }
            // Going home, arrival needs both channels: the switch made and the encoder at home.
            bool reached = towardsHome ? _home.Level && pos <= _toleranceMm
                : (_up ? pos >= _targetMm - _toleranceMm : pos <= _targetMm + _toleranceMm);
            if (!reached) return false;
            Stop();
            _arrived = true;
            return true;
        }

        // Homing: HomeReference judges the edges; the axis follows its phase (direction, speed restarting from rest).
        private bool UpdateHoming()
        {
            int result = _homing.Step(_counts, _home.Level, _homeEdgeCounts);
            if (result == HomeReference.NotConfirmed)
            {
                Trip(FaultCode.LiftHomingNotConfirmed);
                return true;
            }
            if (result == HomeReference.Homed)
            {
                Stop();
                _zeroCounts = _homing.ZeroCounts;
                IsHomed = true;
                _arrived = true;
                return true;
            }
            if (_homing.Phase != _lastPhase)
            {
                _lastPhase = _homing.Phase;
                _up = _homing.Up;
                _speedMmS = 0;
            }
            return false;
        }

        private void Ramp(long nowMs, double pos)
        {
            long dt = nowMs - _lastUpdateMs;
            if (dt < 0) dt = 0;
            _lastUpdateMs = nowMs;
            double cap;
            if (_mode == LiftMode.Homing) cap = _homing.SpeedCapMmS;
            else
            {
                // Going home the ramp aims one tolerance below the switch edge (encoder zero), so the lift meets the
                // switch still moving and the switch, with the encoder, ends the move.
                double aim = _towardsHome ? -_toleranceMm : _targetMm;
                double remaining = aim - pos;
                if (remaining < 0) remaining = -remaining;
                // min(cap, sqrt(y)) without the square root while cruising (y >= cap²): Newton's iterations are the
                // dearest part of a tick on nanoFramework's interpreter, and only the braking distance needs them.
                double braking = _twoAccelMmS2 * remaining;
                cap = braking >= _speedCapSquared ? _speedCapMmS : Kinematics.Sqrt(braking);
                if (_intoContact)
                {
                    // Reach the contact zone at approach speed, creep through it: min(cap, sqrt(reach)), where the root is
                    // taken only when it can be the smaller (far from the zone it cannot) and is kept for the next tick
                    // (creeping through the zone asks the same root every tick).
                    double approach = _c.ApproachSpeedMmS;
                    double toZone = _c.VehicleHeightMm - _c.ContactZoneMm - pos;
                    if (toZone < 0) toZone = 0;
                    double reach = approach * approach + _twoAccelMmS2 * toZone;
                    if (cap * cap > reach * SquareMargin)
                    {
                        if (reach != _reach)
                        {
                            _reach = reach;
                            _reachRoot = Kinematics.Sqrt(reach);
                        }
                        if (_reachRoot < cap) cap = _reachRoot;
                    }
                }
            }
            double v = _speedMmS + _accelMmS2 * dt / 1000.0;
            if (v > cap) v = cap;
            if (v < _creepMmS) v = _creepMmS;
            _speedMmS = v;
            if (!_driving || _drivenAway != _up || !_outputsKnown)
            {
                _directionAway.Write(_up);
                _brakeRelease.Write(true);
                _enable.Write(true);
                _driving = true;
                _drivenAway = _up;
                _outputsKnown = true;
            }
            _drive.SetDuty(v / _c.MaxSpeedMmS);
        }

        private void Begin(LiftMode mode, long nowMs, long allowedMs)
        {
            Mode = mode;
            _arrived = false;
            _speedMmS = 0;
            _deadlineMs = nowMs + allowedMs;
            _lastEncoderChangeMs = nowMs;
            _lastUpdateMs = nowMs;
            _unseenMm = 0;
            _lastSeenMm = PositionMm;
            _watch.Begin(PositionMm);
            _speedCapSquared = _speedCapMmS * _speedCapMmS;
            _countsPerMm = _c.CountsPerMm;
            _toleranceMm = _c.PositionToleranceMm;
            _accelMmS2 = _c.AccelMmS2;
            _twoAccelMmS2 = 2 * _accelMmS2;
            _creepMmS = _c.CreepSpeedMmS;
            _twoTicksMs = 2 * _c.TickMs;
        }

        private void Sample(long nowMs)
        {
            _inputs.Sample(nowMs);
            _counts = _encoder.ReadCounts();
            // The watch saw _lastCounts at its last sample too (both take every sample's count): an unchanged count is no
            // jump, and only the watch's sample time moves on.
            if (_counts == _lastCounts && _watch.Sampled) _watch.LastSampleMs = nowMs;
            else if (_watch.Jumped(_counts, nowMs)) _jumpSeen = true;
            if (_counts != _lastCounts)
            {
                _lastCounts = _counts;
                _lastEncoderChangeMs = nowMs;
                _unseenMm = 0;
                _lastSeenMm = (_counts - _zeroCounts) / _c.CountsPerMm; // PositionMm, without a call
            }
            // The count where the switch's raw level last rose: the edge a debounced "made" started from.
            bool raw = _home.RawLevel;
            if (raw && !_homeRawBefore) _homeEdgeCounts = _counts;
            _homeRawBefore = raw;
        }

        // Every output off, written whatever was written before (a stop or a fault never relies on the bookkeeping).
        private void OutputsOff()
        {
            _driving = false;
            _outputsKnown = true;
            _drive.SetDuty(0);
            _enable.Write(false);
            _brakeRelease.Write(false);
            _directionAway.Write(false);
        }
    }
}
