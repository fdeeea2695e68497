namespace Station.Core.Swap.Truck
{
    /// <summary>The truck's release gate for its blocks: each swapped block has its own check (its own BMS session where
    /// one is installed for its position, else the inventory check), begun as soon as that block is latched and its
    /// connector mated, polled every tick, and decided at the gate. The truck leaves only when every swapped block's
    /// check passed, each on a verdict confirmed just now.</summary>
    public sealed class TruckBlockGate
    {
        private readonly IReleaseGateCheck[] _defaults = new IReleaseGateCheck[TruckPorts.Positions];
        private readonly IReleaseGateCheck[] _checks = new IReleaseGateCheck[TruckPorts.Positions];
        private readonly IReleaseGateCheck[] _running = new IReleaseGateCheck[TruckPorts.Positions];
        private readonly GateVerdict[] _verdicts = new GateVerdict[TruckPorts.Positions];
        private readonly long[] _startMs = new long[TruckPorts.Positions];
        private readonly StationConfig _c;

        /// <summary>A gate whose default check per position reads the inventory's block place.</summary>
        public TruckBlockGate(PackInventory inventory, StationConfig config)
        {
            _c = config;
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                _defaults[i] = new Station.Core.Safety.InventoryPackCheck(inventory, config.MinSocPct, TruckBayProfile.PlaceOf(i + 1), i + 1);
                _checks[i] = _defaults[i];
            }
        }

        /// <summary>The check the next swap uses for <paramref name="position"/> (1..3): the block's BMS session on its own
        /// CAN address (docs/swap-states-truck.md); null restores the inventory check (the gate cannot be removed).</summary>
        public void SetCheck(int position, IReleaseGateCheck check)
        {
            _checks[position - 1] = check == null ? _defaults[position - 1] : check;
        }

        /// <summary>The check installed for <paramref name="position"/>.</summary>
        public IReleaseGateCheck CheckAt(int position) { return _checks[position - 1]; }

        /// <summary>Begins the check of the block just latched at <paramref name="position"/>.</summary>
        public void Start(int position, SwapRecord swap, long nowMs)
        {
            int i = position - 1;
            _running[i] = _checks[i];
            _startMs[i] = nowMs;
            _running[i].Begin(swap, nowMs);
            _verdicts[i] = _running[i].Poll(nowMs);
        }

        /// <summary>Polls every running check (every tick; a Failed is kept). Allocation-free.</summary>
        public void Poll(long nowMs)
        {
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                IReleaseGateCheck c = _running[i];
                if (c == null) continue;
                GateVerdict v = c.Poll(nowMs);
                if (_verdicts[i] != GateVerdict.Failed) _verdicts[i] = v;
            }
        }

        /// <summary>Stops every check (the gate decided or the swap ended).</summary>
        public void Finish(long nowMs)
        {
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                if (_running[i] == null) continue;
                _running[i].Finish(nowMs);
                _running[i] = null;
            }
        }

        /// <summary>The fault a swapped block's check refuses with (latched by the caller), None when every swapped
        /// block passed on fresh data (each block's verdict and SOC then go in the record), or <see cref="FaultCode.None"/>
        /// with <paramref name="passed"/> false while one still waits.</summary>
        public FaultCode Decide(SwapRecord swap, long nowMs, long enteredMs, out bool passed)
        {
            passed = false;
            bool waiting = false;
            for (int b = 0; b < swap.BlockCount; b++)
            {
                int i = swap.Blocks[b].Position - 1;
                IReleaseGateCheck c = _running[i];
                if (c == null) return FaultCode.GatePackCheckTimeout; // never begun: cannot happen in the table; never pass it
                GateVerdict v = _verdicts[i];
                if (v == GateVerdict.Failed)
                {
                    swap.Blocks[b].Verdict = GateVerdict.Failed;
                    return c.FailureFault == FaultCode.None ? FaultCode.GatePackRejected : c.FailureFault;
                }
                if (v == GateVerdict.Pending)
                {
                    // A block's check begins when it is latched and may take its time while the robot works on the next
                    // block; at the gate it has gate.bms_timeout_ms from the later of its start and the gate's entry.
                    long since = _startMs[i] > enteredMs ? _startMs[i] : enteredMs;
                    if (nowMs - since > _c.BmsTimeoutMs) return FaultCode.GatePackCheckTimeout;
                    waiting = true;
                }
                else if (nowMs - c.ConfirmedAtMs > _c.GateFreshMs)
                {
                    if (nowMs - enteredMs > _c.BmsTimeoutMs) return FaultCode.GatePackCheckTimeout;
                    waiting = true;
                }
            }
            if (waiting) return FaultCode.None;
            for (int b = 0; b < swap.BlockCount; b++)
            {
                BlockSwap block = swap.Blocks[b];
                IReleaseGateCheck c = _running[block.Position - 1];
                block.Verdict = GateVerdict.Passed;
                block.BmsVerified = c.VerifiesBms;
                if (c.MeasuredSocPct >= 0) block.PackInSocPct = c.MeasuredSocPct;
            }
            passed = true;
            return FaultCode.None;
        }
    }
}
