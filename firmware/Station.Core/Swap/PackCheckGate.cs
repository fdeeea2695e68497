namespace Station.Core.Swap
{
    /// <summary>The engine's half of every release gate: the pack check (inventory-only by default, the BMS session
    /// when one is set), begun while the empty lift returns, polled every tick, and the verdict the gate releases on —
    /// a pass confirmed just now, a failure or a timeout latched as a fault. The profile's gate step checks its own
    /// mechanics first, then asks <see cref="Decide"/>.</summary>
    public sealed class PackCheckGate
    {
        private readonly SwapSequencer _s;
        private readonly StationConfig _c;
        private readonly IReleaseGateCheck _default;
        private IReleaseGateCheck _check;
        private IReleaseGateCheck _running;
        private GateVerdict _verdict;
        private bool _finished;
        private long _startMs;
        private long _enteredMs;

        /// <summary>A gate for <paramref name="s"/> whose default check is <paramref name="defaultCheck"/>.</summary>
        public PackCheckGate(SwapSequencer s, StationConfig c, IReleaseGateCheck defaultCheck)
        {
            _s = s;
            _c = c;
            _default = defaultCheck;
            _check = defaultCheck;
        }

        /// <summary>The check the next swap uses; null restores the inventory-only default (the gate cannot be removed).</summary>
        public IReleaseGateCheck Check
        {
            get { return _check; }
            set { _check = value == null ? _default : value; }
        }

        /// <summary>Starts the check on the pack just installed. The check begun here is the one the gate decides on,
        /// even if <see cref="Check"/> is replaced before the gate.</summary>
        public void Start()
        {
            long now = _s.Now;
            _startMs = now;
            _running = _check;
            _verdict = GateVerdict.Pending;
            _finished = false;
            _running.Begin(_s.CurrentSwap, now);
            _verdict = _running.Poll(now);
        }

        /// <summary>Starts the check when no step did.</summary>
        public void EnsureStarted() { if (_running == null) Start(); }

        /// <summary>The gate step was entered now (the freshness wait is timed from here).</summary>
        public void Entered() { _enteredMs = _s.Now; }

        // Every tick, in every state, from the first Begin on: the sequencer alone drives the check (nobody outside has
        // to tick it). Until the gate decides, the verdict follows the check (a Passed may still turn Failed: a BMS fault
        // raised between the lock and the release); a Failed is kept. After Finish, polls only let the check end its own
        // exchange (the BMS session's clean end). Allocation-free.
        /// <summary>Polls the running check (every tick, <paramref name="now"/> the tick's Clock.NowMs).</summary>
        public void Poll(long now)
        {
            if (_running == null) return;
            GateVerdict v = _running.Poll(now);
            if (_finished || _verdict == GateVerdict.Failed) return;
            _verdict = v;
        }

        /// <summary>The gate decided or the swap left its steps: the check stops judging (the BMS session winds down).</summary>
        public void Finish()
        {
            if (_running == null || _finished) return;
            _finished = true;
            _running.Finish(_s.Now);
        }

        /// <summary>Latches the check's fault, waits, or passes the gate (records the BMS verification and the measured
        /// SOC, then dispatches GatePassed).</summary>
        public void Decide()
        {
            long now = _s.Now;
            GateVerdict v = _verdict;
            if (v == GateVerdict.Failed)
            {
                FaultCode f = _running.FailureFault;
                _s.RaiseFault(f == FaultCode.None ? FaultCode.GatePackRejected : f);
                return;
            }
            if (v == GateVerdict.Pending)
            {
                if (now - _startMs > _c.BmsTimeoutMs) _s.RaiseFault(FaultCode.GatePackCheckTimeout);
                return;
            }
            // Passed, but the release must rest on a verdict confirmed just now, not on one reached seconds ago: wait for
            // the check's next confirmation, and give up as a timeout if none comes.
            if (now - _running.ConfirmedAtMs > _c.GateFreshMs)
            {
                if (now - _enteredMs > _c.BmsTimeoutMs) _s.RaiseFault(FaultCode.GatePackCheckTimeout);
                return;
            }
            Finish();
            SwapRecord swap = _s.CurrentSwap;
            swap.BmsVerified = _running.VerifiesBms;
            if (_running.MeasuredSocPct >= 0) swap.PackInSocPct = _running.MeasuredSocPct;
            _s.Dispatch(SwapSignal.GatePassed);
        }
    }
}
