using Station.Core;
using Station.Core.Tests.Bay;
using Station.Core.Update;
using Xunit;

namespace Station.Update.Tests;

/// <summary>An update verified during a swap waits with a status and never interrupts it; it installs once the
/// station is idle and the outbox durable. The update path touches no output: the swap completes without a hazard.</summary>
public class SafeMomentTests
{
    [Fact]
    public void AnUpdateReadyDuringASwapWaitsUntilTheSwapIsDoneAndTheOutboxDurable()
    {
        var s = new SimStation();
        var check = new StationRestartCheck(s.C) { OutboxDurable = true };
        Assert.Equal(UpdateReason.None, check.RestartBlocker()); // not homed, nothing in hand
        s.Home();
        var updates = new Station.Hal.Sim.MemoryStorage();
        var agent = new UpdateAgent(updates, TestBundles.Release.PublicKey, TestBundles.Board, check);
        agent.Start();
        byte[] bundle = TestBundles.Build();
        agent.Offer("0.2.0", bundle.Length);
        s.StartSwap();
        Assert.True(s.RunUntil(() => s.C.State == SwapState.Transfer));
        for (int at = 0; at < bundle.Length; at += 1000)
        {
            int n = Math.Min(1000, bundle.Length - at);
            Assert.Equal(UpdateReason.None, agent.Chunk(at, bundle, at, n, Station.Core.Journal.Crc32.Compute(bundle, at, n)));
        }
        check.OutboxDurable = false; // records of the swap still on their way
        bool sawBusy = false;
        Assert.True(s.RunUntil(() =>
        {
            agent.Step(16); // a slice between ticks, as the device loop does
            if (agent.State == UpdateState.WaitingForSafeMoment && agent.Reason == UpdateReason.StationBusy) sawBusy = true;
            if (agent.State == UpdateState.Installing) Assert.Equal(SwapState.Idle, s.C.State);
            return s.C.State == SwapState.Idle && s.C.LastSwap != null;
        }), "the swap never finished");
        Assert.True(sawBusy, "the update did not wait for the swap");
        Assert.Equal(SwapOutcome.Completed, s.C.LastSwap.Outcome);
        Assert.Empty(s.Bay.Hazards);

        agent.Step(16);
        Assert.Equal((UpdateState.WaitingForSafeMoment, UpdateReason.OutboxNotDurable), (agent.State, agent.Reason));
        check.OutboxDurable = true;
        agent.Step(16);
        Assert.Equal(UpdateState.Installing, agent.State);
        Assert.True(agent.RestartRequested);
    }
}
