using Station.Core.Update;

namespace Station.Update.Tests;

/// <summary>A station that may always restart (idle, every record durable): the agent's safe moment is never held.</summary>
sealed class NothingBlocksRestart : IRestartCheck
{
    public UpdateReason RestartBlocker() => UpdateReason.None;
}
