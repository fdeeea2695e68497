using Station.Core.Journal;
using Station.Hal;

namespace Station.Core.Cloud
{
    /// <summary>The cloud outbox: every event, fault and audit record is appended to persistent storage BEFORE it is
    /// published, and leaves only when the broker acknowledged it (PUBACK). After a reconnect (<see cref="Rewind"/>) or a
    /// reboot everything unacknowledged is sent again, in order, flagged <c>"offline":true</c>: the adapter forgets what
    /// it had in flight when the session dropped (IMqttLink contract), so the only copies sent after the outage are the
    /// outbox's, and they say they are late.</summary>
    /// <remarks>
    /// Storage layout (over <see cref="IStorage"/>): numbered segment files "{prefix}{n}.bin" of at most
    /// <see cref="SegmentBytes"/> each, appended in order, plus a small cursor file "{prefix}.cur" (replaced atomically)
    /// holding the oldest unacknowledged position. A segment is deleted once the cursor has passed it.
    ///
    /// Frame: magic 0xC5, kind, flags (bit 0: created while offline), frame format (<see cref="FrameFormat"/>), seq
    /// (u32 LE), length (u16 LE), payload, CRC-32 (LE) over everything before it. A later format keeps these header
    /// fields where they are and changes only the payload, so an older firmware (after a rollback) still sends a newer
    /// frame whose CRC holds: it counts it (<see cref="NewerFrames"/>) instead of taking it for damage. The cursor file
    /// keeps its first 24 bytes (byte 1: its format) for the same reason. A frame that is short or fails its CRC ends its segment: a write torn
    /// by a power cut loses only that unfinished record (it was never published, since publishing follows the append),
    /// and after boot appends continue in a fresh segment.
    ///
    /// Bounds: <see cref="CapacityBytes"/> = SegmentBytes × MaxSegments. Telemetry is refused from
    /// <see cref="TelemetryLimitPercent"/> full; from <see cref="SwapLimitPercent"/> <see cref="SwapsAllowed"/> is false
    /// and the station must refuse new swaps (the reserve above it holds the swap under way, faults and audit);
    /// swap events are never dropped while space exists. See docs/cloud.md for the sizing arithmetic.
    /// Not thread-safe: called from the control tick only.
    /// </remarks>
    public sealed class Outbox
    {
        /// <summary>Largest payload of one record.</summary>
        public const int MaxPayloadBytes = 4096;
        /// <summary>Frame header bytes.</summary>
        public const int HeaderBytes = 10;
        /// <summary>Frame trailer (CRC) bytes.</summary>
        public const int CrcBytes = 4;
        /// <summary>Fill level from which telemetry is no longer kept.</summary>
        public const int TelemetryLimitPercent = 50;
        /// <summary>Fill level from which new swaps are refused.</summary>
        public const int SwapLimitPercent = 90;
        /// <summary>Most records published and awaiting PUBACK at once.</summary>
        public const int Window = 16;
        /// <summary>Longest time an acknowledged position waits before the cursor file is rewritten (flash wear).</summary>
        public const int CursorFlushMs = 1000;

        /// <summary>Format of the frames and the cursor this firmware writes (header byte 3 of a frame, byte 1 of the
        /// cursor); 0 is the first.</summary>
        public const byte FrameFormat = 0;

