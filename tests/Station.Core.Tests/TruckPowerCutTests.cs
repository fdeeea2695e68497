using System;
using System.Collections.Generic;
using System.Linq;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Generated: a power cut at the first tick, every eighth and the last tick of every step the truck swap passes through
    /// (a swap of blocks 1 and 3, each step visit of each block), then the restart and the operator's recovery: the
    /// inventory is never confidently wrong about any block place, the fork, staging or the return point (the check the
    /// car bay's generated test uses, <see cref="GeneratedSafety.AssertTruthful"/>), and the swap ends.</summary>
    public class TruckPowerCutTests
    {
        private const int Mask = 5;

        public static IEnumerable<object[]> Cuts()
        {
            // A block is on its way at several instants of every move.
            return GeneratedSafety.EighthsOfEveryVisit(ReferenceVisits(), 24);
        }

        [Fact]
        public void The_generator_covers_every_step_visit_of_both_blocks()
        {
            var visits = ReferenceVisits();
            // Arming, 12 robot steps per block (WaitStaged at most once), park, gate, released.
            Assert.True(visits.Count >= 28, "step visits: " + visits.Count);
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public void A_cut_at_any_step_recovers_with_the_right_block_inventory(int[] cutTicks)
        {
            GeneratedSafety.EveryCut(cutTicks, CutAt);
        }

        // Ticks from the authorisation at which each step visit begins and ends (until the truck has left).
        private static List<(int from, int to)> ReferenceVisits()
        {
            var s = TruckStation.Swapping(Mask);
            var visits = new List<(int, int)>();
            SwapState last = s.C.State;
            int t = 0, since = 0;
            while (t < 400_000 / 10)
            {
                s.Tick();
                t++;
                if (s.C.State != last)
                {
                    visits.Add((since, t - 1));
                    since = t;
                    last = s.C.State;
                }
                if (s.C.State == SwapState.Idle) break;
            }
            return visits;
        }

        private static void CutAt(int cutTick)
        {
            var s = TruckStation.Swapping(Mask);
            for (int t = 0; t < cutTick; t++) s.Tick();
            SwapState cutIn = s.C.State;
            string where = "cut at tick " + cutTick + " in " + SwapStates.Name(cutIn);
            // A released truck drives off while the station is without power.
            if (cutIn == SwapState.Released && s.Bay.TruckIsPositioned) s.Bay.DepartTruck();
            s.PowerCycle();
            s.Run(100);
            GeneratedSafety.AssertTruthful(s.C.Inventory, s.PhysicalPlaces(), s.C.Sequencer.InventoryConflicts().Length > 0, where + ", after restart");
            if (s.C.State == SwapState.Recovery)
            {
                var confirmed = s.C.ConfirmRecovery();
                if (!confirmed.Accepted && confirmed.Reason == RejectReason.PackInTransit)
                {
                    // Homing refused: the exchange stopped part-way. The technician does what why says.
                    Assert.Contains("the transfer was interrupted", s.C.WhyNotSwapping());
                    Assert.Contains("'pack place fork|staging|return <serial> <soc>'", s.C.WhyNotSwapping()); // the truck's words
                    GeneratedSafety.SettleTransferByHand(s.C, s.Bay.Bay, s.Run);
                    confirmed = s.C.ConfirmRecovery();
                }
                Assert.True(confirmed.Accepted, where + ": " + confirmed.Message);
                Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle || s.C.State == SwapState.Faulted, 60_000), where + ": recovery stuck in " + s.C.State);
                Assert.True(s.C.State == SwapState.Idle, where + ": recovery ended in " + s.C.State + " " + FaultCatalogue.Name(s.C.LatchedFault));
            }
            s.Run(200);
            GeneratedSafety.AssertTruthful(s.C.Inventory, s.PhysicalPlaces(), s.C.Sequencer.InventoryConflicts().Length > 0, where + ", after recovery");
            Assert.True(s.C.CurrentSwap == null && s.C.LastSwap != null, where + ": the swap never ended");
            // No plant hazard at any step, the exchange included (homing waits until a block across the edge is settled).
            var hazards = s.Bay.Bay.Hazards.ToList();
            Assert.True(hazards.Count == 0, where + ": " + string.Join("; ", hazards.Select(h => h.What)));
            if (s.C.Inventory.AnyInTransit())
            {
                var r = s.Book(Mask);
                Assert.False(r.Accepted, where + ": a swap started with a block in transit");
            }
        }
    }
}
