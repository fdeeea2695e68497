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
    /// </remarks>
    public sealed class LiftAxis
    {
        private readonly StationIo _io;
        private readonly StationConfig _c;
        private readonly DebouncedInput _top;
        private readonly DebouncedInput _home;
        private int _zeroCounts;
        private int _counts;
        private int _lastCounts;
        private long _lastEncoderChangeMs;
        private long _lastUpdateMs;
        private long _deadlineMs;
        private double _targetMm;
        private double _speedMmS;
        private double _speedCapMmS;
        private bool _up;
        private bool _arrived;
        // Update reads the field, not the property: a getter call per read is dear on nanoFramework's interpreter.
        private LiftMode _mode;

        /// <summary>Builds the axis over the bay's lift ports.</summary>
        public LiftAxis(StationIo io, StationConfig config)
        {
            _io = io;
            _c = config;
            _top = new DebouncedInput(io.LiftTopLimit, config.InputDebounceMs, false);
            _home = new DebouncedInput(io.LiftHomeLimit, config.InputDebounceMs, false);
        }

        /// <summary>What the axis is doing.</summary>
        public LiftMode Mode { get { return _mode; } private set { _mode = value; } }

        /// <summary>True once homing found the home switch (false after power-up and after a fault).</summary>
        public bool IsHomed { get; private set; }

        /// <summary>The fault that stopped the axis, or None.</summary>
        public FaultCode Fault { get; private set; }

        /// <summary>Position in mm above home (meaningful when homed).</summary>
        public double PositionMm { get { return (_counts - _zeroCounts) / _c.CountsPerMm; } }

        /// <summary>Target of the current move, mm.</summary>
        public double TargetMm { get { return _targetMm; } }

        /// <summary>Commanded speed now, mm/s (0 when stopped).</summary>
        public double CommandedSpeedMmS { get { return _speedMmS; } }

        /// <summary>Debounced home switch.</summary>
        public bool AtHomeSwitch { get { return _home.Value; } }

        /// <summary>Debounced top limit switch.</summary>
        public bool AtTopLimit { get { return _top.Value; } }

        /// <summary>True when homed, idle and within tolerance of home.</summary>
        public bool IsHome
        {
            get { return IsHomed && Mode == LiftMode.Idle && PositionMm <= _c.PositionToleranceMm * 5 && _home.Value; }
        }

        /// <summary>Deadline of the current move (Clock.NowMs), 0 when idle.</summary>
        public long DeadlineMs { get { return Mode == LiftMode.Moving || Mode == LiftMode.Homing ? _deadlineMs : 0; } }

        /// <summary>Starts a move to <paramref name="targetMm"/>; false (and no motion) when not homed, faulted, busy or outside the
        /// soft limits. Home (0) is always a valid target: the home switch, not the soft minimum, bounds the way down.</summary>
        public bool MoveTo(double targetMm, long nowMs) { return MoveTo(targetMm, _c.MaxSpeedMmS, nowMs); }

        /// <summary>As <see cref="MoveTo(double, long)"/> with the speed capped at <paramref name="speedCapMmS"/>
        /// (maintenance jogs from the console); the cap never exceeds MaxSpeedMmS.</summary>
        public bool MoveTo(double targetMm, double speedCapMmS, long nowMs)
        {
            if (!IsHomed || Mode != LiftMode.Idle) return false;
            if (!(speedCapMmS > 0)) return false;
            _speedCapMmS = Kinematics.Min(speedCapMmS, _c.MaxSpeedMmS);
            if ((targetMm != 0 && targetMm < _c.SoftLimitMinMm) || targetMm > _c.SoftLimitMaxMm) return false;
            Sample(nowMs);
            double distance = Kinematics.Abs(targetMm - PositionMm);
            _targetMm = targetMm;
            if (distance <= _c.PositionToleranceMm)
            {
                _arrived = true;
                return true;
            }
            _up = targetMm > PositionMm;
            long planned = Kinematics.MoveMs(distance, _speedCapMmS, _c.AccelMmS2);
            Begin(LiftMode.Moving, nowMs, planned + planned / 2 + _c.MoveTimeoutMarginMs);
            return true;
        }

        /// <summary>Starts homing: down at homing speed until the home switch; false when faulted or busy.</summary>
        public bool StartHoming(long nowMs)
        {
            if (Mode != LiftMode.Idle) return false;
            IsHomed = false;
            Sample(nowMs);
            _targetMm = 0;
            if (_home.Value)
            {
                SetHome();
                return true;
            }
            _up = false;
            long planned = (long)(_c.TravelMm / _c.HomingSpeedMmS * 1000);
            Begin(LiftMode.Homing, nowMs, planned + planned / 2 + _c.MoveTimeoutMarginMs);
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
            if (_mode == LiftMode.Idle || _mode == LiftMode.Faulted)
            {
                OutputsOff();
                _lastUpdateMs = nowMs;
                return;
            }
            double pos = PositionMm;
            if (_top.Value)
            {
                Trip(FaultCode.LiftTopLimit);
                return;
            }
            if (_mode == LiftMode.Homing)
            {
                if (_home.Value)
                {
                    SetHome();
                    return;
                }
            }
            else
            {
                bool towardsHome = !_up && _targetMm <= _c.PositionToleranceMm;
                if (_home.Value && !towardsHome && pos > HomeZoneMm)
                {
                    Trip(FaultCode.LiftHomeLimitUnexpected);
                    return;
                }
                // Below the soft minimum only a move down that is not going home is out of bounds: a move up from home
                // starts there, and the move home ends at the switch below it.
                if (pos > _c.SoftLimitMaxMm + SoftLimitSlackMm || (!_up && !towardsHome && pos < _c.SoftLimitMinMm - SoftLimitSlackMm))
                {
                    Trip(FaultCode.LiftSoftLimit);
                    return;
                }
                // Going home, the switch (the reference) decides arrival, not the encoder.
                bool reached = towardsHome ? _home.Value
                    : (_up ? pos >= _targetMm - _c.PositionToleranceMm : pos <= _targetMm + _c.PositionToleranceMm);
                if (reached)
                {
                    Stop();
                    _arrived = true;
                    return;
                }
            }
            if (nowMs > _deadlineMs)
            {
                Trip(Mode == LiftMode.Homing ? FaultCode.LiftHomingFailed : FaultCode.LiftMoveTimeout);
                return;
            }
            if (nowMs - _lastEncoderChangeMs >= _c.StallWindowMs)
            {
                Trip(FaultCode.LiftStall);
                return;
            }
            Ramp(nowMs, pos);
        }

        private const double HomeZoneMm = 10;
        private const double SoftLimitSlackMm = 5;

        private void Ramp(long nowMs, double pos)
        {
            long dt = nowMs - _lastUpdateMs;
            if (dt < 0) dt = 0;
            _lastUpdateMs = nowMs;
            double cap;
            if (_mode == LiftMode.Homing) cap = _c.HomingSpeedMmS;
            else
            {
                double remaining = Kinematics.Abs(_targetMm - pos);
                // min(cap, sqrt(y)) without the square root while cruising (y >= cap²): Newton's iterations are the
                // dearest part of a tick on nanoFramework's interpreter, and only the braking distance needs them.
                double braking = 2 * _c.AccelMmS2 * remaining;
                cap = braking >= _speedCapMmS * _speedCapMmS ? _speedCapMmS : Kinematics.Sqrt(braking);
            }
            double v = Kinematics.Min(_speedMmS + _c.AccelMmS2 * dt / 1000.0, cap);
            if (v < _c.CreepSpeedMmS) v = _c.CreepSpeedMmS;
            _speedMmS = v;
            _io.LiftDirectionUp.Write(_up);
            _io.LiftBrakeRelease.Write(true);
            _io.LiftEnable.Write(true);
            _io.LiftDrive.SetDuty(v / _c.MaxSpeedMmS);
        }

        private void Begin(LiftMode mode, long nowMs, long allowedMs)
        {
            Mode = mode;
            _arrived = false;
            _speedMmS = 0;
            _deadlineMs = nowMs + allowedMs;
            _lastEncoderChangeMs = nowMs;
            _lastUpdateMs = nowMs;
        }

        private void SetHome()
        {
            Stop();
            _zeroCounts = _counts;
            IsHomed = true;
            _arrived = true;
        }

        private void Sample(long nowMs)
        {
            _top.Sample(nowMs);
            _home.Sample(nowMs);
            _counts = _io.LiftEncoder.ReadCounts();
            if (_counts != _lastCounts)
            {
                _lastCounts = _counts;
                _lastEncoderChangeMs = nowMs;
            }
        }

        private void OutputsOff()
        {
            _io.LiftDrive.SetDuty(0);
            _io.LiftEnable.Write(false);
            _io.LiftBrakeRelease.Write(false);
            _io.LiftDirectionUp.Write(false);
        }
    }
}
