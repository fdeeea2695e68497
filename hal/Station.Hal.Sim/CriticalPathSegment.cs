namespace Station.Hal.Sim
{
    /// <summary>One motion of the critical-path computation: when it starts (s after authorisation), how long it takes,
    /// and whether it lies on the critical path (false for a motion hidden by a longer parallel one).</summary>
    public sealed record CriticalPathSegment(string Name, double StartSeconds, double Seconds, bool OnPath);
}
