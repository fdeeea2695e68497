using Station.Hal;

namespace Station.Core.Motion
{
    /// <summary>The lift axis: PWM speed with an acceleration ramp, direction, enable, brake, encoder, limit switches,
    /// soft limits, homing, stall detection and a deadline on every move.</summary>
    /// <remarks>
    /// States: Idle (brake holds, drive off) → Moving / Homing (drive on) → Idle when arrived, Faulted on any fault.
    /// Every move carries a deadline (<see cref="LiftMove"/>) checked here, below the sequencer, so a move can never run
    /// on unbounded. Call <see cref="Update"/> once per tick. The encoder is incremental: the position means something
    /// only after homing (<see cref="IsHomed"/>).
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
    /// | following, direction, rest | encoder against the commanded travel and rest (<see cref="LiftMotionWatch"/>) | LiftFollowingError / LiftRunaway / LiftMovedWhileIdle |
    /// | jumps | encoder against the lift's top speed (<see cref="LiftFeedback"/>) | LiftEncoderJump |
    /// The contact move enters the zone <c>ContactZoneMm</c> below the vehicle height at <c>ApproachSpeedMmS</c>, so an
    /// encoder that stops there is found within the seal's compression, not after it.
    ///
    /// The tick is one flat method, <see cref="Update"/>, with one call for the sample it shares with a start: the lift
    /// moves in most ticks of a swap, and on nanoFramework's interpreter a call costs as much as four field loads. The
    /// collaborators hold what the tick reads and what runs once per move: <see cref="LiftFeedback"/> (switches, encoder),
    /// <see cref="LiftMove"/> (the plan, the start-time figures), <see cref="HomeReference"/> (homing's edges) and
    /// <see cref="LiftMotionWatch"/> (the watch's state).
    /// </remarks>
    public sealed class LiftAxis
    {
        // The ports, each in its own field: one field load per write on the interpreter, not a chain of them.
        private readonly IPwmOutput _drive;
        private readonly IDigitalOutput _directionAway;
        private readonly IDigitalOutput _enable;
        private readonly IDigitalOutput _brakeRelease;
        // The outputs as last written: an idle tick writes nothing, a moving one only the speed reference (each write is
        // an interface call on the interpreter). Unknown at first: the first idle tick switches everything off, the first
        // moving tick writes everything.
        private bool _driving;
        private bool _drivenAway;
        private bool _outputsKnown;
        private double _duty;
        private readonly StationConfig _c;
        private readonly LiftFeedback _feedback;
        private readonly LiftMotionWatch _watch;
        private readonly LiftMove _move;
        private readonly HomeReference _homing;
        private bool _arrived;
        private bool _homed;
        // Update reads the field, not the property: a getter call per read is dear on nanoFramework's interpreter.
        private LiftMode _mode;

        /// <summary>Builds the axis over one linear axis port group (the car bay's lift).</summary>
        public LiftAxis(LinearAxisPorts ports, StationConfig config)
        {
            _drive = ports.Drive;
            _directionAway = ports.DirectionAway;
            _enable = ports.Enable;
            _brakeRelease = ports.BrakeRelease;
            _c = config;
            _feedback = new LiftFeedback(ports, config);
            _watch = new LiftMotionWatch();
            _move = new LiftMove(config, _feedback, _watch);
            _homing = new HomeReference(config);
        }

        /// <summary>What the axis is doing.</summary>
        public LiftMode Mode { get { return _mode; } }

        /// <summary>True once homing found the home switch (false after power-up and after a fault).</summary>
        public bool IsHomed { get { return _homed; } }

        /// <summary>The fault that stopped the axis, or None.</summary>
        public FaultCode Fault { get { return Tripped; } }
        // The same, as a field for the sequencer's every-tick check (a getter call each on the interpreter).
        internal FaultCode Tripped;

        /// <summary>Position in mm above home (meaningful when homed).</summary>
        public double PositionMm { get { return _feedback.PositionMm; } }

        /// <summary>Target of the current move, mm.</summary>
        public double TargetMm { get { return _move.TargetMm; } }

