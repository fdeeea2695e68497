using System;
using nanoFramework.TestFramework;
using Station.Core;
using Station.Core.Journal;
using Station.Device.Tests.Fakes;

namespace Station.Device.Tests
{
    /// <summary>A journal record written and read back, on the target's own byte handling; a torn tail is cut.</summary>
    [TestClass]
    public class JournalTests
    {
        [TestMethod]
        public void A_record_reads_back_as_written()
        {
            var storage = new MemoryStorage();
            var inventory = new PackInventory(13);
            inventory.SetSlot(0, "P1", 95, PackState.Ready);
            inventory.SetSlot(4, "P5", 40, PackState.Charging);
            inventory.Set(PackPlace.Vehicle, PackRecord.Of("D1", 12, PackState.InUse));
            var swap = new SwapRecord();
            swap.SwapId = 7;
            swap.VehicleId = "VIN1";
            swap.PackOutSerial = "D1";
            swap.PackInSerial = "P1";
            swap.PackOutSocPct = 12;
            swap.PackInSocPct = 95;
            swap.StartUtc = new DateTime(2026, 3, 4, 5, 6, 7);
            swap.AddFault(FaultCode.LockReleaseTimeout);

            var journal = new SwapJournal(storage, 13, 16384);
            Assert.IsTrue(journal.Write(SwapState.Unlock, FaultCode.None, 7, swap, inventory));

            JournalSnapshot back = new SwapJournal(storage, 13, 16384).Load(13);
            Assert.IsNotNull(back);
            Assert.AreEqual((int)SwapState.Unlock, (int)back.State);
            Assert.AreEqual((int)FaultCode.None, (int)back.LatchedFault);
            Assert.AreEqual(7, back.SwapCounter);
            Assert.AreEqual("VIN1", back.Swap.VehicleId);
            Assert.AreEqual("D1", back.Swap.PackOutSerial);
            Assert.AreEqual("P1", back.Swap.PackInSerial);
            Assert.AreEqual(12, back.Swap.PackOutSocPct);
            Assert.AreEqual(95, back.Swap.PackInSocPct);
            Assert.AreEqual(swap.StartUtc, back.Swap.StartUtc);
            Assert.AreEqual(1, back.Swap.FaultCount);
            Assert.AreEqual((int)FaultCode.LockReleaseTimeout, (int)back.Swap.Faults[0]);
            Assert.IsTrue(back.Inventory.SameAs(inventory), "inventory round trip");
            Assert.AreEqual("P5", back.Inventory.Slot(4).Serial);
        }

        [TestMethod]
        public void A_torn_last_record_is_cut_and_the_one_before_it_is_kept()
        {
            var storage = new MemoryStorage();
            var inventory = new PackInventory(13);
            inventory.SetSlot(1, "P2", 90, PackState.Ready);
            var journal = new SwapJournal(storage, 13, 16384);
            Assert.IsTrue(journal.Write(SwapState.Idle, FaultCode.None, 1, null, inventory));
            int good = storage.Length(SwapJournal.FileName);
            Assert.IsTrue(journal.Write(SwapState.Arming, FaultCode.None, 2, null, inventory));
            int full = storage.Length(SwapJournal.FileName);

            // A power cut half way through the second append: keep the first record and half of the second.
            byte[] bytes = new byte[full];
            storage.Read(SwapJournal.FileName, 0, bytes, 0, full);
            storage.Replace(SwapJournal.FileName, bytes, 0, good + (full - good) / 2);

            var reader = new SwapJournal(storage, 13, 16384);
            JournalSnapshot back = reader.Load(13);
            Assert.IsNotNull(back);
            Assert.AreEqual((int)SwapState.Idle, (int)back.State);
            Assert.AreEqual(1, back.SwapCounter);
            Assert.IsTrue(reader.DiscardedBytes > 0, "the torn tail was reported");
        }

        [TestMethod]
        public void The_crc_and_the_byte_layout_are_the_same_on_the_target()
        {
            // "123456789": the CRC-32 check value; then a pattern against the bitwise definition at four alignments
            // (the four-byte slices shift bytes into an int, where the interpreter's arithmetic must match the host's).
            byte[] check = new byte[9];
            for (int i = 0; i < 9; i++) check[i] = (byte)('1' + i);
            Assert.IsTrue(Crc32.Compute(check, 0, 9) == 0xCBF43926u);
            byte[] data = new byte[80];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 37 + 0x9B);
            for (int offset = 0; offset < 4; offset++)
                for (int n = 60; n < 68; n++)
                    Assert.IsTrue(Crc32.Compute(data, offset, n) == Bitwise(data, offset, n));

            var w = new ByteWriter(new byte[16]);
            w.I64(0x0102030405060708L);
            w.I32(-2);
            w.Str("A\u00e9");
            byte[] expected = { 8, 7, 6, 5, 4, 3, 2, 1, 0xFE, 0xFF, 0xFF, 0xFF, 2, (byte)'A', (byte)'?' };
            Assert.AreEqual(expected.Length, w.Position);
            for (int i = 0; i < expected.Length; i++) Assert.AreEqual((int)expected[i], (int)w.Buffer[i]);
        }

        private static uint Bitwise(byte[] d, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= d[i];
                for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
            return ~crc;
        }
    }
}
