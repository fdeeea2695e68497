using Station.Hal;

namespace Station.Core
{
    /// <summary>Every output of a bay, registered once: "all off", the self-test, the board wiring check and the
    /// supervision below walk this list instead of hand lists of ports.</summary>
    /// <remarks>
    /// Supervision, once per tick (<see cref="Supervise"/>), in portable code:
    /// | check | fault |
    /// |---|---|
    /// | away from its safe level longer than its maximum on-time (Klipper's max_duration) | OutputOnTooLong |
    /// | commanded off, read-back on for longer than its read-back time (welded contactor, stuck conveyor) | OutputStuckOn |
    /// | commanded on, read-back off for longer than its read-back time (contactor that does not pull in) | OutputNoFeedback |
    /// The maximum on-time is a second line behind each device's own deadline: it fires only when the device logic
    /// failed to switch its output off. A gap in supervision (faulted, recovery) restarts every timer.
    /// PWM drive references are registered for "all off" and the self-test; their moves are bounded by the axis.
    /// </remarks>
    public sealed class OutputRegistry
    {
        /// <summary>Most outputs one registry holds.</summary>
        public const int Capacity = 64;
        /// <summary>Most PWM drives one registry holds.</summary>
        public const int DriveCapacity = 8;
        // A supervision gap longer than this restarts the timers (the controller skipped supervision while faulted).
        private const int GapMs = 100;

        private readonly GuardedOutput[] _outputs = new GuardedOutput[Capacity];
        // The outputs supervision has to look at every tick: those with a maximum on-time, those with a read-back.
        private readonly GuardedOutput[] _timed = new GuardedOutput[Capacity];
        private readonly GuardedOutput[] _readBacks = new GuardedOutput[Capacity];
        private int _timedCount;
        // How many of the timed outputs are on now (kept by the guards as their levels change): while none is, the
        // on-time walk has nothing to find.
        internal int TimedOn;
        // The guards whose level changed since the last supervision (each once: its Changed flag guards the entry), so
        // stamping them does not walk every output (the permit watchdog's kick changes in every tick).
        // Filled by the guards themselves (GuardedOutput.Write: the kick's change is a call fewer per tick).
        internal readonly GuardedOutput[] ChangedList = new GuardedOutput[Capacity];
        internal int ChangedCount;
        private int _readBackCount;
        private readonly IPwmOutput[] _drives = new IPwmOutput[DriveCapacity];
        private readonly string[] _driveNames = new string[DriveCapacity];
        private int _count;
        private int _driveCount;
        // Far enough back that the first supervision is a gap (every timer starts there), without overflowing nowMs - it.
        private long _lastSupervisedMs = long.MinValue / 2;
        // No later than the earliest time a timed output that is on can exceed its maximum on-time.
        private long _firstDueMs = long.MaxValue;

        /// <summary>Number of registered digital outputs.</summary>
        public int Count { get { return _count; } }

        /// <summary>Number of registered PWM drives.</summary>
        public int DriveCount { get { return _driveCount; } }

        /// <summary>The digital output at <paramref name="index"/> (0..Count-1), in registration order.</summary>
        public GuardedOutput At(int index) { return _outputs[index]; }

        /// <summary>The PWM drive at <paramref name="index"/>.</summary>
        public IPwmOutput DriveAt(int index) { return _drives[index]; }

        /// <summary>Name of the PWM drive at <paramref name="index"/>.</summary>
        public string DriveName(int index) { return _driveNames[index]; }

        /// <summary>Registers a linear axis's drive, direction, enable and brake as <paramref name="prefix"/>.Drive etc.
        /// (its moves carry their own deadlines) and puts the guards in the group.</summary>
        public void RegisterAxis(string prefix, LinearAxisPorts axis)
        {
            RegisterDrive(string.Concat(prefix, ".Drive"), axis.Drive);
            axis.DirectionAway = Register(string.Concat(prefix, ".DirectionAway"), axis.DirectionAway, false, 0, null, 0);
            axis.Enable = Register(string.Concat(prefix, ".Enable"), axis.Enable, false, 0, null, 0);
            axis.BrakeRelease = Register(string.Concat(prefix, ".BrakeRelease"), axis.BrakeRelease, false, 0, null, 0);
        }

        /// <summary>Registers every engage and release coil of a lock set as <paramref name="prefix"/>.Engage[i] etc. with a
        /// maximum on-time, and puts the guards in new arrays (the wiring's own arrays keep its ports: a test bay or the
        /// simulator may share them).</summary>
        public void RegisterLockSet(string prefix, LockSetPorts locks, int maxOnMs)
        {
            int n = locks.Count;
            var engage = new IDigitalOutput[n];
            var release = new IDigitalOutput[n];
            for (int i = 0; i < n; i++)
            {
                engage[i] = Register(string.Concat(prefix, ".Engage[", i.ToString(), "]"), locks.Engage[i], false, maxOnMs, null, 0);
                release[i] = Register(string.Concat(prefix, ".Release[", i.ToString(), "]"), locks.Release[i], false, maxOnMs, null, 0);
            }
            locks.Engage = engage;
            locks.Release = release;
        }

        /// <summary>The output that caused the last supervision fault, or null.</summary>
        public GuardedOutput Faulted { get; private set; }

