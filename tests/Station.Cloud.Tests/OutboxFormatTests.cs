using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Station.Core.Cloud;
using Station.Core.Journal;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>The outbox's stored format across firmware versions: golden files written by today's firmware must be read
    /// by every later one, and a frame of a newer format (left by a newer firmware before a rollback) is sent, not
    /// taken for damage.</summary>
    public class OutboxFormatTests
    {
        static readonly string[] Topics = { null, "s/events", "s/faults", "s/audit", "s/telemetry" };
        static readonly string Golden = Path.Combine(FindRoot(), "tests", "Station.Cloud.Tests", "Golden");
        static readonly string[] GoldenFiles = { "obx0.bin", "obx.cur" };

        static string FindRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "StationFirmware.sln"))) dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("StationFirmware.sln not found");
        }

        static void Add(Outbox o, RecordKind kind, string body, bool offline = false)
        {
            var b = Encoding.UTF8.GetBytes("{\"seq\":" + o.NextSeq + ",\"body\":\"" + body + "\",\"offline\":false}");
            Assert.True(o.Append(kind, b, 0, b.Length, offline));
        }

        static byte[] FileOf(TestStorage st, string name)
        {
            var data = new byte[st.Length(name)];
            Assert.Equal(data.Length, st.Read(name, 0, data, 0, data.Length));
            return data;
        }

        // Today's outbox after five records of every kind, the first two acknowledged and the cursor written.
        static TestStorage WriteToday()
        {
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 8192, 8);
            o.Open();
            Add(o, RecordKind.Event, "swap.started");
            Add(o, RecordKind.Fault, "fault.raised");
            Add(o, RecordKind.Audit, "console config set");
            Add(o, RecordKind.Telemetry, "telemetry");
            Add(o, RecordKind.Event, "swap.completed", offline: true);
            var link = new FakeLink { MaxInflight = 2 };
            o.Pump(link, Topics, 0);
            foreach (var t in link.Unacked.ToArray()) o.Acknowledge(t);
            o.Flush(Outbox.CursorFlushMs * 2);
            return st;
        }

        [Fact]
        public void Todays_firmware_writes_the_golden_outbox_byte_for_byte()
        {
            var st = WriteToday();
            foreach (string name in GoldenFiles)
            {
                string path = Path.Combine(Golden, name);
                if (Environment.GetEnvironmentVariable("STATION_UPDATE_GOLDEN") == "1") File.WriteAllBytes(path, FileOf(st, name));
                Assert.True(File.Exists(path), path + " missing (STATION_UPDATE_GOLDEN=1 writes it)");
                Assert.Equal(File.ReadAllBytes(path), FileOf(st, name));
            }
        }

        [Fact]
        public void The_golden_outbox_is_read_after_a_reboot_with_nothing_lost()
        {
            var st = new TestStorage();
            foreach (string name in GoldenFiles)
            {
                byte[] data = File.ReadAllBytes(Path.Combine(Golden, name));
                Assert.True(st.Replace(name, data, 0, data.Length));
            }
            var o = new Outbox(st, "obx", 8192, 8);
            o.Open();
            Assert.Equal(3, o.Pending);
            Assert.Equal(6u, o.NextSeq);
            var link = new FakeLink();
            o.Pump(link, Topics, 0);
            Assert.Equal(new[] { 3, 4, 5 }, link.Sent.Select(s => JsonDocument.Parse(s.payload).RootElement.GetProperty("seq").GetInt32()));
            Assert.Equal(new[] { "s/audit", "s/telemetry", "s/events" }, link.Sent.Select(s => s.topic));
            Assert.All(link.Sent, s => Assert.True(JsonDocument.Parse(s.payload).RootElement.GetProperty("offline").GetBoolean()));
            Assert.Equal(0, o.CorruptFrames);
            Assert.Equal(0, o.NewerFrames);
            foreach (var t in link.Unacked.ToArray()) o.Acknowledge(t);
            Assert.Equal(0, o.Pending);
        }

        [Fact]
        public void A_frame_of_a_newer_format_is_sent_and_counted_not_taken_for_damage()
        {
            var st = new TestStorage();
            var o = new Outbox(st, "obx", 8192, 8);
            o.Open();
            Add(o, RecordKind.Event, "first");
            Add(o, RecordKind.Event, "from a newer firmware");
            byte[] seg = FileOf(st, "obx0.bin");
            Assert.Equal(Outbox.FrameFormat, seg[3]);
            int second = Outbox.HeaderBytes + (seg[8] | seg[9] << 8) + Outbox.CrcBytes;
            int secondLength = Outbox.HeaderBytes + (seg[second + 8] | seg[second + 9] << 8);
            seg[second + 3] = Outbox.FrameFormat + 1;
            uint crc = Crc32.Compute(seg, second, secondLength);
            BitConverter.GetBytes(crc).CopyTo(seg, second + secondLength);
            Assert.True(st.Replace("obx0.bin", seg, 0, seg.Length));

            var older = new Outbox(st, "obx", 8192, 8); // the firmware after a rollback, same files
            older.Open();
            var link = new FakeLink();
            older.Pump(link, Topics, 0);
            Assert.Equal(new[] { 1, 2 }, link.Sent.Select(s => JsonDocument.Parse(s.payload).RootElement.GetProperty("seq").GetInt32()));
            Assert.Equal(1, older.NewerFrames);
            Assert.Equal(0, older.CorruptFrames);
            Assert.Equal(0, older.ForeignRecords);
        }
    }
}
