namespace Station.Core
{
    /// <summary>Called when a fault is latched (<paramref name="raised"/> true) or cleared by a reset.</summary>
    public delegate void FaultEventHandler(FaultCode code, bool raised);
}
