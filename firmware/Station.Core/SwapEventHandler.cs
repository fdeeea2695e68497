namespace Station.Core
{
    /// <summary>Called by the controller when a swap starts, steps, completes, is held or aborted.</summary>
    public delegate void SwapEventHandler(SwapEventKind kind, SwapState state, SwapRecord record);
}
