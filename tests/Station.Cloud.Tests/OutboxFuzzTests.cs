using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Station.Core.Cloud;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>The outbox as a bad card hands it back after power-up, mutated with a fixed seed (segment bytes flipped,
    /// truncated, overwritten; the cursor damaged, or rewritten with a valid CRC and hostile numbers): opening and draining
    /// it never throws or hangs, never sends a damaged record, and every unacknowledged record in an untouched segment still
    /// goes out.</summary>
    public class OutboxFuzzTests
    {
        static readonly string[] Topics = { null, "s/events", "s/faults", "s/audit", "s/telemetry" };
        const string Prefix = "obx";
        const int SegmentBytes = 4200; // just above the smallest the outbox takes, so 60 records fill several

        // A used outbox: 60 records over several segments, the first 20 acknowledged and the cursor written past them.
        static (TestStorage storage, List<string> records) Used()
        {
            var st = new TestStorage();
            var o = new Outbox(st, Prefix, SegmentBytes, 64);
            o.Open();
            var records = new List<string>();
            for (int i = 0; i < 60; i++)
            {
                string r = "{\"seq\":" + o.NextSeq + ",\"body\":\"record " + i + new string('x', 150 + i % 13) + "\",\"offline\":false}";
                records.Add(r);
                var b = Encoding.UTF8.GetBytes(r);
                Assert.True(o.Append((RecordKind)(1 + i % 3), b, 0, b.Length, false));
            }
            var link = new FakeLink();
            int acked = 0;
            while (acked < 20)
            {
                o.Pump(link, Topics, 0);
                foreach (var sent in link.Sent.Skip(acked).Take(20 - acked).ToList()) { o.Acknowledge(sent.token); acked++; }
            }
            o.Pump(null, Topics, 5000); // the cursor goes to storage
            return (st, records);
        }

        static List<string> Files(TestStorage st)
        {
            var names = new List<string> { Prefix + ".cur" };
            for (int s = 0; s < 64; s++) if (st.Length(Prefix + s + ".bin") >= 0) names.Add(Prefix + s + ".bin");
            return names;
        }

        static byte[] Bytes(TestStorage st, string name)
        {
            int n = st.Length(name);
            var b = new byte[Math.Max(0, n)];
            if (n > 0) st.Read(name, 0, b, 0, n);
            return b;
        }

        [Fact]
        public void Damaged_outbox_files_never_throw_never_send_a_damaged_record_and_lose_no_untouched_one()
        {
            var (source, records) = Used();
            var files = Files(source);
            Assert.True(files.Count >= 4, "segments: " + string.Join(",", files));
            var rng = new Random(8401);
            for (int round = 0; round < 600; round++)
            {
                var st = new TestStorage();
                foreach (string f in files) { var b = Bytes(source, f); st.Replace(f, b, 0, b.Length); }
                string hit = files[rng.Next(files.Count)];
                byte[] original = Bytes(source, hit);
                byte[] damaged = rng.Next(4) == 0 && hit.EndsWith(".cur") ? HostileCursor(original, rng) : Station.Tests.Shared.HostileBytes.Mutate(original, rng);
                bool deleted = rng.Next(10) == 0;
                if (deleted) st.Delete(hit); else st.Replace(hit, damaged, 0, damaged.Length);
                string what = "round " + round + ": " + hit + (deleted ? " deleted" : " " + damaged.Length + " bytes " + Convert.ToHexString(damaged.Take(64).ToArray()));

                var sent = new List<string>();
                Exception e = Record.Exception(() => sent.AddRange(Drain(st)));
                Assert.True(e == null, what + "\n" + e);
                foreach (string s in sent) Assert.True(records.Contains(s), what + ": sent a record that was never appended: " + s);
                // Every record from the 21st on whose segment was not touched is still sent.
                if (hit.EndsWith(".cur")) continue; // a damaged cursor may send acknowledged ones again, and that is all
                for (int i = 20; i < records.Count; i++)
                {
                    if (SegmentOf(source, records[i]) == hit) continue;
                    Assert.True(sent.Contains(records[i]), what + ": record " + i + " in an untouched segment was not sent");
                }
            }
        }

        [Fact]
        public void Regression_a_cursor_with_a_valid_crc_and_position_minus_one_is_not_trusted()
        {
            // Found by the fuzz above (round 14): the outbox read its segment at offset -1 and threw at every boot.
            var (st, records) = Used();
            var cursor = Bytes(st, Prefix + ".cur");
            cursor[8] = cursor[9] = cursor[10] = cursor[11] = 0xFF; // tail position 0xFFFFFFFF
            uint crc = Crc32Of(cursor);
            cursor[20] = (byte)crc; cursor[21] = (byte)(crc >> 8); cursor[22] = (byte)(crc >> 16); cursor[23] = (byte)(crc >> 24);
            st.Replace(Prefix + ".cur", cursor, 0, cursor.Length);
            var sent = Drain(st);
            Assert.Contains(records[^1], sent);
        }

        [Fact]
        public void A_cursor_with_a_valid_crc_that_claims_unacknowledged_segments_as_passed_deletes_none_of_them()
        {
            // A cursor restored from elsewhere (or crafted) that puts the tail in the newest segment while the records below
            // it were never acknowledged: the start-up clean-up used to delete every one of those segments.
            var (st, records) = Used();
            var files = Files(st);
            string newest = files[^1];
            uint newestSeg = uint.Parse(newest.Substring(Prefix.Length, newest.Length - Prefix.Length - ".bin".Length));
            var cursor = Bytes(st, Prefix + ".cur");
            cursor[4] = (byte)newestSeg; cursor[5] = (byte)(newestSeg >> 8); cursor[6] = (byte)(newestSeg >> 16); cursor[7] = (byte)(newestSeg >> 24);
            cursor[8] = cursor[9] = cursor[10] = cursor[11] = 0; // tail position 0 of the newest segment
            uint crc = Crc32Of(cursor);
            cursor[20] = (byte)crc; cursor[21] = (byte)(crc >> 8); cursor[22] = (byte)(crc >> 16); cursor[23] = (byte)(crc >> 24);
            st.Replace(Prefix + ".cur", cursor, 0, cursor.Length);
            Assert.True(files.Count > 3, "the used outbox spans several segments");

            var sent = Drain(st);
            foreach (string r in records.Skip(20)) Assert.Contains(r, sent); // every record the cursor did not acknowledge
        }

        [Fact]
        public void Segments_a_genuine_cursor_passed_are_still_deleted_at_start()
        {
            // The power cut between writing the cursor and deleting the segments it passed: those are deleted at start.
            var (st, records) = Used();
            var o = new Outbox(st, Prefix, SegmentBytes, 64);
            o.Open();
            var link = new FakeLink();
            for (int pass = 0; pass < 200 && o.Pending > 0; pass++)
            {
                o.Pump(link, Topics, pass * 10);
                foreach (var t in link.Unacked.ToArray()) o.Acknowledge(t);
                link.Unacked.Clear();
            }
            Assert.Equal(0, o.Pending);
            // Put back an acknowledged segment as if its deletion had been cut off, with the cursor already past it.
            var files = Files(st);
            string newest = files[^1];
            uint newestSeg = uint.Parse(newest.Substring(Prefix.Length, newest.Length - Prefix.Length - ".bin".Length));
            string passed = Prefix + (newestSeg - 1) + ".bin";
            var (copy, _) = Used();
            byte[] old = Bytes(copy, Files(copy)[1]);
            st.Replace(passed, old, 0, old.Length);
            o.Pump(null, Topics, 100000);
            new Outbox(st, Prefix, SegmentBytes, 64).Open();
            Assert.True(st.Length(passed) < 0, "a segment below a genuine cursor is deleted at start");
        }

        [Fact]
        public void Regression_a_segment_lost_from_the_middle_hides_none_after_it()
        {
            // Found by the fuzz above (round 25): Open took the segment before the gap for the head, so the records after
            // it were never sent (and new ones would have been appended onto them).
            var (st, records) = Used();
            var files = Files(st);
            string middle = files[files.Count - 2];
            st.Delete(middle);
            string last = Encoding.UTF8.GetString(Bytes(st, files[^1]));
            var sent = Drain(st);
            foreach (string r in records.Where(r => last.Contains(r))) Assert.Contains(r, sent);
            Assert.Contains(records[^1], sent);
        }

        static List<string> Drain(TestStorage st)
        {
            var o = new Outbox(st, Prefix, SegmentBytes, 64);
            o.Open();
            var link = new FakeLink();
            for (int pass = 0; pass < 200; pass++)
            {
                int before = link.Sent.Count;
                o.Pump(link, Topics, pass * 10);
                foreach (var t in link.Unacked.ToArray()) o.Acknowledge(t);
                link.Unacked.Clear();
                if (link.Sent.Count == before) break;
            }
            return link.Sent.Select(s => s.payload.Replace("\"offline\":true }", "\"offline\":false}")).ToList();
        }

        static string SegmentOf(TestStorage st, string record)
        {
            foreach (string f in Files(st))
                if (Encoding.UTF8.GetString(Bytes(st, f)).Contains(record)) return f;
            return null;
        }

        // A cursor with a correct CRC and hostile numbers: positions past any segment, negative as int, seq wrapped.
        static byte[] HostileCursor(byte[] cursor, Random rng)
        {
            var c = (byte[])cursor.Clone();
            if (c.Length < 24) c = new byte[24];
            c[0] = 0xC5;
            uint[] odd = { 0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE, 3, 1000, 1024, 1023 };
            int field = 4 + 4 * rng.Next(4);
            uint value = odd[rng.Next(odd.Length)];
            c[field] = (byte)value; c[field + 1] = (byte)(value >> 8); c[field + 2] = (byte)(value >> 16); c[field + 3] = (byte)(value >> 24);
            uint crc = Crc32Of(c);
            c[20] = (byte)crc; c[21] = (byte)(crc >> 8); c[22] = (byte)(crc >> 16); c[23] = (byte)(crc >> 24);
            return c;
        }

        static uint Crc32Of(byte[] c) => Station.Core.Journal.Crc32.Compute(c, 0, 20);
    }
}
