namespace Station.Hal.Sim
{
    /// <summary>Something the plant saw that would damage equipment or hurt someone on a real bay (a dropped pack, a
    /// vehicle driving off with its pack unlocked). A correct controller never causes one.</summary>
    public sealed record PlantHazard(long TimeMs, string What);
}
