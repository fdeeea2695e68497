namespace Station.Simulator
{
    /// <summary>One bar of a timeline row: an actuator moving, an interlock open, a swap step.</summary>
    public sealed record TimelineBar(long StartMs, long EndMs, string Label, string Kind);
}
