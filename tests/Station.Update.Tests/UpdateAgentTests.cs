using Station.Core.Journal;
using Station.Core.Update;
using Xunit;

namespace Station.Update.Tests;

/// <summary>The whole station side: offer → download → verify → wait for a safe moment → install → probation →
/// passed or rolled back; power cuts during download, verification, activation and probation each recover with a
/// clear status; the running image is never written over.</summary>
public class UpdateAgentTests
{
    [Fact]
    public void AGoodUpdateGoesThroughEveryStateAndIsConfirmed()
    {
        var st = new StationUnderUpdate();
        byte[] bundle = TestBundles.Build();
        Assert.Equal(UpdateReason.None, st.Agent.Offer("0.2.0", bundle.Length));
        Assert.Equal(UpdateState.Offered, st.Agent.State);
        st.Send(bundle, 1000, 2);
        Assert.Equal((UpdateState.Downloading, 2000), (st.Agent.State, st.Agent.Received));
        st.Send(bundle);
        Assert.Equal(UpdateState.Verifying, st.Agent.State);
        st.Blocker = UpdateReason.StationBusy;
        st.StepWhile(UpdateState.Verifying);
        st.Agent.Step(16);
        Assert.Equal((UpdateState.WaitingForSafeMoment, UpdateReason.StationBusy), (st.Agent.State, st.Agent.Reason));
        Assert.False(st.Agent.RestartRequested);
        st.Blocker = UpdateReason.OutboxNotDurable;
        st.Agent.Step(16);
        Assert.Equal(UpdateReason.OutboxNotDurable, st.Agent.Reason);
        st.Blocker = UpdateReason.None;
        st.Agent.Step(16);
        Assert.Equal(UpdateState.Installing, st.Agent.State);
        Assert.True(st.Agent.RestartRequested);
        st.Reboot();
        Assert.Equal(0, st.BootedSlot); // the new image, on slot A; the factory image untouched
        Assert.Equal((UpdateState.Installed, "0.2.0"), (st.Agent.State, st.Agent.Version));
        st.Agent.ConfirmProbation();
        Assert.Equal(UpdateState.ProbationPassed, st.Agent.State);
        st.Reboot();
        Assert.Equal((0, UpdateState.ProbationPassed), (st.BootedSlot, st.Agent.State));

        // The next update goes to the other slot, never over the running one.
        byte[] next = TestBundles.Build("0.3.0");
        Assert.Equal(UpdateReason.None, st.Agent.Offer("0.3.0", next.Length));
        st.Send(next);
        Assert.Equal(next, st.Storage.Snapshot("slot-b.sfb"));
        Assert.Equal(bundle, st.Storage.Snapshot("slot-a.sfb"));
    }

    [Fact]
    public void ABadImageRollsBackByItselfAfterItsBoots()
    {
        var st = Installed();
        st.Reboot(watchdog: true);
        st.Reboot(watchdog: true);
        Assert.Equal((0, UpdateState.Installed), (st.BootedSlot, st.Agent.State));
        st.Reboot(watchdog: true);
        Assert.Equal(BootRecord.Factory, st.BootedSlot);
        Assert.Equal((UpdateState.RolledBack, UpdateReason.WatchdogReset), (st.Agent.State, st.Agent.Reason));
    }

    [Fact]
    public void AFailedProbationRollsBackAtTheNextBoot()
    {
        var st = Installed();
        st.Agent.FailProbation(UpdateReason.CloudNotReached);
        Assert.True(st.Agent.RestartRequested);
        st.Reboot();
        Assert.Equal(BootRecord.Factory, st.BootedSlot);
        Assert.Equal((UpdateState.RolledBack, UpdateReason.CloudNotReached), (st.Agent.State, st.Agent.Reason));
        Assert.Equal(UpdateReason.None, st.Agent.Offer("0.2.1", 5000)); // a new offer is welcome after a rollback
    }

    [Fact]
    public void APowerCutDuringDownloadResumesAtTheStoredOffset()
    {
        var st = new StationUnderUpdate();
        byte[] bundle = TestBundles.Build();
        st.Agent.Offer("0.2.0", bundle.Length);
        st.Send(bundle, 700, 3);
        st.Storage.TearLastAppend(300); // the cut lands inside the third chunk's write
        st.Reboot();
        Assert.Equal((UpdateState.Downloading, UpdateReason.ResumedAfterRestart, 1700), (st.Agent.State, st.Agent.Reason, st.Agent.Received));
        var wrongPlace = st.Agent.Chunk(2100, bundle, 2100, 10, Crc32.Compute(bundle, 2100, 10));
        Assert.Equal(UpdateReason.ChunkOutOfOrder, wrongPlace);
        st.Send(bundle);
        st.StepWhile(UpdateState.Verifying);
        Assert.Equal(UpdateState.WaitingForSafeMoment, st.Agent.State);
    }

