namespace Station.Core.Swap.Truck
{
    /// <summary>The truck's release gate for its blocks: one <see cref="PackCheckGate"/> per block position (its own BMS
    /// session where one is installed for its position, else the inventory check), begun as soon as that block is
    /// latched and its connector mated, polled every tick, and judged at the gate. The truck leaves only when every
    /// swapped block's check passed, each on a verdict confirmed just now.</summary>
    public sealed class TruckBlockGate
    {
        private readonly PackCheckGate[] _gates = new PackCheckGate[TruckPorts.Positions];
        private readonly PackInventory _inventory;

        /// <summary>A gate whose default check per position reads the inventory's block place.</summary>
        public TruckBlockGate(PackInventory inventory, StationConfig config)
        {
            _inventory = inventory;
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                PackPlace place = TruckBayProfile.PlaceOf(i + 1);
                // A block's check begins when it is latched and may take its time while the robot works on the next
                // block: at the gate it has gate.bms_timeout_ms from the later of its start and the gate's entry.
                _gates[i] = new PackCheckGate(config, new Station.Core.Safety.InventoryPackCheck(inventory, config.MinSocPct, place, i + 1),
                    place, i + 1, true);
            }
        }

        /// <summary>The check the next swap uses for <paramref name="position"/> (1..3): the block's BMS session on its own
        /// CAN address (docs/swap-states-truck.md); null restores the inventory check (the gate cannot be removed).</summary>
        public void SetCheck(int position, IReleaseGateCheck check) { _gates[position - 1].Check = check; }

        /// <summary>The check installed for <paramref name="position"/>.</summary>
        public IReleaseGateCheck CheckAt(int position) { return _gates[position - 1].Check; }

        /// <summary>Begins the check of the block just latched at <paramref name="position"/>.</summary>
        public void Start(int position, SwapRecord swap, long nowMs) { _gates[position - 1].Start(swap, nowMs); }

        /// <summary>The gate step was entered at <paramref name="nowMs"/>.</summary>
        public void Entered(long nowMs)
        {
            for (int i = 0; i < TruckPorts.Positions; i++) _gates[i].Entered(nowMs);
        }

        /// <summary>Polls every running check (every tick; a Failed is kept). Allocation-free.</summary>
        public void Poll(long nowMs)
        {
            for (int i = 0; i < TruckPorts.Positions; i++) _gates[i].Poll(nowMs);
        }

        /// <summary>Stops every check (the gate decided or the swap ended).</summary>
        public void Finish(long nowMs)
        {
            for (int i = 0; i < TruckPorts.Positions; i++) _gates[i].Finish(nowMs);
        }

        /// <summary>The fault a swapped block's check refuses with (latched by the caller), None when every swapped
        /// block passed on fresh data (each block's verdict, SOC and BMS-reported standard then go in the record), or
        /// None with <paramref name="passed"/> false while one still waits.</summary>
        public FaultCode Decide(SwapRecord swap, long nowMs, out bool passed)
        {
            passed = false;
            bool waiting = false;
            for (int b = 0; b < swap.BlockCount; b++)
            {
                PackCheckGate gate = _gates[swap.Blocks[b].Position - 1];
                bool ok;
                FaultCode refusal = gate.Judge(nowMs, out ok);
                if (refusal != FaultCode.None)
                {
                    if (gate.Verdict == GateVerdict.Failed) swap.Blocks[b].Verdict = GateVerdict.Failed;
                    return refusal;
                }
                if (!ok) waiting = true;
            }
            if (waiting) return FaultCode.None;
            for (int b = 0; b < swap.BlockCount; b++) _gates[swap.Blocks[b].Position - 1].Record(swap, _inventory);
            passed = true;
            return FaultCode.None;
        }
    }
}