        const byte Magic = 0xC5;
        int _newerFrames;
        int _foreignRecords;
        const int CursorBytes = 24;
        static readonly byte[] OfflineFalse = { (byte)',', (byte)'"', (byte)'o', (byte)'f', (byte)'f', (byte)'l', (byte)'i', (byte)'n', (byte)'e', (byte)'"', (byte)':', (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e', (byte)'}' };
        static readonly byte[] OfflineTrue = { (byte)',', (byte)'"', (byte)'o', (byte)'f', (byte)'f', (byte)'l', (byte)'i', (byte)'n', (byte)'e', (byte)'"', (byte)':', (byte)'t', (byte)'r', (byte)'u', (byte)'e', (byte)' ', (byte)'}' };

        readonly IStorage _storage;
        readonly string _prefix;
        readonly string _cursorName;
        readonly int _segmentBytes;
        readonly int _maxSegments;
        readonly byte[] _frame = new byte[HeaderBytes + MaxPayloadBytes + CrcBytes];
        readonly byte[] _cursor = new byte[CursorBytes];

        // The send window, in send order.
        readonly int[] _winToken = new int[Window];
        readonly uint[] _winSeq = new uint[Window];
        readonly uint[] _winSeg = new uint[Window];
        readonly int[] _winPos = new int[Window];
        readonly bool[] _winAcked = new bool[Window];
        int _winCount;

        uint _tailSeg, _sendSeg, _headSeg, _oldestPresentSeg;
        int _tailPos, _sendPos, _headLen;
        uint _nextSeq = 1, _lateBelowSeq = 1, _ackedThrough;
        bool _cursorDirty;
        long _cursorWrittenMs;
        int _droppedTelemetry, _droppedRecords, _corruptFrames;
        bool _mediumFailed; // the last append to storage failed (an SD card pulled or dead): no new swaps until one works

        /// <summary>An outbox in <paramref name="storage"/> with files named from <paramref name="prefix"/>.</summary>
        public Outbox(IStorage storage, string prefix, int segmentBytes, int maxSegments)
        {
            _storage = storage;
            _prefix = prefix;
            _cursorName = prefix + ".cur";
            _segmentBytes = segmentBytes < HeaderBytes + MaxPayloadBytes + CrcBytes ? HeaderBytes + MaxPayloadBytes + CrcBytes : segmentBytes;
            _maxSegments = maxSegments < 2 ? 2 : maxSegments;
        }

        /// <summary>Bytes of one segment file.</summary>
        public int SegmentBytes { get { return _segmentBytes; } }
        /// <summary>Total bytes the outbox may use.</summary>
        public long CapacityBytes { get { return (long)_segmentBytes * _maxSegments; } }
        /// <summary>Space taken from the oldest unacknowledged record to the end of the head segment, counting the unused
        /// ends of finished segments (a record never spans two), so 100 % means no room for another segment.</summary>
        public long UsedBytes { get { return (long)(_headSeg - _tailSeg) * _segmentBytes + _headLen - _tailPos; } }
        /// <summary>Fill level, 0..100.</summary>
        public int FillPercent { get { return (int)(UsedBytes * 100 / CapacityBytes); } }
        /// <summary>Sequence number the next appended record gets (write it into the payload before appending).</summary>
        public uint NextSeq { get { return _nextSeq; } }
        /// <summary>Records appended and not yet acknowledged.</summary>
        public int Pending { get { return (int)(_nextSeq - 1 - _ackedThrough); } }
        /// <summary>Records published and awaiting PUBACK.</summary>
        public int InFlight { get { return _winCount; } }
        /// <summary>Telemetry samples not kept because the outbox was past its telemetry limit.</summary>
        public int DroppedTelemetry { get { return _droppedTelemetry; } }
        /// <summary>Event, fault or audit records refused because the outbox was completely full.</summary>
        public int DroppedRecords { get { return _droppedRecords; } }
        /// <summary>Frames found damaged (torn tail or bad CRC) and skipped.</summary>
        public int CorruptFrames { get { return _corruptFrames; } }

        /// <summary>Records of a kind this firmware does not know (written by a newer one), sent on the events topic.</summary>
        public int ForeignRecords { get { return _foreignRecords; } }
        /// <summary>Frames of a newer format than <see cref="FrameFormat"/> (written before a rollback), sent as they are.</summary>
        public int NewerFrames { get { return _newerFrames; } }
        /// <summary>False once the outbox is past <see cref="SwapLimitPercent"/>: the station must refuse new swaps.</summary>
        public bool SwapsAllowed { get { return FillPercent < SwapLimitPercent && !_mediumFailed; } }

        /// <summary>True while the storage medium refuses appends (the last one failed); cleared by the next one that works.</summary>
        public bool MediumFailed { get { return _mediumFailed; } }

        /// <summary>Words for the console and the cloud when <see cref="SwapsAllowed"/> is false, else null.</summary>
        public string WhyNoSwaps()
        {
            if (SwapsAllowed) return null;
            if (_mediumFailed)
            {
                return "cloud outbox storage failed (the last record could not be written; " + _droppedRecords.ToString()
                    + " records lost): new swaps refused until a record is written again; check the storage medium (SD card)";
            }
            return "cloud outbox " + FillPercent.ToString() + "% full (" + Pending.ToString()
                + " records unsent): new swaps refused until the broker takes them";
        }

        /// <summary>Recovers the outbox after power-up: cursor, live segments, next sequence number; a torn tail
        /// makes appends continue in a fresh segment.</summary>
        public void Open()
        {
            _tailSeg = 0; _tailPos = 0; _nextSeq = 1; _ackedThrough = 0;
            if (_storage.Read(_cursorName, 0, _cursor, 0, CursorBytes) == CursorBytes
                && _cursor[0] == Magic && U32(_cursor, 20) == Crc32.Compute(_cursor, 0, 20))
            {
                _tailSeg = U32(_cursor, 4);
                _tailPos = (int)U32(_cursor, 8);
                _nextSeq = U32(_cursor, 12);
                _ackedThrough = U32(_cursor, 16);
                // A CRC proves the bytes were written whole, not that they are ours: numbers no outbox writes (a position
                // outside a segment, sequence 0, acknowledged past the next) would send from a negative offset.
                if (_tailPos < 0 || _tailPos > _segmentBytes || _nextSeq == 0 || _ackedThrough >= _nextSeq)
                {
                    _corruptFrames++;
                    _tailSeg = 0; _tailPos = 0; _nextSeq = 1; _ackedThrough = 0;
                }
            }
            // A power cut between writing the cursor and deleting the segments it passed leaves them behind: finish that,
            // but only for segments whose every record the cursor acknowledged. One that holds a record past the cursor's
            // acknowledgement proves the cursor is not this outbox's (restored, crafted): nothing is deleted and sending
            // starts again at the oldest segment present (a record sent twice keeps its mid; one lost is gone for good).
            uint below = _tailSeg;
            bool unacknowledged = false;
            while (below > 0 && _storage.Length(SegmentName(below - 1)) >= 0)
            {
                below--;
                // Once one segment holds such a record the answer is known; the walk goes on only to find the oldest.
                if (!unacknowledged && HoldsAfter(below, _ackedThrough)) unacknowledged = true;
            }
            if (unacknowledged)
            {
                _corruptFrames++;
                _tailSeg = below;
                _tailPos = 0;
            }
            else
            {
                for (uint old = _tailSeg; old > below; old--) _storage.Delete(SegmentName(old - 1));
            }
            _oldestPresentSeg = _tailSeg;
            // The head is the last segment present within reach, not the one before the first gap: a segment lost from
            // the middle (a damaged card) must not hide the records after it, nor have new ones appended onto them.
            _headSeg = _tailSeg;
            for (uint s = _tailSeg + 1; s - _tailSeg <= (uint)_maxSegments; s++)
                if (_storage.Length(SegmentName(s)) >= 0) _headSeg = s;
            // The last valid record of the head segment gives the next sequence number; damage ends the segment.
            int headLength = _storage.Length(SegmentName(_headSeg));
            int pos = _headSeg == _tailSeg ? _tailPos : 0;
            if (headLength < 0) headLength = 0;
            while (pos < headLength)
            {
                int n = ReadFrame(_headSeg, pos);
                if (n <= 0) break;
                uint seq = U32(_frame, 4);
                if (seq >= _nextSeq) _nextSeq = seq + 1;
                pos += n;
            }
            if (pos < headLength)
            {
                _corruptFrames++;
                _headSeg++;
                _headLen = 0;
            }
            else _headLen = headLength;
            if (_ackedThrough >= _nextSeq) _ackedThrough = _nextSeq - 1;
            _sendSeg = _tailSeg;
            _sendPos = _tailPos;
            _winCount = 0;
            _lateBelowSeq = _nextSeq;
        }

        /// <summary>Appends one record (payload already carries <see cref="NextSeq"/>) and flushes it to storage.
        /// False when it was not kept: telemetry past its limit, or no space at all (counted, never silent).</summary>
        public bool Append(RecordKind kind, byte[] payload, int offset, int count, bool offline)
        {
            if (count < 0 || count > MaxPayloadBytes) { _droppedRecords++; return false; }
            int frameLength = HeaderBytes + count + CrcBytes;
            if (kind == RecordKind.Telemetry && FillPercent >= TelemetryLimitPercent) { _droppedTelemetry++; return false; }
            bool newSegment = _headLen + frameLength > _segmentBytes;
            long segments = (long)(_headSeg - _tailSeg) + 1 + (newSegment ? 1 : 0);
            if (segments > _maxSegments)
            {
                if (kind == RecordKind.Telemetry) _droppedTelemetry++;
                else _droppedRecords++;
                return false;
            }
            _frame[0] = Magic;
            _frame[1] = (byte)kind;
            _frame[2] = (byte)(offline ? 1 : 0);
            _frame[3] = FrameFormat;
            PutU32(_frame, 4, _nextSeq);
            _frame[8] = (byte)count;
            _frame[9] = (byte)(count >> 8);
            System.Array.Copy(payload, offset, _frame, HeaderBytes, count);
            PutU32(_frame, HeaderBytes + count, Crc32.Compute(_frame, 0, HeaderBytes + count));
            if (newSegment) { _headSeg++; _headLen = 0; }
            if (!_storage.Append(SegmentName(_headSeg), _frame, 0, frameLength))
            {
                // The medium failed: the record is not kept. Start clean in a new segment next time, and refuse new swaps
                // (their records would be lost too) until an append works again.
                _droppedRecords++;
                _mediumFailed = true;
                _headSeg++;
                _headLen = 0;
                return false;
            }
            _headLen += frameLength;
            _nextSeq++;
            _mediumFailed = false;
            return true;
        }

        /// <summary>Takes a broker acknowledgement (a token from <see cref="IMqttLink.Publish"/>); unknown tokens are ignored.</summary>
        public void Acknowledge(int token)
        {
            for (int i = 0; i < _winCount; i++)
                if (_winToken[i] == token) { _winAcked[i] = true; break; }
            int done = 0;
            while (done < _winCount && _winAcked[done]) { _ackedThrough = _winSeq[done]; done++; }
            if (done == 0) return;
            for (int i = done; i < _winCount; i++)
            {
                _winToken[i - done] = _winToken[i]; _winSeq[i - done] = _winSeq[i]; _winSeg[i - done] = _winSeg[i];
                _winPos[i - done] = _winPos[i]; _winAcked[i - done] = _winAcked[i];
            }
            _winCount -= done;
            // The oldest unacknowledged record is the first in the window, or the next to send when none waits.
            if (_winCount > 0) { _tailSeg = _winSeg[0]; _tailPos = _winPos[0]; }
            else { _tailSeg = _sendSeg; _tailPos = _sendPos; }
            _cursorDirty = true;
        }

        /// <summary>Publishes what the window allows, in order, and persists the cursor (at most every
        /// <see cref="CursorFlushMs"/>, at once when a segment can be freed). <paramref name="topics"/> is indexed by
        /// <see cref="RecordKind"/>.</summary>
        public void Pump(IMqttLink link, string[] topics, long nowMs)
        {
            if (_cursorDirty && (_tailSeg != _oldestPresentSeg || nowMs - _cursorWrittenMs >= CursorFlushMs))
                WriteCursor(nowMs);
            if (link == null || !link.IsConnected) return;
            while (_winCount < Window)
            {
                if (!Normalize()) return;
                int n = ReadFrame(_sendSeg, _sendPos);
                if (n <= 0)
                {
                    // Damage inside a finished segment: skip the rest of it.
                    _corruptFrames++;
                    if (_sendSeg == _headSeg) return;
                    _sendSeg++;
                    _sendPos = 0;
                    continue;
                }
                int count = n - HeaderBytes - CrcBytes;
                uint seq = U32(_frame, 4);
                int kind = _frame[1];
                if (_frame[3] > FrameFormat) _newerFrames++;
                if ((_frame[2] & 1) != 0 || seq < _lateBelowSeq) MarkOffline(count);
                string topic = kind > 0 && kind < topics.Length ? topics[kind] : null;
                if (topic == null)
                {
                    // A kind this firmware does not know was written by a newer one (a rollback): its CRC held, so it is
                    // a record, not damage. It goes out on the events topic (every record's JSON names its own type)
                    // rather than being dropped: a rollback never discards unsent records.
                    _foreignRecords++;
                    topic = topics[(int)RecordKind.Event];
                }
                int token = link.Publish(topic, _frame, HeaderBytes, count, 1, false);
                if (token <= 0) return; // link busy or down: try again next tick
                _winToken[_winCount] = token;
                _winSeq[_winCount] = seq;
                _winSeg[_winCount] = _sendSeg;
                _winPos[_winCount] = _sendPos;
                _winAcked[_winCount] = false;
                _winCount++;
                _sendPos += n;
            }
        }

        /// <summary>The session with the broker dropped: forgets the send window (the adapter forgot those publishes, and
        /// their acknowledgements will not come) and sends again from the oldest unacknowledged record. Every record that
        /// existed at the drop goes out flagged <c>"offline":true</c>, as after a reboot: whether or not a copy reached the
        /// broker before the drop, the one a consumer gets now is late. A consumer that already had the first copy drops
        /// this one by its message id.</summary>
        public void Rewind()
        {
            _winCount = 0;
            _sendSeg = _tailSeg;
            _sendPos = _tailPos;
            _lateBelowSeq = _nextSeq;
        }

        /// <summary>Writes the cursor now (before a planned shutdown, or from tests).</summary>
        public void Flush(long nowMs)
        {
            if (_cursorDirty) WriteCursor(nowMs);
        }

        // Moves the send cursor past the end of finished segments; false when nothing is left to send.
        bool Normalize()
        {
            while (true)
            {
                if (_sendSeg == _headSeg) return _sendPos < _headLen;
                int len = _storage.Length(SegmentName(_sendSeg));
                if (_sendPos < len) return true;
                _sendSeg++;
                _sendPos = 0;
            }
        }

        void MarkOffline(int count)
        {
            int start = HeaderBytes + count - OfflineFalse.Length;
            if (start < HeaderBytes) return;
            for (int k = 0; k < OfflineFalse.Length; k++) if (_frame[start + k] != OfflineFalse[k]) return;
            for (int k = 0; k < OfflineTrue.Length; k++) _frame[start + k] = OfflineTrue[k];
        }

        void WriteCursor(long nowMs)
        {
            _cursor[0] = Magic; _cursor[1] = FrameFormat; _cursor[2] = 0; _cursor[3] = 0;
            PutU32(_cursor, 4, _tailSeg);
            PutU32(_cursor, 8, (uint)_tailPos);
            PutU32(_cursor, 12, _nextSeq);
            PutU32(_cursor, 16, _ackedThrough);
            PutU32(_cursor, 20, Crc32.Compute(_cursor, 0, 20));
            if (!_storage.Replace(_cursorName, _cursor, 0, CursorBytes)) return;
            _cursorDirty = false;
            _cursorWrittenMs = nowMs;
            // Only now that the cursor is safely past them may finished segments go.
            while (_oldestPresentSeg < _tailSeg)
            {
                _storage.Delete(SegmentName(_oldestPresentSeg));
                _oldestPresentSeg++;
            }
        }

        // True when segment seg holds a whole record whose sequence number is above seq.
        bool HoldsAfter(uint seg, uint seq)
        {
            int length = _storage.Length(SegmentName(seg));
            for (int pos = 0; pos < length; )
            {
                int n = ReadFrame(seg, pos);
                if (n <= 0) return false;
                if (U32(_frame, 4) > seq) return true;
                pos += n;
            }
            return false;
        }

        // Reads and checks the frame at (seg, pos) into _frame: its length, 0 at a clean end, -1 when damaged.
        int ReadFrame(uint seg, int pos)
        {
            string name = SegmentName(seg);
            int n = _storage.Read(name, pos, _frame, 0, HeaderBytes);
            if (n == 0) return 0;
            if (n < HeaderBytes || _frame[0] != Magic) return -1;
            int count = _frame[8] | (_frame[9] << 8);
            if (count > MaxPayloadBytes) return -1;
            if (_storage.Read(name, pos + HeaderBytes, _frame, HeaderBytes, count + CrcBytes) != count + CrcBytes) return -1;
            if (U32(_frame, HeaderBytes + count) != Crc32.Compute(_frame, 0, HeaderBytes + count)) return -1;
            return HeaderBytes + count + CrcBytes;
        }

        // Every append and send names its segment: the names of the last few segments are kept, so that naming one is not
        // a new string (three heap objects on nanoFramework) per record.
        static readonly string SegmentSuffix = ".bin";
        readonly uint[] _namedSegs = new uint[4];
        readonly string[] _segNames = new string[4];
        int _nextSegName;

        string SegmentName(uint seg)
        {
            for (int i = 0; i < _segNames.Length; i++) if (_segNames[i] != null && _namedSegs[i] == seg) return _segNames[i];
            string name = _prefix + seg.ToString() + SegmentSuffix;
            _namedSegs[_nextSegName] = seg;
            _segNames[_nextSegName] = name;
            _nextSegName = (_nextSegName + 1) % _segNames.Length;
            return name;
        }

        static uint U32(byte[] b, int o)
        {
            return (uint)(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24));
        }

        static void PutU32(byte[] b, int o, uint v)
        {
            b[o] = (byte)v; b[o + 1] = (byte)(v >> 8); b[o + 2] = (byte)(v >> 16); b[o + 3] = (byte)(v >> 24);
        }
    }
}
