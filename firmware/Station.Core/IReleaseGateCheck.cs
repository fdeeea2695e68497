namespace Station.Core
{
    /// <summary>The pack check inside the release gate (the BMS check, BmsPackCheck, plugs in here).</summary>
    /// <remarks>
    /// The gate itself — every lock locked, lift home, bay clear — is checked by the core and cannot be switched off.
    /// The check only adds conditions: it can refuse a release, never grant one the core refuses. It is started while
    /// the empty lift returns home (overlap) and the sequencer itself polls it every control tick from then on — nobody
    /// else ticks it. The first Passed or Failed is the verdict the gate acts on when the swap reaches the gate (after
    /// its own conditions); Pending at the gate for longer than BmsTimeoutMs latches GatePackCheckTimeout. Polls go on
    /// after the verdict (until the next Begin) so a check can finish its exchange, e.g. the BMS session's clean end.
    /// Implementations must not block and must not allocate per poll.
    /// </remarks>
    public interface IReleaseGateCheck
    {
        /// <summary>Starts checking the pack just installed in the vehicle.</summary>
        void Begin(SwapRecord swap, long nowMs);

        /// <summary>Polled by the sequencer every tick after <see cref="Begin"/>; once it returned Passed or Failed it keeps
        /// returning that verdict until the next Begin.</summary>
        GateVerdict Poll(long nowMs);

        /// <summary>After Failed: the specific fault to latch (e.g. BmsNoAnswer, PackSocTooLow); None means GatePackRejected.</summary>
        FaultCode FailureFault { get; }

        /// <summary>True when this check really talked to the pack's BMS (false for the inventory-only default).</summary>
        bool VerifiesBms { get; }

        /// <summary>State of charge the check read from the pack, or -1 when unknown.</summary>
        int MeasuredSocPct { get; }

        /// <summary>Words for the console about the last verdict.</summary>
        string Reason { get; }
    }
}
