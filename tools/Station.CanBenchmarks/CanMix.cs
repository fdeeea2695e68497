using System;
using System.Collections.Generic;
using Station.Core.Can;
using Station.Hal;

namespace Station.CanBenchmarks;

/// <summary>A realistic bus for one bay: the GB/T 27930 status traffic of a pack in the bay (BCL, BSM, BCS through
/// RTS/CTS with the station's CTS and ACK, BST) making about 10% of the frames, and 90% unrelated traffic: J1939 PDU2
/// broadcasts from other ECUs, other nodes' own TP sessions (DM1 BAM, RTS/CTS between 0x00 and 0x21) and 11-bit frames.</summary>
public static class CanMix
{
    public static (CanFrame[] Frames, long[] TimesMs) Build(int count, int seed = 1)
    {
        var r = new Random(seed);
        var frames = new List<CanFrame>(count);
        var times = new List<long>(count);
        long t = 0;
        var bcs = new byte[] { 0xC5, 0x0E, 0xA0, 0x0F, 0x4C, 0x61, 0x4D, 0x00, 0x00 };
        var dm1 = new byte[20];
        var other = new byte[30];
        r.NextBytes(dm1);
        r.NextBytes(other);
        void Add(CanFrame f) { t += 1; frames.Add(f); times.Add(t); }
        CanFrame F(uint id, int len, ulong data, bool ext = true) => new() { Id = id, Extended = ext, Length = (byte)len, Data = data };
        ulong Pack(byte[] b, int from, int n, int seq)
        {
            ulong d = (ulong)(uint)seq;
            for (int i = 0; i < 7; i++) d |= (ulong)(from + i < b.Length && i < n ? b[from + i] : (byte)0xFF) << ((i + 1) * 8);
            return d;
        }
        while (frames.Count < count)
        {
            int k = r.Next(100);
            if (k < 10)
            {
                // GB/T traffic: one of BCL, BSM, BST single frames or a whole BCS transfer
                switch (r.Next(4))
                {
                    case 0: Add(F(0x181056F4, 5, 0x020ED810A5)); break;
                    case 1: Add(F(0x181356F4, 7, 0xD000034A0A5B0A)); break;
                    case 2: Add(F(0x101956F4, 4, 0xF0000040)); break;
                    default:
                        Add(F(0x1CEC56F4, 8, 0x001100FF02000910));
                        Add(F(0x1CECF456, 8, 0x001100FFFF010211));
                        Add(F(0x1CEB56F4, 8, Pack(bcs, 0, 7, 1)));
                        Add(F(0x1CEB56F4, 8, Pack(bcs, 7, 2, 2)));
                        Add(F(0x1CECF456, 8, 0x001100FF02000913));
                        break;
                }
            }
            else if (k < 70)
            {
                // PDU2 broadcasts from other ECUs (EEC1, CCVS, ET1…) and PDU1 traffic between other nodes
                uint pgn = (uint)(0xF000 + r.Next(0x0F00));
                Add(F((uint)(3 << 26) | (pgn << 8) | (uint)r.Next(0x40), 8, (ulong)r.NextInt64()));
            }
            else if (k < 80)
            {
                Add(F((uint)r.Next(0x7FF), r.Next(9), (ulong)r.NextInt64(), ext: false));
            }
            else if (k < 90)
            {
                // DM1 broadcast by the engine ECU (0x00) through BAM: 20 bytes, 3 packets
                Add(F(0x1CECFF00, 8, 0x00FECAFF03001420));
                for (int s = 1; s <= 3; s++) Add(F(0x1CEBFF00, 8, Pack(dm1, (s - 1) * 7, 7, s)));
            }
            else
            {
                // RTS/CTS between 0x00 and 0x21 with PGN 0xFECA, 30 bytes
                Add(F(0x1CEC2100, 8, 0x00FECAFF05001E10));
                Add(F(0x1CEC0021, 8, 0x00FECAFFFF010511));
                for (int s = 1; s <= 5; s++) Add(F(0x1CEB2100, 8, Pack(other, (s - 1) * 7, 7, s)));
                Add(F(0x1CEC0021, 8, 0x00FECAFF05001E13));
            }
        }
        return (frames.GetRange(0, count).ToArray(), times.GetRange(0, count).ToArray());
    }
}
