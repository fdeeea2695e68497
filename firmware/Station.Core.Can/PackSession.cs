using Station.Hal;

namespace Station.Core.Can
{
    /// <summary>The station's side (charger address 0x56) of the GB/T 27930-2015 exchange, far enough to identify and
    /// check a pack that sits in the bay: no charging current is ever offered.</summary>
    /// <remarks>
    /// | state         | station sends (period)             | waits for          | timeout → failure (CEM field)        |
    /// |---------------|-------------------------------------|--------------------|---------------------------------------|
    /// | Handshake     | CHM V1.1 (250 ms)                   | BHM                | GeneralTimeoutMs → NoBhm              |
    /// | Recognition   | CRM 0x00 (250 ms)                   | BRM                | GeneralTimeoutMs → NoBrm (brm)        |
    /// | Parameters    | CRM 0xAA (250 ms)                   | BCP                | GeneralTimeoutMs → NoBcp (bcp)        |
    /// | WaitBmsReady  | CTS, CML 0 A (250 ms)               | BRO 0xAA           | ReadyTimeoutMs → NoBro (bro)          |
    /// | Status        | CRO 0xAA (250 ms), CCS 0 A (50 ms)  | BCL, BCS, BSM      | BCL 1 s → NoBcl (bcl); BCS 5 s (bcs)  |
    /// | Stopping      | CST (10 ms)                         | BST                | GeneralTimeoutMs → NoBst (bst)        |
    /// | Statistics    | CST (10 ms) until BSD, then CSD     | BSD                | 10 s → NoBsd (bsd)                    |
    /// | Ended/Failed  | – (Failed sent CEM once)            | –                  | –                                     |
    ///
    /// A BEM from the BMS at any time fails the session (BmsTimeoutReport); a BST before the station asked fails it
    /// as BmsStopped, answered by CST "BMS stopped" and the BSD/CSD exchange. Timeouts from GB/T 27930-2015 ("5 s in
    /// general; BCL 1 s; BRO/CRO readiness 60 s"). Transport sessions (BRM, BCP, BCS) are answered by the decoder.
    /// After construction nothing is allocated.
    /// </remarks>
    public sealed class PackSession
    {
        private readonly ICanPort _port;
        private readonly PackDecoder _decoder;
        private readonly TpReceiver _tp;
        private readonly int _station;
        private int _bms;
        private CanFrame _rx;
        private CanFrame _tx;
        private long _enteredMs;
        private long _nextSendMs;
        private long _nextCcsMs;
        private bool _stopRequested;
        private bool _stopByBms;
        private readonly int _brmType, _brmCap, _brmVolt, _brmMaker, _brmSerial, _brmCycles, _brmVin;
        private readonly int _bcpVolt, _bcpSoc, _bcpTemp, _bcpEnergy;
        private readonly int _bcsVolt, _bcsCurr, _bcsCell, _bcsGroup, _bcsSoc, _bcsRem;
        private readonly int _bclVolt, _bclCurr;
        private readonly int _bsmIdx, _bsmMax, _bsmMin, _bsmCell, _bsmSoc, _bsmOc, _bsmOt, _bsmIns, _bsmConn, _bsmPermit;
        private readonly int _bsdSoc;

        /// <summary>Identity from BRM.</summary>
        public readonly PackIdentity Identity = new PackIdentity();
        /// <summary>Live state from BCP/BCS/BCL/BSM/BST/BSD.</summary>
        public readonly PackStatus Status = new PackStatus();

        /// <summary>General protocol timeout (5 s).</summary>
        public int GeneralTimeoutMs = 5000;
        /// <summary>BRO readiness timeout (60 s).</summary>
        public int ReadyTimeoutMs = 60000;
        /// <summary>BCL timeout while in Status (1 s).</summary>
        public int BclTimeoutMs = 1000;
        /// <summary>BSD timeout after BST (10 s).</summary>
        public int BsdTimeoutMs = 10000;
        /// <summary>The charger number sent in CRM and CSD.</summary>
        public uint ChargerNumber = 1;

