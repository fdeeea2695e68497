using Station.Core.Update;
using Xunit;

namespace Station.Update.Tests;

/// <summary>The background pass the board's worker thread and the fleet simulator share: slices, the safe moment,
/// probation's verdict from the station's state, and when to restart.</summary>
public class UpdateSupervisorTests
{
    [Fact]
    public void The_restart_is_asked_for_only_once_the_new_image_was_handed_over_at_a_safe_moment()
    {
        var st = UpdateAgentTests.Waiting();
        var sup = new UpdateSupervisor(st.Agent, null, 1000, 5000, 16);
        Assert.False(sup.OnProbation);
        Assert.False(sup.Pass(0, true, true, false, true)); // a swap runs
        Assert.Equal(UpdateState.WaitingForSafeMoment, st.Agent.State);
        st.Blocker = UpdateReason.None;
        Assert.True(sup.Pass(10, true, true, false, true));
        Assert.Equal(UpdateState.Installing, st.Agent.State);
    }

    [Fact]
    public void A_trial_image_that_ran_its_time_online_without_a_fault_is_confirmed_and_needs_no_restart()
    {
        var st = UpdateAgentTests.Installed();
        var sup = new UpdateSupervisor(st.Agent, null, 1000, 5000, 16);
        Assert.True(sup.OnProbation);
        Assert.False(sup.Pass(0, true, true, false, false));
        Assert.False(sup.Pass(600, true, true, false, true));
        Assert.Equal(UpdateState.Installed, st.Agent.State);
        Assert.False(sup.Pass(1000, true, true, false, true));
        Assert.Equal(UpdateState.ProbationPassed, st.Agent.State);
        Assert.False(sup.OnProbation);
        st.Reboot();
        Assert.Equal(0, st.BootedSlot); // confirmed: it stays
    }

    [Fact]
    public void Failed_self_checks_keep_a_trial_image_on_probation()
    {
        var st = UpdateAgentTests.Installed();
        var sup = new UpdateSupervisor(st.Agent, null, 1000, 5000, 16);
        Assert.False(sup.Pass(0, true, false, false, true));
        Assert.False(sup.Pass(2000, true, false, false, true));
        Assert.Equal(UpdateState.Installed, st.Agent.State);
    }

    [Fact]
    public void A_fault_on_probation_rolls_back_at_the_restart_it_asks_for()
    {
        var st = UpdateAgentTests.Installed();
        var sup = new UpdateSupervisor(st.Agent, null, 1000, 5000, 16);
        Assert.False(sup.Pass(0, true, true, false, true));
        Assert.True(sup.Pass(100, true, true, true, true));
        Assert.Equal((UpdateState.RolledBack, UpdateReason.FaultDuringProbation), (st.Agent.State, st.Agent.Reason));
        st.Reboot();
        Assert.Equal(BootRecord.Factory, st.BootedSlot);
    }

    [Fact]
    public void A_trial_image_that_never_reaches_the_cloud_rolls_back_at_the_deadline()
    {
        var st = UpdateAgentTests.Installed();
        var sup = new UpdateSupervisor(st.Agent, null, 1000, 5000, 16);
        Assert.False(sup.Pass(0, true, true, false, false));
        Assert.False(sup.Pass(4999, true, true, false, false));
        Assert.True(sup.Pass(5000, true, true, false, false));
        Assert.Equal((UpdateState.RolledBack, UpdateReason.CloudNotReached), (st.Agent.State, st.Agent.Reason));
    }

    [Fact]
    public void A_rollback_for_the_cloud_not_reached_waits_until_a_restart_interrupts_no_swap()
    {
        var st = UpdateAgentTests.Installed();
        var sup = new UpdateSupervisor(st.Agent, null, 1000, 5000, 16);
        Assert.False(sup.Pass(0, true, true, false, false));
        st.Blocker = UpdateReason.StationBusy; // a swap started on probation
        Assert.False(sup.Pass(5000, true, true, false, false));
        Assert.Equal((UpdateState.RolledBack, UpdateReason.CloudNotReached), (st.Agent.State, st.Agent.Reason));
        Assert.False(sup.Pass(30000, true, true, false, false));
        st.Blocker = UpdateReason.None; // the swap ended
        Assert.True(sup.Pass(30010, true, true, false, false));
        st.Reboot();
        Assert.Equal(BootRecord.Factory, st.BootedSlot);
    }

    [Fact]
    public void A_fault_on_probation_restarts_at_once_because_the_fault_already_stopped_every_output()
    {
        var st = UpdateAgentTests.Installed();
        var sup = new UpdateSupervisor(st.Agent, null, 1000, 5000, 16);
        st.Blocker = UpdateReason.StationBusy; // faulted: not idle
        Assert.True(sup.Pass(100, true, true, true, true));
    }
}
