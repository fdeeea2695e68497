using System.Linq;
using Station.Core.Swap.Truck;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The truck bay profile on the simulated truck plant: the booked blocks and only those are swapped, a
    /// booking that does not fit is refused with its numbered reason, every block has its own release check, and the
    /// truck journal records which block place holds which pack.</summary>
    public class TruckBayTests
    {
        [Theory]
        [InlineData(7, new[] { 1, 2, 3 })]
        [InlineData(1, new[] { 1 })]
        [InlineData(5, new[] { 1, 3 })]
        [InlineData(6, new[] { 2, 3 })]
        [InlineData(4, new[] { 3 })]
        public void A_booking_swaps_exactly_its_positions_and_releases_the_truck(int mask, int[] positions)
        {
            var s = TruckStation.Swapping(mask);
            s.StayWhenReleased = true;
            long start = s.Clock.NowMs;
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released || s.C.State == SwapState.Faulted), "stuck in " + s.C.State);
            Assert.True(s.C.State == SwapState.Released, "fault " + FaultCatalogue.Name(s.C.LatchedFault));
            Assert.Empty(s.Bay.Bay.Hazards);
            double seconds = (s.Clock.NowMs - start) / 1000.0;
            Assert.True(seconds <= (positions.Length == 1 ? 120 : 240), "swap took " + seconds + " s");
            SwapRecord rec = s.C.CurrentSwap;
            Assert.Equal(positions, rec.Blocks.Take(rec.BlockCount).Select(b => b.Position).ToArray());
            for (int p = 1; p <= 3; p++)
            {
                var block = s.Bay.BlockAt(p);
                BlockSwap swapped = rec.Blocks.Take(rec.BlockCount).FirstOrDefault(b => b.Position == p);
                if (swapped == null)
                {
                    Assert.Equal("T-TRK001-" + p, block.Serial); // untouched
                    continue;
                }
                Assert.Equal(swapped.PackInSerial, block.Serial);
                Assert.Equal(GateVerdict.Passed, swapped.Verdict);
                Assert.True(swapped.EndMs > swapped.StartMs && swapped.StartMs >= 0);
                Assert.Equal(block.Serial, s.C.Inventory.At(TruckBayProfile.PlaceOf(p)).Serial);
                Assert.False(s.C.Inventory.At(TruckBayProfile.PlaceOf(p)).InTransit);
            }
            // The truck leaves with its blocks; the depleted ones end in the rack.
            s.StayWhenReleased = false;
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle && s.Bay.Bay.Rack.Stored == positions.Length, 120_000));
            for (int p = 1; p <= 3; p++) Assert.True(s.C.Inventory.At(TruckBayProfile.PlaceOf(p)).IsEmpty);
            Assert.Equal(SwapOutcome.Completed, s.C.LastSwap.Outcome);
        }

        [Fact]
        public void Three_blocks_take_at_most_240_s_and_one_block_at_most_120_s()
        {
            Assert.True(Cycle(7) <= 240, "three blocks");
            Assert.True(Cycle(1) <= 120, "one block");
        }

        private static double Cycle(int mask)
        {
            var s = TruckStation.Swapping(mask);
            long start = s.Clock.NowMs;
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released));
            return (s.Clock.NowMs - start) / 1000.0;
        }

        [Theory]
        [InlineData(7, 0, 0, RejectReason.BlockBookingMismatch)]   // no positions named
        [InlineData(7, 8, 0, RejectReason.BlockBookingMismatch)]   // position 4
        [InlineData(7, 3, 3, RejectReason.BlockBookingMismatch)]   // says 3 blocks, names 2 positions
        [InlineData(3, 4, 0, RejectReason.BlockBookingMismatch)]   // the truck has no block at position 3
        [InlineData(5, 2, 0, RejectReason.BlockBookingMismatch)]   // ... nor at position 2
        public void A_booking_that_does_not_fit_the_truck_is_refused_with_its_reason(int truckHas, int mask, int count, RejectReason reason)
        {
            var s = new TruckStation().Home().Arrive(truckHas);
            var r = s.Book(mask, count);
            Assert.False(r.Accepted);
            Assert.Equal(reason, r.Reason);
            Assert.Equal(SwapState.Idle, s.C.State);
            Assert.False(s.AnyOutputOn());
        }

        [Fact]
        public void More_blocks_than_ready_packs_are_refused_with_reason_17()
        {
            var s = new TruckStation().Home().Arrive();
            for (int i = 2; i < s.C.Inventory.SlotCount; i++) Assert.True(s.C.SetRackSlot(i, null, -1, PackState.Empty).Accepted);
            var r = s.Book(7);
            Assert.False(r.Accepted);
            Assert.Equal(RejectReason.NotEnoughReadyPacks, r.Reason);
            Assert.Equal(17, (int)r.Reason);
            Assert.True(s.Book(3).Accepted, "two ready packs serve two blocks");
        }

        [Fact]
        public void A_car_bay_refuses_a_block_booking_with_reason_16()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            var r = s.C.Authorize(new SwapAuthorization("VIN1", null) { BlockPositions = 1 });
            Assert.False(r.Accepted);
            Assert.Equal(RejectReason.BlockBookingMismatch, r.Reason);
            Assert.Equal(16, (int)r.Reason);
        }

        [Fact]
        public void The_truck_stays_held_until_every_swapped_block_passes_its_own_check()
        {
            var s = new TruckStation().Home().Arrive();
            s.Profile.BlockGate.SetCheck(3, new ScriptedCheck(GateVerdict.Failed, FaultCode.PackSocTooLow));
            Assert.True(s.Book(7).Accepted);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted || s.C.State == SwapState.Released));
            Assert.Equal(SwapState.Faulted, s.C.State);
            Assert.Equal(FaultCode.PackSocTooLow, s.C.LatchedFault);
            Assert.Equal(SwapState.ReleaseGate, s.C.CurrentSwap.InterruptedStep);
            Assert.False(s.AnyOutputOn());
            Assert.True(s.Bay.TruckIsPositioned, "the truck is held");
        }

        [Fact]
        public void A_truck_journal_records_which_block_place_holds_which_pack_and_reads_back()
        {
            var s = TruckStation.Swapping(5);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.ForkOutEmpty && s.C.CurrentSwap.CurrentBlock == 1));
            s.Run(500);
            var tail = s.JournalTail();
            Assert.NotNull(tail);
            Assert.Equal(6, tail.Inventory.Places);
            Assert.True(tail.Inventory.SameAs(s.C.Inventory));
            Assert.Equal(2, tail.Swap.BlockCount);
            Assert.Equal(1, tail.Swap.Blocks[0].Position);
            Assert.Equal(3, tail.Swap.Blocks[1].Position);
            Assert.Equal(s.C.CurrentSwap.Blocks[1].PackInSerial, tail.Swap.Blocks[1].PackInSerial);
            Assert.Equal(s.Bay.BlockAt(1).Serial, tail.Inventory.At(PackPlace.Vehicle).Serial);
            Assert.Equal("block 3", tail.Inventory.NameOf(PackPlace.VehicleBlock3));
        }

        [Fact]
        public void Overload_and_tipping_stop_the_robot_in_the_same_tick()
        {
            foreach (bool tip in new[] { false, true })
            {
                var s = TruckStation.Swapping(1);
                Assert.True(s.RunUntil(() => s.C.State == SwapState.ForkOutLoaded));
                s.Tick();
                if (tip) s.Bay.Tipping = true; else s.Bay.Overloaded = true;
                s.Tick();
                Assert.Equal(SwapState.Faulted, s.C.State);
                Assert.Equal(tip ? FaultCode.RobotTipping : FaultCode.RobotOverload, s.C.LatchedFault);
                Assert.False(s.AnyOutputOn());
            }
        }

        [Fact]
        public void Why_names_the_robot_not_a_lift_while_the_truck_bay_is_not_homed()
        {
            var s = new TruckStation();
            Assert.Equal(SwapState.NotHomed, s.C.State);
            string why = s.C.WhyNotSwapping();
            Assert.Contains("the robot is not homed: home it at the bay console", why);
            Assert.DoesNotContain("lift", why);
        }

        [Fact]
        public void The_committed_truck_state_diagram_matches_the_profiles_table()
        {
            TruckBayProfile.Register();
            string doc = System.IO.Path.Combine(GoldenJournalWriter.SourceDir(), "..", "..", "..", Station.Docs.DocsGenerator.SwapStatesPathFor("truck"));
            Assert.True(System.IO.File.Exists(doc), doc + " missing: run `dotnet run --project tools/Station.Docs`");
            Assert.True(Station.Docs.DocsGenerator.SwapStatesMarkdown(Station.Core.Swap.BayProfiles.Create("truck")) == System.IO.File.ReadAllText(doc),
                "docs/swap-states-truck.md is stale: run `dotnet run --project tools/Station.Docs` and commit it");
        }
    }
}
