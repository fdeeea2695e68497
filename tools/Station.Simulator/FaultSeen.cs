namespace Station.Simulator
{
    /// <summary>A fault the controller raised: its number, catalogue name, the swap step it happened in, and when.</summary>
    public sealed record FaultSeen(int Code, string Name, string Step, long AtMs);
}
