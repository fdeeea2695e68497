using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Station.Core.Journal;
using Station.Core.Tests.Bay;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The journal across firmware versions: today's golden files read as they were written; a journal written by
    /// a newer format (fields added at the end, a fault code and a step this firmware does not know) is read by its known
    /// prefix, reported, kept byte for byte, and the pack inventory survives the rollback; a flipped version byte under a
    /// bad CRC stays damage.</summary>
    public class JournalFormatTests
    {
        private static readonly string Golden = Path.Combine(FindRoot(), "tests", "Station.Core.Tests", "Golden");
        private static readonly int Slots = new TestBay().Config.RackSlots;

        private static string FindRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "StationFirmware.sln"))) dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("StationFirmware.sln not found");
        }

        public static IEnumerable<object[]> GoldenJournals() =>
            Directory.GetFiles(Golden, "journal-*.bin").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });

        private static (MemoryStorage storage, SwapJournal journal) Over(byte[] file)
        {
            var storage = new MemoryStorage();
            storage.Replace(SwapJournal.FileName, file, 0, file.Length);
            return (storage, new SwapJournal(storage, Slots, 16384));
        }

        private static byte[] Stored(MemoryStorage s)
        {
            var d = new byte[s.Length(SwapJournal.FileName)];
            s.Read(SwapJournal.FileName, 0, d, 0, d.Length);
            return d;
        }

        [Fact]
        public void The_golden_journals_of_todays_format_are_committed()
        {
            Assert.True(Directory.GetFiles(Golden, "journal-*.bin").Length >= 10, "golden journal files missing under " + Golden);
        }

        [Theory]
        [MemberData(nameof(GoldenJournals))]
        public void Each_golden_journal_reads_as_written_and_as_todays_format(string name)
        {
            var (_, journal) = Over(File.ReadAllBytes(Path.Combine(Golden, name)));
            var snap = journal.Load(Slots);
            var m = Regex.Match(File.ReadAllText(Path.Combine(Golden, Path.ChangeExtension(name, ".txt"))),
                @"snapshot: seq (\d+) state (\d+) fault (\d+) swaps (\d+)");
            Assert.True(m.Success, name + ": no snapshot line in its .txt");
            Assert.NotNull(snap);
            Assert.Equal(int.Parse(m.Groups[1].Value), snap.Sequence);
            Assert.Equal(int.Parse(m.Groups[2].Value), (int)snap.State);
            Assert.Equal(int.Parse(m.Groups[3].Value), (int)snap.LatchedFault);
            Assert.Equal(int.Parse(m.Groups[4].Value), snap.SwapCounter);
            Assert.False(journal.NewerFormat);
            // The car bay's records are format 1 (a truck's are 2); packs with standards make format 3 (the mixed rack's).
            Assert.Equal(name.Contains("mixed-rack") ? 3 : 1, journal.NewestFormatSeen);
        }

        // Rewrites every frame as the next format after this firmware's newest: trailing fields appended, and in the last frame a fault code and a step
        // number this firmware does not know. The CRC is made right: this is what a newer firmware would write.
        private static byte[] AsNewerFormat(byte[] file, bool fixCrc = true)
        {
            var output = new List<byte>();
            int pos = 0;
            var frames = new List<(int start, int payload)>();
            while (pos + 8 <= file.Length && file[pos] == 0x5A && file[pos + 1] == 0xA5)
            {
                int payload = file[pos + 2] | (file[pos + 3] << 8);
                if (pos + 8 + payload > file.Length) break;
                frames.Add((pos, payload));
                pos += 8 + payload;
            }
            for (int f = 0; f < frames.Count; f++)
            {
                var p = file.Skip(frames[f].start + 4).Take(frames[f].payload).ToList();
                p[0] = (byte)(SwapJournal.FormatVersion + 1); // newer than any this firmware writes
                if (f == frames.Count - 1) { p[5] = 60; p[6] = 200; p[7] = 0; }
                p.AddRange(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
                var frame = new List<byte> { 0x5A, 0xA5, (byte)p.Count, (byte)(p.Count >> 8) };
                frame.AddRange(p);
                uint crc = Crc32.Compute(frame.ToArray(), 2, p.Count + 2);
                if (!fixCrc && f == frames.Count - 1) crc ^= 1;
                frame.AddRange(new[] { (byte)crc, (byte)(crc >> 8), (byte)(crc >> 16), (byte)(crc >> 24) });
                output.AddRange(frame);
            }
            return output.ToArray();
        }

        [Fact]
        public void An_older_firmware_reads_a_newer_journal_keeps_the_inventory_and_the_unknown_numbers_and_rewrites_nothing()
        {
            byte[] today = File.ReadAllBytes(Path.Combine(Golden, "journal-step-lock.bin"));
            var expected = Over(today).journal.Load(Slots);
            byte[] newer = AsNewerFormat(today);

            var (storage, journal) = Over(newer);
            var snap = journal.Load(Slots);
            Assert.NotNull(snap);
            Assert.True(journal.NewerFormat);
            Assert.Equal(SwapJournal.FormatVersion + 1, journal.NewestFormatSeen);
            Assert.Equal(0, journal.CorruptBytes);
            Assert.Equal(200, (int)snap.LatchedFault);   // kept as a number
            Assert.Equal(60, (int)snap.State);           // kept as a number
            Assert.Equal("Unknown", FaultCatalogue.Name(snap.LatchedFault));
            Assert.True(snap.Inventory.SameAs(expected.Inventory), "inventory lost in the rollback");
            Assert.Equal(expected.SwapCounter, snap.SwapCounter);
            Assert.Equal(newer, Stored(storage));       // nothing rewritten, nothing cut

            // A whole station started over it: every pack where it was, the swap waits for recovery, no motion.
            var bay = new TestBay(storage: new TestStorage());
            bay.Storage.Replace(SwapJournal.FileName, newer, 0, newer.Length);
            var s = new TestStation(bay);
            Assert.Equal(SwapState.Recovery, s.C.State);
            Assert.True(s.C.Inventory.SameAs(expected.Inventory));
            Assert.False(bay.AnyOutputOn());
        }

        [Fact]
        public void A_newer_version_byte_under_a_bad_crc_is_damage_not_a_newer_format()
        {
            byte[] today = File.ReadAllBytes(Path.Combine(Golden, "journal-step-lock.bin"));
            var (_, journal) = Over(AsNewerFormat(today, fixCrc: false));
            var snap = journal.Load(Slots);
            Assert.NotNull(snap); // the previous (good, newer) record
            Assert.True(journal.DiscardedBytes > 0);
            Assert.NotEqual(200, (int)snap.LatchedFault);
        }
    }
}
