using Station.Hal;

namespace Station.Core.Can
{
    /// <summary>Walks a <see cref="PackProfile"/> table over received frames: single frames and J1939 transported
    /// messages between the station and the pack BMS become <see cref="DecodedMessage"/>s. No allocation per frame.</summary>
    /// <remarks>
    /// Filtering (GB/T 27930-2015 addresses on SAE J1939): a frame is a profile message only when its PF is in the table AND its addresses
    /// are station → known BMS or known BMS → station (or a BMS's BAM). Anything else is unrelated traffic and is only
    /// counted as ignored. A profile message in the wrong direction or shorter than the table allows is rejected with a
    /// <see cref="DropReason"/>; so is a broken transport session (through <see cref="TpReceiver"/>).
    /// </remarks>
    public sealed class PackDecoder
    {
        private readonly PackProfile _profile;
        // The profile's PF table (a lookup per frame without a call).
        private readonly PackMessage[] _byPf;
        private readonly TpReceiver _tp;
        private readonly DecodedMessage _out;
        private readonly int _station;

        /// <summary>Source addresses treated as pack BMSs.</summary>
        public readonly bool[] BmsAddress = new bool[256];

        /// <summary>Drops and rejections per reason (transport and frame level), indexed by <see cref="DropReason"/>.</summary>
        public readonly int[] DropCounts = new int[DropReasons.Count];

        /// <summary>Frames given to <see cref="Receive"/>.</summary>
        public long FramesSeen;
        /// <summary>Frames that were not profile traffic.</summary>
        public long FramesIgnored;
        // Single frames decoded / rejected, and frames of transported messages the profile then rejected.
        private long _singleMessages;
        private long _singleRejected;
        private long _transportedRejected;
        /// <summary>Messages decoded.</summary>
        public long MessagesDecoded;

        /// <summary>Called for each decoded message.</summary>
        public PackMessageHandler MessageDecoded;
        /// <summary>Called for each dropped session or rejected frame.</summary>
        public CanDropHandler Dropped;

        /// <summary>Creates a decoder for <paramref name="profile"/>. With an <paramref name="answerPort"/> the station
        /// answers transport sessions (CTS/ACK/Abort); without one it is a passive monitor (log tool).</summary>
        public PackDecoder(PackProfile profile, ICanPort answerPort, int sessions, TpTimings timings)
        {
            _profile = profile;
            _station = profile.StationAddress;
            _byPf = profile.ByPfTable;
            _tp = new TpReceiver(_station, sessions, profile.MaxLength, answerPort, timings);
            _tp.MessageReceived = OnTransported;
            _tp.Dropped = OnTpDropped;
            _out = new DecodedMessage(profile.MaxLength, profile.MaxSignals);
            for (int i = 0; i < profile.Messages.Length; i++)
                if (profile.Messages[i].FromBms) _tp.AcceptPf[profile.Messages[i].Pf] = true;
            AddBms(profile.DefaultBmsAddress);
        }

        /// <summary>The transport layer (for its counters and timers).</summary>
        public TpReceiver Transport { get { return _tp; } }

        /// <summary>The profile being decoded.</summary>
        public PackProfile Profile { get { return _profile; } }

        /// <summary>Accepts <paramref name="address"/> as a pack BMS.</summary>
        public void AddBms(int address)
        {
            if (address < 0 || address > 0xFD || address == _station) return;
            BmsAddress[address] = true;
            _tp.AcceptSender[address] = true;
        }

        /// <summary>Total drops and rejections.</summary>
        public long TotalDrops
        {
            get
            {
                long n = 0;
                for (int i = 0; i < DropCounts.Length; i++) n += DropCounts[i];
                return n;
            }
        }

        /// <summary>Frames that were part of a decoded message (single frames and every frame of a transported one).</summary>
        public long FramesInMessages { get { return _singleMessages + _tp.FramesInMessages - _transportedRejected; } }

        /// <summary>Frames rejected on their own or belonging to a dropped session or rejected transported message.</summary>
        public long FramesDropped
        {
            get { return _singleRejected + _tp.FramesRejected + _tp.FramesInDrops + _transportedRejected; }
        }

        /// <summary>Frames held by transport sessions still open. FramesSeen = FramesInMessages + FramesDropped +
        /// FramesIgnored + FramesPending, always; after <see cref="Flush"/> nothing is pending.</summary>
        public long FramesPending { get { return _tp.FramesPending; } }

