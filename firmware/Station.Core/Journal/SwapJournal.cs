using Station.Hal;

namespace Station.Core.Journal
{
    /// <summary>The swap journal: before each step acts, a full snapshot (step, latched fault, swap record, pack
    /// inventory) is appended to storage as one framed record with a CRC, so a power cut at any instant leaves the
    /// last complete record to recover from.</summary>
    /// <remarks>
    /// The record's frame and format versions: <see cref="JournalFormat"/>; <see cref="JournalEncoder"/> writes a record,
    /// <see cref="JournalDecoder"/> reads one back, this class walks and maintains the files.
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
    /// Formats: a newer format's record (<see cref="FormatVersion"/>) is read by its known prefix, so the pack inventory
    /// survives a rollback to an older firmware. Such a file is reported (<see cref="NewerFormat"/>) and never rewritten
    /// on load (no cut tail, no compaction of damage) — only the next appended snapshot lands behind it.
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

        /// <summary>The newest payload format this firmware writes (the first payload byte): 1 for a car bay's record, 2 for
        /// a record with blocks, 3 for a record whose packs carry standards.</summary>
        public const int FormatVersion = JournalFormat.StandardsVersion;
        private const int HeaderBytes = JournalFormat.HeaderBytes;
        private const int CrcBytes = JournalFormat.CrcBytes;

        private readonly IStorage _storage;
        private readonly int _maxBytes;
        private readonly JournalEncoder _encoder;
        private readonly JournalDecoder _decoder;
        // The encoder's frame, held here too: the append and the compaction write it without a call to fetch it.
        private readonly byte[] _frame;
        private int _sequence;

        /// <summary>Builds a journal over <paramref name="storage"/> for a car bay's inventory of <paramref name="slotCount"/> slots.</summary>
        public SwapJournal(IStorage storage, int slotCount, int maxBytes) : this(storage, slotCount, maxBytes, null) { }

        /// <summary>Builds a journal for an inventory shaped like <paramref name="shape"/> (its places; null = the car bay's).</summary>
        public SwapJournal(IStorage storage, int slotCount, int maxBytes, PackInventory shape)
        {
            _storage = storage;
            _maxBytes = maxBytes;
            _encoder = new JournalEncoder(slotCount, shape == null ? PackInventory.PlaceCount : shape.Places);
            _frame = _encoder.Frame;
            _decoder = new JournalDecoder(shape, _frame.Length);
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
            int length = _encoder.Encode(_sequence + 1, state, fault, swapCounter, swap, inventory);
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
            int frameLength = _decoder.FrameAt(_pending, 0, _pendingLength);
            if (frameLength <= 0) return null;
            _pendingLength = frameLength;
            return _decoder.Decode(_pending, HeaderBytes, frameLength - HeaderBytes - CrcBytes, slotCount);
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
                int frameLength = _decoder.FrameAt(data, pos, got);
                JournalSnapshot s = frameLength > 0 ? _decoder.Decode(data, pos + HeaderBytes, frameLength - HeaderBytes - CrcBytes, slotCount) : null;
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
    }
}