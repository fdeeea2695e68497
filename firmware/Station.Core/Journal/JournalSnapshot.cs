namespace Station.Core.Journal
{
    /// <summary>Everything one journal record holds: the step, the latched fault, the swap in progress and the whole
    /// pack inventory. Each record is a full snapshot, so the last valid record alone is enough to recover.</summary>
    public sealed class JournalSnapshot
    {
        /// <summary>Record sequence number (increases by one per record).</summary>
        public int Sequence;
        /// <summary>The step being entered when the record was written (written before the step acts).</summary>
        public SwapState State;
        /// <summary>Latched fault, or None.</summary>
        public FaultCode LatchedFault;
        /// <summary>Number of swaps started so far (the next swap's id is this + 1).</summary>
        public int SwapCounter;
        /// <summary>The swap in progress, or null.</summary>
        public SwapRecord Swap;
        /// <summary>Where every pack is.</summary>
        public PackInventory Inventory;
    }
}
