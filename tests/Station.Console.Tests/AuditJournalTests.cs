using System.Linq;
using Station.Core.Console;
using Xunit;

namespace Station.Console.Tests
{
    public class AuditJournalTests
    {
        [Fact]
        public void Every_console_command_lands_in_the_journal_with_pins_masked()
        {
            var rig = new Rig();
            var journal = new AuditJournal(rig.Storage, rig.Clock);
            rig.Console.Audit += journal.Record;
            rig.Run("maint enter 1234");
            rig.Run("lift jog 99");
            rig.Run("config set maint.pin 55555");
            rig.Send("\x18");
            string tail = journal.Tail(10);
            string[] lines = tail.Split('\n');
            Assert.Equal(4, lines.Length);
            Assert.Matches(@"^2026-11-21T00:00:01Z 1000 ok maint enter \*\*\*\* -> maintenance on", lines[0]);
            Assert.Contains("refused lift jog 99 -> lift jog: distance must be between -50 and +50 mm", lines[1]);
            Assert.Contains("ok config set maint.pin ****", lines[2]);
            Assert.Contains("ok ^X -> emergency stop", lines[3]);
            Assert.DoesNotContain("1234", tail);
            Assert.DoesNotContain("55555", tail);
            Assert.Equal("ok ^X -> emergency stop", journal.Tail(1).Substring(journal.Tail(1).IndexOf("ok ")));
        }

        [Fact]
        public void The_journal_stays_bounded_and_keeps_the_newest_records()
        {
            var storage = new FakeStorage();
            var clock = new FakeClock();
            var journal = new AuditJournal(storage, clock);
            for (int i = 0; i < 2000; i++) journal.Record(i, "status " + i, true, "a reply that is long enough to fill the file quickly " + i);
            Assert.True(storage.Length(AuditJournal.FileName) <= AuditJournal.MaxBytes);
            Assert.EndsWith("status 1999 -> a reply that is long enough to fill the file quickly 1999", journal.Tail(1));
            Assert.StartsWith("2026", journal.Tail(50).Split('\n')[0]);
            Assert.Equal(50, journal.Tail(50).Split('\n').Length);
            Assert.Equal(0, journal.Failures);
        }

        [Fact]
        public void Long_and_non_ascii_records_are_cut_and_cleaned()
        {
            var storage = new FakeStorage();
            var journal = new AuditJournal(storage, new FakeClock());
            journal.Record(1, "x\u00e9" + new string('y', 500), false, "r");
            string line = journal.Tail(1);
            Assert.Equal(AuditJournal.MaxLineLength, line.Length);
            Assert.Contains("x?yyy", line);
            Assert.Equal("", new AuditJournal(new FakeStorage(), new FakeClock()).Tail(5));
        }

        [Fact]
        public void A_refused_write_is_counted_not_thrown()
        {
            var storage = new RefusingStorage();
            var journal = new AuditJournal(storage, new FakeClock());
            journal.Record(1, "status", true, "");
            Assert.Equal(1, journal.Failures);
        }

        private sealed class RefusingStorage : Station.Hal.IStorage
        {
            public int Length(string name) => -1;
            public int Read(string name, int position, byte[] buffer, int offset, int count) => 0;
            public bool Append(string name, byte[] buffer, int offset, int count) => false;
            public bool Replace(string name, byte[] buffer, int offset, int count) => false;
            public void Delete(string name) { }
        }
    }
}
