namespace Station.Core.Can
{
    /// <summary>A transport session was dropped or a frame rejected. PGN -1 when unknown.</summary>
    public delegate void CanDropHandler(DropReason reason, int sender, int receiver, int pgn, long nowMs);
}
