using System;
using Station.Hal;

namespace Station.Core.Journal
{
    /// <summary>The swap journal: before each step acts, a full snapshot (step, latched fault, swap record, pack
    /// inventory) is appended to storage as one framed record with a CRC, so a power cut at any instant leaves the
    /// last complete record to recover from.</summary>
    /// <remarks>
    /// Frame: 0x5A 0xA5, payload length (u16 LE), payload, CRC-32 (u32 LE) over length and payload.
    /// A torn last append (short frame or bad CRC) is detected on <see cref="Load"/>, ignored, and cut off by
    /// rewriting the file with the last good record. A bad frame anywhere else does not hide what follows it: Load
    /// resynchronises at the next frame that passes magic, length, CRC and decoding, and takes the newest valid snapshot;
    /// the damaged file is first copied aside to <see cref="EvidenceFileName"/> and the damage reported
    /// (<see cref="CorruptBytes"/>), never deleted because it does not parse. An append that fails part-way is repaired at
    /// once by replacing the file with the new snapshot alone.
    /// Bounded: when an append would pass the size limit, the file is replaced (atomically, IStorage.Replace) by the new
    /// record alone — every record is a full snapshot, so nothing is lost. Writing allocates nothing.
    /// </remarks>
    public sealed class SwapJournal
    {
        /// <summary>Name of the journal file in IStorage.</summary>
        public const string FileName = "swap.journal";

        // Write runs inside the control tick: on nanoFramework every evaluation of a string literal (a const) makes a
        // new heap object, a static field does not.
        private static readonly string JournalFile = FileName;

        /// <summary>Where a damaged journal is copied before it is rewritten (evidence for the technician).</summary>
        public const string EvidenceFileName = "swap.journal.bad";

        private const int Magic0 = 0x5A;
        private const int Magic1 = 0xA5;
        // Version 1: the car bay's record (four places, no blocks), byte for byte as before the bay profiles. Version 2:
        // a record with blocks (truck) or another number of places: a block list after the step times and a place count
        // before the places. The car bay still writes version 1, so a journal stays readable by older firmware.
        private const int Version = 1;
        private const int BlocksVersion = 2;
        private const int V1Steps = 19;
        private const int HeaderBytes = 4;
        private const int CrcBytes = 4;

        private readonly IStorage _storage;
        private readonly int _maxBytes;
        private readonly byte[] _frame;
        private readonly ByteWriter _writer;
        private readonly string[] _placeNames;
        private readonly PackPlace[] _vehiclePlaces;
        private int _sequence;

        /// <summary>Builds a journal over <paramref name="storage"/> for a car bay's inventory of <paramref name="slotCount"/> slots.</summary>
        public SwapJournal(IStorage storage, int slotCount, int maxBytes) : this(storage, slotCount, maxBytes, null) { }

        /// <summary>Builds a journal for an inventory shaped like <paramref name="shape"/> (its places; null = the car bay's).</summary>
        public SwapJournal(IStorage storage, int slotCount, int maxBytes, PackInventory shape)
        {
            _storage = storage;
            _maxBytes = maxBytes;
            int places = shape == null ? PackInventory.PlaceCount : shape.Places;
            if (shape != null && shape.Places != PackInventory.PlaceCount)
            {
                _placeNames = new string[places];
                for (int i = 0; i < places; i++) _placeNames[i] = shape.NameOf((PackPlace)i);
                _vehiclePlaces = shape.VehiclePlaces;
            }
            _frame = new byte[512 + (slotCount + places) * (ByteWriter.MaxString + 8)
                + SwapRecord.MaxBlocks * (2 * ByteWriter.MaxString + 24)];
            _writer = new ByteWriter(_frame);
        }

        /// <summary>Records written since start (plus the sequence found on load).</summary>
        public int Sequence { get { return _sequence; } }

        /// <summary>Bytes after the last valid record found by the last <see cref="Load"/> (a torn or corrupt tail), 0 when none.</summary>
        public int DiscardedBytes { get; private set; }

        /// <summary>Bytes of damage found by the last <see cref="Load"/> before or between valid records (or the whole
        /// file when no record was valid); 0 when at most the last append was torn.</summary>
        public int CorruptBytes { get; private set; }

        /// <summary>True when the last <see cref="Load"/> copied a damaged file to <see cref="EvidenceFileName"/>.</summary>
        public bool EvidenceKept { get; private set; }

        /// <summary>Number of compactions (file rewrites) since start.</summary>
        public int Compactions { get; private set; }

        /// <summary>Appends that failed and were repaired by replacing the file with their snapshot alone.</summary>
        public int Repairs { get; private set; }