        /// <summary>Creates a session on <paramref name="port"/> for the pack BMS at <paramref name="bmsAddress"/>.</summary>
        public PackSession(ICanPort port, PackProfile profile, int bmsAddress)
        {
            _port = port;
            _station = profile.StationAddress;
            _bms = bmsAddress;
            _decoder = new PackDecoder(profile, port, 4, new TpTimings());
            _decoder.AddBms(bmsAddress);
            _decoder.MessageDecoded = OnMessage;
            _tp = _decoder.Transport;
            PackMessage brm = profile.ByName("BRM");
            _brmType = brm.IndexOf("battery_type_code");
            _brmCap = brm.IndexOf("rated_capacity_ah");
            _brmVolt = brm.IndexOf("rated_voltage_v");
            _brmMaker = brm.IndexOf("manufacturer");
            _brmSerial = brm.IndexOf("pack_serial_number");
            _brmCycles = brm.IndexOf("cycle_count");
            _brmVin = brm.IndexOf("vin");
            PackMessage bcp = profile.ByName("BCP");
            _bcpVolt = bcp.IndexOf("pack_voltage_v");
            _bcpSoc = bcp.IndexOf("soc_pct");
            _bcpTemp = bcp.IndexOf("max_temp_c");
            _bcpEnergy = bcp.IndexOf("nominal_energy_kwh");
            PackMessage bcs = profile.ByName("BCS");
            _bcsVolt = bcs.IndexOf("voltage_v");
            _bcsCurr = bcs.IndexOf("current_a");
            _bcsCell = bcs.IndexOf("max_cell_v");
            _bcsGroup = bcs.IndexOf("max_cell_group");
            _bcsSoc = bcs.IndexOf("soc_pct");
            _bcsRem = bcs.IndexOf("remaining_min");
            PackMessage bcl = profile.ByName("BCL");
            _bclVolt = bcl.IndexOf("voltage_demand_v");
            _bclCurr = bcl.IndexOf("current_demand_a");
            PackMessage bsm = profile.ByName("BSM");
            _bsmIdx = bsm.IndexOf("max_cell_voltage_index");
            _bsmMax = bsm.IndexOf("max_temp_c");
            _bsmMin = bsm.IndexOf("min_temp_c");
            _bsmCell = bsm.IndexOf("cell_voltage_state");
            _bsmSoc = bsm.IndexOf("soc_state");
            _bsmOc = bsm.IndexOf("overcurrent_state");
            _bsmOt = bsm.IndexOf("overtemp_state");
            _bsmIns = bsm.IndexOf("insulation_state");
            _bsmConn = bsm.IndexOf("connector_state");
            _bsmPermit = bsm.IndexOf("charge_permit");
            _bsdSoc = profile.ByName("BSD").IndexOf("soc_pct");
        }

        /// <summary>Current state.</summary>
        public PackSessionState State { get { return Current; } }
        // The state as a field: the session's and the gate check's every-tick reads without a getter call (dear on the
        // interpreter).
        internal PackSessionState Current;
        // Counts the BMS's messages taken but BCL (and starts): while it stands still, nothing the release gate's check
        // judges (identity, parameters, BCS, BSM) has changed.
        internal int Updates;

        /// <summary>Why the session failed (None unless <see cref="State"/> is Failed).</summary>
        public PackSessionFailure Failure { get; private set; }

        /// <summary>The decoder (its counters say what was dropped on the way).</summary>
        public PackDecoder Decoder { get { return _decoder; } }

        /// <summary>Also called for every decoded message (after the session used it), e.g. for a CAN log.</summary>
        public PackMessageHandler MessageSeen;

        /// <summary>True once identity, parameters, a BCS and a BSM have been received in this session.</summary>
        public bool HasFullPicture
        {
            get { return Identity.Known && Status.ParamsMs >= 0 && Status.BcsMs >= 0 && Status.BsmMs >= 0; }
        }

