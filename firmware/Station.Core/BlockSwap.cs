namespace Station.Core
{
    /// <summary>One block of a truck swap: which position, the block taken out and the one put in, their state of
    /// charge, when its swap began and ended, and its own release verdict. Preallocated with the swap record.</summary>
    public sealed class BlockSwap
    {
        /// <summary>Block position on the truck, 1..3.</summary>
        public int Position;
        /// <summary>Serial of the depleted block taken out (the inventory's name for it when nobody told the station).</summary>
        public string PackOutSerial;
        /// <summary>Serial of the charged block put in.</summary>
        public string PackInSerial;
        /// <summary>State of charge of the block taken out, -1 unknown.</summary>
        public int PackOutSocPct = -1;
        /// <summary>State of charge of the block put in, -1 unknown (the block's BMS reading when its check has one).</summary>
        public int PackInSocPct = -1;
        /// <summary>Rack slot the charged block came from, -1 when none.</summary>
        public int SourceSlot = -1;
        /// <summary>Standard of the block installed (the record's, which the block's BMS check holds it to).</summary>
        public PackStandard PackInStandard;
        /// <summary>ms after the swap's start the robot set off for this block, -1 before.</summary>
        public long StartMs = -1;
        /// <summary>ms after the swap's start the charged block was latched and its fork out, -1 before.</summary>
        public long EndMs = -1;
        /// <summary>The block's own release check: Pending until it decided, then Passed or Failed.</summary>
        public GateVerdict Verdict;
        /// <summary>True when the block's check talked to the block's BMS (false: inventory check only).</summary>
        public bool BmsVerified;

        /// <summary>Takes every field of <paramref name="other"/>.</summary>
        public void CopyFrom(BlockSwap other)
        {
            Position = other.Position;
            PackOutSerial = other.PackOutSerial;
            PackInSerial = other.PackInSerial;
            PackOutSocPct = other.PackOutSocPct;
            PackInSocPct = other.PackInSocPct;
            SourceSlot = other.SourceSlot;
            PackInStandard = other.PackInStandard;
            StartMs = other.StartMs;
            EndMs = other.EndMs;
            Verdict = other.Verdict;
            BmsVerified = other.BmsVerified;
        }
    }
}
