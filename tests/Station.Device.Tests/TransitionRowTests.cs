using nanoFramework.TestFramework;
using Station.Core;
using Station.Core.Swap;
using Station.Device.Tests.Fakes;

namespace Station.Device.Tests
{
    /// <summary>Rows of the swap transition table, taken from the table itself and driven through the public API.</summary>
    [TestClass]
    public class TransitionRowTests
    {
        [TestMethod]
        public void Idle_authorize_with_the_swap_allowed_goes_to_arming()
        {
            int row = Find(SwapState.Idle, SwapSignal.Authorize, SwapGuard.SwapAllowed);
            Assert.IsTrue(row >= 0, "the row is in the table");
            TinyStation s = TinyStation.WithRack();
            s.HomeToIdle();
            Assert.AreEqual((int)SwapState.Idle, (int)s.C.State);
            s.Authorize();
            Assert.AreEqual((int)SwapSequencer.Table[row].To, (int)s.C.State, SwapStates.Name(s.C.State));
        }

        [TestMethod]
        public void Power_up_without_an_interrupted_swap_or_a_fault_goes_to_not_homed_and_moves_nothing()
        {
            int row = Find(SwapState.Off, SwapSignal.PowerUp, SwapGuard.Always);
            Assert.IsTrue(row >= 0, "the row is in the table");
            TinyStation s = TinyStation.WithRack();
            Assert.AreEqual((int)SwapSequencer.Table[row].To, (int)s.C.State, SwapStates.Name(s.C.State));
            s.Run(500);
            Assert.IsFalse(s.Bay.AnyOutputOn(), "no motion after power-up");
        }

        private static int Find(SwapState from, SwapSignal signal, SwapGuard guard)
        {
            for (int i = 0; i < SwapSequencer.Table.Length; i++)
            {
                TransitionRow r = SwapSequencer.Table[i];
                if (r.From == from && r.Signal == signal && r.Guard == guard) return i;
            }
            return -1;
        }
    }
}
