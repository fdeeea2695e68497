using Station.Core.Journal;
using Station.Core.Swap.Truck;
using Station.Core.Tests.Bay;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>A pack whose record carries no standard (a rack commissioned without one) gets the one its BMS reports
    /// when the release gate passes it — in the swap record and the inventory, journaled across a power cut — while a
    /// BMS report that contradicts a recorded standard is still refused (fault 80).</summary>
    public class BmsReportedStandardTests
    {
        // A car station whose release gate runs the real GB/T session against the simulated BMS.
        private static SimStation CarWithBms(out SimPackCan can)
        {
            var s = new SimStation();
            can = new SimPackCan(s.Bay);
            s.C.PackCheck = can.CreateCheck(s.Config);
            s.Home();
            return s;
        }

        private static SimPack ChosenPack(SimStation s) => s.Bay.Rack.Slots[s.C.Inventory.ChooseReady(s.Config.MinSocPct)];

        [Fact]
        public void A_car_pack_recorded_without_a_standard_gets_the_one_its_bms_reports_and_keeps_it_across_a_power_cut()
        {
            var s = CarWithBms(out _);
            SimPack pack = ChosenPack(s);
            Assert.Equal(PackStandard.Unspecified, s.C.Inventory.Slot(s.C.Inventory.SlotOf(pack.Serial)).Standard);
            pack.BmsReportsAs = PackStandard.Choco25Lfp;
            string packIn = s.StartSwap();
            Assert.Equal(pack.Serial, packIn);
            Assert.Equal(PackStandard.Unspecified, s.C.CurrentSwap.PackInStandard);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released || s.C.State == SwapState.Faulted), "never released");
            Assert.Equal(SwapState.Released, s.C.State);
            SwapRecord rec = s.C.CurrentSwap ?? s.C.LastSwap;
            Assert.True(rec.BmsVerified);
            Assert.Equal(PackStandard.Choco25Lfp, rec.PackInStandard);
            Assert.Equal(PackStandard.Choco25Lfp, s.C.Inventory.At(PackPlace.Vehicle).Standard);

            // Journaled with the release (before the vehicle may leave): what a power cut now would recover from.
            JournalSnapshot snap = new SwapJournal(s.Storage, s.Config.RackSlots, s.Config.JournalMaxBytes).Load(s.Config.RackSlots);
            Assert.Equal(SwapState.Released, snap.State);
            Assert.Equal(packIn, snap.Inventory.At(PackPlace.Vehicle).Serial);
            Assert.Equal(PackStandard.Choco25Lfp, snap.Inventory.At(PackPlace.Vehicle).Standard);
            Assert.Equal(PackStandard.Choco25Lfp, snap.Swap.PackInStandard);
        }

        [Fact]
        public void A_bms_that_fits_no_catalogued_standard_leaves_the_record_unspecified()
        {
            var s = CarWithBms(out _);
            // The simulated pack's own identity (LFP, 200 Ah at 384 V = 76.8 kWh) is no catalogued standard.
            s.StartSwap();
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released || s.C.State == SwapState.Faulted));
            Assert.Equal(SwapState.Released, s.C.State);
            Assert.Equal(PackStandard.Unspecified, (s.C.CurrentSwap ?? s.C.LastSwap).PackInStandard);
            Assert.Equal(PackStandard.Unspecified, s.C.Inventory.At(PackPlace.Vehicle).Standard);
        }

        [Fact]
        public void A_car_bms_that_contradicts_the_recorded_standard_still_holds_the_vehicle_with_fault_80()
        {
            var s = new SimStation(p => p.RackStandards = "choco25-lfp");
            var can = new SimPackCan(s.Bay);
            s.C.PackCheck = can.CreateCheck(s.Config);
            s.Home();
            SimPack pack = ChosenPack(s);
            pack.BmsReportsAs = PackStandard.Choco25Nmc;
            s.StartSwap();
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released || s.C.State == SwapState.Faulted));
            Assert.Equal(FaultCode.PackStandardMismatch, s.C.LatchedFault);
            Assert.Equal(PackStandard.Choco25Lfp, s.C.Inventory.At(PackPlace.Vehicle).Standard);
            Assert.Equal(PackStandard.Choco25Lfp, (s.C.CurrentSwap ?? s.C.LastSwap).PackInStandard);
        }

        [Fact]
        public void Truck_blocks_recorded_without_a_standard_get_the_one_each_blocks_bms_reports_journaled()
        {
            var s = new TruckStation();
            var can = new SimBlockCan(s.Bay);
            can.Install(s.Profile, s.C.Config);
            s.StayWhenReleased = true;
            foreach (var pack in s.Bay.Bay.Rack.Slots) if (pack != null) pack.BmsReportsAs = PackStandard.Qiji75;
            s.Home().Arrive();
            Assert.True(s.Book(5).Accepted);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released || s.C.State == SwapState.Faulted), "never ended");
            Assert.True(s.C.State == SwapState.Released, "faulted: " + FaultCatalogue.Name(s.C.LatchedFault));
            SwapRecord rec = s.C.CurrentSwap ?? s.C.LastSwap;
            Assert.Equal(2, rec.BlockCount);
            Assert.Equal(PackStandard.Qiji75, rec.PackInStandard);
            for (int b = 0; b < rec.BlockCount; b++)
            {
                Assert.Equal(PackStandard.Qiji75, rec.Blocks[b].PackInStandard);
                Assert.Equal(PackStandard.Qiji75, s.C.Inventory.At(TruckBayProfile.PlaceOf(rec.Blocks[b].Position)).Standard);
            }
            Assert.Equal(PackStandard.Unspecified, s.C.Inventory.At(TruckBayProfile.PlaceOf(2)).Standard); // not swapped

            s.PowerCycle();
            JournalSnapshot snap = s.JournalTail();
            Assert.Equal(PackStandard.Qiji75, snap.Inventory.At(TruckBayProfile.PlaceOf(1)).Standard);
            Assert.Equal(PackStandard.Qiji75, snap.Inventory.At(TruckBayProfile.PlaceOf(3)).Standard);
            Assert.Equal(PackStandard.Qiji75, snap.Swap.Blocks[1].PackInStandard);
            Assert.Equal(PackStandard.Qiji75, s.C.Inventory.At(TruckBayProfile.PlaceOf(3)).Standard);
        }
    }
}