    [Fact]
    public void APowerCutDuringVerificationStartsTheCheckAgain()
    {
        var st = new StationUnderUpdate();
        byte[] bundle = TestBundles.Build();
        st.Agent.Offer("0.2.0", bundle.Length);
        st.Send(bundle);
        for (int i = 0; i < 10; i++) st.Agent.Step(16);
        Assert.Equal(UpdateState.Verifying, st.Agent.State);
        st.Reboot();
        Assert.Equal((UpdateState.Verifying, UpdateReason.ResumedAfterRestart), (st.Agent.State, st.Agent.Reason));
        st.StepWhile(UpdateState.Verifying);
        Assert.Equal(UpdateState.WaitingForSafeMoment, st.Agent.State);
        st.Reboot(); // while waiting: checked again, then waits again
        st.StepWhile(UpdateState.Verifying);
        Assert.Equal(UpdateState.WaitingForSafeMoment, st.Agent.State);
        Assert.Equal(BootRecord.Factory, st.BootedSlot);
    }

    [Fact]
    public void APowerCutDuringActivationBootsTheTrialOrWaitsNeverNeither()
    {
        // Cut after the loader's record named the trial but before the agent's record said Installing.
        var st = Waiting();
        var boot = new BootRecord();
        boot.Load(st.Storage);
        BootSelector.StartTrial(boot, 0, FirmwareVersionNumber.Parse("0.2.0"));
        boot.Save(st.Storage);
        st.Reboot();
        Assert.Equal((0, UpdateState.Installed), (st.BootedSlot, st.Agent.State));

        // Cut before the loader's record was written: the old image boots and the update waits (checked again).
        var early = Waiting();
        early.Reboot();
        Assert.Equal(BootRecord.Factory, early.BootedSlot);
        early.StepWhile(UpdateState.Verifying);
        Assert.Equal(UpdateState.WaitingForSafeMoment, early.Agent.State);
    }

    [Fact]
    public void APowerCutDuringProbationCountsABootAndStaysOnProbation()
    {
        var st = Installed();
        st.Reboot();
        Assert.Equal((0, UpdateState.Installed), (st.BootedSlot, st.Agent.State));
        st.Agent.ConfirmProbation();
        st.Reboot();
        Assert.Equal((0, UpdateState.ProbationPassed), (st.BootedSlot, st.Agent.State));
    }

    [Fact]
    public void RefusedBundlesAreDeletedAndReported()
    {
        var st = new StationUnderUpdate();
        byte[] other = TestBundles.Build(board: "stm32f769i-disco");
        st.Agent.Offer("0.2.0", other.Length);
        st.Send(other);
        st.StepWhile(UpdateState.Verifying);
        Assert.Equal((UpdateState.VerificationFailed, UpdateReason.WrongBoard), (st.Agent.State, st.Agent.Reason));
        Assert.Equal(-1, st.Storage.Length("slot-a.sfb"));

        byte[] mislabelled = TestBundles.Build("0.2.0");
        st.Agent.Offer("0.9.0", mislabelled.Length); // the offer says one version, the signed manifest another
        st.Send(mislabelled);
        st.StepWhile(UpdateState.Verifying);
        Assert.Equal(UpdateState.VerificationFailed, st.Agent.State);
        st.Reboot();
        Assert.Equal(UpdateState.VerificationFailed, st.Agent.State); // the status survives a restart
    }

    [Fact]
    public void OffersAndCancelsAreCheckedAgainstTheState()
    {
        var st = new StationUnderUpdate();
        Assert.Equal(UpdateReason.OfferMalformed, st.Agent.Offer("0.2", 5000));
        Assert.Equal(UpdateReason.OfferMalformed, st.Agent.Offer("0.2.0", 0));
        Assert.Equal(UpdateReason.OfferMalformed, st.Agent.Offer("0.2.0", BundleLayout.MaxLength + 1));
        Assert.Equal(UpdateReason.OfferMalformed, st.Agent.Chunk(0, new byte[1], 0, 1, 0));
        Assert.Equal(UpdateReason.None, st.Agent.Offer("0.2.0", 5000));
        Assert.Equal(UpdateReason.UpdateInProgress, st.Agent.Offer("0.3.0", 5000));
        Assert.Equal(UpdateReason.None, st.Agent.Cancel());
        Assert.Equal((UpdateState.Cancelled, UpdateReason.CancelledByOperator), (st.Agent.State, st.Agent.Reason));
        var installed = Installed();
        Assert.Equal(UpdateReason.UpdateInProgress, installed.Agent.Cancel());
        Assert.Equal(UpdateReason.UpdateInProgress, installed.Agent.Offer("0.3.0", 5000));
        var floor = new StationUnderUpdate();
        var b = new BootRecord { MinimumVersion = FirmwareVersionNumber.Parse("0.5.0") };
        b.Save(floor.Storage);
        floor.Reboot();
        Assert.Equal(UpdateReason.BelowMinimumVersion, floor.Agent.Offer("0.4.9", 5000));
    }

    internal static StationUnderUpdate Waiting()
    {
        var st = new StationUnderUpdate { Blocker = UpdateReason.StationBusy };
        byte[] bundle = TestBundles.Build();
        st.Agent.Offer("0.2.0", bundle.Length);
        st.Send(bundle);
        st.StepWhile(UpdateState.Verifying);
        Assert.Equal(UpdateState.WaitingForSafeMoment, st.Agent.State);
        return st;
    }

    internal static StationUnderUpdate Installed()
    {
        var st = Waiting();
        st.Blocker = UpdateReason.None;
        st.Agent.Step(16);
        st.Reboot();
        Assert.Equal((0, UpdateState.Installed), (st.BootedSlot, st.Agent.State));
        return st;
    }
}