        /// <summary>True while nothing runs: no session (Idle, Ended or Failed) and no transfer open. A session at rest
        /// sends nothing and decides nothing, so its owner may stop ticking it until the next <see cref="Start"/>
        /// (BmsPackCheck reports it as WoundDown once finished, and the release gate stops polling the check).</summary>
        public bool AtRest
        {
            get { return (Current == PackSessionState.Idle || Current >= PackSessionState.Ended) && _tp.OpenCount == 0; }
        }

        /// <summary>Starts a new session with a (new) pack: forgets the previous identity and state. Frames received while
        /// the session was not ticked are read first, as the session at rest would have read them (counted, decoded,
        /// nothing answered), so the new session never takes them for its pack's.</summary>
        public void Start(long nowMs)
        {
            // As Tick's drain, bounded so a flooded bus cannot hold the tick: a port's receive queue holds far fewer.
            int budget = StartDrainFrames;
            while (budget-- > 0 && _port.TryRead(ref _rx)) _decoder.Receive(ref _rx, nowMs);
            Identity.Clear();
            Status.Clear();
            _stopRequested = false;
            _stopByBms = false;
            Failure = PackSessionFailure.None;
            Updates++;
            Enter(PackSessionState.Handshake, nowMs);
        }

        /// <summary>Asks for a clean end (CST → BST, BSD → CSD).</summary>
        public void Stop(long nowMs)
        {
            if (Current == PackSessionState.Idle || Current == PackSessionState.Ended || Current == PackSessionState.Failed) return;
            if (Current == PackSessionState.Stopping || Current == PackSessionState.Statistics) return;
            _stopRequested = true;
            Enter(PackSessionState.Stopping, nowMs);
        }

        // At most this many frames are read at Start (those received while the session was not ticked).
        private const int StartDrainFrames = 512;

        /// <summary>Drains received frames, applies timeouts and sends what the state needs. Call every tick while the
        /// session runs; at rest (<see cref="AtRest"/>) it only reads and counts frames.</summary>
        /// <remarks>Runs in every control tick, also long after the session ended (Idle, Ended and Failed time and send
        /// nothing): the other states' work is <see cref="Run"/>, so those ticks do not set up its locals, and its
        /// timeouts and "time to send" checks are written out, a call made only when a frame is due (each call and
        /// local is dear on the interpreter).</remarks>
        public void Tick(long nowMs)
        {
            // At most 64 frames a tick even on a flooded bus; the first read outside the loop, as most ticks find none.
            if (_port.TryRead(ref _rx))
            {
                int budget = 63;
                do _decoder.Receive(ref _rx, nowMs);
                while (budget-- > 0 && _port.TryRead(ref _rx));
            }
            // The decoder's Poll, without its two calls: the transport has nothing to time while no transfer is open.
            if (_tp.OpenCount > 0) _tp.Poll(nowMs);
            if (Current != PackSessionState.Idle && Current < PackSessionState.Ended) Run(nowMs);
        }

