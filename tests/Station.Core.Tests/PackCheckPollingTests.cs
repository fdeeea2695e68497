using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The sequencer drives the release gate's pack check itself: polled every tick from Begin on, with no
    /// outside Tick, and the gate decides on the check it started.</summary>
    public class PackCheckPollingTests
    {
        /// <summary>Answers Pending until <see cref="AnswerAfterPolls"/> polls, then its verdict; counts every call.</summary>
        private sealed class CountingCheck : IReleaseGateCheck
        {
            private readonly GateVerdict _verdict;
            public int AnswerAfterPolls = int.MaxValue;
            public int FailAfterPolls = int.MaxValue;   // a Passed turns Failed from this poll on (a BMS fault after the verdict)
            public bool FreezeConfirmation;             // the data stops being confirmed after the first Passed
            public int WindDownPolls = int.MaxValue;   // polls after Finish until the check says it wound down
            public int Begins, Polls, Finishes, PollsAfterFinish;
            public long ConfirmedAtMs { get; private set; } = -1;
            public FaultCode LateFault = FaultCode.PackInsulationFault;
            public long BeganMs = -1, LastPollMs = -1;
            public int MissedTicks;
            public CountingCheck(GateVerdict verdict, FaultCode fault) { _verdict = verdict; FailureFault = fault; }
            public void Begin(SwapRecord swap, long nowMs) { Begins++; Polls = 0; Finishes = 0; PollsAfterFinish = 0; BeganMs = nowMs; LastPollMs = nowMs; }
            public GateVerdict Poll(long nowMs)
            {
                if (Begins == 0) return GateVerdict.Pending;
                if (nowMs - LastPollMs > 10) MissedTicks++;
                LastPollMs = nowMs;
                Polls++;
                if (Finishes > 0) PollsAfterFinish++;
                if (Polls >= FailAfterPolls) { FailureFault = LateFault; return GateVerdict.Failed; }
                if (Polls < AnswerAfterPolls) return GateVerdict.Pending;
                if (!FreezeConfirmation || ConfirmedAtMs < 0) ConfirmedAtMs = nowMs;
                return _verdict;
            }
            public void Finish(long nowMs) => Finishes++;
            public FaultCode FailureFault { get; private set; }
            public bool VerifiesBms => true;
            public bool WoundDown => Finishes > 0 && PollsAfterFinish >= WindDownPolls;
            public int MeasuredSocPct => -1;
            public PackStandard ReportedStandard => PackStandard.Unspecified;
            public string Reason => "counting";
        }

        // A swap with this pack check, driven to LowerEmpty (the check has just been begun).
        private static TestStation LoweringEmptyWith(IReleaseGateCheck check)
        {
            var s = TestStation.WithRack();
            s.C.PackCheck = check;
            s.DriveTo(SwapState.LowerEmpty);
            return s;
        }

        [Fact]
        public void The_check_is_polled_every_tick_from_Begin_while_the_lift_returns_home_and_after_the_verdict()
        {
            var check = new CountingCheck(GateVerdict.Passed, FaultCode.None) { AnswerAfterPolls = 20 };
            var s = LoweringEmptyWith(check);
            Assert.Equal(1, check.Begins);
            int before = check.Polls;
            s.Run(200); // still lowering: 20 ticks of 10 ms
            Assert.Equal(SwapState.LowerEmpty, s.C.State);
            Assert.Equal(before + 20, check.Polls); // polled every tick before the gate, by the sequencer alone
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released));
            int atRelease = check.Polls;
            s.Run(100);
            Assert.Equal(atRelease + 10, check.Polls); // and after the verdict (the check's clean end)
            Assert.Equal(0, check.MissedTicks);
        }

        [Fact]
        public void A_finished_check_is_polled_until_it_wound_down_then_not_until_the_next_swap_begins_it()
        {
            var check = new CountingCheck(GateVerdict.Passed, FaultCode.None) { AnswerAfterPolls = 2, WindDownPolls = 7 };
            var s = LoweringEmptyWith(check);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released));
            Assert.Equal(1, check.Finishes);
            s.Run(2000);
            Assert.Equal(7, check.PollsAfterFinish); // its clean end, then quiet: nothing reads a bus nobody listens to
            int polls = check.Polls;
            s.Run(1000);
            Assert.Equal(polls, check.Polls);
            // The next swap begins it afresh and polls it every tick again.
            s.Bay.VehiclePositioned = false;
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle));
            s.Bay.VehiclePositioned = true;
            s.Bay.VehicleHasPack = true;
            s.Run(1000);
            TestStation.Ok(s.C.Authorize(new SwapAuthorization("VIN2", null) { VehiclePackSerial = "D2", VehiclePackSocPct = 20 }));
            Assert.True(s.RunUntil(() => s.C.State == SwapState.LowerEmpty));
            Assert.Equal(2, check.Begins);
            int begun = check.Polls;
            s.Run(100);
            Assert.Equal(begun + 10, check.Polls);
            Assert.Equal(0, check.MissedTicks);
        }

        [Fact]
        public void A_verdict_reached_before_the_gate_is_acted_on_at_the_gate_after_its_own_conditions()
        {
            var check = new CountingCheck(GateVerdict.Failed, FaultCode.PackOverCurrent) { AnswerAfterPolls = 2 };
            var s = LoweringEmptyWith(check);
            s.Run(50);
            Assert.Equal(SwapState.LowerEmpty, s.C.State); // failed already, but the lift is still lowering: no early act
            s.Bay.LockedSensor[0].Forced = false;
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted));
            Assert.Equal(FaultCode.LockLeftEndPosition, s.C.LatchedFault); // the core's own lock watch comes first
        }

        [Fact]
        public void A_check_replaced_during_the_swap_does_not_replace_the_started_one_at_the_gate()
        {
            var refusing = new CountingCheck(GateVerdict.Failed, FaultCode.PackInsulationFault) { AnswerAfterPolls = 1 };
            var s = LoweringEmptyWith(refusing);
            s.C.PackCheck = new CountingCheck(GateVerdict.Passed, FaultCode.None) { AnswerAfterPolls = 1 }; // not begun
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted || s.C.State == SwapState.Released));
            Assert.Equal(SwapState.Faulted, s.C.State);
            Assert.Equal(FaultCode.PackInsulationFault, s.C.LatchedFault);
        }

        [Fact]
        public void A_pack_fault_raised_after_the_verdict_and_before_the_release_holds_the_vehicle_with_its_fault()
        {
            // Passed 20 ms into LowerEmpty; the BMS reports an insulation fault seconds later, while the lift still lowers.
            var check = new CountingCheck(GateVerdict.Passed, FaultCode.None) { AnswerAfterPolls = 2, FailAfterPolls = 150 };
            var s = LoweringEmptyWith(check);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted || s.C.State == SwapState.Released));
            Assert.Equal(SwapState.Faulted, s.C.State);
            Assert.Equal(FaultCode.PackInsulationFault, s.C.LatchedFault);
            Assert.True(s.Bay.VehiclePositioned);
            Assert.Equal(1, check.Finishes); // the swap left its steps: the check was told to stop judging
        }

        [Fact]
        public void The_gate_releases_only_on_a_verdict_confirmed_within_the_freshness_window()
        {
            // A check that passed once and never confirmed it again: the gate waits for a fresh confirmation, then gives up.
            var stale = new CountingCheck(GateVerdict.Passed, FaultCode.None) { AnswerAfterPolls = 2, FreezeConfirmation = true };
            var s = LoweringEmptyWith(stale);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted || s.C.State == SwapState.Released));
            Assert.Equal(FaultCode.GatePackCheckTimeout, s.C.LatchedFault);

            // The same check confirming every poll releases at once.
            var fresh = new CountingCheck(GateVerdict.Passed, FaultCode.None) { AnswerAfterPolls = 2 };
            var f = LoweringEmptyWith(fresh);
            Assert.True(f.RunUntil(() => f.C.State == SwapState.Faulted || f.C.State == SwapState.Released));
            Assert.Equal(SwapState.Released, f.C.State);
            Assert.True(f.C.Sequencer.Lift.IsHome);
            Assert.Equal(1, fresh.Finishes);
        }

        [Fact]
        public void A_check_that_never_answers_times_out_at_the_gate()
        {
            var check = new CountingCheck(GateVerdict.Passed, FaultCode.None);
            var s = LoweringEmptyWith(check);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted));
            Assert.Equal(FaultCode.GatePackCheckTimeout, s.C.LatchedFault);
            Assert.True(check.Polls > s.Bay.Config.BmsTimeoutMs / s.Bay.Config.TickMs);
        }
    }
}
