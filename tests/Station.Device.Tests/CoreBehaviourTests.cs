using nanoFramework.TestFramework;
using Station.Core;
using Station.Core.Can;
using Station.Core.Journal;
using Station.Hal;
using Station.Device.Tests.Fakes;

namespace Station.Device.Tests
{
    /// <summary>Pieces of the core the swap relies on, each checked on the target's interpreter.</summary>
    [TestClass]
    public class CoreBehaviourTests
    {
        private static CanFrame _frame;

        [TestMethod]
        public void State_hierarchy_answers_from_the_table()
        {
            Assert.IsTrue(SwapStates.IsIn(SwapState.RaiseToPack, SwapState.Swapping));
            Assert.IsTrue(SwapStates.IsIn(SwapState.RaiseToPack, SwapState.Motion));
            Assert.IsTrue(SwapStates.IsIn(SwapState.Homing, SwapState.Motion));
            Assert.IsFalse(SwapStates.IsIn(SwapState.Homing, SwapState.Swapping));
            Assert.IsFalse(SwapStates.IsIn(SwapState.Idle, SwapState.Motion));
            Assert.IsTrue(SwapStates.IsIn(SwapState.Idle, SwapState.Idle));
            Assert.IsTrue(SwapStates.IsIn(SwapState.Faulted, SwapState.Off));
        }

        [TestMethod]
        public void A_copied_pack_record_keeps_its_values_while_the_live_one_changes()
        {
            var inv = new PackInventory(4);
            inv.SetSlot(1, "P7", 88, PackState.Ready);
            PackRecord kept = inv.Slot(1).Copy();
            PackRecord live = inv.Slot(1);
            inv.SetSlot(1, null, 0, PackState.Empty);
            Assert.IsTrue(live.IsEmpty);
            Assert.AreEqual("P7", kept.Serial);
            Assert.AreEqual(88, kept.SocPct);
        }

        [TestMethod]
        public void A_pack_moved_out_of_the_rack_is_in_transit_until_it_arrives()
        {
            var inv = new PackInventory(4);
            inv.SetSlot(2, "P5", 97, PackState.Ready);
            inv.MoveFromSlot(2, PackPlace.Staging);
            Assert.IsTrue(inv.Slot(2).IsEmpty);
            Assert.AreEqual("P5", inv.At(PackPlace.Staging).Serial);
            Assert.IsTrue(inv.AnyInTransit());
            inv.Arrived(PackPlace.Staging);
            Assert.IsFalse(inv.AnyInTransit());
            Assert.AreEqual((int)PackState.InUse, (int)inv.At(PackPlace.Staging).State);
        }

        [TestMethod]
        public void A_swap_is_refused_before_the_lift_is_homed()
        {
            TinyStation s = TinyStation.WithRack();
            var auth = new SwapAuthorization("VIN1", null);
            CommandResult r = s.C.Authorize(auth);
            Assert.IsFalse(r.Accepted);
            Assert.AreEqual((int)SwapState.NotHomed, (int)s.C.State);
        }

        [TestMethod]
        public void Cancelling_while_arming_returns_to_idle_with_the_rack_untouched()
        {
            TinyStation s = TinyStation.WithRack();
            s.HomeToIdle();
            s.Authorize();
            Assert.AreEqual((int)SwapState.Arming, (int)s.C.State);
            Assert.IsTrue(s.C.Cancel().Accepted);
            Assert.AreEqual((int)SwapState.Idle, (int)s.C.State);
            Assert.AreEqual("P3", s.C.Inventory.Slot(2).Serial);
            Assert.IsFalse(s.Bay.AnyOutputOn());
        }

        [TestMethod]
        public void A_software_stop_latches_and_a_reset_asks_for_homing_again()
        {
            TinyStation s = TinyStation.WithRack();
            s.HomeToIdle();
            TinyStation.Ok(s.C.EmergencyStop());
            Assert.AreEqual((int)FaultCode.SoftwareStop, (int)s.C.LatchedFault);
            s.Run(100);
            TinyStation.Ok(s.C.ResetFault());
            Assert.AreEqual((int)SwapState.NotHomed, (int)s.C.State);
            Assert.AreEqual((int)FaultCode.None, (int)s.C.LatchedFault);
        }

        [TestMethod]
        public void A_can_frame_packs_its_payload_bytes_little_end_first()
        {
            // A frame lives in a field and is used in place, never as a local (see StructUseRule).
            _frame.Data = 0;
            _frame[0] = 0xA5;
            _frame[7] = 0x3C;
            Assert.AreEqual((ulong)0x3C000000000000A5, _frame.Data);
            Assert.AreEqual(0xA5, (int)_frame[0]);
            Assert.AreEqual(0x3C, (int)_frame[7]);
        }

        [TestMethod]
        public void A_j1939_identifier_carries_priority_pgn_and_addresses()
        {
            uint id = J1939.Id(6, 0x11, 0x56, 0xF4);
            Assert.AreEqual(6, J1939.Priority(id));
            Assert.AreEqual(0x11, J1939.Pf(id));
            Assert.AreEqual(0x56, J1939.Ps(id));
            Assert.AreEqual(0xF4, J1939.Source(id));
        }

        [TestMethod]
        public void The_journal_compacts_when_full_and_keeps_the_newest_record()
        {
            var storage = new MemoryStorage();
            var inventory = new PackInventory(13);
            inventory.SetSlot(0, "P1", 95, PackState.Ready);
            var journal = new SwapJournal(storage, 13, 1024);
            for (int i = 1; i <= 40; i++) Assert.IsTrue(journal.Write(SwapState.Idle, FaultCode.None, i, null, inventory));
            Assert.IsTrue(journal.Compactions > 0);
            Assert.IsTrue(storage.Length(SwapJournal.FileName) <= 1024);
            JournalSnapshot back = new SwapJournal(storage, 13, 1024).Load(13);
            Assert.AreEqual(40, back.SwapCounter);
        }

        [TestMethod]
        public void A_journal_write_the_storage_refuses_latches_a_fault_and_stops()
        {
            TinyStation s = TinyStation.WithRack();
            s.HomeToIdle();
            s.Bay.Storage.Fail = true;
            var auth = new SwapAuthorization("VIN1", null);
            auth.VehiclePackSerial = "D1";
            auth.VehiclePackSocPct = 12;
            CommandResult r = s.C.Authorize(auth);
            s.Run(100);
            Assert.IsFalse(r.Accepted, "the swap does not start without its journal record");
            Assert.AreEqual((int)FaultCode.JournalWriteFailed, (int)s.C.LatchedFault);
            Assert.IsFalse(s.Bay.AnyOutputOn());
        }
    }
}
