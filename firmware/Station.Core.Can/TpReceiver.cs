using Station.Hal;

namespace Station.Core.Can
{
    /// <summary>SAE J1939-21 transport protocol, receive side, with the station's answers (as GB/T 27930-2015 uses it).</summary>
    /// <remarks>
    /// Two modes. Station mode (an answer port is given): the station is the receiver of RTS sessions addressed to it
    /// and sends CTS, EndOfMsgACK and Abort itself. Monitor mode (no port): a passive reader of a bus or a log sees both
    /// sides and follows the receiver's CTS frames.
    ///
    /// Per session (key: sender SA, receiver DA; BAM has DA 0xFF):
    ///
    /// | wait          | entered by                                   | leaves on                           | timer |
    /// |---------------|----------------------------------------------|-------------------------------------|-------|
    /// | Idle          | completion, drop                             | RTS to the station / BAM            | –     |
    /// | Data          | BAM; a data packet with more to come in window | next data packet                  | T1    |
    /// | DataAfterCts  | the station's CTS (or the CTS seen, monitor)  | data packet                         | T2    |
    /// | Cts           | RTS / end of window (monitor)                | CTS seen                            | T3    |
    /// | CtsAfterHold  | CTS with 0 packets (monitor)                 | CTS seen                            | T4    |
    /// | Answer        | the station's CTS/ACK could not be queued    | the retry succeeds                  | Tr    |
    ///
    /// A broken session is dropped with a <see cref="DropReason"/>, counted, reported through <see cref="Dropped"/>, and
    /// never delivers a partial message; its later frames (data, CTS, ACK, Abort of the same pair) are counted as frames of
    /// the dropped session without another report until a new RTS/BAM. Any other transport frame between the station and
    /// a BMS with no open session (a stray data packet, say) is rejected on its own as NoSession. A new RTS/BAM from
    /// the same sender replaces an open session (dropped as Restarted). Abort from either side drops the session.
    /// Nothing is allocated after construction.
    /// </remarks>
    public sealed class TpReceiver
    {
        private const int CtrlRts = 16;
        private const int CtrlCts = 17;
        private const int CtrlAck = 19;
        private const int CtrlBam = 32;
        private const int CtrlAbort = 255;

        private readonly TpSession[] _sessions;
        private readonly int _station;
        private readonly ICanPort _port;
        private readonly TpTimings _timings;
        // Sessions open now (internal: the pack session skips the timer poll without a call while it is 0).
        internal int OpenCount;
        private CanFrame _tx;

        /// <summary>Sessions are opened only for senders marked here (indexed by source address).</summary>
        public readonly bool[] AcceptSender = new bool[256];

        /// <summary>Sessions are opened only for PGNs whose PF is marked here (PDU1, PS = 0).</summary>
        public readonly bool[] AcceptPf = new bool[256];

        /// <summary>Drops per reason, indexed by <see cref="DropReason"/>.</summary>
        public readonly int[] DropCounts = new int[DropReasons.Count];

        /// <summary>Messages completed.</summary>
        public int Completed;

        /// <summary>Transport frames that belonged to a completed message (announcement, CTSs, data, EndOfMsgACK).</summary>
        public long FramesInMessages;
        /// <summary>Transport frames that belonged to a dropped session.</summary>
        public long FramesInDrops;
        /// <summary>Transport frames rejected on their own (each reported through <see cref="Dropped"/>).</summary>
        public long FramesRejected;
        /// <summary>Transport frames of other nodes' traffic, not ours to judge.</summary>
        public long FramesIgnored;

        // The pair of the last RTS/CTS message completed in monitor mode: its EndOfMsgACK is part of it.
        private int _ackSender = -1;
        private int _ackReceiver = -1;
        // Pairs (sender, receiver) of recently dropped sessions, so their late frames stay with the drop.
        private readonly int[] _droppedSender;
        private readonly int[] _droppedReceiver;
        private int _droppedNext;

        /// <summary>Most packets the station grants in one CTS.</summary>
        public int StationWindow = 255;

        /// <summary>Called for every completed message.</summary>
        public TpMessageHandler MessageReceived;

        /// <summary>Called for every dropped session.</summary>
        public CanDropHandler Dropped;

