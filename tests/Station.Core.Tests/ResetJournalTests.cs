using Station.Core.Journal;
using Station.Core.Tests.Bay;
using Station.Hal;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The reset reason at every start: the target's word, else the intent a deliberate restart left, else
    /// Unknown; journaled with a count per reason; a newer record kept untouched, a damaged one reported.</summary>
    public class ResetJournalTests
    {
        [Fact]
        public void Each_start_journals_its_reason_and_the_intent_of_a_deliberate_restart_is_used_once()
        {
            var storage = new MemoryStorage();
            var j = new ResetJournal(storage);
            Assert.Equal(ResetReason.Unknown, j.Record(ResetReason.Unknown));
            Assert.True(new ResetJournal(storage).MarkIntent(ResetReason.Watchdog));
            j = new ResetJournal(storage);
            Assert.Equal(ResetReason.Watchdog, j.Record(ResetReason.Unknown));
            j = new ResetJournal(storage);
            Assert.Equal(ResetReason.Unknown, j.Record(ResetReason.Unknown)); // the intent was used up
            j = new ResetJournal(storage);
            Assert.Equal(ResetReason.BrownOut, j.Record(ResetReason.BrownOut)); // a target that tells wins
            Assert.Equal(4, j.Starts);
            Assert.Equal(2, j.Count((int)ResetReason.Unknown));
            Assert.Equal(1, j.Count((int)ResetReason.Watchdog));
            Assert.Equal(1, j.Count((int)ResetReason.BrownOut));
            Assert.False(j.Damaged);
        }

        [Fact]
        public void The_controller_journals_the_watchdogs_reason_at_start_and_shows_it()
        {
            var bay = new TestBay();
            new ResetJournal(bay.Storage).MarkIntent(ResetReason.Software);
            var s = new TestStation(bay, start: false);
            s.C.Watchdog = new SimWatchdog(bay.Clock);
            TestStation.Ok(s.C.Start());
            Assert.Equal(ResetReason.Software, s.C.LastReset);
            Assert.Equal(1, s.C.Resets.Starts);
            Assert.Equal("software", ResetReasons.Name(s.C.LastReset));
            Assert.Equal("reason_9", ResetReasons.Name((ResetReason)9));
        }

        [Fact]
        public void A_record_of_a_newer_format_is_kept_untouched_and_a_damaged_one_is_reported()
        {
            var storage = new MemoryStorage();
            new ResetJournal(storage).Record(ResetReason.PowerOn);
            byte[] d = new byte[storage.Length(ResetJournal.FileName)];
            storage.Read(ResetJournal.FileName, 0, d, 0, d.Length);

            // Newer format (version 2, valid CRC): kept byte for byte, reported, not counted into.
            byte[] newer = (byte[])d.Clone();
            newer[2] = 2;
            uint crc = Crc32.Compute(newer, 0, newer.Length - 4);
            newer[^4] = (byte)crc; newer[^3] = (byte)(crc >> 8); newer[^2] = (byte)(crc >> 16); newer[^1] = (byte)(crc >> 24);
            storage.Replace(ResetJournal.FileName, newer, 0, newer.Length);
            var j = new ResetJournal(storage);
            j.Record(ResetReason.Unknown);
            Assert.True(j.NewerFormat);
            Assert.False(j.Damaged);
            byte[] after = new byte[storage.Length(ResetJournal.FileName)];
            storage.Read(ResetJournal.FileName, 0, after, 0, after.Length);
            Assert.Equal(newer, after);

            // The same version byte flipped without a matching CRC: damage, not "newer".
            byte[] damaged = (byte[])d.Clone();
            damaged[2] = 2;
            storage.Replace(ResetJournal.FileName, damaged, 0, damaged.Length);
            j = new ResetJournal(storage);
            j.Record(ResetReason.Unknown);
            Assert.True(j.Damaged);
            Assert.False(j.NewerFormat);
            Assert.Equal(1, j.Starts);
        }
    }
}