        /// <summary>Commanded speed now, mm/s (0 when stopped).</summary>
        public double CommandedSpeedMmS { get { return _move.SpeedMmS; } }

        /// <summary>Debounced home switch.</summary>
        public bool AtHomeSwitch { get { return _feedback.Home.Level; } }

        /// <summary>Debounced top limit switch.</summary>
        public bool AtTopLimit { get { return _feedback.Top.Level; } }

        /// <summary>Debounced pack-contact sensor of the platform.</summary>
        public bool AtPackContact { get { return _feedback.Contact.Level; } }

        /// <summary>Largest difference between the encoder and the commanded travel in the current or last move, mm.</summary>
        public double PeakFollowingErrorMm { get { return _watch.PeakMm; } }

        /// <summary>True when homed, idle, the home switch made and the encoder within HomeWindowMm of home (both channels).</summary>
        public bool IsHome
        {
            get { return _homed && _mode == LiftMode.Idle && _feedback.Home.Level && Kinematics.Abs(PositionMm) <= _c.HomeWindowMm; }
        }

        /// <summary>True when homed, idle, the encoder within twice the position tolerance of <paramref name="mm"/> and the
        /// home switch released (a height above the home window; use <see cref="IsHome"/> for home).</summary>
        public bool IsAt(double mm)
        {
            return _homed && _mode == LiftMode.Idle && !_feedback.Home.Level && Kinematics.Abs(PositionMm - mm) <= 2 * _c.PositionToleranceMm;
        }

        /// <summary>Where homing is (meaningful while <see cref="Mode"/> is Homing).</summary>
        public HomingPhase Phase { get { return _homing.Phase; } }

        /// <summary>Deadline of the current move (Clock.NowMs), 0 when idle.</summary>
        public long DeadlineMs { get { return _mode == LiftMode.Moving || _mode == LiftMode.Homing ? _move.DeadlineMs : 0; } }

        /// <summary>Starts a move to <paramref name="targetMm"/>; false (and no motion) when not homed, faulted, busy or outside the
        /// soft limits. Home (0, or a target within the position tolerance of it) is always a valid target: the home switch,
        /// not the soft minimum, bounds the way down.</summary>
        public bool MoveTo(double targetMm, long nowMs) { return MoveTo(targetMm, _c.MaxSpeedMmS, nowMs); }

        /// <summary>As <see cref="MoveTo(double, long)"/> with the speed capped at <paramref name="speedCapMmS"/>
        /// (maintenance jogs from the console); the cap never exceeds MaxSpeedMmS.</summary>
        public bool MoveTo(double targetMm, double speedCapMmS, long nowMs)
        {
            if (!_homed || _mode != LiftMode.Idle) return false;
            int start = _move.Start(targetMm, speedCapMmS, nowMs);
            if (start == LiftMove.Refused) return false;
            if (start == LiftMove.Started) _mode = LiftMode.Moving;
            _arrived = start == LiftMove.AlreadyThere;
            return true;
        }

        /// <summary>Starts homing: down at homing speed to the home switch (skipped when it is already made), back off
        /// until it releases, then down again slowly; the second edge is the reference, and only if it agrees with the
        /// first. False when faulted or busy.</summary>
        public bool StartHoming(long nowMs)
        {
            if (_mode != LiftMode.Idle) return false;
            _homed = false;
            _move.StartHoming(_homing, nowMs);
            _mode = LiftMode.Homing;
            _arrived = false;
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
            if (_mode != LiftMode.Faulted) _mode = LiftMode.Idle;
            _move.SpeedMmS = 0;
            OutputsOff();
            _watch.Stopped();
        }

        /// <summary>Stops and latches <paramref name="code"/> (used by the axis itself and by the interlocks).</summary>
        public void Trip(FaultCode code)
        {
            OutputsOff();
            _move.SpeedMmS = 0;
            _mode = LiftMode.Faulted;
            if (Tripped == FaultCode.None) Tripped = code;
        }

