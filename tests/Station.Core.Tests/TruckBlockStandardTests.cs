using System.Linq;
using Station.Core.Can;
using Station.Core.Tests.Bay;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The truck bay's blocks over their own BMS sessions (one CAN segment per position, behind its connector,
    /// <see cref="SimBlockCan"/>) and its per-position pack standards: every swapped block is BMS-verified, a block whose
    /// BMS contradicts its recorded standard holds the truck, and each position gets a block of a standard it accepts.</summary>
    public class TruckBlockStandardTests
    {
        private static TruckStation WithBlockBms(out SimBlockCan can)
        {
            var s = new TruckStation();
            can = new SimBlockCan(s.Bay);
            can.Install(s.Profile, s.C.Config);
            return s;
        }

        [Fact]
        public void A_three_block_swap_verifies_every_block_over_its_own_bms_session()
        {
            var s = WithBlockBms(out var can);
            s.StayWhenReleased = true;
            s.Home().Arrive();
            Assert.True(s.Book(7).Accepted);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released || s.C.State == SwapState.Faulted),
                "never ended: " + s.C.State);
            Assert.True(s.C.State == SwapState.Released, "faulted: " + FaultCatalogue.Name(s.C.LatchedFault));
            var rec = s.C.LastSwap ?? s.C.CurrentSwap;
            Assert.Equal(3, rec.BlockCount);
            for (int b = 0; b < 3; b++)
            {
                Assert.True(rec.Blocks[b].BmsVerified, "block " + rec.Blocks[b].Position + " not BMS-verified");
                Assert.Equal(GateVerdict.Passed, rec.Blocks[b].Verdict);
            }
            // Each segment carried only its own block's exchange.
            for (int p = 1; p <= 3; p++)
            {
                Assert.True(can.Bms[p - 1].Sent.TryGetValue("BHM", out int n) && n > 0, "position " + p + "'s BMS never answered");
                Assert.True(can.CheckAt(p).Session.Identity.SerialMatches(rec.Blocks.First(x => x.Position == p).PackInSerial));
            }
        }

        [Fact]
        public void A_block_whose_bms_contradicts_its_recorded_standard_holds_the_truck_with_fault_80()
        {
            var s = WithBlockBms(out _);
            s.StayWhenReleased = true;
            // The rack's blocks are recorded as QIJI #75; one of them reports a #25 NMC car pack's identity.
            foreach (var pack in s.Bay.Bay.Rack.Slots) if (pack != null) pack.Standard = PackStandard.Qiji75;
            Assert.True(s.Bay.Bay.SeedInventory(s.C).Accepted);
            int best = s.C.Inventory.ChooseReady(s.C.Config.MinSocPct);
            s.Bay.Bay.Rack.Slots[best].BmsReportsAs = PackStandard.Choco25Nmc;
            s.Home().Arrive();
            Assert.True(s.Book(1).Accepted);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released || s.C.State == SwapState.Faulted));
            Assert.Equal(SwapState.Faulted, s.C.State);
            Assert.Equal(FaultCode.PackStandardMismatch, s.C.LatchedFault);
            Assert.True(s.Bay.TruckIsPositioned);
        }

        private static TruckStation MixedRack()
        {
            var s = new TruckStation();
            // Slot by slot: #75 blocks and a partner's blocks alternate.
            for (int i = 0; i < s.Bay.Bay.Rack.Slots.Length; i++)
            {
                var pack = s.Bay.Bay.Rack.Slots[i];
                if (pack != null) pack.Standard = i % 2 == 0 ? PackStandard.Qiji75 : PackStandard.PartnerA;
            }
            Assert.True(s.Bay.Bay.SeedInventory(s.C).Accepted);
            return s.Home().Arrive();
        }

        [Fact]
        public void Each_position_gets_a_ready_block_of_a_standard_it_accepts()
        {
            var s = MixedRack();
            var auth = new SwapAuthorization("TRK001", null)
            {
                BlockPositions = 5,
                AcceptedStandards = PackStandards.MaskOf("qiji75"),
                PositionStandards = new[] { 0, 0, PackStandards.MaskOf("partner-a") },
            };
            var r = s.C.Authorize(auth);
            Assert.True(r.Accepted, r.Message);
            var blocks = s.C.CurrentSwap.Blocks;
            Assert.Equal(PackStandard.Qiji75, blocks[0].PackInStandard);
            Assert.Equal(PackStandard.PartnerA, blocks[1].PackInStandard);
            Assert.Equal(PackStandard.Qiji75, s.C.Inventory.Slot(blocks[0].SourceSlot).Standard);
            Assert.Equal(PackStandard.PartnerA, s.C.Inventory.Slot(blocks[1].SourceSlot).Standard);
        }

        [Fact]
        public void A_position_no_ready_block_fits_is_refused_with_reason_18_naming_it()
        {
            var s = MixedRack();
            var auth = new SwapAuthorization("TRK001", null)
            {
                BlockPositions = 3,
                PositionStandards = new[] { PackStandards.MaskOf("qiji75"), PackStandards.MaskOf("partner-b") },
            };
            var r = s.C.Authorize(auth);
            Assert.False(r.Accepted);
            Assert.Equal(RejectReason.NoPackOfStandard, r.Reason);
            Assert.Contains("position 2", r.Message);
            Assert.Equal(SwapState.Idle, s.C.State);
        }

        [Fact]
        public void A_mixed_simulated_rack_comes_from_the_plant_figures()
        {
            var p = SimTruckBay.DefaultPlant();
            p.RackStandards = "qiji75, partner-a";
            var clock = new SimClock();
            var bay = new SimBay(p, clock, new MemoryStorage(clock));
            Assert.Equal(PackStandard.Qiji75, bay.Rack.Slots[0].Standard);
            Assert.Equal(PackStandard.PartnerA, bay.Rack.Slots[1].Standard);
            Assert.Equal(PackStandard.Qiji75, bay.Rack.Slots[2].Standard);
            p.RackStandards = "qiji75,choco99";
            Assert.Contains("RackStandards", Assert.Throws<System.ArgumentException>(() => p.Validate()).Message);
        }
    }
}