        // One tick of a running exchange: its timeout, then what it sends.
        private void Run(long nowMs)
        {
            switch (Current)
            {
                case PackSessionState.Handshake:
                    if (nowMs - _enteredMs > GeneralTimeoutMs) { Fail(PackSessionFailure.NoBhm, nowMs); break; }
                    if (nowMs >= _nextSendMs) SendEvery(nowMs, 250, 0x26, 6, 3, 0x000101UL);
                    break;
                case PackSessionState.Recognition:
                    if (nowMs - _enteredMs > GeneralTimeoutMs) { Fail(PackSessionFailure.NoBrm, nowMs); break; }
                    if (nowMs >= _nextSendMs) SendEvery(nowMs, 250, 0x01, 6, 8, Crm(0x00));
                    break;
                case PackSessionState.Parameters:
                    if (nowMs - _enteredMs > GeneralTimeoutMs) { Fail(PackSessionFailure.NoBcp, nowMs); break; }
                    if (nowMs >= _nextSendMs) SendEvery(nowMs, 250, 0x01, 6, 8, Crm(0xAA));
                    break;
                case PackSessionState.WaitBmsReady:
                    if (nowMs - _enteredMs > ReadyTimeoutMs) { Fail(PackSessionFailure.NoBro, nowMs); break; }
                    if (nowMs >= _nextSendMs)
                    {
                        // CTS with no time (all 0xFF, optional content) and CML offering no current (raw 4000 = 0 A).
                        Send(0x07, 6, 7, 0xFFFFFFFFFFFFFFUL);
                        Send(0x08, 6, 8, 0x0FA00FA007D01D4CUL);
                        _nextSendMs = nowMs + 250;
                    }
                    break;
                case PackSessionState.Status:
                    long bcl = Status.BclMs, bcs = Status.BcsMs;
                    if (bcl >= 0 && nowMs - bcl > BclTimeoutMs) { Fail(PackSessionFailure.NoBcl, nowMs); break; }
                    if (nowMs - (bcs >= 0 ? bcs : _enteredMs) > GeneralTimeoutMs) { Fail(PackSessionFailure.NoBcs, nowMs); break; }
                    if (bcl < 0 && nowMs - _enteredMs > GeneralTimeoutMs) { Fail(PackSessionFailure.NoBcl, nowMs); break; }
                    if (nowMs >= _nextSendMs) SendEvery(nowMs, 250, 0x0A, 4, 1, 0xAA);
                    if (nowMs >= _nextCcsMs)
                    {
                        // 0 V, 0 A (raw 4000), 0 min, charging paused (00) with fill bits.
                        Send(0x12, 6, 8, 0xFFFC00000FA00000UL);
                        _nextCcsMs = nowMs + 50;
                    }
                    break;
                case PackSessionState.Stopping:
                    if (nowMs - _enteredMs > GeneralTimeoutMs) { Fail(PackSessionFailure.NoBst, nowMs); break; }
                    if (nowMs >= _nextSendMs) SendEvery(nowMs, 10, 0x1A, 4, 4, CstWord());
                    break;
                case PackSessionState.Statistics:
                    if (nowMs - _enteredMs > BsdTimeoutMs) { Fail(PackSessionFailure.NoBsd, nowMs); break; }
                    if (nowMs >= _nextSendMs) SendEvery(nowMs, 10, 0x1A, 4, 4, CstWord());
                    break;
            }
        }

