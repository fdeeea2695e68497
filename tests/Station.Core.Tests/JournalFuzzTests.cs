using System;
using System.Collections.Generic;
using Station.Core.Journal;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Stored journal bytes may be wrong or hostile: Start() never throws and never moves, whatever they hold.
    /// Mutations are re-sealed with a valid CRC so that they reach the decoder, not just the frame check.</summary>
    public class JournalFuzzTests
    {
        [Fact]
        public void A_record_with_out_of_range_start_ticks_is_treated_as_corrupt()
        {
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.RaiseToPack);
            byte[] all = s.Bay.Storage.Bytes(SwapJournal.FileName);
            List<int> frames = Frames(all);
            int last = frames[frames.Count - 1];
            // Payload: ver(1) seq(4) state(1) fault(2) counter(4) has(1) id(4) 3 strings, 3 x u16, then the start ticks.
            int q = last + 4 + 1 + 4 + 1 + 2 + 4 + 1 + 4;
            for (int k = 0; k < 3; k++) { int n = all[q]; q += 1 + (n == 255 ? 0 : n); }
            q += 6;
            for (int k = 0; k < 8; k++) all[q + k] = 0xFF; // ticks = -1
            Reseal(all, last);
            s.Bay.Storage.Set(SwapJournal.FileName, all);

            Exception e = Record.Exception(() => s.PowerCycle());

            Assert.Null(e);
            Assert.True(s.C.Sequencer.Journal.CorruptBytes > 0); // the crafted record is damage, the one before it is used
            Assert.Equal(SwapState.Recovery, s.C.State);
            Assert.Equal(SwapState.Arming, s.C.InterruptedStep);
            Assert.False(s.Bay.AnyOutputOn());
        }

        [Fact]
        public void Random_and_mutated_journal_bytes_never_make_Start_throw_or_move()
        {
            var source = TestStation.WithRack();
            source.DriveTo(SwapState.Transfer);
            byte[] good = source.Bay.Storage.Bytes(SwapJournal.FileName);
            var rng = new Random(4301);
            for (int round = 0; round < 1500; round++)
            {
                byte[] data = Mutate(good, rng);
                var bay = new TestBay();
                bay.Storage.Set(SwapJournal.FileName, data);
                TestStation s = null;
                Exception e = Record.Exception(() =>
                {
                    s = new TestStation(bay);
                    for (int t = 0; t < 5; t++) s.Tick();
                    s.C.Sequencer.WhyNotSwapping();
                    s.C.Inventory.Describe();
                });
                Assert.True(e == null, "round " + round + ": " + e);
                Assert.False(bay.AnyOutputOn(), "round " + round + ": outputs on in " + s.C.State);
                Assert.True(bay.LiftMm == 37, "round " + round + ": the lift moved");
            }
        }

        private static byte[] Mutate(byte[] good, Random rng)
        {
            int kind = rng.Next(4);
            if (kind == 0)
            {
                var noise = new byte[rng.Next(1, 600)];
                rng.NextBytes(noise);
                return noise;
            }
            byte[] data = (byte[])good.Clone();
            List<int> frames = Frames(data);
            int edits = rng.Next(1, 6);
            for (int e = 0; e < edits; e++)
            {
                int f = frames[rng.Next(frames.Count)];
                int payload = data[f + 2] | (data[f + 3] << 8);
                int at = f + 4 + rng.Next(payload);
                data[at] = kind == 1 ? (byte)rng.Next(256) : kind == 2 ? (byte)0xFF : (byte)(data[at] ^ (1 << rng.Next(8)));
                Reseal(data, f);
            }
            if (rng.Next(8) == 0) Array.Resize(ref data, rng.Next(data.Length));
            return data;
        }

        private static List<int> Frames(byte[] all)
        {
            var starts = new List<int>();
            int pos = 0;
            while (pos + 8 <= all.Length)
            {
                starts.Add(pos);
                pos += 8 + (all[pos + 2] | (all[pos + 3] << 8));
            }
            return starts;
        }

        private static void Reseal(byte[] all, int frame)
        {
            int payload = all[frame + 2] | (all[frame + 3] << 8);
            uint crc = Crc32.Compute(all, frame + 2, payload + 2);
            int c = frame + 4 + payload;
            all[c] = (byte)crc; all[c + 1] = (byte)(crc >> 8); all[c + 2] = (byte)(crc >> 16); all[c + 3] = (byte)(crc >> 24);
        }
    }
}