        /// <summary>Appends one snapshot; false when storage refused (the caller latches JournalWriteFailed).</summary>
        public bool Write(SwapState state, FaultCode fault, int swapCounter, SwapRecord swap, PackInventory inventory)
        {
            int length = Encode(state, fault, swapCounter, swap, inventory);
            int existing = _storage.Length(JournalFile);
            bool ok;
            if (existing > 0 && existing + length > _maxBytes)
            {
                ok = _storage.Replace(JournalFile, _frame, 0, length);
                if (ok) Compactions++;
            }
            else
            {
                ok = _storage.Append(JournalFile, _frame, 0, length);
                if (!ok)
                {
                    // The append may have left part of a frame behind: every record is a full snapshot, so this one
                    // alone replaces the file and nothing written later lands behind the garbage.
                    ok = _storage.Replace(JournalFile, _frame, 0, length);
                    if (ok) Repairs++;
                }
            }
            if (ok) _sequence++;
            return ok;
        }

        /// <summary>Reads the journal and returns the newest valid snapshot, or null when there is none. Skips damage,
        /// cuts a torn tail, keeps a damaged file as evidence.</summary>
        public JournalSnapshot Load(int slotCount)
        {
            DiscardedBytes = 0;
            CorruptBytes = 0;
            EvidenceKept = false;
            int length = _storage.Length(FileName);
            if (length <= 0) return null;
            byte[] data = new byte[length];
            int got = 0;
            while (got < length)
            {
                int n = _storage.Read(FileName, got, data, got, length - got);
                if (n <= 0) break;
                got += n;
            }
            int pos = 0;
            int validEnd = 0;
            int lastStart = -1;
            int lastLength = 0;
            JournalSnapshot last = null;
            int lastRejected = -1;
            while (pos + HeaderBytes + CrcBytes <= got)
            {
                int frameLength = FrameAt(data, pos, got, _frame.Length);
                JournalSnapshot s = frameLength > 0 ? Decode(data, pos + HeaderBytes, frameLength - HeaderBytes - CrcBytes, slotCount) : null;
                if (frameLength > 0 && s == null) lastRejected = pos; // whole frame, valid CRC, impossible content
                if (s == null)
                {
                    pos++; // resynchronise: the next valid frame may start anywhere
                    continue;
                }
                CorruptBytes += pos - validEnd;
                last = s;
                lastStart = pos;
                lastLength = frameLength;
                pos += frameLength;
                validEnd = pos;
            }
            DiscardedBytes = got - validEnd;
            // A tail holding a whole frame with impossible content was not torn by a power cut: it is damage too.
            if (last == null || lastRejected >= validEnd) CorruptBytes += got - validEnd;
            if (DiscardedBytes > 0 || CorruptBytes > 0)
            {
                // Damage before a valid record is evidence: copy the file aside before rewriting it. A torn tail alone is
                // the normal trace of a power cut during an append.
                bool rewrite = true;
                if (CorruptBytes > 0)
                {
                    EvidenceKept = _storage.Replace(EvidenceFileName, data, 0, got);
                    rewrite = EvidenceKept;
                }
                if (rewrite)
                {
                    if (last != null) _storage.Replace(FileName, data, lastStart, lastLength);
                    else _storage.Delete(FileName);
                }
            }
            if (last != null) _sequence = last.Sequence;
            return last;
        }

        // Length of the frame starting at pos when magic, length and CRC hold, else 0. A frame longer than Encode can
        // write is refused before its CRC is computed, which bounds the resynchronising scan over a damaged file.
        private static int FrameAt(byte[] data, int pos, int got, int maxFrame)
        {
            if (data[pos] != Magic0 || data[pos + 1] != Magic1) return 0;
            int payload = data[pos + 2] | (data[pos + 3] << 8);
            int frameLength = HeaderBytes + payload + CrcBytes;
            if (frameLength > maxFrame || pos + frameLength > got) return 0;
            int c = pos + HeaderBytes + payload;
            uint crc = (uint)(data[c] | (data[c + 1] << 8) | (data[c + 2] << 16) | (data[c + 3] << 24));
            return crc == Crc32.Compute(data, pos + 2, payload + 2) ? frameLength : 0;
        }

