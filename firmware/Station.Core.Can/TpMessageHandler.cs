namespace Station.Core.Can
{
    /// <summary>A transport session completed; <paramref name="session"/> is valid only during the call.</summary>
    public delegate void TpMessageHandler(TpSession session, long nowMs);
}
