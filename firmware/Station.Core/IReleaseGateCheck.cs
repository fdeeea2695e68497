namespace Station.Core
{
    /// <summary>The pack check inside the release gate (issue 3's BMS verification plugs in here).</summary>
    /// <remarks>
    /// The gate itself — every lock locked, lift home, bay clear — is checked by the core and cannot be switched off.
    /// The check only adds conditions: it can refuse a release, never grant one the core refuses. It is started while
    /// the empty lift returns home (overlap) and polled every tick until it answers or BmsTimeoutMs passes
    /// (GatePackCheckTimeout). Implementations must not block and should not allocate per poll.
    /// </remarks>
    public interface IReleaseGateCheck
    {
        /// <summary>Starts checking the pack just installed in the vehicle.</summary>
        void Begin(SwapRecord swap, long nowMs);

        /// <summary>Polled every tick after <see cref="Begin"/> until it returns Passed or Failed.</summary>
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
