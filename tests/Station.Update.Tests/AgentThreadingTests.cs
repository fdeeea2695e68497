using Station.Core.Journal;
using Station.Core.Update;
using Xunit;

namespace Station.Update.Tests;

/// <summary>The agent is shared by two threads on the board: the cloud thread (offer, chunks, cancel, status) and the
/// control loop's low-priority worker (<see cref="UpdateAgent.Step"/>). One lock makes each call whole.</summary>
public class AgentThreadingTests
{
    /// <summary>A restart check that holds the worker inside <see cref="UpdateAgent.Step"/> until released.</summary>
    sealed class HeldRestartCheck : IRestartCheck
    {
        public readonly ManualResetEventSlim Entered = new(), Release = new();
        public UpdateReason RestartBlocker() { Entered.Set(); Release.Wait(); return UpdateReason.None; }
    }

    [Fact]
    public void A_cancel_from_the_cloud_waits_for_the_hand_over_to_the_loader_and_then_is_refused()
    {
        var storage = new Station.Hal.Sim.MemoryStorage();
        var held = new HeldRestartCheck();
        var agent = new UpdateAgent(storage, TestBundles.Release.PublicKey, TestBundles.Board, held);
        agent.Start();
        byte[] bundle = TestBundles.Build();
        Assert.Equal(UpdateReason.None, agent.Offer("0.2.0", bundle.Length));
        for (int at = 0; at < bundle.Length; at += 4096)
        {
            int n = Math.Min(4096, bundle.Length - at);
            Assert.Equal(UpdateReason.None, agent.Chunk(at, bundle, at, n, Crc32.Compute(bundle, at, n)));
        }
        while (agent.State == UpdateState.Verifying) agent.Step(16);
        Assert.Equal(UpdateState.WaitingForSafeMoment, agent.State);

        // The worker is inside Step, between the restart check and the loader's record.
        var worker = new Thread(() => agent.Step(16));
        worker.Start();
        Assert.True(held.Entered.Wait(5000));
        UpdateReason cancelled = (UpdateReason)(-1);
        string status = null;
        var cloud = new Thread(() => { cancelled = agent.Cancel(); status = agent.UpdateStatus; });
        cloud.Start();
        Assert.False(cloud.Join(300)); // without the lock the cancel would delete the image the loader is about to boot
        held.Release.Set();
        Assert.True(worker.Join(5000) && cloud.Join(5000));

        Assert.Equal(UpdateReason.UpdateInProgress, cancelled);
        Assert.Equal("installing", status);
        Assert.Equal(bundle, storage.Snapshot(BootRecord.SlotFile(agent.Boot.TrialSlot)));
    }

    [Fact]
    public void Chunks_status_reads_and_background_steps_from_two_threads_end_in_one_consistent_install()
    {
        var st = new StationUnderUpdate();
        byte[] bundle = TestBundles.Build();
        Assert.Equal(UpdateReason.None, st.Agent.Offer("0.2.0", bundle.Length));
        var agent = st.Agent;
        bool stop = false;
        int steps = 0;
        var worker = new Thread(() => { while (!Volatile.Read(ref stop)) { agent.Step(16); steps++; } });
        worker.Start();
        var seen = new List<string>();
        for (int at = 0; at < bundle.Length; at += 100)
        {
            int n = Math.Min(100, bundle.Length - at);
            Assert.Null(agent.UpdateChunk(at, bundle, at, n, Crc32.Compute(bundle, at, n)));
            string s = agent.UpdateStatus;
            if (seen.Count == 0 || seen[^1] != s) seen.Add(s);
        }
        Assert.True(SpinWait.SpinUntil(() => agent.RestartRequested, 30000), "installed: " + agent.UpdateStatus);
        Volatile.Write(ref stop, true);
        worker.Join();
        Assert.True(steps > 0);
        // What the cloud thread saw is in the update's own order, never a step back.
        string[] order = { "downloading", "verifying", "verified", "waiting", "installing" };
        var ranks = seen.Select(w => Array.IndexOf(order, w)).ToList();
        Assert.DoesNotContain(-1, ranks);
        Assert.Equal(ranks.OrderBy(r => r), ranks);
        Assert.Equal("downloading", seen[0]);
        Assert.Equal(("installing", ""), (agent.UpdateStatus, agent.UpdateReasonWord));
        Assert.Equal(bundle.Length, agent.UpdateReceived);
    }

    [Fact]
    public void Every_state_and_reason_has_a_distinct_word()
    {
        Assert.Equal(Enum.GetValues<UpdateState>().Length, UpdateWords.StateCount);
        Assert.Equal(Enum.GetValues<UpdateReason>().Length, UpdateWords.ReasonCount);
        var reasons = Enum.GetValues<UpdateReason>().Select(UpdateWords.Reason).ToList();
        Assert.Equal(reasons.Count, reasons.Distinct().Count());
        Assert.All(reasons.Skip(1), w => Assert.Matches("^[a-z_]+$", w));
        Assert.Equal("", UpdateWords.Reason(UpdateReason.None));
        Assert.Equal("verified", UpdateWords.Status(UpdateState.WaitingForSafeMoment, UpdateReason.None));
        Assert.Equal("waiting", UpdateWords.Status(UpdateState.WaitingForSafeMoment, UpdateReason.StationBusy));
        Assert.Equal("rolled_back", UpdateWords.Status(UpdateState.RolledBack, UpdateReason.WatchdogReset));
        Assert.Equal("refused", UpdateWords.Status(UpdateState.VerificationFailed, UpdateReason.SignatureInvalid));
        Assert.Equal("unknown", UpdateWords.Reason((UpdateReason)200));
    }
}
