using System;
using System.Collections.Generic;
using Station.Core;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>A pack's BMS (address 0xF4) on a <see cref="VirtualCanBus"/>, answering the station per GB/T 27930-2015 with
    /// the data of the pack that sits in the vehicle, with fault injection (<see cref="Faults"/>).</summary>
    /// <remarks>
    /// | station sends | BMS answers                                                          |
    /// |---------------|----------------------------------------------------------------------|
    /// | CHM           | BHM                                                                  |
    /// | CRM 0x00      | BRM (49 bytes) through RTS/CTS                                       |
    /// | CRM 0xAA      | BCP (13 bytes) through RTS/CTS                                       |
    /// | CML           | BRO 0xAA (or BEM when told to)                                       |
    /// | CRO 0xAA      | starts BCL (50 ms), BSM (250 ms), BCS through RTS/CTS (250 ms)       |
    /// | CST           | BST "charger stopped", then BSD                                      |
    /// | CEM           | stops everything                                                     |
    /// Every answer leaves after <see cref="SimBmsFaults.AnswerDelayMs"/> plus one step, like a real node's latency.
    /// The pack serial string is reported as maker letters (BRM 9–12) plus a number (BRM 13–16): "PK0001" → "PK", 1.
    /// </remarks>
    public sealed class SimBms : ISimCanNode
    {
        private const int Station = 0x56;
        private readonly VirtualCanBus _bus;
        private readonly Func<SimPack> _pack;
        private readonly List<(long Due, CanFrame Frame)> _outbox = new List<(long, CanFrame)>();
        private byte[] _txData;
        private int _txPgn = -1;
        private long _txStartMs;
        private bool _charging;
        private bool _stopped;
        private long _nextBcl, _nextBsm, _nextBcs;

        /// <summary>A BMS at <paramref name="address"/> speaking for the pack <paramref name="pack"/> returns (null = no pack, silent).</summary>
        public SimBms(VirtualCanBus bus, Func<SimPack> pack, int address = 0xF4)
        {
            _bus = bus;
            _pack = pack;
            Address = address;
            bus.Attach(this, "bms" + address.ToString("X2"));
        }

        /// <summary>The BMS's source address.</summary>
        public int Address { get; }

        /// <summary>Faults to show.</summary>
        public SimBmsFaults Faults { get; } = new SimBmsFaults();

        /// <summary>Messages sent, by name (for tests).</summary>
        public Dictionary<string, int> Sent { get; } = new Dictionary<string, int>();

        /// <summary>Splits a pack serial into maker letters (up to 4) and a number, the way the BMS reports it.</summary>
        public static (string Maker, uint Number) SplitSerial(string serial)
        {
            int i = 0;
            while (i < serial.Length && i < 4 && !char.IsDigit(serial[i])) i++;
            string digits = serial.Substring(i);
            if (digits.Length > 0 && digits.Length <= 9 && uint.TryParse(digits, out uint n)) return (serial.Substring(0, i), n);
            // Not expressible in BRM: a stable number that will not match the inventory's serial.
            uint h = 2166136261;
            foreach (char c in serial) h = (h ^ c) * 16777619;
            return (serial.Length > 4 ? serial.Substring(0, 4) : serial, h & 0x7FFFFFFF);
        }

        /// <summary>GB/T battery type code for a simulated pack's type label.</summary>
        public static int TypeCode(string type)
        {
            string t = (type ?? "").ToUpperInvariant();
            if (t.Contains("LFP") || t.Contains("LIFEPO4")) return 3;
            if (t.Contains("NCM") || t.Contains("NCA") || t.Contains("TERNARY")) return 6;
            if (t.Contains("LTO")) return 8;
            if (t.Contains("LMO")) return 4;
            return 0xFF;
        }

        /// <inheritdoc />
        public void OnFrame(in CanFrame f, long nowMs)
        {
            if (!f.Extended) return;
            int pf = (int)(f.Id >> 16) & 0xFF, da = (int)(f.Id >> 8) & 0xFF, sa = (int)(f.Id & 0xFF);
            if (sa != Station || da != Address) return;
            SimPack pack = _pack();
            if (pack == null || Faults.Silent) return;
            switch (pf)
            {
                case 0x26: // CHM
                    _stopped = false;
                    Queue(nowMs, 0x27, 6, new byte[] { 0xA5, 0x10 }, "BHM");
                    break;
                case 0x01: // CRM
                    if (f[0] == 0x00) StartTransfer(nowMs, 0x0200, Brm(pack));
                    else if (f[0] == 0xAA) StartTransfer(nowMs, 0x0600, Bcp(pack));
                    break;
                case 0x08: // CML
                    if (Faults.SendBem) Queue(nowMs, 0x1E, 2, new byte[] { 0xF0, 0xF4, 0xF0, 0xFC }, "BEM");
                    else Queue(nowMs, 0x09, 4, new byte[] { 0xAA }, "BRO");
                    break;
                case 0x0A: // CRO
                    if (f[0] == 0xAA && !_charging && !_stopped)
                    {
                        _charging = true;
                        _nextBcl = _nextBsm = _nextBcs = nowMs;
                    }
                    break;
                case 0x1A: // CST
                    if (_stopped) break;
                    _stopped = true;
                    _charging = false;
                    Queue(nowMs, 0x19, 4, new byte[] { 0x40, 0x00, 0x00, 0xF0 }, "BST");
                    int soc = (int)Math.Round(pack.SocPct);
                    int t = (int)Math.Round(pack.MaxCellTempC) + 50;
                    Queue(nowMs + 10, 0x1C, 6, new byte[] { (byte)soc, 0x4C, 0x01, 0x60, 0x01, (byte)(t - 3), (byte)t }, "BSD");
                    break;
                case 0x1F: // CEM
                    _charging = false;
                    _stopped = true;
                    break;
                case 0xEC: // TP.CM from the station: CTS, EndOfMsgACK, Abort for our transfer
                    OnControl(f, nowMs);
                    break;
            }
        }

        /// <inheritdoc />
        public void Step(long nowMs)
        {
            SimPack pack = _pack();
            if (_charging && pack != null && !Faults.Silent)
            {
                if (nowMs >= _nextBcl) { Queue(nowMs, 0x10, 6, new byte[] { 0xA5, 0x10, 0xA0, 0x0F, 0x02 }, "BCL"); _nextBcl = nowMs + 50; }
                if (nowMs >= _nextBsm) { Queue(nowMs, 0x13, 6, Bsm(pack), "BSM"); _nextBsm = nowMs + 250; }
                if (nowMs >= _nextBcs && _txPgn < 0) { StartTransfer(nowMs, 0x1100, Bcs(pack)); _nextBcs = nowMs + 250; }
            }
            if (_txPgn >= 0 && nowMs - _txStartMs > 1250) _txPgn = -1; // T3: the station never answered
            for (int i = 0; i < _outbox.Count; i++)
            {
                if (_outbox[i].Due > nowMs) continue;
                CanFrame f = _outbox[i].Frame;
                _outbox.RemoveAt(i--);
                _bus.Send(this, f);
            }
        }

        private void OnControl(in CanFrame f, long nowMs)
        {
            if (_txPgn < 0) return;
            int pgn = f[5] | (f[6] << 8) | (f[7] << 16);
            if (pgn != _txPgn) return;
            switch (f[0])
            {
                case 17: // CTS
                    int count = f[1], next = f[2];
                    if (count == 0) { _txStartMs = nowMs; break; }
                    if (Faults.AbortTransfers)
                    {
                        QueueRaw(nowMs, Id(7, 0xEC), 8, new byte[] { 255, 1, 0xFF, 0xFF, 0xFF, (byte)pgn, (byte)(pgn >> 8), 0 });
                        _txPgn = -1;
                        break;
                    }
                    int packets = (_txData.Length + 6) / 7;
                    var order = new List<int>();
                    for (int s = next; s < next + count && s <= packets; s++) order.Add(s);
                    if (Faults.OutOfOrderTransfers && order.Count >= 2) (order[0], order[1]) = (order[1], order[0]);
                    long due = nowMs;
                    foreach (int s in order)
                    {
                        var d = new byte[8];
                        d[0] = (byte)s;
                        for (int k = 0; k < 7; k++)
                        {
                            int at = (s - 1) * 7 + k;
                            d[k + 1] = at < _txData.Length ? _txData[at] : (byte)0xFF;
                        }
                        QueueRaw(due, Id(7, 0xEB), 8, d);
                        due += 1;
                    }
                    _txStartMs = nowMs;
                    break;
                case 19: // EndOfMsgACK
                case 255: // Abort
                    _txPgn = -1;
                    break;
            }
        }

        private void StartTransfer(long nowMs, int pgn, byte[] data)
        {
            if (_txPgn >= 0) return; // one transfer at a time, as J1939-21 requires per destination
            _txPgn = pgn;
            _txData = data;
            _txStartMs = nowMs;
            int packets = (data.Length + 6) / 7;
            if (Faults.CorruptLengths) packets++;
            QueueRaw(nowMs, Id(7, 0xEC), 8, new byte[]
            {
                16, (byte)data.Length, (byte)(data.Length >> 8), (byte)packets, 0xFF, (byte)pgn, (byte)(pgn >> 8), (byte)(pgn >> 16),
            });
            string name = pgn == 0x0200 ? "BRM" : pgn == 0x0600 ? "BCP" : "BCS";
            Sent[name] = Sent.GetValueOrDefault(name) + 1;
        }

        private uint Id(int priority, int pf) => ((uint)priority << 26) | ((uint)pf << 16) | (Station << 8) | (uint)Address;

        private void Queue(long nowMs, int pf, int priority, byte[] data, string name)
        {
            QueueRaw(nowMs, Id(priority, pf), data.Length, data);
            Sent[name] = Sent.GetValueOrDefault(name) + 1;
        }

        private void QueueRaw(long nowMs, uint id, int length, byte[] data)
        {
            var f = new CanFrame { Id = id, Extended = true, Length = (byte)length };
            for (int i = 0; i < length; i++) f[i] = data[i];
            _outbox.Add((nowMs + Faults.AnswerDelayMs, f));
        }

        private byte[] Brm(SimPack pack)
        {
            var b = new byte[49];
            for (int i = 0; i < b.Length; i++) b[i] = 0xFF;
            b[0] = 1; b[1] = 1; b[2] = 0;
            b[3] = (byte)TypeCode(pack.Type);
            b[4] = 0xD0; b[5] = 0x07;   // 200.0 Ah
            b[6] = 0x00; b[7] = 0x0F;   // 384.0 V
            PackStandard reported = pack.BmsReportsAs ?? pack.Standard;
            PackStandardRow row = PackStandards.Known((int)reported) ? PackStandards.RowAt((int)reported) : null;
            if (row != null && row.NominalKwh > 0)
            {
                // A pack of a catalogued standard reports its chemistry and its nominal energy at 384 V (0.1 Ah units).
                int deciAh = (int)Math.Round(row.NominalKwh * 10000.0 / 384.0);
                b[3] = (byte)row.BatteryType;
                b[4] = (byte)deciAh; b[5] = (byte)(deciAh >> 8);
            }
            var (maker, number) = SplitSerial(pack.Serial);
            if (Faults.WrongSerial) number++;
            for (int i = 0; i < 4; i++) b[8 + i] = i < maker.Length ? (byte)maker[i] : (byte)0x00;
            b[12] = (byte)number; b[13] = (byte)(number >> 8); b[14] = (byte)(number >> 16); b[15] = (byte)(number >> 24);
            b[16] = 2024 - 1985; b[17] = 5; b[18] = 10;
            b[19] = 120; b[20] = 0; b[21] = 0;  // 120 cycles
            b[22] = 0;                          // leased (battery-as-a-service)
            // VIN (25–41) left 0xFF: not available. Software version: build 1 of 2024-05-10.
            b[41] = 1; b[42] = 10; b[43] = 5; b[44] = 0xE8; b[45] = 0x07;
            return b;
        }

        private static byte[] Bcp(SimPack pack)
        {
            int soc = (int)Math.Round(pack.SocPct * 10);
            return new byte[] { 0xA4, 0x01, 0xDC, 0x05, 0xEE, 0x02, 0xA5, 0x10, 60 + 50, (byte)soc, (byte)(soc >> 8), 0xC5, 0x0E };
        }

        private static byte[] Bcs(SimPack pack)
        {
            int soc = (int)Math.Round(pack.SocPct);
            return new byte[] { 0xC5, 0x0E, 0xA0, 0x0F, 0x4C, 0x11, (byte)soc, 0x00, 0x00 };
        }

        private static byte[] Bsm(SimPack pack)
        {
            int f = pack.FaultFlags;
            int t = (int)Math.Round(pack.MaxCellTempC) + 50;
            int b6 = ((f & SimPackFault.CellVoltage) != 0 ? 0x01 : 0) | ((f & SimPackFault.OverCurrent) != 0 ? 0x10 : 0)
                     | ((f & SimPackFault.OverTemperature) != 0 ? 0x40 : 0);
            int b7 = 0xD0 | ((f & SimPackFault.Insulation) != 0 ? 0x01 : 0) | ((f & SimPackFault.Connector) != 0 ? 0x04 : 0);
            return new byte[] { 9, (byte)t, 2, (byte)(t - 3), 6, (byte)b6, (byte)b7 };
        }
    }
}
