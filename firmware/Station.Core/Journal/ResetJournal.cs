using Station.Hal;

namespace Station.Core.Journal
{
    /// <summary>Why the board started, journaled at every start: the number of starts, the last reason and a count per
    /// reason, in one small record replaced atomically. Neither nanoFramework target publishes its reset cause to managed
    /// code, so a deliberate restart (the loop watchdog giving up, a software restart) leaves an intent file first
    /// (<see cref="MarkIntent"/>); a start with neither the target's word nor an intent is <see cref="ResetReason.Unknown"/>.</summary>
    /// <remarks>
    /// Record: 'R' 'S', format version (u8), starts (i32), last reason (u8), n (u8), n counts (i32, by reason number),
    /// CRC-32 (u32 LE) over everything before it. A record of a newer format is kept as it is, never overwritten, and
    /// reported (<see cref="NewerFormat"/>); a damaged one is reported and started afresh.
    /// </remarks>
    public sealed class ResetJournal
    {
        /// <summary>The record's file in IStorage.</summary>
        public const string FileName = "reset.record";
        /// <summary>The intent file a deliberate restart leaves behind.</summary>
        public const string IntentFileName = "reset.intent";
        /// <summary>The format this firmware writes.</summary>
        public const int FormatVersion = 1;

        private const int Magic0 = 'R';
        private const int Magic1 = 'S';
        private const int Reasons = 5; // ResetReason.Unknown .. BrownOut
        private const int MaxReasons = 32;

        private readonly IStorage _storage;
        private readonly int[] _counts = new int[MaxReasons];

        /// <summary>Journal over <paramref name="storage"/>.</summary>
        public ResetJournal(IStorage storage) { _storage = storage; }

        /// <summary>Starts recorded (this one included).</summary>
        public int Starts { get; private set; }
        /// <summary>Why the board started this time.</summary>
        public ResetReason LastReason { get; private set; }
        /// <summary>True when the stored record was written by a newer format: kept untouched, this start not counted.</summary>
        public bool NewerFormat { get; private set; }
        /// <summary>True when the stored record was damaged (it was started afresh).</summary>
        public bool Damaged { get; private set; }

        /// <summary>Starts that had <paramref name="reason"/> (also reasons this firmware has no name for, by number).</summary>
        public int Count(int reason) { return reason >= 0 && reason < MaxReasons ? _counts[reason] : 0; }

        /// <summary>Before a deliberate restart: says why, so the next start can tell.</summary>
        public bool MarkIntent(ResetReason reason)
        {
            byte[] b = new byte[] { (byte)Magic0, (byte)Magic1, (byte)reason };
            return _storage.Replace(IntentFileName, b, 0, b.Length);
        }

        /// <summary>The reason a deliberate restart left behind, without taking it: the loader reads it before the
        /// station starts (a watchdog restart counts against a trial image) and <see cref="Record"/> journals it later.
        /// <see cref="ResetReason.Unknown"/> when none was left or it is unreadable.</summary>
        public ResetReason PendingIntent()
        {
            byte[] intent = ReadAll(IntentFileName);
            if (intent == null || intent.Length != 3 || intent[0] != Magic0 || intent[1] != Magic1) return ResetReason.Unknown;
            return (ResetReason)intent[2];
        }

        /// <summary>At power-up: decides the reason (the target's word, else the intent left behind, else Unknown),
        /// journals it and returns it.</summary>
        public ResetReason Record(ResetReason fromTarget)
        {
            ResetReason reason = fromTarget;
            byte[] intent = ReadAll(IntentFileName);
            if (intent != null) _storage.Delete(IntentFileName);
            if (reason == ResetReason.Unknown && intent != null && intent.Length == 3 && intent[0] == Magic0 && intent[1] == Magic1)
            {
                reason = (ResetReason)intent[2];
            }
            LastReason = reason;
            Load();
            if (NewerFormat) return reason;
            Starts++;
            if ((int)reason >= 0 && (int)reason < MaxReasons) _counts[(int)reason]++;
            Save((int)reason);
            return reason;
        }

        private void Load()
        {
            NewerFormat = false;
            Damaged = false;
            Starts = 0;
            for (int i = 0; i < MaxReasons; i++) _counts[i] = 0;
            byte[] d = ReadAll(FileName);
            if (d == null) return;
            if (d.Length < 3 || d[0] != Magic0 || d[1] != Magic1) { Damaged = true; return; }
            if (d.Length < 8 || Crc32.Compute(d, 0, d.Length - 4) != ByteReaderCrc(d)) { Damaged = true; return; }
            // The version is read only from a record whose CRC holds: a flipped version byte is damage, not "newer".
            if (d[2] > FormatVersion) { NewerFormat = true; return; }
            ByteReader r = new ByteReader(d, 3, d.Length - 7);
            int starts = r.I32();
            r.U8();
            int n = r.U8();
            if (starts < 0 || n > MaxReasons) { Damaged = true; return; }
            for (int i = 0; i < n; i++) _counts[i] = r.I32();
            if (r.Overrun) { Damaged = true; for (int i = 0; i < MaxReasons; i++) _counts[i] = 0; return; }
            Starts = starts;
        }

        private void Save(int last)
        {
            int n = Reasons;
            for (int i = Reasons; i < MaxReasons; i++) if (_counts[i] != 0) n = i + 1; // keep counts of reasons named later
            byte[] b = new byte[3 + 4 + 1 + 1 + n * 4 + 4];
            ByteWriter w = new ByteWriter(b);
            w.U8(Magic0);
            w.U8(Magic1);
            w.U8(FormatVersion);
            w.I32(Starts);
            w.U8(last);
            w.U8(n);
            for (int i = 0; i < n; i++) w.I32(_counts[i]);
            w.U32(Crc32.Compute(b, 0, w.Position));
            _storage.Replace(FileName, b, 0, b.Length);
        }

        private static uint ByteReaderCrc(byte[] d)
        {
            int c = d.Length - 4;
            return (uint)(d[c] | (d[c + 1] << 8) | (d[c + 2] << 16) | (d[c + 3] << 24));
        }

        private byte[] ReadAll(string name)
        {
            int length = _storage.Length(name);
            if (length < 0 || length > 4096) return null;
            byte[] d = new byte[length];
            int got = 0;
            while (got < length)
            {
                int n = _storage.Read(name, got, d, got, length - got);
                if (n <= 0) return null;
                got += n;
            }
            return d;
        }
    }
}
