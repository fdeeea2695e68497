using Station.Hal;

namespace Station.Core.Motion
{
    /// <summary>The N pack locks, driven together: engage/release outputs, locked/unlocked sensors, travel deadline.</summary>
    /// <remarks>
    /// States: None (outputs off) → Engage / Release (outputs on) → None when every lock reads its target end position
    /// alone, or a fault when <see cref="StationConfig.LockTravelMs"/> passes first: both sensors active is
    /// LockSensorConflict, anything else (neither, or still the old end) is the engage/release timeout. Outputs are
    /// switched off on arrival: the locks hold mechanically.
    ///
    /// Two channels per lock (docs/safety.md): its end-position sensor AND its travel time. A lock that left its old end
    /// and reads the new end sooner than <see cref="StationConfig.LockMinTravelMs"/> is LockTooFast (a stuck or shorted
    /// sensor while the latch may be jammed open); later than LockTravelMs is the timeout. While held during a swap, a
    /// lock that stops reading its end is LockLeftEndPosition, one reading both is LockSensorConflict.
    /// </remarks>
    public sealed class LockSet
    {
        private readonly IDigitalOutput[] _engage;
        private readonly IDigitalOutput[] _release;
        private readonly int _travelMs;
        private readonly int _minTravelMs;
        private readonly bool[] _atStart;
        private readonly bool[] _reached;
        // The latch read its other end when the command began: only then is the whole travel time owed. A latch left
        // between its ends (a power cut in Unlock) may arrive sooner, so the time channel does not judge it.
        private readonly bool[] _fromOtherEnd;
        private bool _startSampled;
        private long _startMs;
        private readonly DebouncedInput[] _locked;
        private readonly DebouncedInput[] _unlocked;
        // Every sensor of the set (locked ones, then unlocked ones), sampled as one InputGroup.
        private readonly InputGroup _sensors;
        // The last hold check found every lock at its held end and none reading both: until a sensor's debounced level
        // changes (or the hold changes) the next check would find the same, so it is skipped.
        private bool _holdClear;
        private long _deadlineMs;
        private bool _done;
        private LockCommand _held;
        private long _conflictSinceMs = -1;
        private bool _monitorHold;
        // A field, not an auto-property: the loops below run in every tick, and a getter call is dear on nanoFramework.
        private readonly int _count;

        /// <summary>Builds the lock set over the bay's lock ports (all arrays of length <c>config.LockCount</c>).</summary>
        public LockSet(LockSetPorts ports, StationConfig config)
        {
            _engage = ports.Engage;
            _release = ports.Release;
            _travelMs = config.LockTravelMs;
            _minTravelMs = config.LockMinTravelMs;
            _count = config.LockCount;
            _atStart = new bool[_count];
            _reached = new bool[_count];
            _fromOtherEnd = new bool[_count];
            _locked = new DebouncedInput[_count];
            _unlocked = new DebouncedInput[_count];
            var sensors = new DebouncedInput[2 * _count];
            for (int i = 0; i < _count; i++)
            {
                _locked[i] = new DebouncedInput(ports.LockedSensor[i], config.InputDebounceMs, false);
                _unlocked[i] = new DebouncedInput(ports.UnlockedSensor[i], config.InputDebounceMs, false);
                sensors[i] = _locked[i];
                sensors[_count + i] = _unlocked[i];
            }
            _sensors = new InputGroup(sensors);
        }

        /// <summary>Makes the set's sensors read their bank from <paramref name="scan"/> in the tick: call only when every
        /// <see cref="Update(long)"/> runs in a tick that read the scan first.</summary>
        public void JoinScan(InputScan scan) { scan.Join(_sensors); }

        /// <summary>Number of locks.</summary>
        public int Count { get { return _count; } }

        /// <summary>Current command.</summary>
        public LockCommand Command { get { return _command; } private set { _command = value; } }
        // Fields read by Update instead of the properties (a call each on the interpreter), and the coils as last
        // written (unknown at first, so the first tick writes every coil).
        private LockCommand _command;
        private bool _coilsOn;
        private bool _coilsEngage;
        private bool _coilsKnown;

