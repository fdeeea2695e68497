using System.Linq;
using System.Text;
using System.Text.Json;
using Station.Core.Cloud;
using Xunit;

namespace Station.Cloud.Tests
{
    public class OutboxTests
    {
        static readonly string[] Topics = { null, "s/events", "s/faults", "s/audit", "s/telemetry" };

        static bool Add(Outbox o, RecordKind kind, string body, bool offline = false)
        {
            var b = Encoding.UTF8.GetBytes("{\"seq\":" + o.NextSeq + ",\"body\":\"" + body + "\",\"offline\":false}");
            return o.Append(kind, b, 0, b.Length, offline);
        }

        static int SeqOf(string payload) => JsonDocument.Parse(payload).RootElement.GetProperty("seq").GetInt32();
        static bool IsOffline(string payload) => JsonDocument.Parse(payload).RootElement.GetProperty("offline").GetBoolean();

        [Fact]
        public void A_failing_medium_stops_new_swaps_and_says_why_until_an_append_works_again()
        {
            // An SD card pulled from a running station: appends fail; swap records must not be lost silently.
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 8192, 8);
            o.Open();
            Assert.True(Add(o, RecordKind.Event, "before"));
            st.FailAppends = true;
            Assert.False(Add(o, RecordKind.Fault, "lost"));
            Assert.True(o.MediumFailed);
            Assert.False(o.SwapsAllowed);
            Assert.Equal(1, o.DroppedRecords);
            Assert.Equal("cloud outbox storage failed (the last record could not be written; 1 records lost): new swaps refused "
                + "until a record is written again; check the storage medium (SD card)", o.WhyNoSwaps());
            st.FailAppends = false;
            Assert.True(Add(o, RecordKind.Audit, "card back"));
            Assert.False(o.MediumFailed);
            Assert.True(o.SwapsAllowed);
            Assert.Null(o.WhyNoSwaps());
        }

