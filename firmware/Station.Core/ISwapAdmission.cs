namespace Station.Core
{
    /// <summary>Something outside the sequencer that can forbid new swaps for a reason of its own — the cloud outbox when
    /// it is too full to journal another swap (docs/cloud.md, "Sizing"). Asked on every authorisation, from any source.</summary>
    public interface ISwapAdmission
    {
        /// <summary>Null when new swaps may start; otherwise one sentence saying why not.</summary>
        string WhyNoSwaps();
    }
}