        /// <summary>Creates a receiver for the station at <paramref name="stationAddress"/>; <paramref name="answerPort"/>
        /// null makes it a passive monitor.</summary>
        public TpReceiver(int stationAddress, int sessionCount, int maxMessageSize, ICanPort answerPort, TpTimings timings)
        {
            _station = stationAddress;
            _port = answerPort;
            _timings = timings == null ? new TpTimings() : timings;
            if (maxMessageSize > J1939.MaxMessageSize) maxMessageSize = J1939.MaxMessageSize;
            _sessions = new TpSession[sessionCount];
            for (int i = 0; i < sessionCount; i++) _sessions[i] = new TpSession(maxMessageSize);
            _droppedSender = new int[sessionCount];
            _droppedReceiver = new int[sessionCount];
            for (int i = 0; i < sessionCount; i++) { _droppedSender[i] = -1; _droppedReceiver[i] = -1; }
        }

        /// <summary>Sessions currently open.</summary>
        public int OpenSessions { get { return OpenCount; } }

        /// <summary>Frames held by sessions still open (counted into a bucket when the session completes or drops).</summary>
        public long FramesPending
        {
            get
            {
                long n = 0;
                for (int i = 0; i < _sessions.Length; i++) if (_sessions[i].Wait != TpWait.Idle && !_sessions[i].Delivered) n += _sessions[i].Frames;
                return n;
            }
        }

        /// <summary>True when the receiver answers (station mode), false for a passive monitor.</summary>
        public bool Answers { get { return _port != null; } }

        /// <summary>Handles one frame. Returns true when it was a TP.CM/TP.DT frame; it then lands in exactly one of
        /// <see cref="FramesInMessages"/>, <see cref="FramesInDrops"/>, <see cref="FramesRejected"/>,
        /// <see cref="FramesIgnored"/> (or <see cref="FramesPending"/> while its session is open).</summary>
        public bool Receive(ref CanFrame frame, long nowMs)
        {
            if (!frame.Extended) return false;
            // J1939's field accessors inline (a call each is dear on the interpreter, per frame).
            uint id = frame.Id;
            int pf = (int)((id >> 16) & 0xFF);
            if (pf != J1939.PfTpCm && pf != J1939.PfTpDt) return false;
            if (((id >> 24) & 3) != 0) return false;
            if (OpenCount > 0) Poll(nowMs);
            int sa = (int)(id & 0xFF);
            int da = (int)((id >> 8) & 0xFF);
            if (pf == J1939.PfTpDt) OnData(ref frame, sa, da, nowMs);
            else OnControl(ref frame, sa, da, nowMs);
            return true;
        }

        /// <summary>Applies the timers: drops sessions whose wait expired, retries queued answers.</summary>
        public void Poll(long nowMs)
        {
            // Every control tick polls this; with no session open (nearly always) there is nothing to time.
            if (OpenCount == 0) return;
            for (int i = 0; i < _sessions.Length; i++)
            {
                TpSession s = _sessions[i];
                if (s.Wait == TpWait.Idle) continue;
                if (s.Wait == TpWait.Answer && RetryAnswer(s, nowMs)) continue;
                if (nowMs <= s.DeadlineMs) continue;
                if (s.Delivered) { Free(s); continue; }
                DropReason reason;
                switch (s.Wait)
                {
                    case TpWait.Data: reason = DropReason.TimeoutT1; break;
                    case TpWait.DataAfterCts: reason = DropReason.TimeoutT2; break;
                    case TpWait.Cts: reason = DropReason.TimeoutT3; break;
                    case TpWait.CtsAfterHold: reason = DropReason.TimeoutT4; break;
                    default: reason = DropReason.TimeoutTr; break;
                }
                Drop(s, reason, 3, nowMs);
            }
        }

        /// <summary>Drops every open session as Unfinished (end of a log, port closed).</summary>
        public void Flush(long nowMs)
        {
            for (int i = 0; i < _sessions.Length; i++)
            {
                TpSession s = _sessions[i];
                if (s.Wait == TpWait.Idle) continue;
                if (s.Delivered) Free(s);
                else Drop(s, DropReason.Unfinished, 0, nowMs);
            }
        }