        private int Encode(SwapState state, FaultCode fault, int swapCounter, SwapRecord swap, PackInventory inv)
        {
            ByteWriter w = _writer;
            w.Position = HeaderBytes;
            bool v2 = inv.Places != PackInventory.PlaceCount || (swap != null && swap.Blocks != null);
            w.U8(v2 ? BlocksVersion : Version);
            w.I32(_sequence + 1);
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
                int steps = v2 ? SwapStates.Count : V1Steps;
                w.U8(steps);
                for (int i = 0; i < steps; i++)
                {
                    w.I32((int)swap.StepStartMs[i]);
                    w.I32((int)swap.StepEndMs[i]);
                }
                if (v2) WriteBlocks(w, swap);
            }
            w.U8(inv.SlotCount);
            for (int i = 0; i < inv.SlotCount; i++) WritePack(w, inv.Slot(i));
            if (v2) w.U8(inv.Places);
            for (int i = 0; i < inv.Places; i++) WritePack(w, inv.At((PackPlace)i));
            w.U16(inv.ReturnSlot & 0xFFFF);
            int payload = w.Position - HeaderBytes;
            _frame[0] = Magic0;
            _frame[1] = Magic1;
            _frame[2] = (byte)payload;
            _frame[3] = (byte)(payload >> 8);
            uint crc = Crc32.Compute(_frame, 2, payload + 2);
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

        private static bool ReadBlocks(ByteReader r, SwapRecord sw, int slotCount)
        {
            int n = r.U8();
            int current = r.U8();
            if (n > SwapRecord.MaxBlocks || current > n) return false;
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

        private static void WritePack(ByteWriter w, PackRecord r)
        {
            w.Str(r.Serial);
            w.U16(r.SocPct & 0xFFFF);
            w.U8((int)r.State);
            w.U8(r.InTransit ? 1 : 0);
        }

        private static int Signed16(int v) { return v >= 0x8000 ? v - 0x10000 : v; }

        // DateTime.MaxValue.Ticks: a larger (or negative) count makes new DateTime throw.
        private const long MaxTicks = 3155378975999999999L;

        // Every decoded value is checked against what Encode can have written: a record that passes its CRC but holds
        // anything else was crafted or damaged, and is treated as corrupt (null) rather than trusted or thrown on.
        private JournalSnapshot Decode(byte[] data, int offset, int count, int slotCount)
        {
            ByteReader r = new ByteReader(data, offset, count);
            int version = r.U8();
            if (version != Version && version != BlocksVersion) return null;
            bool v2 = version == BlocksVersion;
            JournalSnapshot s = new JournalSnapshot();
            s.Sequence = r.I32();
            int state = r.U8();
            int fault = r.U16();
            s.SwapCounter = r.I32();
            if (state >= SwapStates.Count || !ValidFault(fault) || s.SwapCounter < 0) return null;
            s.State = (SwapState)state;
            s.LatchedFault = (FaultCode)fault;
            int hasSwap = r.U8();
            if (hasSwap > 1) return null;
            if (hasSwap == 1)
            {
                SwapRecord sw = DecodeSwap(r, slotCount);
                if (sw == null || (v2 && !ReadBlocks(r, sw, slotCount))) return null;
                s.Swap = sw;
            }
            int slots = r.U8();
            // Read the slots before the place count (version 2) says which inventory shape they go into.
            PackRecord[] slotRecords = new PackRecord[slots];
            for (int i = 0; i < slots; i++)
            {
                if (!ReadPack(r, out slotRecords[i])) return null;
            }
            int places = v2 ? r.U8() : PackInventory.PlaceCount;
            PackInventory inv;
            if (places == PackInventory.PlaceCount) inv = new PackInventory(slotCount);
            else if (_placeNames != null && places == _placeNames.Length) inv = new PackInventory(slotCount, _placeNames, _vehiclePlaces);
            else return null; // a shape this station does not have: not trusted
            for (int i = 0; i < slots && i < slotCount; i++) inv.SetSlot(i, slotRecords[i]);
            for (int i = 0; i < places; i++)
            {
                PackRecord p;
                if (!ReadPack(r, out p)) return null;
                inv.Set((PackPlace)i, p);
            }
            int ret = Signed16(r.U16());
            if (ret < -1) return null;
            inv.ReturnSlot = ret < slotCount ? ret : -1;
            s.Inventory = inv;
            if (r.Overrun) return null;
            return s;
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
                || sw.SourceSlot < -1 || sw.SourceSlot >= slotCount || ticks < 0 || ticks > MaxTicks || sw.StartMs < 0
                || outcome > (int)SwapOutcome.Interrupted || bms > 1 || interrupted >= SwapStates.Count)
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
            if (steps > SwapStates.Count) return null;
            for (int i = 0; i < steps; i++)
            {
                int a = r.I32();
                int b = r.I32();
                if (a < -1 || b < -1) return null;
                sw.StepStartMs[i] = a;
                sw.StepEndMs[i] = b;
            }
            return r.Overrun ? null : sw;
        }

        private static bool ValidFault(int code) { return code == 0 || FaultCatalogue.IsKnown((FaultCode)code); }

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
