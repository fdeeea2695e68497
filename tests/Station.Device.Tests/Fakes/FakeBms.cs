namespace Station.Device.Tests.Fakes
{
    /// <summary>A pack's BMS (address 0xF4) answering the station (0x56) per GB/T 27930-2015, far enough for the
    /// release gate's check: BHM to CHM, BRM and BCP by RTS/CTS transfer to CRM, BRO to CML, then BCL (50 ms), BSM and a
    /// BCS transfer (250 ms) after CRO, BST and BSD to CST. The pack's figures are public fields; payloads live in
    /// buffers made once, so a running session allocates nothing here either.</summary>
    public sealed class FakeBms
    {
        private const int Station = 0x56;
        private const int Address = 0xF4;
        private readonly FakeCanPort _port;
        private readonly byte[] _brm = new byte[49];
        private readonly byte[] _bcp = new byte[13];
        private readonly byte[] _bcs = new byte[9];
        private byte[] _tx;
        private int _txPgn = -1;
        private bool _charging, _stopped;
        private long _now, _nextBcl, _nextBsm, _nextBcs;

        /// <summary>Maker letters of the serial (up to 4 ASCII letters).</summary>
        public string Maker = "PK";
        /// <summary>Serial number: with <see cref="Maker"/> the station reads "PK0003".</summary>
        public uint SerialNumber = 3;
        /// <summary>GB/T battery type code (3 LFP, 6 NCM).</summary>
        public int TypeCode = 3;
        /// <summary>State of charge, %.</summary>
        public int SocPct = 99;
        /// <summary>Highest cell temperature, °C.</summary>
        public int TempC = 25;
        /// <summary>BSM byte 7 fault bits (0x01 insulation, 0x04 connector).</summary>
        public int InsulationConnectorBits;
        /// <summary>True: the BMS says nothing.</summary>
        public bool Silent;
        /// <summary>Messages sent: BHM, BRO, BCL, BSM, BST, BSD, and transfers started.</summary>
        public int Bhm, Bro, Bcl, Bsm, Bst, Bsd, Transfers;

        /// <summary>A BMS behind <paramref name="port"/>.</summary>
        public FakeBms(FakeCanPort port)
        {
            _port = port;
            port.Bms = this;
        }

        /// <summary>Sends what is due at <paramref name="nowMs"/> (call before every station tick).</summary>
        public void Step(long nowMs)
        {
            _now = nowMs;
            if (!_charging || Silent) return;
            if (nowMs >= _nextBcl) { Send(0x10, 6, 5, 0x020FA010A5UL); Bcl++; _nextBcl = nowMs + 50; }
            if (nowMs >= _nextBsm) { Send(0x13, 6, 7, BsmWord()); Bsm++; _nextBsm = nowMs + 250; }
            if (nowMs >= _nextBcs && _txPgn < 0)
            {
                _bcs[0] = 0xC5; _bcs[1] = 0x0E; _bcs[2] = 0xA0; _bcs[3] = 0x0F; _bcs[4] = 0x4C; _bcs[5] = 0x11;
                _bcs[6] = (byte)SocPct; _bcs[7] = 0; _bcs[8] = 0;
                StartTransfer(0x1100, _bcs);
                _nextBcs = nowMs + 250;
            }
        }

        /// <summary>A frame from the station (called by the port).</summary>
        public void OnStationFrame(uint id, int length, ulong data)
        {
            int pf = (int)(id >> 16) & 0xFF, da = (int)(id >> 8) & 0xFF, sa = (int)(id & 0xFF);
            if (sa != Station || da != Address || Silent) return;
            int b0 = (int)(data & 0xFF);
            switch (pf)
            {
                case 0x26: _stopped = false; Send(0x27, 6, 2, 0x10A5UL); Bhm++; break; // CHM → BHM
                case 0x01: // CRM
                    if (b0 == 0x00) { FillBrm(); StartTransfer(0x0200, _brm); }
                    else if (b0 == 0xAA) { FillBcp(); StartTransfer(0x0600, _bcp); }
                    break;
                case 0x08: Send(0x09, 4, 1, 0xAAUL); Bro++; break; // CML → BRO ready
                case 0x0A: // CRO
                    if (b0 == 0xAA && !_charging && !_stopped) { _charging = true; _nextBcl = _nextBsm = _nextBcs = _now; }
                    break;
                case 0x1A: // CST → BST "charger stopped", BSD
                    if (_stopped) break;
                    _stopped = true;
                    _charging = false;
                    Send(0x19, 4, 4, 0xF0000040UL); Bst++;
                    int t = TempC + 50;
                    Send(0x1C, 6, 7, (ulong)(uint)SocPct | 0x01_6001_4C00UL | ((ulong)(byte)(t - 3) << 40) | ((ulong)(byte)t << 48)); Bsd++;
                    break;
                case 0x1F: _charging = false; _stopped = true; break; // CEM
                case 0xEC: OnControl(data); break; // TP.CM: CTS / EndOfMsgACK / Abort
            }
        }

        private void OnControl(ulong data)
        {
            if (_txPgn < 0) return;
            int pgn = (int)((data >> 40) & 0xFFFFFF);
            if (pgn != _txPgn) return;
            int control = (int)(data & 0xFF);
            if (control == 17) // CTS: send the asked packets
            {
                int count = (int)((data >> 8) & 0xFF), next = (int)((data >> 16) & 0xFF);
                int packets = (_tx.Length + 6) / 7;
                for (int s = next; s < next + count && s <= packets; s++)
                {
                    ulong d = (ulong)(uint)s;
                    for (int k = 0; k < 7; k++)
                    {
                        int at = (s - 1) * 7 + k;
                        ulong b = at < _tx.Length ? _tx[at] : 0xFFUL;
                        d |= b << ((k + 1) * 8);
                    }
                    Send(0xEB, 7, 8, d);
                }
            }
            else if (control == 19 || control == 255) _txPgn = -1; // EndOfMsgACK or Abort
        }

        private void StartTransfer(int pgn, byte[] data)
        {
            if (_txPgn >= 0) return; // one transfer at a time (J1939-21)
            _txPgn = pgn;
            _tx = data;
            int packets = (data.Length + 6) / 7;
            // RTS: 16, size, packets, max per CTS 0xFF, PGN.
            ulong rts = 16UL | ((ulong)(uint)data.Length << 8) | ((ulong)(uint)packets << 24) | (0xFFUL << 32) | ((ulong)(uint)pgn << 40);
            Send(0xEC, 7, 8, rts);
            Transfers++;
        }

        private void FillBrm()
        {
            for (int i = 0; i < _brm.Length; i++) _brm[i] = 0xFF;
            _brm[0] = 1; _brm[1] = 1; _brm[2] = 0;
            _brm[3] = (byte)TypeCode;
            _brm[4] = 0xD0; _brm[5] = 0x07; // 200.0 Ah
            _brm[6] = 0x00; _brm[7] = 0x0F; // 384.0 V
            for (int i = 0; i < 4; i++) _brm[8 + i] = i < Maker.Length ? (byte)Maker[i] : (byte)0;
            _brm[12] = (byte)SerialNumber; _brm[13] = (byte)(SerialNumber >> 8);
            _brm[14] = (byte)(SerialNumber >> 16); _brm[15] = (byte)(SerialNumber >> 24);
            _brm[16] = 2024 - 1985; _brm[17] = 5; _brm[18] = 10;
            _brm[19] = 120; _brm[20] = 0; _brm[21] = 0; // 120 cycles
            _brm[22] = 0;
            _brm[41] = 1; _brm[42] = 10; _brm[43] = 5; _brm[44] = 0xE8; _brm[45] = 0x07;
        }

        private void FillBcp()
        {
            int soc = SocPct * 10;
            _bcp[0] = 0xA4; _bcp[1] = 0x01; _bcp[2] = 0xDC; _bcp[3] = 0x05; _bcp[4] = 0xEE; _bcp[5] = 0x02;
            _bcp[6] = 0xA5; _bcp[7] = 0x10; _bcp[8] = (byte)(TempC + 50); _bcp[9] = (byte)soc; _bcp[10] = (byte)(soc >> 8);
            _bcp[11] = 0xC5; _bcp[12] = 0x0E;
        }

        private ulong BsmWord()
        {
            int t = TempC + 50;
            ulong b7 = (ulong)(uint)(0xD0 | InsulationConnectorBits);
            return 9UL | ((ulong)(byte)t << 8) | (2UL << 16) | ((ulong)(byte)(t - 3) << 24) | (6UL << 32) | (b7 << 48);
        }

        private void Send(int pf, int priority, int length, ulong data)
        {
            uint id = ((uint)priority << 26) | ((uint)pf << 16) | ((uint)Station << 8) | (uint)Address;
            _port.Deliver(id, length, data);
        }
    }
}