        [Fact]
        public void A_record_of_a_kind_written_by_a_newer_firmware_is_sent_not_dropped_after_a_rollback()
        {
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 8192, 8);
            o.Open();
            Assert.True(Add(o, RecordKind.Event, "known"));
            Assert.True(Add(o, (RecordKind)9, "from a newer firmware"));
            var older = new Outbox(st, "obx", 8192, 8); // the older firmware after the rollback, same files
            older.Open();
            var link = new FakeLink { MaxInflight = 8 };
            older.Pump(link, Topics, 0);
            Assert.Equal(new[] { 1, 2 }, link.Sent.Select(s => SeqOf(s.payload)));
            Assert.Equal("s/events", link.Sent[1].topic);
            Assert.Equal(1, older.ForeignRecords);
            Assert.Equal(0, older.CorruptFrames);
            foreach (var t in link.Unacked.ToArray()) older.Acknowledge(t);
            Assert.Equal(0, older.Pending);
        }

        [Fact]
        public void Records_are_sent_in_order_and_leave_only_when_acknowledged()
        {
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 8192, 8);
            o.Open();
            var link = new FakeLink { MaxInflight = 3 };
            for (int i = 0; i < 5; i++) Assert.True(Add(o, RecordKind.Event, "e" + i));
            Assert.Equal(5, o.Pending);
            o.Pump(link, Topics, 0);
            Assert.Equal(new[] { 1, 2, 3 }, link.Sent.Select(s => SeqOf(s.payload)));
            Assert.All(link.Sent, s => Assert.Equal(("s/events", 1, false), (s.topic, s.qos, s.retain)));
            foreach (var t in link.Unacked.ToArray()) o.Acknowledge(t);
            link.Unacked.Clear();
            Assert.Equal(2, o.Pending);
            o.Pump(link, Topics, 0);
            Assert.Equal(new[] { 1, 2, 3, 4, 5 }, link.Sent.Select(s => SeqOf(s.payload)));
            Assert.Contains("\"offline\":false}", link.Sent[0].payload);
        }

        [Fact]
        public void Nothing_is_published_while_the_link_is_down_and_late_records_say_offline()
        {
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 8192, 8);
            o.Open();
            var link = new FakeLink { IsConnected = false };
            Add(o, RecordKind.Fault, "f", offline: true);
            o.Pump(link, Topics, 0);
            Assert.Empty(link.Sent);
            link.IsConnected = true;
            o.Pump(link, Topics, 0);
            var sent = Assert.Single(link.Sent);
            Assert.Equal("s/faults", sent.topic);
            Assert.True(IsOffline(sent.payload));
        }

        [Fact]
        public void After_a_reboot_unacknowledged_records_are_resent_in_order_flagged_offline_and_acked_ones_are_not()
        {
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 8192, 8);
            o.Open();
            var link = new FakeLink();
            for (int i = 0; i < 6; i++) Add(o, RecordKind.Event, "e" + i);
            o.Pump(link, Topics, 0);
            o.Acknowledge(link.Sent[0].token);
            o.Acknowledge(link.Sent[1].token);
            o.Acknowledge(link.Sent[3].token); // out of order: 3 stays pending until 2 is acknowledged
            o.Flush(0);

            var o2 = new Outbox(st, "obx", 8192, 8); // power cycle: same storage, new everything else
            o2.Open();
            Assert.Equal(7u, o2.NextSeq);
            Assert.Equal(4, o2.Pending);
            var link2 = new FakeLink();
            o2.Pump(link2, Topics, 0);
            Assert.Equal(new[] { 3, 4, 5, 6 }, link2.Sent.Select(s => SeqOf(s.payload)));
            Assert.All(link2.Sent, s => Assert.True(IsOffline(s.payload)));
            Add(o2, RecordKind.Event, "new");
            o2.Pump(link2, Topics, 0);
            Assert.False(IsOffline(link2.Sent.Last().payload));
        }

        [Fact]
        public void After_a_drop_unacknowledged_records_are_resent_from_the_oldest_flagged_offline_and_stale_acks_are_ignored()
        {
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 8192, 8);
            o.Open();
            var link = new FakeLink();
            for (int i = 0; i < 4; i++) Add(o, RecordKind.Event, "e" + i);
            o.Pump(link, Topics, 0);
            int[] old = link.Sent.Select(s => s.token).ToArray();
            o.Acknowledge(old[0]);                     // 1 made it; 2..4 were in flight when the session dropped
            link.SetConnected(false);
            o.Rewind();
            Add(o, RecordKind.Event, "late", offline: true);
            link.SetConnected(true);
            o.Pump(link, Topics, 0);
            var resent = link.Sent.Skip(4).ToArray();
            Assert.Equal(new[] { 2, 3, 4, 5 }, resent.Select(s => SeqOf(s.payload)));
            Assert.All(resent, s => Assert.True(IsOffline(s.payload)));
            o.Acknowledge(old[1]);                     // a PUBACK token of the dead session means nothing now
            Assert.Equal(4, o.Pending);
            foreach (var s in resent) o.Acknowledge(s.token);
            Assert.Equal(0, o.Pending);
            Add(o, RecordKind.Event, "live");
            o.Pump(link, Topics, 0);
            Assert.False(IsOffline(link.Sent.Last().payload));
        }

        [Fact]
        public void A_torn_last_record_is_dropped_the_rest_survive_and_appends_continue()
        {
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 8192, 8);
            o.Open();
            Add(o, RecordKind.Event, "a");
            Add(o, RecordKind.Event, "b");
            Add(o, RecordKind.Audit, "torn");
            st.TearLastAppend(7);

            var o2 = new Outbox(st, "obx", 8192, 8);
            o2.Open();
            Assert.Equal(1, o2.CorruptFrames);
            Assert.Equal(3u, o2.NextSeq); // the torn record's number is reused: it was never published
            Add(o2, RecordKind.Event, "c");
            var link = new FakeLink();
            o2.Pump(link, Topics, 0);
            Assert.Equal(new[] { 1, 2, 3 }, link.Sent.Select(s => SeqOf(s.payload)));
            Assert.Contains("\"body\":\"c\"", link.Sent[2].payload);
        }

        [Fact]
        public void A_corrupted_byte_in_the_middle_skips_only_the_rest_of_that_segment()
        {
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 4200, 8);
            o.Open();
            var big = new string('x', 1500);
            for (int i = 0; i < 5; i++) Add(o, RecordKind.Event, big); // two per segment
            var seg = new byte[st.Length("obx0.bin")];
            st.Read("obx0.bin", 0, seg, 0, seg.Length);
            seg[seg.Length - 10] ^= 0xFF; // inside the second record of segment 0
            st.Replace("obx0.bin", seg, 0, seg.Length);
            var link = new FakeLink();
            var o2 = new Outbox(st, "obx", 4200, 8);
            o2.Open();
            o2.Pump(link, Topics, 0);
            Assert.Equal(new[] { 1, 3, 4, 5 }, link.Sent.Select(s => SeqOf(s.payload)));
            Assert.Equal(1, o2.CorruptFrames);
        }

        [Fact]
        public void Acknowledged_segments_are_deleted_once_the_cursor_has_passed_them()
        {
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 4200, 8);
            o.Open();
            var link = new FakeLink();
            var big = new string('x', 1500);
            for (int i = 0; i < 6; i++) Add(o, RecordKind.Event, big);
            Assert.Contains("obx2.bin", st.Names);
            o.Pump(link, Topics, 0);
            link.AckAll();
            foreach (var s in link.Sent) o.Acknowledge(s.token);
            o.Pump(link, Topics, 0);
            Assert.Equal(0, o.Pending);
            Assert.DoesNotContain("obx0.bin", st.Names);
            Assert.DoesNotContain("obx1.bin", st.Names);
            Assert.True(o.UsedBytes < 4200);
        }

        [Fact]
        public void Segments_left_behind_by_a_power_cut_after_the_cursor_moved_are_removed_at_boot()
        {
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 4200, 8);
            o.Open();
            var link = new FakeLink();
            var big = new string('x', 1500);
            for (int i = 0; i < 6; i++) Add(o, RecordKind.Event, big);
            o.Pump(link, Topics, 0);
            foreach (var s in link.Sent) o.Acknowledge(s.token);
            o.Pump(link, Topics, 0);
            Assert.DoesNotContain("obx1.bin", st.Names);
            var orphan = new byte[100];
            st.Append("obx1.bin", orphan, 0, 100); // as if the delete never happened
            st.Append("obx0.bin", orphan, 0, 100);
            var o2 = new Outbox(st, "obx", 4200, 8);
            o2.Open();
            Assert.DoesNotContain("obx0.bin", st.Names);
            Assert.DoesNotContain("obx1.bin", st.Names);
            Assert.Equal(0, o2.Pending);
            var link2 = new FakeLink();
            o2.Pump(link2, Topics, 0);
            Assert.Empty(link2.Sent); // nothing acknowledged comes back
        }

        [Fact]
        public void When_full_telemetry_goes_first_then_swaps_are_refused_and_records_are_never_silently_lost()
        {
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 4200, 10); // 42,000 bytes
            o.Open();
            var body = new string('x', 960); // about 1 KB a record
            int telemetryKept = 0;
            while (o.FillPercent < Outbox.TelemetryLimitPercent)
            {
                Assert.True(Add(o, RecordKind.Telemetry, body));
                telemetryKept++;
            }
            Assert.False(Add(o, RecordKind.Telemetry, body));
            Assert.Equal(1, o.DroppedTelemetry);
            Assert.True(o.SwapsAllowed);
            Assert.Null(o.WhyNoSwaps());
            while (o.SwapsAllowed) Assert.True(Add(o, RecordKind.Event, body));
            Assert.Contains("new swaps refused", o.WhyNoSwaps());
            // The reserve above the swap limit still takes the running swap's events, faults and audit.
            Assert.True(Add(o, RecordKind.Event, body));
            Assert.True(Add(o, RecordKind.Fault, body));
            while (Add(o, RecordKind.Audit, body)) { }
            Assert.Equal(1, o.DroppedRecords); // counted, reported in telemetry, never silent
            int pending = o.Pending;
            var link = new FakeLink();
            o.Pump(link, Topics, 0);
            link.AckAll();
            foreach (var s in link.Sent) o.Acknowledge(s.token);
            o.Pump(link, Topics, 0);
            Assert.True(o.Pending < pending);
        }

        [Fact]
        public void Seven_days_offline_at_800_swaps_a_day_fit_in_the_default_outbox()
        {
            // One swap as CloudLink journals it: started, 10 steps, completed, each with the full swap record so far,
            // plus two audit entries (authorisation received, console) — see docs/cloud.md for the arithmetic.
            var cfg = new CloudLinkConfig();
            long perSwap = SwapBytes.JournalBytesPerSwap();
            long sevenDays = perSwap * 800 * 7;
            long capacity = (long)cfg.OutboxSegmentBytes * cfg.OutboxMaxSegments;
            Assert.True(sevenDays <= capacity * Outbox.SwapLimitPercent / 100,
                $"7 days need {sevenDays} bytes ({perSwap} per swap), the swap limit allows {capacity * Outbox.SwapLimitPercent / 100}");
        }
    }
}
