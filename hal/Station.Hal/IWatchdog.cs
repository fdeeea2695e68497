namespace Station.Hal
{
    /// <summary>The board's watchdog and the reason of the last reset. Once <see cref="Start"/>ed, the board restarts
    /// when <see cref="Feed"/> is not called within the timeout; the control loop feeds it only when a tick completed.</summary>
    public interface IWatchdog
    {
        /// <summary>Arms the watchdog with a timeout in milliseconds; false when the board cannot.</summary>
        bool Start(int timeoutMs);
        /// <summary>Restarts the timeout. Called from the control loop only; allocation-free.</summary>
        void Feed();
        /// <summary>What the target reports about the last reset (<see cref="ResetReason.Unknown"/> when it does not tell).</summary>
        ResetReason TargetResetReason { get; }
    }
}