        /// <summary>The fault that stopped the locks, or None.</summary>
        public FaultCode Fault { get { return Tripped; } private set { Tripped = value; } }
        // The same, as a field for the sequencer's every-tick check (a getter call each on the interpreter).
        internal FaultCode Tripped;

        /// <summary>Index of the lock that caused <see cref="Fault"/>, or -1.</summary>
        public int FaultLock { get; private set; }

        /// <summary>While true (during a swap: the truck's robot sets it, the car's sequencer passes it to its update), a lock that reads both end positions for longer than
        /// the travel time after its last completed command is a LockSensorConflict, not only during a command.</summary>
        public bool MonitorHold
        {
            get { return _monitorHold; }
            set
            {
                // A hold means something only within the swap that commanded it: the next vehicle brings its own latches.
                if (!value) _held = LockCommand.None;
                // The profile sets the hold in every tick: an unchanged one returns here.
                if (value == _monitorHold) return;
                _holdClear = false;
                _monitorHold = value;
            }
        }

        /// <summary>Deadline of the current command, 0 when none.</summary>
        public long DeadlineMs { get { return Command == LockCommand.None ? 0 : _deadlineMs; } }

        /// <summary>Drives every lock towards locked.</summary>
        public void EngageAll(long nowMs) { Begin(LockCommand.Engage, nowMs); }

        /// <summary>Drives every lock towards unlocked.</summary>
        public void ReleaseAll(long nowMs) { Begin(LockCommand.Release, nowMs); }

        /// <summary>True once after a command completed (reading clears it).</summary>
        public bool TakeDone()
        {
            bool d = _done;
            _done = false;
            return d;
        }

        /// <summary>Lock <paramref name="i"/> reads locked and not unlocked.</summary>
        public bool IsLocked(int i) { return _locked[i].Level && !_unlocked[i].Level; }

        /// <summary>Lock <paramref name="i"/> reads unlocked and not locked.</summary>
        public bool IsUnlocked(int i) { return _unlocked[i].Level && !_locked[i].Level; }

        /// <summary>Every lock reads locked (the release gate's first condition).</summary>
        public bool AllLocked()
        {
            for (int i = 0; i < _count; i++) if (!IsLocked(i)) return false;
            return true;
        }

        /// <summary>Every lock reads unlocked.</summary>
        public bool AllUnlocked()
        {
            for (int i = 0; i < _count; i++) if (!IsUnlocked(i)) return false;
            return true;
        }

        /// <summary>Outputs off, command dropped. Not a fault.</summary>
        public void Stop()
        {
            Command = LockCommand.None;
            OutputsOff();
        }

        /// <summary>Stops and latches <paramref name="code"/>.</summary>
        public void Trip(FaultCode code, int lockIndex)
        {
            Stop();
            if (Fault == FaultCode.None)
            {
                Fault = code;
                FaultLock = lockIndex;
            }
        }

        /// <summary>Clears a latched fault.</summary>
        public void ClearFault()
        {
            Stop();
            Fault = FaultCode.None;
            FaultLock = -1;
            _done = false;
            _held = LockCommand.None;
            _holdClear = false;
            _conflictSinceMs = -1;
        }

        /// <summary>One control period: sample every sensor, complete or time out the command, drive the outputs.</summary>
        public void Update(long nowMs) { Update(nowMs, _monitorHold, false); }

