namespace Station.Core.Swap
{
    /// <summary>The pack-check half of a release gate, for one checked pack: its check (inventory-only by default, the
    /// BMS session when one is set), begun once the pack is secured, polled every tick, and judged at the gate — a pass
    /// confirmed just now, a failure or a timeout as the fault to latch. The car's sequencer has one for the installed
    /// pack; the truck has one per block position. The profile's gate step checks its own mechanics first, then asks
    /// <see cref="Judge"/>, and on a pass <see cref="Record"/>.</summary>
    public sealed class PackCheckGate
    {
        private readonly StationConfig _c;
        private readonly IReleaseGateCheck _default;
        private readonly PackPlace _place;
        private readonly int _position;
        private readonly bool _waitsFromGate;
        private IReleaseGateCheck _check;
        // Read and written by the car sequencer's tick too, which polls the gate inline (see Poll): Polled is Running
        // from Start until the finished check says it wound down, null otherwise.
        internal IReleaseGateCheck Running;
        internal IReleaseGateCheck Polled;
        internal GateVerdict Latest;
        private bool _open;
        internal bool Finished;
        private long _startMs;
        private long _enteredMs;

        /// <summary>A gate over the pack at <paramref name="place"/> — the record's own pack in (<paramref name="position"/>
        /// 0) or the block booked at <paramref name="position"/> 1..3 — whose default check is <paramref name="defaultCheck"/>.
        /// A check still pending at the gate times out <c>gate.bms_timeout_ms</c> after it began, or, with
        /// <paramref name="waitsFromGate"/> (a truck's block, checked while the robot works on the next), after the later
        /// of its start and the gate's entry.</summary>
        public PackCheckGate(StationConfig c, IReleaseGateCheck defaultCheck, PackPlace place, int position, bool waitsFromGate)
        {
            _c = c;
            _default = defaultCheck;
            _check = defaultCheck;
            _place = place;
            _position = position;
            _waitsFromGate = waitsFromGate;
        }

        /// <summary>The check the next swap uses; null restores the inventory-only default (the gate cannot be removed).</summary>
        public IReleaseGateCheck Check
        {
            get { return _check; }
            set { _check = value == null ? _default : value; }
        }

        /// <summary>True from <see cref="Start"/> until <see cref="Finish"/>: this swap's check runs and is judged.</summary>
        public bool Open { get { return _open; } }

        /// <summary>The verdict as of the last poll.</summary>
        public GateVerdict Verdict { get { return Latest; } }

        /// <summary>Starts the check on the pack just secured. The check begun here is the one the gate judges, even if
        /// <see cref="Check"/> is replaced before the gate.</summary>
        public void Start(SwapRecord swap, long now)
        {
            _startMs = now;
            Running = _check;
            Polled = _check;
            _open = true;
            Finished = false;
            Running.Begin(swap, now);
            Latest = Running.Poll(now);
        }

        /// <summary>The gate step was entered at <paramref name="now"/> (the freshness wait is timed from here).</summary>
        public void Entered(long now) { _enteredMs = now; }

        // From Begin on the owner polls every tick (nobody outside has to tick a check). Until the gate decides, the
        // verdict follows the check (a Passed may still turn Failed: a BMS fault raised between the latch and the
        // release); a Failed is kept. After Finish, polls only let the check end its own exchange (the BMS session's
        // clean end), and stop once it wound down: most of a station's ticks are between two checks. Allocation-free.
        /// <summary>Polls the running check (<paramref name="now"/> the tick's Clock.NowMs). The sequencer's tick does the
        /// same inline (a call per tick is dear on the interpreter): change both together.</summary>
        public void Poll(long now)
        {
            IReleaseGateCheck check = Polled;
            if (check == null) return;
            GateVerdict v = check.Poll(now);
            if (!Finished && Latest != GateVerdict.Failed) Latest = v;
            else if (Finished && check.WoundDown) Polled = null;
        }

        /// <summary>The gate decided or the swap left its steps: the check stops judging (the BMS session winds down).</summary>
        public void Finish(long now)
        {
            _open = false;
            if (Running == null || Finished) return;
            Finished = true;
            Running.Finish(now);
        }

        /// <summary>The fault to latch (the check's, GatePackRejected when it names none, or GatePackCheckTimeout), or None:
        /// then <paramref name="passed"/> says whether the check passed on data confirmed within gate.bms_fresh_ms or
        /// the gate still waits. Allocation-free.</summary>
        public FaultCode Judge(long now, out bool passed)
        {
            passed = false;
            if (!_open) return FaultCode.GatePackCheckTimeout; // never begun this swap: cannot happen in the tables; never pass it
            if (Latest == GateVerdict.Failed)
                return Running.FailureFault == FaultCode.None ? FaultCode.GatePackRejected : Running.FailureFault;
            if (Latest == GateVerdict.Pending)
            {
                long since = _waitsFromGate && _enteredMs > _startMs ? _enteredMs : _startMs;
                return now - since > _c.BmsTimeoutMs ? FaultCode.GatePackCheckTimeout : FaultCode.None;
            }
            // Passed, but the release must rest on a verdict confirmed just now, not on one reached seconds ago: wait for
            // the check's next confirmation, and give up as a timeout if none comes.
            if (now - Running.ConfirmedAtMs > _c.GateFreshMs)
                return now - _enteredMs > _c.BmsTimeoutMs ? FaultCode.GatePackCheckTimeout : FaultCode.None;
            passed = true;
            return FaultCode.None;
        }

        /// <summary>After a pass: the record's verdict, whether the BMS was read and the SOC it measured; and where the
        /// pack's record carries no standard (a rack commissioned without one, a pack the technician placed) the one the
        /// BMS reported, in the swap record and the inventory (the gate's transition journals both). A reported standard
        /// that contradicts the record never gets here: the check refused it (PackStandardMismatch).</summary>
        public void Record(SwapRecord swap, PackInventory inventory)
        {
            BlockSwap block = _position > 0 ? swap.BlockAt(_position) : null;
            int soc = Running.MeasuredSocPct;
            string serial;
            if (block != null)
            {
                block.Verdict = GateVerdict.Passed;
                block.BmsVerified = Running.VerifiesBms;
                if (soc >= 0) block.PackInSocPct = soc;
                serial = block.PackInSerial;
            }
            else
            {
                swap.BmsVerified = Running.VerifiesBms;
                if (soc >= 0) swap.PackInSocPct = soc;
                serial = swap.PackInSerial;
            }
            PackStandard reported = Running.ReportedStandard;
            if (reported == PackStandard.Unspecified) return;
            PackRecord pack = inventory.At(_place);
            if (!pack.IsEmpty && pack.Serial == serial && pack.Standard == PackStandard.Unspecified) pack.Standard = reported;
            // A truck record's own pack-in members are its first block's.
            bool first = block == null || (swap.BlockCount > 0 && swap.Blocks[0] == block);
            if (block != null && block.PackInStandard == PackStandard.Unspecified) block.PackInStandard = reported;
            if (first && swap.PackInStandard == PackStandard.Unspecified) swap.PackInStandard = reported;
        }
    }
}
