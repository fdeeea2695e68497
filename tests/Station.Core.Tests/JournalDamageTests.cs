using Station.Core.Journal;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>One bad journal frame must never hide or delete newer records: Load resynchronises past it, keeps the
    /// damaged file as evidence and reports it; a failed partial append is repaired at once.</summary>
    public class JournalDamageTests
    {
        [Fact]
        public void A_corrupt_old_record_does_not_discard_newer_valid_records()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            TestStation.Ok(s.C.SetRackSlot(6, "P9", 88, PackState.Ready)); // the newest record holds P9 in slot 6
            byte[] all = s.Bay.Storage.Bytes(SwapJournal.FileName);
            all[10] ^= 0x40; // one payload byte of the FIRST record
            s.Bay.Storage.Set(SwapJournal.FileName, all);

            s.PowerCycle();

            Assert.Equal("P9", s.C.Inventory.Slot(6).Serial);
            Assert.True(s.C.Sequencer.Journal.CorruptBytes > 0);
            Assert.True(s.C.Sequencer.Journal.EvidenceKept);
            Assert.Equal(all, s.Bay.Storage.Bytes(SwapJournal.EvidenceFileName));
            Assert.Contains("damaged bytes", s.C.Sequencer.WhyNotSwapping());
            Assert.Contains(s.Bay.Log.Lines, l => l.Contains(SwapJournal.EvidenceFileName));
        }

        [Fact]
        public void A_damaged_first_and_only_record_is_kept_aside_not_deleted()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            var storage = new TestStorage();
            byte[] one = new byte[40];
            one[0] = 0x5A; one[1] = 0xA5; one[2] = 30; one[5] = 7; // a frame whose CRC does not hold
            storage.Set(SwapJournal.FileName, one);
            var j = new SwapJournal(storage, 13, 16384);
            Assert.Null(j.Load(13));
            Assert.Equal(40, j.CorruptBytes);
            Assert.True(j.EvidenceKept);
            Assert.Equal(one, storage.Bytes(SwapJournal.EvidenceFileName));
        }

        [Fact]
        public void Garbage_left_by_a_failed_append_does_not_hide_later_records()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            // As the reviewer found it: part of a frame in the file, later appends succeed behind it.
            byte[] all = s.Bay.Storage.Bytes(SwapJournal.FileName);
            byte[] torn = new byte[all.Length + 7];
            System.Array.Copy(all, torn, all.Length);
            System.Array.Copy(all, 0, torn, all.Length, 7);
            s.Bay.Storage.Set(SwapJournal.FileName, torn);
            TestStation.Ok(s.C.SetRackSlot(6, "P9", 88, PackState.Ready));
            TestStation.Ok(s.C.SetRackSlot(0, null, -1, PackState.Empty));

            s.PowerCycle();

            Assert.Equal("P9", s.C.Inventory.Slot(6).Serial);
            Assert.Null(s.C.Inventory.Slot(0).Serial);
        }

        [Fact]
        public void A_failed_partial_append_is_repaired_at_once_by_the_snapshot_alone()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            s.Bay.Storage.FailNextAppendAfter = 7; // FlashStorage: part of the frame written, then false
            TestStation.Ok(s.C.SetRackSlot(6, "P9", 88, PackState.Ready));
            Assert.Equal(1, s.C.Sequencer.Journal.Repairs);
            TestStation.Ok(s.C.SetRackSlot(0, null, -1, PackState.Empty));

            var j = new SwapJournal(s.Bay.Storage, 13, 16384);
            JournalSnapshot tail = j.Load(13);
            Assert.Equal(0, j.DiscardedBytes); // no garbage left in the file
            Assert.Equal("P9", tail.Inventory.Slot(6).Serial);
            Assert.Null(tail.Inventory.Slot(0).Serial);
        }

        [Fact]
        public void A_torn_tail_is_still_ignored_without_evidence_or_complaint()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            TestStation.Ok(s.C.SetRackSlot(6, "P9", 88, PackState.Ready));
            s.Bay.Storage.TearNextAppendAt = 11;
            TestStation.Ok(s.C.SetRackSlot(6, "P8", 77, PackState.Ready));

            s.PowerCycle();

            Assert.Equal("P9", s.C.Inventory.Slot(6).Serial);
            Assert.Equal(11, s.C.Sequencer.Journal.DiscardedBytes);
            Assert.Equal(0, s.C.Sequencer.Journal.CorruptBytes);
            Assert.Null(s.Bay.Storage.Bytes(SwapJournal.EvidenceFileName));
        }
    }
}
