using Station.Core.Journal;
using Station.Core.Update;
using Station.Hal.Sim;

namespace Station.Update.Tests;

/// <summary>A station's update side on memory storage, with the loader's boot step and power cuts: a power cut
/// drops every object and keeps only what storage holds.</summary>
sealed class StationUnderUpdate : IRestartCheck
{
    public readonly MemoryStorage Storage = new();
    public UpdateReason Blocker = UpdateReason.None;
    public UpdateAgent Agent;
    public int BootedSlot = BootRecord.Factory;

    public StationUnderUpdate() { Agent = NewAgent(); Agent.Start(); }

    public UpdateReason RestartBlocker() => Blocker;

    UpdateAgent NewAgent() => new(Storage, TestBundles.Release.PublicKey, TestBundles.Board, this);

    /// <summary>Power cut or restart: the loader chooses and counts the boot, then the firmware starts its agent.</summary>
    public void Reboot(bool watchdog = false)
    {
        var boot = new BootRecord();
        boot.Load(Storage);
        BootedSlot = BootSelector.Choose(boot, watchdog);
        boot.Save(Storage);
        Agent = NewAgent();
        Agent.Start();
    }

    /// <summary>Sends the bundle from the agent's resume offset, <paramref name="chunk"/> bytes at a time, at most
    /// <paramref name="maxChunks"/> chunks.</summary>
    public void Send(byte[] bundle, int chunk = 1000, int maxChunks = int.MaxValue)
    {
        for (int n = 0; n < maxChunks && Agent.Received < bundle.Length; n++)
        {
            int at = Agent.Received, count = Math.Min(chunk, bundle.Length - at);
            var r = Agent.Chunk(at, bundle, at, count, Crc32.Compute(bundle, at, count));
            if (r != UpdateReason.None) throw new InvalidOperationException("chunk at " + at + ": " + r);
        }
    }

    /// <summary>Runs background slices until the state leaves <paramref name="state"/> (or a bound is hit).</summary>
    public int StepWhile(UpdateState state, int max = 10000)
    {
        int n = 0;
        while (Agent.State == state && n < max) { Agent.Step(16); n++; }
        return n;
    }
}