        private void OnControl(ref CanFrame frame, int sa, int da, long nowMs)
        {
            // The payload's bytes by shifting, not through the frame's indexer (a call per byte on the interpreter).
            ulong data = frame.Data;
            int control = (int)(data & 0xFF);
            int pgn = (int)((data >> 40) & 0xFFFFFF);
            if (frame.Length != 8)
            {
                // Only count it when it concerns a session we would track.
                if (AcceptSender[sa] || FindOpen(sa, da) != null || FindOpen(da, sa) != null)
                    Reject(DropReason.BadControlFrame, sa, da, -1, nowMs);
                else FramesIgnored++;
                return;
            }
            switch (control)
            {
                case CtrlRts:
                case CtrlBam:
                    OnAnnouncement(ref frame, control == CtrlBam, sa, da, pgn, nowMs);
                    break;
                case CtrlCts:
                    OnCts(ref frame, sa, da, nowMs);
                    break;
                case CtrlAbort:
                    TpSession bySender = FindOpen(sa, da);
                    if (bySender != null) { bySender.Frames++; Drop(bySender, DropReason.AbortedBySender, 0, nowMs); break; }
                    TpSession byReceiver = FindOpen(da, sa);
                    if (byReceiver != null) { byReceiver.Frames++; Drop(byReceiver, DropReason.AbortedByReceiver, 0, nowMs); break; }
                    Stray(sa, da, DropReason.NoSession, nowMs);
                    break;
                case CtrlAck:
                    // The message was delivered at its last packet already; its ACK completes it.
                    if (sa == _ackReceiver && da == _ackSender)
                    {
                        FramesInMessages++;
                        _ackSender = -1;
                        _ackReceiver = -1;
                    }
                    else Stray(sa, da, DropReason.NoSession, nowMs);
                    break;
                default:
                    Stray(sa, da, DropReason.BadControlFrame, nowMs);
                    break;
            }
        }

        private void OnAnnouncement(ref CanFrame frame, bool broadcast, int sa, int da, int pgn, long nowMs)
        {
            if (!AcceptSender[sa] || (broadcast ? da != J1939.GlobalAddress : da != _station)) { FramesIgnored++; return; }
            ForgetDropped(sa, da);
            ulong data = frame.Data;
            int size = (int)((data >> 8) & 0xFFFF);
            int packets = (int)((data >> 24) & 0xFF);
            TpSession old = Find(sa, da);
            if (old != null)
            {
                if (old.Delivered) Free(old);
                else Drop(old, DropReason.Restarted, -1, nowMs);
            }
            if ((pgn & 0xFF00FF) != 0 || !AcceptPf[(pgn >> 8) & 0xFF])
            {
                // A BAM of some other PGN (a DM1, say) is not ours to judge; an RTS to the station is refused.
                if (!broadcast) { Reject(DropReason.UnknownPgn, sa, da, pgn, nowMs); SendAbort(sa, pgn, 2); }
                else FramesIgnored++;
                return;
            }
            if (size < 9 || size > J1939.MaxMessageSize || packets != (size + 6) / 7)
            {
                Reject(DropReason.BadAnnouncement, sa, da, pgn, nowMs);
                if (!broadcast) SendAbort(sa, pgn, size > J1939.MaxMessageSize ? 9 : 2);
                return;
            }
            TpSession s = FindFree();
            if (s == null || size > s.Buffer.Length)
            {
                Reject(DropReason.NoResources, sa, da, pgn, nowMs);
                if (!broadcast) SendAbort(sa, pgn, 2);
                return;
            }
            OpenCount++;
            s.Broadcast = broadcast;
            s.Sender = sa;
            s.Receiver = da;
            s.Pgn = pgn;
            s.Size = size;
            s.Packets = packets;
            s.NextSeq = 1;
            s.WindowLeft = 0;
            s.MaxPerCts = broadcast ? 255 : (int)((data >> 32) & 0xFF);
            s.PendingAnswer = 0;
            s.Delivered = false;
            s.Frames = 1;
            if (broadcast) Await(s, TpWait.Data, nowMs);
            else if (_port != null) GrantWindow(s, nowMs);
            else Await(s, TpWait.Cts, nowMs);
        }

        private void OnCts(ref CanFrame frame, int sa, int da, long nowMs)
        {
            // A CTS goes from the receiver (sa) to the sender (da). The station sends its own; it only follows others'.
            if (_port != null) { FramesIgnored++; return; }
            TpSession s = FindOpen(da, sa);
            if (s == null || s.Broadcast) { Stray(sa, da, DropReason.NoSession, nowMs); return; }
            s.Frames++;
            int count = frame[1];
            int next = frame[2];
            if (count == 0)
            {
                s.WindowLeft = 0;
                Await(s, TpWait.CtsAfterHold, nowMs);
                return;
            }
            if (next < 1 || next > s.NextSeq || next + count - 1 > s.Packets)
            {
                // Asking for a packet beyond the next one, or past the end: no consistent message can follow.
                Drop(s, DropReason.WrongSequence, -1, nowMs);
                return;
            }
            s.NextSeq = next; // next below NextSeq is a retransmission request: the packets are received again
            s.WindowLeft = count;
            Await(s, TpWait.DataAfterCts, nowMs);
        }

