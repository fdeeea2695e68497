namespace Station.Core
{
    /// <summary>What a <see cref="SwapEventHandler"/> call reports.</summary>
    public enum SwapEventKind
    {
        /// <summary>A swap was authorised and started.</summary>
        Started = 0,
        /// <summary>The sequencer entered a new step.</summary>
        Step = 1,
        /// <summary>The vehicle was released with its new pack.</summary>
        Completed = 2,
        /// <summary>A fault holds the vehicle (gate refusal or motion fault).</summary>
        Held = 3,
        /// <summary>The swap ended without completing (cancel, reset after a fault, confirmed recovery).</summary>
        Aborted = 4,
    }
}
