using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>A lift move the axis refuses never leaves the sequencer waiting with the permit on: it latches
    /// LiftMoveRefused at once. The soft minimum bounds jogs and targets, not the move home (the home switch is the
    /// reference), so a station with soft_min above zero still swaps.</summary>
    public class LiftMoveRefusalTests
    {
        [Theory]
        [InlineData(3)]
        [InlineData(20)]
        public void A_swap_with_the_soft_minimum_above_zero_completes(int softMin)
        {
            var cfg = new StationConfig { SoftLimitMinMm = softMin };
            Assert.Null(cfg.Validate());
            var s = new TestStation(new TestBay(cfg));
            s.FillRack();
            s.HomeToIdle();
            s.Authorize();
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released || s.C.State == SwapState.Faulted, 120_000), "stuck in " + s.C.State);
            Assert.True(s.C.State == SwapState.Released, "fault " + s.C.LatchedFault + " during " + s.C.LastSwap?.InterruptedStep + " lift " + s.Bay.LiftMm);
            Assert.True(s.C.Lift.IsHome);
        }

        [Fact]
        public void A_jog_below_the_soft_minimum_is_still_refused()
        {
            var cfg = new StationConfig { SoftLimitMinMm = 20 };
            var s = new TestStation(new TestBay(cfg));
            s.HomeToIdle();
            Assert.False(s.C.Lift.MoveTo(10, s.Bay.Clock.NowMs));
            Assert.True(s.C.Lift.MoveTo(0, s.Bay.Clock.NowMs)); // home is always a valid target
        }

        [Fact]
        public void A_refused_lift_move_latches_a_fault_in_the_same_tick()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            s.Bay.Config.SoftLimitMaxMm = s.Bay.Config.VehicleHeightMm - 50; // the raise to the vehicle is now refused
            s.Authorize();
            Assert.True(s.RunUntil(() => s.C.State != SwapState.Arming, 5_000));
            Assert.Equal(SwapState.Faulted, s.C.State);
            Assert.Equal(FaultCode.LiftMoveRefused, s.C.LatchedFault);
            Assert.False(s.Bay.AnyOutputOn());
        }
    }
}