        private void OnData(ref CanFrame frame, int sa, int da, long nowMs)
        {
            TpSession s = FindOpen(sa, da);
            if (s == null) { Stray(sa, da, DropReason.NoSession, nowMs); return; }
            s.Frames++;
            if (frame.Length < 1) { Drop(s, DropReason.ShortPacket, -1, nowMs); return; }
            if (!s.Broadcast && (s.WindowLeft <= 0 || s.Wait == TpWait.Answer))
            {
                Drop(s, DropReason.UnexpectedPacket, 6, nowMs);
                return;
            }
            int seq = (int)(frame.Data & 0xFF);
            if (seq != s.NextSeq)
            {
                if (seq >= 1 && seq == s.NextSeq - 1) Drop(s, DropReason.DuplicateSequence, 8, nowMs);
                else Drop(s, DropReason.WrongSequence, 7, nowMs);
                return;
            }
            int offset = (seq - 1) * 7;
            int needed = s.Size - offset;
            if (needed > 7) needed = 7;
            if (frame.Length - 1 < needed) { Drop(s, DropReason.ShortPacket, -1, nowMs); return; }
            ulong data = frame.Data >> 8;
            for (int i = 0; i < needed; i++) s.Buffer[offset + i] = (byte)(data >> (i * 8));
            s.NextSeq++;
            s.WindowLeft--;
            if (seq == s.Packets)
            {
                Completed++;
                s.Delivered = true;
                FramesInMessages += s.Frames; // s.Frames stays readable by the handler; Free clears it
                if (!s.Broadcast) { _ackSender = s.Sender; _ackReceiver = s.Receiver; }
                TpMessageHandler handler = MessageReceived;
                if (handler != null) handler(s, nowMs);
                if (!s.Broadcast && _port != null)
                {
                    s.PendingAnswer = CtrlAck;
                    s.DeadlineMs = nowMs + _timings.TrMs;
                    s.Wait = TpWait.Answer;
                    if (!RetryAnswer(s, nowMs)) return;
                }
                if (s.Wait != TpWait.Idle) Free(s);
                return;
            }
            if (s.Broadcast || s.WindowLeft > 0) Await(s, TpWait.Data, nowMs);
            else if (_port != null) GrantWindow(s, nowMs);
            else Await(s, TpWait.Cts, nowMs);
        }

        private void GrantWindow(TpSession s, long nowMs)
        {
            int count = s.Packets - s.NextSeq + 1;
            int limit = s.MaxPerCts == 0 ? 255 : s.MaxPerCts;
            if (count > limit) count = limit;
            if (count > StationWindow) count = StationWindow;
            if (count < 1) count = 1;
            s.WindowLeft = count;
            s.PendingAnswer = CtrlCts;
            s.Wait = TpWait.Answer;
            s.DeadlineMs = nowMs + _timings.TrMs;
            RetryAnswer(s, nowMs);
        }

        /// <summary>Tries to send the queued answer; true when sent (the session moved on).</summary>
        private bool RetryAnswer(TpSession s, long nowMs)
        {
            if (s.PendingAnswer == CtrlCts)
            {
                ulong d = CtrlCts | ((ulong)(uint)s.WindowLeft << 8) | ((ulong)(uint)s.NextSeq << 16) | 0xFFFF000000UL
                          | ((ulong)(uint)s.Pgn << 40);
                if (!Send(s.Sender, d)) return false;
                s.PendingAnswer = 0;
                Await(s, TpWait.DataAfterCts, nowMs);
                return true;
            }
            if (s.PendingAnswer == CtrlAck)
            {
                ulong d = CtrlAck | ((ulong)(uint)s.Size << 8) | ((ulong)(uint)s.Packets << 24) | 0xFF00000000UL
                          | ((ulong)(uint)s.Pgn << 40);
                if (!Send(s.Sender, d)) return false;
                Free(s);
                return true;
            }
            return false;
        }

        private void SendAbort(int destination, int pgn, int reason)
        {
            if (_port == null || reason <= 0) return;
            ulong d = CtrlAbort | ((ulong)(uint)reason << 8) | 0xFFFFFF0000UL | ((ulong)(uint)(pgn & 0xFFFFFF) << 40);
            Send(destination, d);
        }

