using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>A pack sensor that sees a pack where the inventory has none latches UnexpectedPack and holds the vehicle.</summary>
    public class UnexpectedPackTests
    {
        private static bool Settled(TestStation s) => s.C.State == SwapState.Released || s.C.State == SwapState.Faulted;

        [Fact]
        public void Lift_coming_home_still_carrying_a_pack_holds_the_vehicle()
        {
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.LowerEmpty);
            s.Bay.PackOnLift.Forced = true; // the locks closed on nothing: the charged pack comes back down with the lift
            Assert.True(s.RunUntil(() => Settled(s), 60_000));
            Assert.Equal(SwapState.Faulted, s.C.State);
            Assert.Equal(FaultCode.UnexpectedPack, s.C.LatchedFault);
            Assert.False(s.Bay.AnyOutputOn());
        }

        [Fact]
        public void Release_gate_refuses_while_the_lift_sensor_sees_a_pack()
        {
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.ReleaseGate);
            s.Bay.PackOnLift.Forced = true;
            Assert.True(s.RunUntil(() => Settled(s), 60_000));
            Assert.Equal(SwapState.Faulted, s.C.State);
            Assert.Equal(FaultCode.UnexpectedPack, s.C.LatchedFault);
        }

        [Fact]
        public void Unknown_pack_at_the_return_point_stops_the_transfer()
        {
            var s = TestStation.WithRack(b => b.ReturnClearMs = int.MaxValue);
            s.DriveTo(SwapState.LowerDepleted);
            s.Bay.ReturnHasPack = true;
            bool transferRan = false;
            Assert.True(s.RunUntil(() => { transferRan |= s.Bay.TransferRun.State; return Settled(s); }, 60_000));
            Assert.Equal(FaultCode.UnexpectedPack, s.C.LatchedFault);
            Assert.False(transferRan, "the transfer conveyor ran into an occupied return point");
        }
    }
}
