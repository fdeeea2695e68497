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
    /// Bounded: when an append would pass the size limit, the file is replaced (IStorage.Replace) by the new record alone —
    /// every record is a full snapshot, so nothing is lost. A replace need not be atomic: the snapshot is first written
    /// to <see cref="PendingFileName"/>, so a power cut that tears the journal's replace leaves that complete copy (and
    /// one that tears the copy leaves the journal untouched); <see cref="Load"/> takes the newer of the two. Writing
    /// allocates nothing.
    /// Formats: the payload's first byte is its format version (<see cref="FormatVersion"/>). A later format may only add
    /// fields at the end of the payload (a change that cannot be read that way must use a new file name and migrate
    /// explicitly), so this reader reads a newer record's known prefix: the pack inventory survives a rollback to an older
    /// firmware. Such a file is reported (<see cref="NewerFormat"/>) and never rewritten on load (no cut tail, no
    /// compaction of damage) — only the next appended snapshot lands behind it. Fault codes and step numbers this
    /// firmware does not know (written by a newer one) are kept as numbers, not treated as damage.
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

        /// <summary>Where a compaction or repair stages its snapshot before it replaces the journal.</summary>
        public const string PendingFileName = "swap.journal.next";

        private static readonly string PendingFile = PendingFileName;

        private const int Magic0 = 0x5A;
        private const int Magic1 = 0xA5;
        // Version 1: the car bay's record (four places, no blocks), byte for byte as before the bay profiles. Version 2:
        // a record with more places or blocks (the truck): version 1's fields (every step's times), then appended the
        // places beyond the fourth and the swap's blocks, so a reader of version 1 reads its known prefix. The car bay
        // still writes version 1. Version 3: version 2's layout, then appended every slot's and place's pack standard and
        // the installed packs' standards; written only when some pack has a standard, so a station that never names one
        // keeps writing version 1 or 2 byte for byte.
        private const int Version = 1;
        private const int BlocksVersion = 2;
        private const int StandardsVersion = 3;
        private const int V1Steps = 19;

        /// <summary>The newest payload format this firmware writes (the first payload byte): 1 for a car bay's record, 2 for
        /// a record with blocks, 3 for a record whose packs carry standards.</summary>
        public const int FormatVersion = StandardsVersion;
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

        /// <summary>True when the last <see cref="Load"/> found records of a newer format than <see cref="FormatVersion"/>
        /// (read by their known prefix; the file was left as it is).</summary>
        public bool NewerFormat { get; private set; }

        /// <summary>Highest payload format version seen by the last <see cref="Load"/> (0: no record).</summary>
        public int NewestFormatSeen { get; private set; }

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
                ok = ReplaceWhole(length);
                if (ok) Compactions++;
            }
            else
            {
                ok = _storage.Append(JournalFile, _frame, 0, length);
                if (!ok)
                {
                    // The append may have left part of a frame behind: every record is a full snapshot, so this one
                    // alone replaces the file and nothing written later lands behind the garbage.
                    ok = ReplaceWhole(length);
                    if (ok) Repairs++;
                }
            }
            if (ok) _sequence++;
            return ok;
        }

        // Replaces the journal by the snapshot in _frame: staged in the pending file first, so a cut at any byte of either
        // write leaves one complete snapshot at least as new as the last good one.
        private bool ReplaceWhole(int length)
        {
            bool staged = _storage.Replace(PendingFile, _frame, 0, length);
            bool ok = _storage.Replace(JournalFile, _frame, 0, length);
            if (ok && staged) _storage.Delete(PendingFile);
            return ok;
        }

        /// <summary>Reads the journal and returns the newest valid snapshot, or null when there is none. Skips damage,
        /// cuts a torn tail, keeps a damaged file as evidence.</summary>
        public JournalSnapshot Load(int slotCount)
        {
            DiscardedBytes = 0;
            CorruptBytes = 0;
            EvidenceKept = false;
            NewerFormat = false;
            NewestFormatSeen = 0;
            JournalSnapshot staged = LoadPending(slotCount);
            JournalSnapshot found = LoadJournal(slotCount);
            if (staged != null && (found == null || staged.Sequence > found.Sequence))
            {
                // A compaction was cut while it replaced the journal: its staged snapshot is the newest record. The
                // journal gets it back before the staged copy goes, so a cut here too loses nothing.
                _storage.Replace(FileName, _pending, 0, _pendingLength);
                _sequence = staged.Sequence;
                found = staged;
            }
            if (_storage.Length(PendingFileName) >= 0) _storage.Delete(PendingFileName);
            _pending = null;
            return found;
        }

        private byte[] _pending;
        private int _pendingLength;

        // The staged snapshot of a compaction that may not have finished, or null (none, or torn itself).
        private JournalSnapshot LoadPending(int slotCount)
        {
            int length = _storage.Length(PendingFileName);
            if (length < 0) return null;
            _pending = new byte[length];
            _pendingLength = _storage.Read(PendingFileName, 0, _pending, 0, length);
            if (_pendingLength < HeaderBytes + CrcBytes) return null;
            int frameLength = FrameAt(_pending, 0, _pendingLength, _frame.Length);
            if (frameLength <= 0) return null;
            _pendingLength = frameLength;
            return Decode(_pending, HeaderBytes, frameLength - HeaderBytes - CrcBytes, slotCount);
        }

        private JournalSnapshot LoadJournal(int slotCount)
        {
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
                int format = data[pos + HeaderBytes];
                if (format > NewestFormatSeen) NewestFormatSeen = format;
                last = s;
                lastStart = pos;
                lastLength = frameLength;
                pos += frameLength;
                validEnd = pos;
            }
            DiscardedBytes = got - validEnd;
            // A tail holding a whole frame with impossible content was not torn by a power cut: it is damage too.
            if (last == null || lastRejected >= validEnd) CorruptBytes += got - validEnd;
            NewerFormat = NewestFormatSeen > FormatVersion;
            if ((DiscardedBytes > 0 || CorruptBytes > 0) && NewerFormat)
            {
                // Written by a newer firmware: keep every byte for it (evidence copy only), rewrite nothing.
                if (CorruptBytes > 0) EvidenceKept = _storage.Replace(EvidenceFileName, data, 0, got);
            }
            else if (DiscardedBytes > 0 || CorruptBytes > 0)
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
            bool v3 = JournalStandards.Any(swap, inv);
            bool v2 = v3 || inv.Places != PackInventory.PlaceCount || (swap != null && swap.Blocks != null);
            w.U8(v3 ? StandardsVersion : v2 ? BlocksVersion : Version);
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
            if (version < 1) return null; // 0 was never written; a newer version is read by its known prefix
            bool v2 = version >= BlocksVersion;
            bool v3 = version >= StandardsVersion;
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
                || sw.SourceSlot < -1 || sw.SourceSlot >= slotCount || ticks < 0 || ticks > MaxTicks || sw.StartMs < 0
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

        // Any 16-bit number: a code this firmware has not catalogued was written by a newer one and is kept as a number
        // (FaultCatalogue names it "Unknown"); the CRC, not the catalogue, tells damage.
        private static bool ValidFault(int code) { return code >= 0 && code <= 0xFFFF; }

        // A step number fits the byte Encode writes; one this firmware does not know (a newer firmware's step) is kept as
        // a number: the station starts in Recovery for it like for any interrupted step it knows.
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
