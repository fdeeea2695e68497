using System;

namespace Station.Core.Journal
{
    /// <summary>Reads framed records (<see cref="JournalFormat"/>) back into snapshots, for the journal's walk at boot.
    /// Apart from the writer because its concerns are the reverse ones: it allocates the snapshot's objects freely (it
    /// runs once, not in the tick) and trusts nothing it reads.</summary>
    /// <remarks>A newer format's record is read by its known prefix, so the pack inventory survives a rollback to an older
    /// firmware. Fault codes and step numbers this firmware does not know (written by a newer one) are kept as numbers,
    /// not treated as damage.</remarks>
    internal sealed class JournalDecoder
    {
        private readonly int _maxFrame;
        private readonly string[] _placeNames;
        private readonly PackPlace[] _vehiclePlaces;

        /// <summary>A reader of frames up to <paramref name="maxFrame"/> bytes whose inventories are shaped like
        /// <paramref name="shape"/> (its places; null = the car bay's).</summary>
        public JournalDecoder(PackInventory shape, int maxFrame)
        {
            _maxFrame = maxFrame;
            if (shape != null && shape.Places != PackInventory.PlaceCount)
            {
                _placeNames = new string[shape.Places];
                for (int i = 0; i < _placeNames.Length; i++) _placeNames[i] = shape.NameOf((PackPlace)i);
                _vehiclePlaces = shape.VehiclePlaces;
            }
        }

        /// <summary>Length of the frame starting at <paramref name="pos"/> when magic, length and CRC hold, else 0.</summary>
        /// <remarks>A frame longer than the encoder can write is refused before its CRC is computed, which bounds the
        /// resynchronising scan over a damaged file.</remarks>
        public int FrameAt(byte[] data, int pos, int got)
        {
            if (data[pos] != JournalFormat.Magic0 || data[pos + 1] != JournalFormat.Magic1) return 0;
            int payload = data[pos + 2] | (data[pos + 3] << 8);
            int frameLength = JournalFormat.HeaderBytes + payload + JournalFormat.CrcBytes;
            if (frameLength > _maxFrame || pos + frameLength > got) return 0;
            int c = pos + JournalFormat.HeaderBytes + payload;
            uint crc = (uint)(data[c] | (data[c + 1] << 8) | (data[c + 2] << 16) | (data[c + 3] << 24));
            return crc == Crc32.Compute(data, pos + 2, payload + 2) ? frameLength : 0;
        }

        /// <summary>The snapshot in the payload at <paramref name="offset"/>, or null when it is not one the encoder can
        /// have written.</summary>
        /// <remarks>Every decoded value is checked against what the encoder can have written: a record that passes its CRC
        /// but holds anything else was crafted or damaged, and is treated as corrupt (null) rather than trusted or thrown
        /// on.</remarks>
        public JournalSnapshot Decode(byte[] data, int offset, int count, int slotCount)
        {
            ByteReader r = new ByteReader(data, offset, count);
            int version = r.U8();
            if (version < 1) return null; // 0 was never written; a newer version is read by its known prefix
            bool v2 = version >= JournalFormat.BlocksVersion;
            bool v3 = version >= JournalFormat.StandardsVersion;
            JournalSnapshot s = new JournalSnapshot();
            s.Sequence = r.I32();
            int state = r.U8();
            int fault = r.U16();
            s.SwapCounter = r.I32();
            if (!ValidState(state) || !ValidFault(fault) || s.SwapCounter < 0) return null;
            s.State = (SwapState)state;
            s.LatchedFault = (FaultCode)fault;
            int hasSwap = r.U8();
            if (hasSwap > 1) return null;
            if (hasSwap == 1)
            {
                SwapRecord sw = DecodeSwap(r, slotCount);
                if (sw == null) return null;
                s.Swap = sw;
            }
            int slots = r.U8();
            // The slots and the car's four places come before the appended places say which inventory shape they fill.
            PackRecord[] records = new PackRecord[slots + PackInventory.PlaceCount];
            for (int i = 0; i < records.Length; i++)
            {
                if (!ReadPack(r, out records[i])) return null;
            }
            int ret = Signed16(r.U16());
            if (ret < -1 || r.Overrun) return null;
            PackRecord[] extra = null;
            if (v2) extra = ReadExtension(r, s.Swap, slotCount);
            PackInventory inv = extra != null && _placeNames != null && extra.Length == _placeNames.Length - PackInventory.PlaceCount
                ? new PackInventory(slotCount, _placeNames, _vehiclePlaces) : new PackInventory(slotCount);
            for (int i = 0; i < slots && i < slotCount; i++) inv.SetSlot(i, records[i]);
            for (int i = 0; i < PackInventory.PlaceCount; i++) inv.Set((PackPlace)i, records[slots + i]);
            if (inv.Places > PackInventory.PlaceCount)
                for (int i = 0; i < extra.Length; i++) inv.Set((PackPlace)(PackInventory.PlaceCount + i), extra[i]);
            inv.ReturnSlot = ret < slotCount ? ret : -1;
            // Version 3's standards follow version 2's part; unread (standards unspecified) when that part did not read.
            if (v3 && extra != null) JournalStandards.Read(r, s.Swap, inv, slots);
            s.Inventory = inv;
            return s;
        }

        // Version 2's appended part: the places beyond the fourth and the swap's blocks (into the record). Null when it
        // does not read as this firmware writes it (a newer format's other fields): the known prefix stands alone.
        private static PackRecord[] ReadExtension(ByteReader r, SwapRecord swap, int slotCount)
        {
            int n = r.U8();
            if (r.Overrun || n > 8) return null;
            PackRecord[] extra = new PackRecord[n];
            for (int i = 0; i < n; i++)
            {
                if (!ReadPack(r, out extra[i])) return null;
            }
            if (swap != null && !ReadBlocks(r, swap, slotCount))
            {
                swap.Blocks = null;
                swap.BlockCount = 0;
                return null;
            }
            return extra;
        }