        // BCL, BCS and BSM come many times a second: their cases read the message's arrays and the status once into locals
        // and work out DecodedMessage.Value inline (the same expression), as every call and field load counts on the
        // interpreter.
        private void OnMessage(DecodedMessage m)
        {
            if (m.Source != _bms) return;
            long now = m.TimeMs;
            PackStatus st = Status;
            long[] raw = m.Raw;
            PackSignal[] rows = m.Message.Signals;
            PackSignal row;
            int pf = m.Message.Pf;
            // BCL (every 50 ms) carries only the BMS's demands, which no check reads.
            if (pf != 0x10) Updates++;
            switch (pf)
            {
                case 0x27: // BHM
                    if (Current == PackSessionState.Handshake) Enter(PackSessionState.Recognition, now);
                    break;
                case 0x02: // BRM
                    ReadIdentity(m);
                    if (Current == PackSessionState.Recognition || Current == PackSessionState.Handshake)
                    {
                        Send(0x01, 6, 8, Crm(0xAA));
                        Enter(PackSessionState.Parameters, now);
                    }
                    break;
                case 0x06: // BCP
                    Status.ParamPackVoltageV = m.Has(_bcpVolt) ? m.Value(_bcpVolt) : 0;
                    Status.ParamSocPct = m.Has(_bcpSoc) ? m.Value(_bcpSoc) : -1;
                    Status.ParamMaxTempC = m.Has(_bcpTemp) ? (int)m.Value(_bcpTemp) : 0;
                    Status.NominalEnergyKwh = m.Has(_bcpEnergy) ? m.Value(_bcpEnergy) : 0;
                    Status.ParamsMs = now;
                    if (Current == PackSessionState.Parameters) Enter(PackSessionState.WaitBmsReady, now);
                    break;
                case 0x09: // BRO
                    if (Current == PackSessionState.WaitBmsReady && m.Raw[0] == 0xAA)
                    {
                        Send(0x0A, 4, 1, 0xAA);
                        Enter(PackSessionState.Status, now);
                    }
                    break;
                case 0x10: // BCL
                    row = rows[_bclVolt];
                    st.VoltageDemandV = (raw[_bclVolt] * row.ScaleUnits + row.OffsetUnits) / row.Divisor;
                    row = rows[_bclCurr];
                    st.CurrentDemandA = (raw[_bclCurr] * row.ScaleUnits + row.OffsetUnits) / row.Divisor;
                    st.BclMs = now;
                    break;
                case 0x11: // BCS
                    row = rows[_bcsVolt];
                    st.VoltageV = (raw[_bcsVolt] * row.ScaleUnits + row.OffsetUnits) / row.Divisor;
                    row = rows[_bcsCurr];
                    st.CurrentA = (raw[_bcsCurr] * row.ScaleUnits + row.OffsetUnits) / row.Divisor;
                    row = rows[_bcsCell];
                    st.MaxCellV = (raw[_bcsCell] * row.ScaleUnits + row.OffsetUnits) / row.Divisor;
                    st.MaxCellGroup = (int)raw[_bcsGroup];
                    // A SOC the decoder flags (above 100 %, or the "not available" fill) is no reading: the gate must
                    // not pass a pack on it, so it reads as unknown (-1), below any minimum.
                    st.SocPct = m.States[_bcsSoc] == SignalState.Value ? (int)raw[_bcsSoc] : -1;
                    st.RemainingMin = (int)raw[_bcsRem];
                    st.BcsMs = now;
                    break;
                case 0x13: // BSM
                    row = rows[_bsmIdx];
                    st.MaxCellIndex = (int)((raw[_bsmIdx] * row.ScaleUnits + row.OffsetUnits) / row.Divisor);
                    row = rows[_bsmMax];
                    st.MaxTempC = (int)((raw[_bsmMax] * row.ScaleUnits + row.OffsetUnits) / row.Divisor);
                    row = rows[_bsmMin];
                    st.MinTempC = (int)((raw[_bsmMin] * row.ScaleUnits + row.OffsetUnits) / row.Divisor);
                    st.CellVoltageState = (int)raw[_bsmCell];
                    st.SocState = (int)raw[_bsmSoc];
                    st.OvercurrentState = (int)raw[_bsmOc];
                    st.OvertempState = (int)raw[_bsmOt];
                    st.InsulationState = (int)raw[_bsmIns];
                    st.ConnectorState = (int)raw[_bsmConn];
                    st.ChargePermit = (int)raw[_bsmPermit];
                    st.BsmMs = now;
                    break;
                case 0x19: // BST
                    Status.BstWord = Word(m);
                    Status.BstMs = now;
                    if (Current == PackSessionState.Stopping) Enter(PackSessionState.Statistics, now);
                    else if (Current >= PackSessionState.Handshake && Current <= PackSessionState.Status)
                    {
                        _stopByBms = true;
                        Enter(PackSessionState.Statistics, now);
                    }
                    break;
                case 0x1C: // BSD
                    Status.EndSocPct = (int)m.Raw[_bsdSoc];
                    Status.BsdMs = now;
                    if (Current == PackSessionState.Statistics)
                    {
                        Send(0x1D, 6, 8, (ulong)ChargerNumber << 32);
                        if (_stopByBms && !_stopRequested) { Failure = PackSessionFailure.BmsStopped; Enter(PackSessionState.Failed, now); }
                        else Enter(PackSessionState.Ended, now);
                    }
                    break;
                case 0x1E: // BEM
                    Status.BemWord = Word(m);
                    Status.BemMs = now;
                    if (Current != PackSessionState.Idle && Current != PackSessionState.Ended && Current != PackSessionState.Failed)
                    {
                        Failure = PackSessionFailure.BmsTimeoutReport;
                        Enter(PackSessionState.Failed, now);
                    }
                    break;
            }
            PackMessageHandler seen = MessageSeen;
            if (seen != null) seen(m);
        }