        // A TP.CM frame at priority 7; J1939.Id and J1939.Make written out (two calls fewer per answer on the interpreter).
        private bool Send(int destination, ulong data)
        {
            _tx.Id = (7u << 26) | ((uint)J1939.PfTpCm << 16) | ((uint)(destination & 0xFF) << 8) | (uint)(_station & 0xFF);
            _tx.Extended = true;
            _tx.Length = 8;
            _tx.Data = data;
            return _port.TrySend(ref _tx);
        }

        private void Await(TpSession s, TpWait wait, long nowMs)
        {
            s.Wait = wait;
            int ms;
            switch (wait)
            {
                case TpWait.Data: ms = _timings.T1Ms; break;
                case TpWait.DataAfterCts: ms = _timings.T2Ms; break;
                case TpWait.Cts: ms = _timings.T3Ms; break;
                case TpWait.CtsAfterHold: ms = _timings.T4Ms; break;
                default: ms = _timings.TrMs; break;
            }
            s.DeadlineMs = nowMs + ms;
        }

        private void Drop(TpSession s, DropReason reason, int abortCode, long nowMs)
        {
            int sender = s.Sender, receiver = s.Receiver, pgn = s.Pgn;
            bool answerable = !s.Broadcast;
            FramesInDrops += s.Frames;
            _droppedSender[_droppedNext] = sender;
            _droppedReceiver[_droppedNext] = receiver;
            _droppedNext = (_droppedNext + 1) % _droppedSender.Length;
            Free(s);
            Count(reason, sender, receiver, pgn, nowMs);
            // The station tells the sender it gave up (J1939-21 abort reasons: 3 timeout, 6 unexpected packet,
            // 7 bad sequence, 8 duplicate sequence). Drops caused by the sender's own Abort are not answered.
            if (answerable && receiver == _station) SendAbort(sender, pgn, abortCode);
        }

        /// <summary>A frame with no session: rejected when it is between the station and a BMS, else other nodes'
        /// traffic.</summary>
        private void Stray(int sa, int da, DropReason reason, long nowMs)
        {
            for (int i = 0; i < _droppedSender.Length; i++)
            {
                if ((_droppedSender[i] == sa && _droppedReceiver[i] == da) || (_droppedSender[i] == da && _droppedReceiver[i] == sa))
                {
                    FramesInDrops++; // a late frame of a session already reported dropped
                    return;
                }
            }
            bool ours = (AcceptSender[sa] && (da == _station || da == J1939.GlobalAddress)) || (sa == _station && AcceptSender[da]);
            if (ours) Reject(reason, sa, da, -1, nowMs);
            else FramesIgnored++;
        }

        private void ForgetDropped(int sender, int receiver)
        {
            for (int i = 0; i < _droppedSender.Length; i++)
                if (_droppedSender[i] == sender && _droppedReceiver[i] == receiver) { _droppedSender[i] = -1; _droppedReceiver[i] = -1; }
        }

        private void Reject(DropReason reason, int sender, int receiver, int pgn, long nowMs)
        {
            FramesRejected++;
            Count(reason, sender, receiver, pgn, nowMs);
        }

        private void Count(DropReason reason, int sender, int receiver, int pgn, long nowMs)
        {
            DropCounts[(int)reason]++;
            CanDropHandler handler = Dropped;
            if (handler != null) handler(reason, sender, receiver, pgn, nowMs);
        }

        private void Free(TpSession s)
        {
            if (s.Wait == TpWait.Idle) return;
            s.Wait = TpWait.Idle;
            s.PendingAnswer = 0;
            s.Delivered = false;
            s.Frames = 0;
            OpenCount--;
        }

        private TpSession Find(int sender, int receiver)
        {
            for (int i = 0; i < _sessions.Length; i++)
            {
                TpSession s = _sessions[i];
                if (s.Wait != TpWait.Idle && s.Sender == sender && s.Receiver == receiver) return s;
            }
            return null;
        }

        private TpSession FindOpen(int sender, int receiver)
        {
            TpSession s = Find(sender, receiver);
            return s != null && !s.Delivered ? s : null;
        }

        private TpSession FindFree()
        {
            for (int i = 0; i < _sessions.Length; i++)
                if (_sessions[i].Wait == TpWait.Idle) return _sessions[i];
            return null;
        }
    }
}
