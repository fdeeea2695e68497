using System;

namespace Station.Hal.Sim
{
    /// <summary>One injected event: due at <c>AtMs</c>, or when <c>Condition</c> holds (then <c>AtMs</c> is unused).</summary>
    internal sealed record ScheduledEvent(long AtMs, string Description, Action Action, Func<bool> Condition = null);
}