        // The period with MonitorHold set to hold first when setHold, exactly as its setter (a false hold forgets the
        // latch held): the sequencer's tick sets it in the same call (a setter and an update were two calls on the
        // interpreter). The sensors' group's common case inline, as the lift's feedback reads its bank.
        internal void Update(long nowMs, bool hold, bool setHold)
        {
            if (setHold && !hold) _held = LockCommand.None;
            if (hold != _monitorHold)
            {
                _holdClear = false;
                _monitorHold = hold;
            }
            InputGroup g = _sensors;
            if (g.Reading != null && g.Settled)
            {
                int levels = g.Reading.Levels & g.Mask;
                if (levels != g.Levels && g.Take(levels, nowMs)) _holdClear = false;
            }
            else if (g.Sample(nowMs)) _holdClear = false;
            // A command runs in few ticks: its work and its locals are a method of their own, so the other ticks do not
            // set up those locals (each costs on the interpreter).
            if (_command != LockCommand.None)
            {
                Drive(nowMs);
                return;
            }
            if (_coilsOn || !_coilsKnown) OutputsOff();
            if (_monitorHold && _held != LockCommand.None && !_holdClear) CheckHold(nowMs);
        }

        // One period of a command: complete it, time it out or drive the coils.
        private void Drive(long nowMs)
        {
            bool engage = _command == LockCommand.Engage;
            int firstBad = -1;
            for (int i = 0; i < _count; i++)
            {
                bool locked = _locked[i].Level, unlocked = _unlocked[i].Level;
                bool there = engage ? locked && !unlocked : unlocked && !locked;
                if (!_startSampled)
                {
                    _atStart[i] = there;
                    _fromOtherEnd[i] = engage ? unlocked : locked;
                }
                else if (there && !_atStart[i] && !_reached[i] && _fromOtherEnd[i])
                {
                    // Sensor channel says "there"; the time channel must agree that the latch could have travelled.
                    _reached[i] = true;
                    if (nowMs - _startMs < _minTravelMs)
                    {
                        Trip(FaultCode.LockTooFast, i);
                        return;
                    }
                }
                if (!there && firstBad < 0) firstBad = i;
            }
            _startSampled = true;
            if (firstBad < 0)
            {
                _held = _command;
                _holdClear = false;
                _conflictSinceMs = -1;
                Stop();
                _done = true;
                return;
            }
            if (nowMs > _deadlineMs)
            {
                bool both = _locked[firstBad].Level && _unlocked[firstBad].Level;
                FaultCode code = both ? FaultCode.LockSensorConflict : (engage ? FaultCode.LockEngageTimeout : FaultCode.LockReleaseTimeout);
                Trip(code, firstBad);
                return;
            }
            if (_coilsOn && _coilsEngage == engage && _coilsKnown) return;
            for (int i = 0; i < _count; i++)
            {
                _engage[i].Write(engage);
                _release[i].Write(!engage);
            }
            _coilsOn = true;
            _coilsEngage = engage;
            _coilsKnown = true;
        }

        private void CheckHold(long nowMs)
        {
            int both = -1;
            bool engaged = _held == LockCommand.Engage;
            for (int i = 0; i < _count; i++)
            {
                bool locked = _locked[i].Level, unlocked = _unlocked[i].Level;
                if (!(engaged ? locked : unlocked))
                {
                    Trip(FaultCode.LockLeftEndPosition, i);
                    return;
                }
                if (locked && unlocked) { both = i; break; }
            }
            if (both < 0)
            {
                _conflictSinceMs = -1;
                _holdClear = true;
                return;
            }
            if (_conflictSinceMs < 0) _conflictSinceMs = nowMs;
            if (nowMs - _conflictSinceMs > _travelMs) Trip(FaultCode.LockSensorConflict, both);
        }

        private void Begin(LockCommand command, long nowMs)
        {
            if (Fault != FaultCode.None) return;
            Command = command;
            _done = false;
            _deadlineMs = nowMs + _travelMs;
            _startMs = nowMs;
            _startSampled = false;
            for (int i = 0; i < _count; i++) _reached[i] = false;
        }

        // Every coil off, written whatever was written before (a stop or a fault never relies on the bookkeeping).
        private void OutputsOff()
        {
            _coilsOn = false;
            _coilsKnown = true;
            for (int i = 0; i < _count; i++)
            {
                _engage[i].Write(false);
                _release[i].Write(false);
            }
        }
    }
}
