namespace Station.Core
{
    /// <summary>How a swap ended.</summary>
    public enum SwapOutcome
    {
        /// <summary>Still running (or held by a fault).</summary>
        InProgress = 0,
        /// <summary>Vehicle released with the new pack.</summary>
        Completed = 1,
        /// <summary>Cancelled before the locks were touched; lift returned home.</summary>
        Cancelled = 2,
        /// <summary>Ended by a fault and a reset.</summary>
        Aborted = 3,
        /// <summary>Cut by a power loss and closed by a confirmed recovery.</summary>
        Interrupted = 4,
    }
}
