using Station.Hal;

namespace Station.Core.Motion
{
    /// <summary>A conveyor: one run output, a run ends when its arrival sensors all read a pack (and an optional
    /// sensor reads none), with a deadline on every run.</summary>
    /// <remarks>
    /// Staging conveyor: arrives when PackAtStaging. Transfer conveyor: arrives when PackAtReturn and PackOnLift and
    /// not PackAtStaging (one run moves the depleted pack off the lift and the staged pack on). The sensors are
    /// sampled by the owner (they are shared with other checks); this class only reads them.
    /// Two channels for the transfer's end: the arrival sensors AND the exchange itself - the lift's sensor must have
    /// read empty during the run (the depleted pack left before the charged one arrived), so a lift sensor stuck on
    /// cannot end the run while the charged pack still crosses the platform edge (<see cref="ExchangeSensor"/>); and
    /// the arrival must hold for <see cref="ArrivalSettleMs"/>, longer than a glitch of ten ticks or a fast flicker,
    /// while the packs run on against their end stops.
    /// </remarks>
    public sealed class Conveyor
    {
        private readonly IDigitalOutput _run;
        private readonly DebouncedInput[] _arrival;
        private readonly DebouncedInput _mustClear;
        private readonly FaultCode _timeoutFault;
        private readonly int _timeoutMs;
        private long _deadlineMs;
        private long _startedMs;
        // Read and cleared by the car profile's every-tick check too (TakeDone without the call).
        internal bool Done;
        private bool _exchanged;
        private long _arrivalSinceMs = -1;

        /// <summary>How long every arrival sensor must read its pack, without a break, before a run counts as done, ms.</summary>
        public const int ArrivalSettleMs = 150;

        /// <summary>Builds a conveyor. <paramref name="mustClear"/> may be null.</summary>
        public Conveyor(IDigitalOutput run, DebouncedInput[] arrival, DebouncedInput mustClear, FaultCode timeoutFault, int timeoutMs)
        {
            _run = run;
            _arrival = arrival;
            _mustClear = mustClear;
            _timeoutFault = timeoutFault;
            _timeoutMs = timeoutMs;
        }

        /// <summary>A sensor that must read empty at least once during a run before its arrival counts, or null.</summary>
        public DebouncedInput ExchangeSensor { get { return _exchangeSensor; } set { _exchangeSensor = value; } }

        private DebouncedInput _exchangeSensor;

        /// <summary>True while the motor runs.</summary>
        public bool IsRunning { get { return Running; } }
        // Update reads the field, not the property; the motor as last written (-1 unknown, 0 off, 1 on) spares a write
        // per tick. Both read by BayActuators too: a conveyor stopped with its motor written off has nothing to update,
        // and the call it would cost is dear on the interpreter.
        internal bool Running;
        internal int Motor = -1;

        /// <summary>True from a completed run until the next Start.</summary>
        public bool HasArrived { get; private set; }

        /// <summary>The fault that stopped the conveyor, or None.</summary>
        public FaultCode Fault { get { return Tripped; } private set { Tripped = value; } }
        // The same, as a field for the sequencer's every-tick check (a getter call each on the interpreter).
        internal FaultCode Tripped;

        /// <summary>Clock.NowMs at the start of the last run.</summary>
        public long StartedMs { get { return _startedMs; } }

        /// <summary>Deadline of the current run, 0 when stopped.</summary>
        public long DeadlineMs { get { return IsRunning ? _deadlineMs : 0; } }

        /// <summary>Starts a run (ignored when faulted).</summary>
        public void Start(long nowMs)
        {
            if (Fault != FaultCode.None) return;
            Running = true;
            HasArrived = false;
            Done = false;
            _exchanged = false;
            _arrivalSinceMs = -1;
            _startedMs = nowMs;
            _deadlineMs = nowMs + _timeoutMs;
        }

        /// <summary>True once after a run completed (reading clears it).</summary>
        public bool TakeDone()
        {
            bool d = Done;
            Done = false;
            return d;
        }

        /// <summary>Motor off. Not a fault.</summary>
        public void Stop()
        {
            Running = false;
            Motor = 0;
            _run.Write(false);
        }

        /// <summary>Stops and latches <paramref name="code"/>.</summary>
        public void Trip(FaultCode code)
        {
            Stop();
            if (Fault == FaultCode.None) Fault = code;
        }

        /// <summary>Clears a latched fault.</summary>
        public void ClearFault()
        {
            Stop();
            Fault = FaultCode.None;
            Done = false;
        }

        /// <summary>Forgets a previous arrival (a new swap starts).</summary>
        public void Reset()
        {
            HasArrived = false;
            Done = false;
        }

        /// <summary>One control period: complete or time out the run, drive the motor.</summary>
        public void Update(long nowMs)
        {
            if (!Running)
            {
                if (Motor != 0) Stop();
                return;
            }
            // Arrived: every arrival sensor reads a pack and the must-clear sensor (if any) none, after the exchange sensor
            // saw the lift empty. The sensors' levels read as fields: this runs in every tick of a run, and a call (a
            // property read too) is dear on the interpreter.
            DebouncedInput exchange = _exchangeSensor;
            if (exchange != null && !exchange.Level) _exchanged = true;
            bool arrived = exchange == null || _exchanged;
            for (int i = 0; arrived && i < _arrival.Length; i++) arrived = _arrival[i].Level;
            if (arrived && _mustClear != null) arrived = !_mustClear.Level;
            if (arrived)
            {
                if (_arrivalSinceMs < 0) _arrivalSinceMs = nowMs;
            }
            else _arrivalSinceMs = -1;
            if (_arrivalSinceMs >= 0 && nowMs - _arrivalSinceMs >= ArrivalSettleMs)
            {
                Stop();
                HasArrived = true;
                Done = true;
                return;
            }
            if (nowMs > _deadlineMs)
            {
                Trip(_timeoutFault);
                return;
            }
            if (Motor == 1) return;
            _run.Write(true);
            Motor = 1;
        }
    }
}
