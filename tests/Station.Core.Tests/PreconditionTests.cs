using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Each swap step checks on entry what it needs, by both channels, before it changes the inventory or drives
    /// anything; and the plausibility figures are validated so every check can still see a healthy lift.</summary>
    public class PreconditionTests
    {
        [Fact]
        public void Transfer_refuses_to_start_when_the_home_switch_dropped_while_waiting_for_the_staged_pack()
        {
            var s = TestStation.WithRack(b => b.StagingMs = 20_000);
            s.DriveTo(SwapState.WaitStaged);
            Assert.True(s.C.Lift.IsHome);
            s.Bay.HomeLimit.Forced = false; // the switch drops out while the lift stands at transfer height
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted, 60_000), "still " + s.C.State);
            Assert.Equal(FaultCode.LiftNotAtTransferHeight, s.C.LatchedFault);
            Assert.Equal(0, s.C.TransferConveyor.StartedMs); // the conveyor never ran
            Assert.False(s.C.Inventory.At(PackPlace.Lift).InTransit); // the inventory was not moved
            Assert.False(s.Bay.AnyOutputOn());
        }

        [Fact]
        public void The_charged_raise_refuses_to_start_when_the_lift_is_no_longer_home_by_both_channels()
        {
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.Transfer);
            s.Bay.HomeLimit.Forced = false;
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted, 60_000), "still " + s.C.State);
            Assert.Equal(FaultCode.StepPreconditionFailed, s.C.LatchedFault);
            Assert.True(s.C.CurrentSwap.StepStartMs[(int)SwapState.RaiseCharged] >= 0, "the fault is the raise's precondition");
            Assert.Equal(0, s.Bay.LiftMm, 1); // the lift never left
            Assert.False(s.Bay.AnyOutputOn());
        }

        [Theory]
        [InlineData("HomeWindowMm")]
        [InlineData("ApproachSpeedMmS")]
        [InlineData("ContactZoneMm")]
        [InlineData("SealCompressionMm")]
        [InlineData("HomingBackoffMm")]
        [InlineData("HomingRepeatMm")]
        [InlineData("LockMinTravelMs")]
        public void A_plausibility_figure_that_would_blind_its_check_is_refused(string field)
        {
            var c = new StationConfig();
            Assert.Null(c.Validate());
            switch (field)
            {
                case "HomeWindowMm": c.HomeWindowMm = c.PositionToleranceMm; break;        // arrival could never agree
                case "ApproachSpeedMmS": c.ApproachSpeedMmS = c.MaxSpeedMmS + 1; break;
                case "ContactZoneMm": c.ContactZoneMm = -1; break;
                case "SealCompressionMm": c.SealCompressionMm = 0.1; break;                 // under three counts
                case "HomingBackoffMm": c.HomingBackoffMm = c.HomingRepeatMm; break;
                case "HomingRepeatMm": c.HomingRepeatMm = 0.05; break;                      // under two counts
                case "LockMinTravelMs": c.LockMinTravelMs = c.LockTravelMs; break;          // no lock could ever pass
            }
            string error = c.Validate();
            Assert.NotNull(error);
            Assert.Contains(field, error);
        }
    }
}
