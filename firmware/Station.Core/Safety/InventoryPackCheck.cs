namespace Station.Core.Safety
{
    /// <summary>The release gate's pack check when no BMS check is installed: it verifies what the station itself
    /// knows — the pack now in the vehicle is the chosen one, was ready and at or above MinSocPct in the inventory.</summary>
    /// <remarks>
    /// Decision: without the BMS check (BmsPackCheck, GB/T 27930) the gate still runs and still refuses a wrong pack; it cannot
    /// see insulation, connector or live cell data, so it says so: <see cref="VerifiesBms"/> is false, every swap
    /// record carries BmsVerified = false and <see cref="Reason"/> states that the BMS was not verified. Removing a
    /// check (setting PackCheck to null) falls back to this class: the gate cannot be bypassed.
    /// </remarks>
    public sealed class InventoryPackCheck : IReleaseGateCheck
    {
        private readonly PackInventory _inventory;
        private readonly int _minSocPct;
        private readonly PackPlace _place;
        private readonly int _position;
        private GateVerdict _verdict;

        /// <summary>Builds the check over the station's inventory.</summary>
        public InventoryPackCheck(PackInventory inventory, int minSocPct) : this(inventory, minSocPct, PackPlace.Vehicle, 0) { }

        /// <summary>The same check for one truck block: the pack at <paramref name="place"/> against the block booked at
        /// <paramref name="position"/> (1..3) of the swap record (0 = the record's own pack in).</summary>
        public InventoryPackCheck(PackInventory inventory, int minSocPct, PackPlace place, int position)
        {
            _place = place;
            _position = position;
            _inventory = inventory;
            _minSocPct = minSocPct;
            Reason = "not started";
        }

        /// <inheritdoc />
        public FaultCode FailureFault { get; private set; }

        /// <inheritdoc />
        public bool VerifiesBms { get { return false; } }

        /// <inheritdoc />
        public bool WoundDown { get { return true; } }

        /// <inheritdoc />
        public int MeasuredSocPct { get { return -1; } }

        /// <inheritdoc />
        public PackStandard ReportedStandard { get { return PackStandard.Unspecified; } }

        /// <inheritdoc />
        public string Reason { get; private set; }

        /// <inheritdoc />
        public void Begin(SwapRecord swap, long nowMs)
        {
            PackRecord installed = _inventory.At(_place);
            FailureFault = FaultCode.None;
            ConfirmedAtMs = nowMs;
            if (installed.IsEmpty || installed.Serial != ExpectedSerial(swap))
            {
                _verdict = GateVerdict.Failed;
                FailureFault = FaultCode.PackSerialMismatch;
                Reason = "inventory: the pack in the vehicle is not the chosen pack";
            }
            else if (installed.SocPct < _minSocPct)
            {
                _verdict = GateVerdict.Failed;
                FailureFault = FaultCode.PackSocTooLow;
                Reason = "inventory: the installed pack's state of charge is below the minimum";
            }
            else
            {
                _verdict = GateVerdict.Passed;
                Reason = "passed on inventory only: no BMS check installed, pack not verified over CAN";
            }
        }

        private string ExpectedSerial(SwapRecord swap)
        {
            if (_position == 0) return swap.PackInSerial;
            BlockSwap block = swap.BlockAt(_position);
            return block == null ? null : block.PackInSerial;
        }

        /// <inheritdoc />
        public GateVerdict Poll(long nowMs)
        {
            // The inventory is the station's own knowledge, read now: a Passed is as fresh as this poll.
            if (_verdict == GateVerdict.Passed) ConfirmedAtMs = nowMs;
            return _verdict;
        }

        /// <inheritdoc />
        public void Finish(long nowMs) { }

        /// <inheritdoc />
        public long ConfirmedAtMs { get; private set; }
    }
}