        /// <summary>Clears a fault; the axis must home again before it moves to a position.</summary>
        public void ClearFault()
        {
            OutputsOff();
            Tripped = FaultCode.None;
            _mode = LiftMode.Idle;
            _homed = false;
            _arrived = false;
        }

        /// <summary>Makes the axis's switches read their bank from <paramref name="scan"/> in the tick: call only when every
        /// <see cref="Update"/> runs in a tick that read the scan first.</summary>
        public void JoinScan(InputScan scan) { _feedback.JoinScan(scan); }

        /// <summary>Forgets the home position (power-up, recovery).</summary>
        public void ForgetHome() { _homed = false; }

        /// <summary>One control period: sample, check every limit and the deadline, ramp the speed, drive the outputs.</summary>
        /// <remarks>The checks run in the order they are judged, the first that fails trips: encoder jump, top limit, the
        /// move's switches and limits (or homing's step), deadline, following model, stall; then the ramp. A value the
        /// path reads twice is read into a local once (Debug builds keep every local and every field load).</remarks>
        public void Update(long nowMs)
        {
            LiftFeedback f = _feedback;
            f.Sample(nowMs, true);
            LiftMode mode = _mode;
            if (f.JumpSeen)
            {
                // Encoder against the lift's top speed: a count that jumps is not believed, moving or homed at rest.
                f.JumpSeen = false;
                if (mode == LiftMode.Moving || mode == LiftMode.Homing || (mode == LiftMode.Idle && _homed))
                {
                    Trip(FaultCode.LiftEncoderJump);
                    return;
                }
            }
            StationConfig c = _c;
            LiftMotionWatch w = _watch;
            if (mode == LiftMode.Idle || mode == LiftMode.Faulted)
            {
                // (The last period is not kept at rest: every start sets it.)
                if (_driving || !_outputsKnown) OutputsOff();
                if (mode != LiftMode.Idle || !_homed) return;
                // Encoder against "no move commanded": a homed lift at rest that moves has a brake or drive fault. It
                // settles for one stall window from the first idle period after the stop, then must stay where it rests.
                double at = (f.Counts - f.ZeroCounts) / c.CountsPerMm;
                if (w.StopPending)
                {
                    w.StoppedMs = nowMs;
                    w.StopPending = false;
                }
                // (Inside the window the rest is where it is now: 0 away, within FollowingErrorMm, at least 1 mm.)
                if (nowMs - w.StoppedMs < c.StallWindowMs || !w.Resting)
                {
                    w.RestMm = at;
                    w.Resting = true;
                }
                double away = at - w.RestMm;
                if ((away < 0 ? -away : away) > c.FollowingErrorMm) Trip(FaultCode.LiftMovedWhileIdle);
                return;
            }
            LiftMove m = _move;
            double pos = (f.Counts - f.ZeroCounts) / m.CountsPerMm; // PositionMm with the move's figure, without a call
            long last = m.LastUpdateMs;
            long period = nowMs - last;
            long sinceCount = nowMs - f.LastChangeMs;
            double speed = m.SpeedMmS;
            // Travel commanded over the last period that no encoder count has confirmed yet. (Conditional expressions
            // where an if would do, here and below: a Debug build keeps a local for every if's condition, and the
            // interpreter sets each up per call.)
            f.UnseenMm += sinceCount != 0 && nowMs > last ? speed * period / 1000.0 : 0;
            if (f.Top.Level) { Trip(FaultCode.LiftTopLimit); return; }
            bool up = m.Up;
            bool intoContact = m.IntoContact;
            // Where the contact zone starts (used moving into contact only).
            double zoneStart = c.VehicleHeightMm - c.ContactZoneMm;
            FaultCode trip = FaultCode.None;
            if (mode == LiftMode.Homing)
            {
                if (FollowHoming(f, m)) return;
                up = m.Up;
                speed = m.SpeedMmS;
            }
            else
            {
                bool home = f.Home.Level;
                bool towardsHome = m.TowardsHome;
                double tol = m.ToleranceMm;
                // The first that fails trips, in this order. Home switch against encoder: made where the encoder says the
                // lift is above the window (stuck, shorted or a glitch) - in any direction - is a fault, never an arrival.
                // Encoder against home switch: below home by the window and still no switch. Below the soft minimum only
                // a move down that is not going home is out of bounds: a move up from home starts there, and the move
                // home ends at the switch below it. Moving into contact, contact sensor against encoder: touching a pack
                // below the zone where it may (pack lower than configured, or an encoder that reads low) stops before
                // the speed still allowed there crushes it; and never past the seal's half compression.
                trip = home && pos > c.HomeWindowMm ? FaultCode.LiftHomeLimitUnexpected
                    : towardsHome && !home && pos < -c.HomeWindowMm ? FaultCode.LiftHomeSwitchMissing
                    : pos > c.SoftLimitMaxMm + SoftLimitSlackMm || (!up && !towardsHome && pos < c.SoftLimitMinMm - SoftLimitSlackMm) ? FaultCode.LiftSoftLimit
                    : intoContact && f.Contact.Level && pos < zoneStart - tol ? FaultCode.LiftContactEarly
                    : intoContact && pos > c.VehicleHeightMm + c.SealCompressionMm / 2 ? FaultCode.LiftPastContact
                    : FaultCode.None;
                if (trip != FaultCode.None) { Trip(trip); return; }
                // Going home, arrival needs both channels: the switch made and the encoder at home.
                if (towardsHome ? home && pos <= tol : (up ? pos >= m.TargetMm - tol : pos <= m.TargetMm + tol))
                {
                    Stop();
                    _arrived = true;
                    return;
                }
            }
            if (nowMs > m.DeadlineMs) { Trip(mode == LiftMode.Homing ? FaultCode.LiftHomingFailed : FaultCode.LiftMoveTimeout); return; }
            // Encoder against the commanded travel and direction (slip, scale, runaway); a count that stopped is a stall.
            // Not while homing: its reversals leave a drive's deceleration to the mechanics, and homing has its own
            // channels (the edge confirmed twice, the back-off bound, the deadline). The model's speed follows the
            // commanded speed within AccelMmS2.
            if (mode == LiftMode.Moving)
            {
                double model = w.ModelMm;
                if (period > 0)
                {
                    double dt = period / 1000.0;
                    double step = c.AccelMmS2 * dt;
                    double commanded = up ? speed : -speed;
                    double v = w.ModelSpeedMmS;
                    v = commanded > v ? (commanded < v + step ? commanded : v + step) : (commanded > v - step ? commanded : v - step);
                    w.ModelSpeedMmS = v;
                    model += v * dt;
                    w.ModelMm = model;
                }
                // Positive: the encoder is behind the commanded travel in the direction of the move.
                double behind = up ? model - pos : pos - model;
                double error = behind < 0 ? -behind : behind;
                double peak = w.PeakMm;
                w.PeakMm = error > peak ? error : peak;
                double furthest = w.FurthestMm;
                furthest = (up ? pos > furthest : pos < furthest) ? pos : furthest;
                w.FurthestMm = furthest;
                double limit = c.FollowingErrorMm;
                trip = behind > limit ? (sinceCount >= m.TwoTicksMs ? FaultCode.LiftStall : FaultCode.LiftFollowingError)
                    : -behind > limit || (up ? furthest - pos : pos - furthest) > limit / 2 ? FaultCode.LiftRunaway
                    : FaultCode.None;
            }
            // Stall, channel "encoder against the commanded travel": no count for StallWindowMs, or - moving into contact -
            // more commanded travel than the encoder confirmed than the distance to the contact zone plus half the seal
            // compression (an encoder that stops just before contact must not let the drive press the pack into the car).
            double budget = zoneStart - f.LastSeenMm;
            trip = trip != FaultCode.None ? trip
                : sinceCount >= c.StallWindowMs || (intoContact && f.UnseenMm > (budget > 0 ? budget : 0) + c.SealCompressionMm / 2) ? FaultCode.LiftStall
                : FaultCode.None;
            if (trip != FaultCode.None) { Trip(trip); return; }
            // The ramp: towards the cap at AccelMmS2, never below creep speed. (Its clamps are conditional expressions,
            // not ifs: a Debug build keeps a local for every if's condition, and the interpreter sets each up per call.)
            m.LastUpdateMs = nowMs;
            double next = speed + m.AccelMmS2 * (period < 0 ? 0 : period) / 1000.0;
            double cap;
            if (mode == LiftMode.Homing)
            {
                cap = _homing.SpeedCapMmS;
                next = next > cap ? cap : next;
            }
            else
            {
                // Going home the ramp aims one tolerance below the switch edge (encoder zero), so the lift meets the
                // switch still moving and the switch, with the encoder, ends the move.
                double remaining = (m.TowardsHome ? -m.ToleranceMm : m.TargetMm) - pos;
                remaining = remaining < 0 ? -remaining : remaining;
                // The speed is min(next, cap, sqrt(braking), sqrt(reach) moving into contact). A root is taken only when it
                // can be the smaller (next² > y × SquareMargin; otherwise next <= sqrt(y) whatever the last bits of either):
                // Newton's iterations are the dearest part of a tick on nanoFramework's interpreter.
                double twoAccel = m.TwoAccelMmS2;
                double braking = twoAccel * remaining;
                if (braking >= m.SpeedCapSquared) next = next > m.SpeedCapMmS ? m.SpeedCapMmS : next;
                else if (next * next > braking * SquareMargin)
                {
                    cap = Kinematics.Sqrt(braking);
                    next = next > cap ? cap : next;
                }
                if (intoContact)
                {
                    // Reach the contact zone at approach speed, creep through it; the root is kept for the next tick
                    // (creeping through the zone asks the same root every tick).
                    double approach = c.ApproachSpeedMmS;
                    double toZone = zoneStart - pos;
                    double reach = approach * approach + twoAccel * (toZone < 0 ? 0 : toZone);
                    if (next * next > reach * SquareMargin)
                    {
                        if (reach != m.Reach)
                        {
                            m.Reach = reach;
                            m.ReachRoot = Kinematics.Sqrt(reach);
                        }
                        next = next > m.ReachRoot ? m.ReachRoot : next;
                    }
                }
            }
            next = next < m.CreepMmS ? m.CreepMmS : next;
            m.SpeedMmS = next;
            // No test of _outputsKnown here: it is true whenever _driving is.
            if (!_driving || _drivenAway != up)
            {
                _directionAway.Write(up);
                _brakeRelease.Write(true);
                _enable.Write(true);
                _driving = true;
                _drivenAway = up;
                _outputsKnown = true;
            }
            // The speed reference only when it changes (cruising and creeping it holds; each write is an interface call).
            double duty = next / c.MaxSpeedMmS;
            if (duty != _duty)
            {
                _drive.SetDuty(duty);
                _duty = duty;
            }
        }

