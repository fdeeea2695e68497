namespace Station.Core
{
    /// <summary>The pack check inside the release gate (the BMS check, BmsPackCheck, plugs in here).</summary>
    /// <remarks>
    /// The gate itself — every lock locked, lift home, bay clear — is checked by the core and cannot be switched off.
    /// The check only adds conditions: it can refuse a release, never grant one the core refuses. It is started while
    /// the empty lift returns home (overlap) and the sequencer itself polls it every control tick from then on — nobody
    /// else ticks it. A check keeps judging until the gate decides: Passed may still turn into Failed (a BMS fault raised
    /// after the first verdict), Failed is final. The gate acts on the verdict at the moment it decides, and a Passed only
    /// when its data is fresh (<see cref="ConfirmedAtMs"/> within StationConfig.GateFreshMs); Pending (or a stale Passed)
    /// at the gate for longer than BmsTimeoutMs latches GatePackCheckTimeout. <see cref="Finish"/> tells the check the
    /// gate has decided (or the swap ended); polls go on after it so a check can finish its exchange, e.g. the BMS
    /// session's clean end, until the check says <see cref="WoundDown"/>: then nothing polls it until the next Begin.
    /// Implementations must not block and must not allocate per poll.
    /// </remarks>
    public interface IReleaseGateCheck
    {
        /// <summary>Starts checking the pack just installed in the vehicle.</summary>
        void Begin(SwapRecord swap, long nowMs);

        /// <summary>Polled by the sequencer every tick after <see cref="Begin"/>: the current verdict. Once Failed it stays
        /// Failed until the next Begin; a Passed may turn Failed until <see cref="Finish"/>.</summary>
        GateVerdict Poll(long nowMs);

        /// <summary>The gate has decided (or the swap ended): stop judging, wind the exchange down on later polls.</summary>
        void Finish(long nowMs);

        /// <summary>True after <see cref="Finish"/> once the check has nothing left to end (the BMS session's clean end is
        /// over): the sequencer stops polling it until the next <see cref="Begin"/>, which starts afresh. Read after each
        /// poll that follows Finish.</summary>
        bool WoundDown { get; }

        /// <summary>Clock.NowMs of the newest data a Passed verdict rests on (-1 before one): the gate releases only when
        /// this is within StationConfig.GateFreshMs.</summary>
        long ConfirmedAtMs { get; }

        /// <summary>After Failed: the specific fault to latch (e.g. BmsNoAnswer, PackSocTooLow); None means GatePackRejected.</summary>
        FaultCode FailureFault { get; }

        /// <summary>True when this check really talked to the pack's BMS (false for the inventory-only default).</summary>
        bool VerifiesBms { get; }

        /// <summary>State of charge the check read from the pack, or -1 when unknown.</summary>
        int MeasuredSocPct { get; }

        /// <summary>The catalogued standard the pack's own report fits (PackStandards.FromBms), Unspecified when the check
        /// read no report, or it fits none or several: a pass writes it into a record that carries none.</summary>
        PackStandard ReportedStandard { get; }

        /// <summary>Words for the console about the last verdict.</summary>
        string Reason { get; }
    }
}
