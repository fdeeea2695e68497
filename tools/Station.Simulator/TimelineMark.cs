namespace Station.Simulator
{
    /// <summary>A point in time on the timeline: a fault raised ("fault") or an injected event ("event").</summary>
    public sealed record TimelineMark(long AtMs, string Label, string Kind);
}