        private void ReadIdentity(DecodedMessage m)
        {
            Identity.Known = true;
            Identity.BatteryTypeCode = (int)m.Raw[_brmType];
            Identity.RatedCapacityAh = m.Value(_brmCap);
            Identity.RatedVoltageV = m.Value(_brmVolt);
            Identity.SerialNumber = m.Has(_brmSerial) ? m.Raw[_brmSerial] : -1;
            Identity.CycleCount = m.Has(_brmCycles) ? m.Raw[_brmCycles] : -1;
            Identity.ManufacturerLength = m.Has(_brmMaker) ? CopyText(m.Data, 8, Identity.Manufacturer) : 0;
            Identity.VinLength = m.Has(_brmVin) ? CopyText(m.Data, 24, Identity.Vin) : 0;
        }

        private static int CopyText(byte[] data, int at, byte[] into)
        {
            int n = into.Length;
            while (n > 0 && (data[at + n - 1] == 0 || data[at + n - 1] == 0xFF)) n--;
            for (int i = 0; i < n; i++) into[i] = data[at + i];
            return n;
        }

        private static uint Word(DecodedMessage m)
        {
            uint w = 0;
            for (int i = 0; i < 4 && i < m.Length; i++) w |= (uint)m.Data[i] << (i * 8);
            return w;
        }

        private ulong CstWord()
        {
            // Byte 1: manual stop (1.3 = 01) when the station asked, "BMS stopped" (1.7 = 01) when answering a BST.
            // Bytes 2–3: no faults, four fill bits; byte 4: no errors, fill.
            return (_stopByBms && !_stopRequested ? 0x40UL : 0x04UL) | 0xF0F00000UL;
        }

        private ulong Crm(int result)
        {
            return (ulong)(uint)result | ((ulong)ChargerNumber << 8) | 0xFFFFFF0000000000UL;
        }

        private void Fail(PackSessionFailure failure, long nowMs)
        {
            Failure = failure;
            // CEM: one 2-bit field set to 01 (timeout), every other field 00, fill bits 1 (GB/T 27930-2015, CEM).
            ulong cem = 0xF0C0F0FCUL;
            switch (failure)
            {
                case PackSessionFailure.NoBrm: cem |= 0x01; break;
                case PackSessionFailure.NoBcp: cem |= 0x0100; break;
                case PackSessionFailure.NoBro: cem |= 0x0400; break;
                case PackSessionFailure.NoBcs: cem |= 0x010000; break;
                case PackSessionFailure.NoBcl: cem |= 0x040000; break;
                case PackSessionFailure.NoBst: cem |= 0x100000; break;
                case PackSessionFailure.NoBsd: cem |= 0x01000000; break;
                default: cem |= 0x04000000; break; // "other"
            }
            Send(0x1F, 2, 4, cem);
            Enter(PackSessionState.Failed, nowMs);
        }

        private void Enter(PackSessionState state, long nowMs)
        {
            Current = state;
            _enteredMs = nowMs;
            _nextSendMs = nowMs;
            _nextCcsMs = nowMs;
        }

        // A periodic frame whose time has come (the caller checked _nextSendMs).
        private void SendEvery(long nowMs, int periodMs, int pf, int priority, int length, ulong data)
        {
            Send(pf, priority, length, data);
            _nextSendMs = nowMs + periodMs;
        }

        // J1939.Id and J1939.Make written out: two calls fewer per frame sent, on the interpreter.
        private void Send(int pf, int priority, int length, ulong data)
        {
            _tx.Id = ((uint)(priority & 7) << 26) | ((uint)(pf & 0xFF) << 16) | ((uint)(_bms & 0xFF) << 8) | (uint)(_station & 0xFF);
            _tx.Extended = true;
            _tx.Length = (byte)length;
            _tx.Data = length >= 8 ? data : data & ((1UL << (length * 8)) - 1);
            _port.TrySend(ref _tx);
        }
    }
}
