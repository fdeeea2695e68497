namespace Station.Core.Journal
{
    /// <summary>Writes one snapshot as a framed record (<see cref="JournalFormat"/>) into a buffer sized once for the
    /// station's inventory. Apart from the reader because it runs at every swap transition on the device: it allocates
    /// nothing, while reading (at boot only) builds the snapshot's objects.</summary>
    internal sealed class JournalEncoder
    {
        private readonly ByteWriter _writer;

        /// <summary>Sizes the frame for <paramref name="slotCount"/> rack slots and <paramref name="places"/> places.</summary>
        public JournalEncoder(int slotCount, int places)
        {
            _writer = new ByteWriter(new byte[512 + (slotCount + places) * (ByteWriter.MaxString + 8)
                + SwapRecord.MaxBlocks * (2 * ByteWriter.MaxString + 24)]);
        }

        /// <summary>The frame the last <see cref="Encode"/> wrote (its length is also the longest frame that can be
        /// written, which bounds the reader's resynchronising scan).</summary>
        public byte[] Frame { get { return _writer.Buffer; } }

        /// <summary>Writes the snapshot as record number <paramref name="sequence"/> into <see cref="Frame"/> and returns
        /// the frame's length. Allocation-free.</summary>
        public int Encode(int sequence, SwapState state, FaultCode fault, int swapCounter, SwapRecord swap, PackInventory inv)
        {
            ByteWriter w = _writer;
            w.Position = JournalFormat.HeaderBytes;
            bool v3 = JournalStandards.Any(swap, inv);
            bool v2 = v3 || inv.Places != PackInventory.PlaceCount || (swap != null && swap.Blocks != null);
            w.U8(v3 ? JournalFormat.StandardsVersion : v2 ? JournalFormat.BlocksVersion : JournalFormat.Version);
            w.I32(sequence);
            w.U8((int)state);
            w.U16((int)fault);
            w.I32(swapCounter);
            if (swap == null) w.U8(0);
            else
            {
                w.U8(1);
                w.I32(swap.SwapId);
                w.Str(swap.VehicleId);
                w.Str(swap.PackOutSerial);
                w.Str(swap.PackInSerial);
                w.U16(swap.PackOutSocPct & 0xFFFF);
                w.U16(swap.PackInSocPct & 0xFFFF);
                w.U16(swap.SourceSlot & 0xFFFF);
                w.I64(swap.StartUtc.Ticks);
                w.I64(swap.StartMs);
                w.U8((int)swap.Outcome);
                w.U8(swap.BmsVerified ? 1 : 0);
                w.U8((int)swap.InterruptedStep);
                w.U8(swap.FaultCount);
                int stored = swap.FaultCount < SwapRecord.MaxFaults ? swap.FaultCount : SwapRecord.MaxFaults;
                for (int i = 0; i < stored; i++) w.U16((int)swap.Faults[i]);
                // Version 1 holds the 19 states the car bay has had since the first journal (the truck's steps come after).
                int steps = v2 ? SwapStates.Count : JournalFormat.V1Steps;
                w.U8(steps);
                for (int i = 0; i < steps; i++)
                {
                    w.I32((int)swap.StepStartMs[i]);
                    w.I32((int)swap.StepEndMs[i]);
                }
            }
            w.U8(inv.SlotCount);
            for (int i = 0; i < inv.SlotCount; i++) WritePack(w, inv.Slot(i));
            for (int i = 0; i < PackInventory.PlaceCount; i++) WritePack(w, inv.At((PackPlace)i));
            w.U16(inv.ReturnSlot & 0xFFFF);
            if (v2)
            {
                // Appended (a version-1 reader stops before): the places beyond the car's four, then the swap's blocks.
                w.U8(inv.Places - PackInventory.PlaceCount);
                for (int i = PackInventory.PlaceCount; i < inv.Places; i++) WritePack(w, inv.At((PackPlace)i));
                if (swap != null) WriteBlocks(w, swap);
                if (v3) JournalStandards.Write(w, swap, inv);
            }
            byte[] frame = w.Buffer;
            int payload = w.Position - JournalFormat.HeaderBytes;
            frame[0] = JournalFormat.Magic0;
            frame[1] = JournalFormat.Magic1;
            frame[2] = (byte)payload;
            frame[3] = (byte)(payload >> 8);
            uint crc = Crc32.Compute(frame, 2, payload + 2);
            w.U32(crc);
            return w.Position;
        }

        private static void WriteBlocks(ByteWriter w, SwapRecord swap)
        {
            int n = swap.Blocks == null ? 0 : swap.BlockCount;
            w.U8(n);
            w.U8(swap.CurrentBlock);
            for (int i = 0; i < n; i++)
            {
                BlockSwap b = swap.Blocks[i];
                w.U8(b.Position);
                w.Str(b.PackOutSerial);
                w.Str(b.PackInSerial);
                w.U16(b.PackOutSocPct & 0xFFFF);
                w.U16(b.PackInSocPct & 0xFFFF);
                w.U16(b.SourceSlot & 0xFFFF);
                w.I32((int)b.StartMs);
                w.I32((int)b.EndMs);
                w.U8((int)b.Verdict);
                w.U8(b.BmsVerified ? 1 : 0);
            }
        }

        private static void WritePack(ByteWriter w, PackRecord r)
        {
            w.Str(r.Serial);
            w.U16(r.SocPct & 0xFFFF);
            w.U8((int)r.State);
            w.U8(r.InTransit ? 1 : 0);
        }
    }
}