        // Homing's step: HomeReference judges the edges; the axis follows its phase (direction, speed restarting from
        // rest). True when homing ended (homed, or tripped).
        private bool FollowHoming(LiftFeedback f, LiftMove m)
        {
            int result = _homing.Step(f.Counts, f.Home.Level, f.HomeEdgeCounts);
            if (result == HomeReference.NotConfirmed)
            {
                Trip(FaultCode.LiftHomingNotConfirmed);
                return true;
            }
            if (result == HomeReference.Homed)
            {
                Stop();
                f.ZeroCounts = _homing.ZeroCounts;
                _homed = true;
                _arrived = true;
                return true;
            }
            if (result == HomeReference.Turned)
            {
                m.Up = _homing.Up;
                m.SpeedMmS = 0;
            }
            return false;
        }

        private const double SoftLimitSlackMm = 5;
        // v² <= y × this means v <= sqrt(y) whatever the last bits of either: the root need not be taken.
        private const double SquareMargin = 1 - 1e-9;

        // Every output off, written whatever was written before (a stop or a fault never relies on the bookkeeping).
        private void OutputsOff()
        {
            _driving = false;
            _outputsKnown = true;
            _drive.SetDuty(0);
            _duty = 0;
            _enable.Write(false);
            _brakeRelease.Write(false);
            _directionAway.Write(false);
        }
    }
}