        /// <summary>Handles one received frame at <paramref name="nowMs"/>.</summary>
        public void Receive(ref CanFrame frame, long nowMs)
        {
            FramesSeen++;
            // J1939's field accessors inline: a call per field is dear on nanoFramework's interpreter, per frame.
            uint id = frame.Id;
            int pf = (int)((id >> 16) & 0xFF);
            // The transport receiver declines any frame but an extended TP.CM or TP.DT at once, without side effects.
            if (frame.Extended && (pf == J1939.PfTpCm || pf == J1939.PfTpDt))
            {
                long ignoredBefore = _tp.FramesIgnored;
                if (_tp.Receive(ref frame, nowMs)) { FramesIgnored += _tp.FramesIgnored - ignoredBefore; return; }
            }
            if (!frame.Extended || ((id >> 24) & 3) != 0) { FramesIgnored++; return; }
            PackMessage m = _byPf[pf];
            if (m == null) { FramesIgnored++; return; }
            int sa = (int)(id & 0xFF);
            int da = (int)((id >> 8) & 0xFF);
            bool fromBms = BmsAddress[sa] && da == _station;
            bool toBms = sa == _station && BmsAddress[da];
            if (!fromBms && !toBms) { FramesIgnored++; return; }
            if (fromBms != m.FromBms) { _singleRejected++; Reject(DropReason.WrongAddressing, sa, da, m.Pgn, nowMs); return; }
            int length = frame.Length > 8 ? 8 : frame.Length;
            if (length < m.MinLength) { _singleRejected++; Reject(DropReason.ShortFrame, sa, da, m.Pgn, nowMs); return; }
            if (length > m.Length) length = m.Length;
            // The data word's first length bytes, written out (a loop iteration costs several times a store on the
            // interpreter); the buffer holds at least 8.
            ulong data = frame.Data;
            byte[] bytes = _out.Data;
            switch (length)
            {
                case 8: bytes[7] = (byte)(data >> 56); goto case 7;
                case 7: bytes[6] = (byte)(data >> 48); goto case 6;
                case 6: bytes[5] = (byte)(data >> 40); goto case 5;
                case 5: bytes[4] = (byte)(data >> 32); goto case 4;
                case 4: bytes[3] = (byte)(data >> 24); goto case 3;
                case 3: bytes[2] = (byte)(data >> 16); goto case 2;
                case 2: bytes[1] = (byte)(data >> 8); goto case 1;
                case 1: bytes[0] = (byte)data; break;
            }
            _singleMessages++;
            Deliver(m, sa, da, length, false, nowMs);
        }

        /// <summary>Applies the transport timers at <paramref name="nowMs"/>; call every tick.</summary>
        public void Poll(long nowMs)
        {
            _tp.Poll(nowMs);
        }

        /// <summary>Drops every open transport session as unfinished (end of input).</summary>
        public void Flush(long nowMs)
        {
            _tp.Flush(nowMs);
        }

        /// <summary>Counts a rejected input that never reached the decoder (a bad log line).</summary>
        public void Reject(DropReason reason, int sender, int receiver, int pgn, long nowMs)
        {
            DropCounts[(int)reason]++;
            CanDropHandler handler = Dropped;
            if (handler != null) handler(reason, sender, receiver, pgn, nowMs);
        }

        private void OnTpDropped(DropReason reason, int sender, int receiver, int pgn, long nowMs)
        {
            Reject(reason, sender, receiver, pgn, nowMs);
        }

        private void OnTransported(TpSession s, long nowMs)
        {
            PackMessage m = _byPf[(s.Pgn >> 8) & 0xFF];
            if (m == null) { _transportedRejected += s.Frames; Reject(DropReason.UnknownPgn, s.Sender, s.Receiver, s.Pgn, nowMs); return; }
            if (s.Size < m.MinLength) { _transportedRejected += s.Frames; Reject(DropReason.ShortMessage, s.Sender, s.Receiver, s.Pgn, nowMs); return; }
            int length = s.Size > m.Length ? m.Length : s.Size;
            System.Array.Copy(s.Buffer, _out.Data, length);
            Deliver(m, s.Sender, s.Receiver, length, true, nowMs);
        }

        // Every signal decoded in this one loop, not a call per signal: on nanoFramework's interpreter a call costs about
        // as much as the decoding of a one-byte signal, and this runs for every frame the BMS sends.
        private void Deliver(PackMessage m, int sa, int da, int length, bool transported, long nowMs)
        {
            DecodedMessage o = _out;
            o.Message = m;
            o.Source = sa;
            o.Destination = da;
            o.TimeMs = nowMs;
            o.Transported = transported;
            o.Length = length;
            long[] raws = o.Raw;
            SignalState[] states = o.States;
            byte[] d = o.Data;
            int rangeErrors = 0;
            PackSignal[] signals = m.Signals;
            int n = signals.Length;
            for (int i = 0; i < n; i++)
            {
                PackSignal s = signals[i];
                int first = s.First;
                if (s.End > length)
                {
                    raws[i] = 0;
                    states[i] = SignalState.Absent;
                    continue;
                }
                if (s.Numeric)
                {
                    // A profile's numbers span 1..5 bytes (width 1..32); most lie in one byte, which needs no shift.
                    ulong word = d[first];
                    if (s.ByteSpan > 1) for (int k = 1; k < s.ByteSpan; k++) word |= (ulong)d[first + k] << (k * 8);
                    long raw = (long)((word >> s.Shift) & s.Mask);
                    raws[i] = raw;
                    if (s.NullWhenAllOnes && (ulong)raw == s.Mask) { states[i] = SignalState.NotAvailable; continue; }
                    if (s.HasRange)
                    {
                        double v = (raw * s.ScaleUnits + s.OffsetUnits) / s.Divisor; // o.Value(i), without a call
                        if (v < s.Min || v > s.Max)
                        {
                            states[i] = SignalState.OutOfRange;
                            rangeErrors++;
                            continue;
                        }
                    }
                    states[i] = SignalState.Value;
                    continue;
                }
                // Text-like kinds: "not available" when every byte is 0xFF (the date and version blocks check only their
                // meaningful bytes, the reserved tail of the software version may be anything).
                raws[i] = 0;
                int check = s.Kind == SignalKind.SoftwareVersion ? 5 : s.ByteSpan;
                bool allOnes = true;
                for (int k = 0; k < check; k++) if (d[first + k] != 0xFF) { allOnes = false; break; }
                states[i] = s.NullWhenAllOnes && allOnes ? SignalState.NotAvailable : SignalState.Value;
            }
            o.RangeErrors = rangeErrors;
            MessagesDecoded++;
            PackMessageHandler handler = MessageDecoded;
            if (handler != null) handler(o);
        }
    }
}
