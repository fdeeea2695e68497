using System;
using System.Collections.Generic;
using System.Linq;
using Station.Core.Tests.Bay;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Generated: a power cut at several instants of every step of a car swap on the plant model
    /// (hal/Station.Hal.Sim, which keeps its physical state across the cut: a pack on the lift or across the transfer,
    /// latches between, the vehicle present), a new controller started from the journal, and the recovery a technician
    /// does (status and why, recover confirm, homing, then the settle command the console offers). At no point may the
    /// plant see a hazard (pack drop, crush, a vehicle leaving unlocked, motion without a command), and the inventory is
    /// right or marked unconfirmed, never confidently wrong.</summary>
    public class SimPowerCutTests
    {
        /// <summary>The instants tried in every step visit: its first tick, every eighth of it, its last.</summary>
        public static IEnumerable<object[]> Cuts()
        {
            return GeneratedSafety.EighthsOfEveryVisit(ReferenceVisits(), 8);
        }

        [Fact]
        public void The_generator_covers_every_step_of_the_car_swap()
        {
            var visits = ReferenceVisits();
            // Arming, RaiseToPack, Unlock, LowerDepleted, (WaitStaged), Transfer, RaiseCharged, Lock, LowerEmpty, gate, released.
            Assert.True(visits.Count >= 10, "step visits: " + visits.Count);
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public void A_cut_at_any_instant_of_any_step_recovers_with_no_plant_hazard_and_a_truthful_inventory(int[] cutTicks)
        {
            GeneratedSafety.EveryCut(cutTicks, CutAt);
        }

        [Fact]
        public void A_cut_mid_transfer_refuses_homing_until_the_packs_across_the_platform_edge_are_settled()
        {
            var s = Swapping();
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Transfer));
            s.Run(1500); // both packs cross the platform's edges
            Assert.Null(s.Bay.PackOnPlatform);
            s.PowerCycle();
            Assert.Equal(SwapState.Recovery, s.C.State);
            string why = s.C.WhyNotSwapping();
            Assert.Contains("the transfer was interrupted: pack VP0001 (to the return point) and PK0001 (to the lift)", why);
            Assert.Contains("'pack place lift|staging|return <serial> <soc>'", why);
            var refused = s.C.ConfirmRecovery();
            Assert.False(refused.Accepted);
            Assert.Equal(RejectReason.PackInTransit, refused.Reason);
            s.Run(2000);
            Assert.False(s.AnyOutputOn());
            // Before the hold, confirming homed at once: homing backs the lift off its switch and both packs fell.
            GeneratedSafety.SettleTransferByHand(s.C, s.Bay, s.Run);
            SimStation.Ok(s.C.ConfirmRecovery());
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle, 60_000), s.C.State + " " + FaultCatalogue.Name(s.C.LatchedFault));
            AssertNoHazard(s, "after the settled recovery");
            Assert.Equal("PK0001", s.C.Inventory.At(PackPlace.Lift).Serial);
        }

        [Fact]
        public void A_fault_mid_transfer_refuses_homing_after_the_reset_until_the_packs_are_settled()
        {
            var s = Swapping();
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Transfer));
            s.Run(1500);
            SimStation.Ok(s.C.EmergencyStop());
            SimStation.Ok(s.C.ResetFault());
            Assert.Equal(SwapState.NotHomed, s.C.State);
            var refused = s.C.Home();
            Assert.Equal(RejectReason.PackInTransit, refused.Reason);
            Assert.Contains("the lift is not homed, and the transfer was interrupted", s.C.WhyNotSwapping());
            GeneratedSafety.SettleTransferByHand(s.C, s.Bay, s.Run);
            s.Home();
            AssertNoHazard(s, "after the settled homing");
        }

        // Ticks from the authorisation at which each step visit begins and ends (until the vehicle has left).
        private static List<(int from, int to)> ReferenceVisits()
        {
            var s = Swapping();
            var visits = new List<(int, int)>();
            SwapState last = s.C.State;
            int t = 0, since = 0;
            while (t < 300_000 / 10)
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
            Assert.True(s.Bay.Hazards.Count == 0, s.HazardText());
            return visits;
        }

        private static SimStation Swapping()
        {
            var s = new SimStation();
            s.Home();
            s.StartSwap();
            return s;
        }

        private static void CutAt(int cutTick)
        {
            var s = Swapping();
            for (int t = 0; t < cutTick; t++) s.Tick();
            SwapState cutIn = s.C.State;
            string where = "cut at tick " + cutTick + " in " + SwapStates.Name(cutIn);
            s.PowerCycle();
            s.Run(200);
            Assert.True(!s.AnyOutputOn(), where + ": an output is on after the restart");
            AssertTruthful(s, where + ", after restart");
            Recover(s, where);
            AssertNoHazard(s, where + ", after recovery");
            AssertTruthful(s, where + ", after recovery");
            if (s.C.Inventory.AnyInTransit())
                Assert.False(s.C.Authorize(new SwapAuthorization("CAR002", null)).Accepted, where + ": a swap started with a pack in transit");
        }

        // The technician's recovery: read why, confirm, let it home.
        private static void Recover(SimStation s, string where)
        {
            if (s.C.State != SwapState.Recovery) return;
            string why = s.C.WhyNotSwapping();
            Assert.Contains("confirm recovery", why);
            // A transfer stopped part-way: homing is refused, the technician does what why says (SimStation.ConfirmRecovery).
            var r = s.ConfirmRecovery();
            Assert.True(r.Accepted, where + ": " + r.Message);
            Assert.True(s.RunUntil(() => s.C.State != SwapState.Homing, 120_000), where + ": homing never ended");
            AssertNoHazard(s, where + ", homing");
        }

        private static void AssertNoHazard(SimStation s, string where)
        {
            Assert.True(s.Bay.Hazards.Count == 0, where + ": " + s.HazardText());
        }

        private static void AssertTruthful(SimStation s, string where)
        {
            var b = s.Bay;
            SimVehicle positioned = b.Vehicle != null && b.Vehicle.State == VehicleState.Positioned ? b.Vehicle : null;
            var places = new[]
            {
                // A leaving vehicle's pack has left the bay (the vehicle place is about the positioned vehicle).
                new GeneratedSafety.Place(PackPlace.Vehicle, "vehicle", positioned?.Pack != null, positioned?.Pack?.Serial, false),
                new GeneratedSafety.Place(PackPlace.Lift, "lift", b.PackOnPlatform != null, b.PackOnPlatform?.Serial, true),
                new GeneratedSafety.Place(PackPlace.Staging, "staging", b.PackAtStaging.Truth, null, true),
                new GeneratedSafety.Place(PackPlace.ReturnPoint, "return point", b.PackAtReturn.Truth, null, true),
            };
            GeneratedSafety.AssertTruthful(s.C.Inventory, places, s.C.Sequencer.InventoryConflicts().Length > 0, where);
        }
    }
}