        private static SwapRecord DecodeSwap(ByteReader r, int slotCount)
        {
            SwapRecord sw = new SwapRecord();
            sw.SwapId = r.I32();
            sw.VehicleId = r.Str();
            sw.PackOutSerial = r.Str();
            sw.PackInSerial = r.Str();
            sw.PackOutSocPct = Signed16(r.U16());
            sw.PackInSocPct = Signed16(r.U16());
            sw.SourceSlot = Signed16(r.U16());
            long ticks = r.I64();
            sw.StartMs = r.I64();
            int outcome = r.U8();
            int bms = r.U8();
            int interrupted = r.U8();
            if (r.Overrun || sw.SwapId < 0 || !ValidText(sw.VehicleId, false) || !ValidText(sw.PackOutSerial, true)
                || !ValidText(sw.PackInSerial, true) || !ValidSoc(sw.PackOutSocPct) || !ValidSoc(sw.PackInSocPct)
                || sw.SourceSlot < -1 || sw.SourceSlot >= slotCount || ticks < 0 || ticks > JournalFormat.MaxTicks || sw.StartMs < 0
                || outcome > (int)SwapOutcome.Interrupted || bms > 1 || !ValidState(interrupted))
            {
                return null;
            }
            sw.StartUtc = new DateTime(ticks, DateTimeKind.Utc);
            sw.Outcome = (SwapOutcome)outcome;
            sw.BmsVerified = bms == 1;
            sw.InterruptedStep = (SwapState)interrupted;
            int faults = r.U8();
            int stored = faults < SwapRecord.MaxFaults ? faults : SwapRecord.MaxFaults;
            for (int i = 0; i < stored; i++)
            {
                int f = r.U16();
                if (f == 0 || !ValidFault(f)) return null;
                sw.Faults[i] = (FaultCode)f;
            }
            sw.FaultCount = faults;
            int steps = r.U8();
            for (int i = 0; i < steps; i++)
            {
                int a = r.I32();
                int b = r.I32();
                if (a < -1 || b < -1) return null;
                if (i >= SwapStates.Count) continue; // steps a newer firmware has: read past, not kept
                sw.StepStartMs[i] = a;
                sw.StepEndMs[i] = b;
            }
            return r.Overrun ? null : sw;
        }

        private static bool ReadBlocks(ByteReader r, SwapRecord sw, int slotCount)
        {
            int n = r.U8();
            int current = r.U8();
            if (r.Overrun || n > SwapRecord.MaxBlocks || current > n) return false;
            if (n == 0) return true;
            sw.SizeBlocks(n);
            sw.CurrentBlock = current;
            for (int i = 0; i < n; i++)
            {
                BlockSwap b = sw.Blocks[i];
                b.Position = r.U8();
                b.PackOutSerial = r.Str();
                b.PackInSerial = r.Str();
                b.PackOutSocPct = Signed16(r.U16());
                b.PackInSocPct = Signed16(r.U16());
                b.SourceSlot = Signed16(r.U16());
                b.StartMs = r.I32();
                b.EndMs = r.I32();
                int verdict = r.U8();
                int bms = r.U8();
                if (r.Overrun || b.Position < 1 || b.Position > SwapRecord.MaxBlocks || !ValidText(b.PackOutSerial, true)
                    || !ValidText(b.PackInSerial, true) || !ValidSoc(b.PackOutSocPct) || !ValidSoc(b.PackInSocPct)
                    || b.SourceSlot < -1 || b.SourceSlot >= slotCount || b.StartMs < -1 || b.EndMs < -1
                    || verdict > (int)GateVerdict.Failed || bms > 1)
                {
                    return false;
                }
                b.Verdict = (GateVerdict)verdict;
                b.BmsVerified = bms == 1;
            }
            return true;
        }

        private static int Signed16(int v) { return v >= 0x8000 ? v - 0x10000 : v; }

        // Any 16-bit number: a code this firmware has not catalogued was written by a newer one and is kept as a number
        // (FaultCatalogue names it "Unknown"); the CRC, not the catalogue, tells damage.
        private static bool ValidFault(int code) { return code >= 0 && code <= 0xFFFF; }

        // A step number fits the byte the encoder writes; one this firmware does not know (a newer firmware's step) is
        // kept as a number: the station starts in Recovery for it like for any interrupted step it knows.
        private static bool ValidState(int state) { return state >= 0 && state <= 0xFF; }

        // -1 (unknown) or a percentage as a BMS may report it (one byte): anything else was never written.
        private static bool ValidSoc(int pct) { return pct >= -1 && pct <= 255; }

        // ByteWriter.Str writes ASCII only; null only where absence is allowed.
        private static bool ValidText(string s, bool mayBeNull)
        {
            if (s == null) return mayBeNull;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] > (char)127) return false;
            }
            return true;
        }

        private static bool ReadPack(ByteReader r, out PackRecord p)
        {
            p = new PackRecord();
            p.Serial = r.Str();
            p.SocPct = Signed16(r.U16());
            int state = r.U8();
            int transit = r.U8();
            if (r.Overrun || !ValidText(p.Serial, true) || !ValidSoc(p.SocPct) || state > (int)PackState.InUse || transit > 1) return false;
            p.State = (PackState)state;
            p.InTransit = transit == 1;
            if (p.Serial == null)
            {
                p.State = PackState.Empty;
                p.InTransit = false;
            }
            return true;
        }
    }
}