        /// <summary>Registers a digital output and returns its guard, which takes the port's place in its group.
        /// A null port (not wired) is refused: see <see cref="Problem"/>.</summary>
        public GuardedOutput Register(string name, IDigitalOutput port, bool safeLevel, int maxOnMs, IDigitalInput readBack, int readBackMs)
        {
            var existing = port as GuardedOutput;
            if (existing != null) port = existing.Port;
            if (port == null || _count == Capacity)
            {
                if (Problem == null) Problem = port == null ? "output " + name + " is not wired" : "more than " + Capacity + " outputs";
                return null;
            }
            var guarded = new GuardedOutput(name, port, safeLevel, maxOnMs, readBack, readBackMs);
            // Only an output supervision looks at is stamped as it changes.
            if (guarded.Supervised) guarded.Owner = this;
            _outputs[_count++] = guarded;
            if (maxOnMs > 0)
            {
                _timed[_timedCount++] = guarded;
                if (guarded.On) TimedOn++;
            }
            if (readBack != null) _readBacks[_readBackCount++] = guarded;
            // Not stamped yet: the next supervision walks the timed outputs and finds the next due time itself.
            _firstDueMs = long.MinValue;
            return guarded;
        }

        /// <summary>Registers a PWM drive reference (safe duty 0).</summary>
        public void RegisterDrive(string name, IPwmOutput drive)
        {
            if (drive == null || _driveCount == DriveCapacity)
            {
                if (Problem == null) Problem = drive == null ? "drive " + name + " is not wired" : "more than " + DriveCapacity + " drives";
                return;
            }
            _driveNames[_driveCount] = name;
            _drives[_driveCount++] = drive;
        }

        /// <summary>Null when every registered port is wired, otherwise the first problem.</summary>
        public string Problem { get; private set; }

        /// <summary>The output called <paramref name="name"/>, or null.</summary>
        public GuardedOutput Find(string name)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_outputs[i].Name == name) return _outputs[i];
            }
            return null;
        }

        /// <summary>Every output to its safe level and every drive to duty 0, now.</summary>
        public void AllOff()
        {
            for (int i = 0; i < _driveCount; i++) _drives[i].SetDuty(0.0);
            for (int i = 0; i < _count; i++) _outputs[i].WriteSafe();
        }

        /// <summary>Checks every output's on-time and read-back; returns the first fault (see remarks) or None.
        /// Allocation-free; call once per tick after the inputs are sampled. On nanoFramework's interpreter every field
        /// read and call counts: a tick in which no output changed walks only the outputs that are timed and on, and
        /// those with a read-back.</summary>
        public FaultCode Supervise(long nowMs)
        {
            // Times every output that changed (all of them after a gap) from now; inline, as the permit watchdog's kick
            // changes in every tick and a call is dear on the interpreter. The walks below are methods of their own: they
            // run seldom (or not at all in a bay without read-backs), and their locals would cost every tick here.
            GuardedOutput[] list = ChangedList;
            int n = ChangedCount;
            if (nowMs - _lastSupervisedMs > GapMs)
            {
                list = _outputs;
                n = _count;
                // After a gap every timer restarts now, so no earlier due time stands.
                _firstDueMs = long.MaxValue;
            }
            _lastSupervisedMs = nowMs;
            // (No test of n first, and conditional expressions where an if would do, here and below: a Debug build keeps
            // a local for every if's condition, and the interpreter sets each up per call.)
            ChangedCount = 0;
            for (int i = 0; i < n; i++)
            {
                GuardedOutput o = list[i];
                o.Changed = false;
                o.OnSinceMs = nowMs;
                o.MismatchSinceMs = -1;
                long due = nowMs + o.MaxOnMs;
                _firstDueMs = o.On && o.MaxOnMs > 0 && due < _firstDueMs ? due : _firstDueMs;
            }
            // No timed output can be over its on-time before the earliest due time stamped since the last walk (it may
            // be early: that output may be off by now); a tick before it walks nothing. The first fault is returned.
            FaultCode late = TimedOn > 0 && nowMs > _firstDueMs ? WalkTimed(nowMs) : FaultCode.None;
            return late != FaultCode.None || _readBackCount == 0 ? late : CheckReadBacks(nowMs);
        }

        // The timed outputs that are on: the first over its maximum on-time, or None and the exact next due time.
        private FaultCode WalkTimed(long nowMs)
        {
            long next = long.MaxValue;
            for (int i = 0; i < _timedCount; i++)
            {
                GuardedOutput o = _timed[i];
                if (!o.On) continue;
                if (nowMs - o.OnSinceMs > o.MaxOnMs) return Fault(o, FaultCode.OutputOnTooLong);
                if (o.OnSinceMs + o.MaxOnMs < next) next = o.OnSinceMs + o.MaxOnMs;
            }
            _firstDueMs = next;
            return FaultCode.None;
        }

        // Every read-back against its command: the first that disagreed for longer than its read-back time, or None.
        private FaultCode CheckReadBacks(long nowMs)
        {
            for (int i = 0; i < _readBackCount; i++)
            {
                GuardedOutput o = _readBacks[i];
                if (o.ReadBack.Read() == o.On)
                {
                    o.MismatchSinceMs = -1;
                    continue;
                }
                if (o.MismatchSinceMs < 0) o.MismatchSinceMs = nowMs;
                if (nowMs - o.MismatchSinceMs > o.ReadBackMs) return Fault(o, o.On ? FaultCode.OutputNoFeedback : FaultCode.OutputStuckOn);
            }
            return FaultCode.None;
        }

        private FaultCode Fault(GuardedOutput o, FaultCode code)
        {
            Faulted = o;
            return code;
        }
    }
}
