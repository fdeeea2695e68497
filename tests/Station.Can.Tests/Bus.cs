using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Station.Core.Can;
using Station.Hal;

namespace Station.Can.Tests;

/// <summary>Frames built by hand, byte by byte, and a decoder harness that records what comes out as parsed JSON.</summary>
public static class Bus
{
    public const int Station = 0x56;
    public const int Bms = 0xF4;

    public static uint Id(int priority, int pf, int da, int sa) =>
        ((uint)priority << 26) | ((uint)pf << 16) | ((uint)da << 8) | (uint)sa;

    public static CanFrame Frame(uint id, params byte[] data)
    {
        var f = new CanFrame { Id = id, Extended = true, Length = (byte)data.Length };
        for (int i = 0; i < data.Length; i++) f[i] = data[i];
        return f;
    }

    /// <summary>A BMS → station single frame of message PF <paramref name="pf"/>.</summary>
    public static CanFrame FromBms(int pf, params byte[] data) => Frame(Id(6, pf, Station, Bms), data);

    /// <summary>A station → BMS single frame.</summary>
    public static CanFrame FromStation(int pf, params byte[] data) => Frame(Id(6, pf, Bms, Station), data);

    public static CanFrame Rts(int sa, int da, int size, int packets, int maxPerCts, int pgn) =>
        Frame(Id(7, 0xEC, da, sa), 16, (byte)size, (byte)(size >> 8), (byte)packets, (byte)maxPerCts,
              (byte)pgn, (byte)(pgn >> 8), (byte)(pgn >> 16));

    public static CanFrame Bam(int sa, int size, int packets, int pgn) =>
        Frame(Id(7, 0xEC, 0xFF, sa), 32, (byte)size, (byte)(size >> 8), (byte)packets, 0xFF,
              (byte)pgn, (byte)(pgn >> 8), (byte)(pgn >> 16));

    public static CanFrame Cts(int sa, int da, int count, int next, int pgn) =>
        Frame(Id(7, 0xEC, da, sa), 17, (byte)count, (byte)next, 0xFF, 0xFF, (byte)pgn, (byte)(pgn >> 8), (byte)(pgn >> 16));

    public static CanFrame Ack(int sa, int da, int size, int packets, int pgn) =>
        Frame(Id(7, 0xEC, da, sa), 19, (byte)size, (byte)(size >> 8), (byte)packets, 0xFF, (byte)pgn, (byte)(pgn >> 8), (byte)(pgn >> 16));

    public static CanFrame Abort(int sa, int da, int reason, int pgn) =>
        Frame(Id(7, 0xEC, da, sa), 255, (byte)reason, 0xFF, 0xFF, 0xFF, (byte)pgn, (byte)(pgn >> 8), (byte)(pgn >> 16));

    /// <summary>Data packet <paramref name="seq"/> of <paramref name="payload"/>, last one padded with 0xFF.</summary>
    public static CanFrame Dt(int sa, int da, int seq, byte[] payload)
    {
        var bytes = new byte[8];
        bytes[0] = (byte)seq;
        for (int i = 0; i < 7; i++)
        {
            int at = (seq - 1) * 7 + i;
            bytes[i + 1] = at < payload.Length ? payload[at] : (byte)0xFF;
        }
        return Frame(Id(7, 0xEB, da, sa), bytes);
    }

    public static int Packets(int size) => (size + 6) / 7;

    /// <summary>A complete RTS/CTS exchange as a monitor sees it on the bus (the station's CTS and ACK included).</summary>
    public static List<CanFrame> Transfer(int sa, int pgn, byte[] payload, int da = Station)
    {
        int n = Packets(payload.Length);
        var list = new List<CanFrame> { Rts(sa, da, payload.Length, n, 0xFF, pgn), Cts(da, sa, n, 1, pgn) };
        for (int s = 1; s <= n; s++) list.Add(Dt(sa, da, s, payload));
        list.Add(Ack(da, sa, payload.Length, n, pgn));
        return list;
    }

    public static byte[] Hex(string hex)
    {
        hex = hex.Replace(" ", "");
        var b = new byte[hex.Length / 2];
        for (int i = 0; i < b.Length; i++) b[i] = System.Convert.ToByte(hex.Substring(i * 2, 2), 16);
        return b;
    }
}

/// <summary>A port that records what the station sends; it can refuse to send (full transmit queue).</summary>
public sealed class RecordingPort : ICanPort
{
    public readonly List<CanFrame> Sent = new();
    public bool Refuse;
    public bool TryRead(ref CanFrame frame) => false;
    public bool TrySend(ref CanFrame frame)
    {
        if (Refuse) return false;
        Sent.Add(frame);
        return true;
    }
}

/// <summary>A decoder (monitor or station mode) whose outputs are kept as parsed JSON.</summary>
public sealed class Harness
{
    public readonly PackDecoder Decoder;
    public readonly List<JsonElement> Messages = new();
    public readonly List<JsonElement> Drops = new();
    public readonly RecordingPort Port;
    private readonly StringBuilder _sb = new();
    public long Now;

    public Harness(bool station = false, int sessions = 8)
    {
        Port = station ? new RecordingPort() : null;
        Decoder = new PackDecoder(GbT27930Profile.Create(), Port, sessions, new TpTimings());
        Decoder.MessageDecoded = m =>
        {
            _sb.Clear();
            PackJson.AppendMessage(_sb, m, null);
            Messages.Add(JsonDocument.Parse(_sb.ToString()).RootElement.Clone());
        };
        Decoder.Dropped = (r, sa, da, pgn, t) =>
        {
            _sb.Clear();
            PackJson.AppendDrop(_sb, r, sa, da, pgn, Decoder.Profile, null, t, null);
            Drops.Add(JsonDocument.Parse(_sb.ToString()).RootElement.Clone());
        };
    }

    public void Feed(CanFrame f, int advanceMs = 1)
    {
        Now += advanceMs;
        Decoder.Poll(Now);
        Decoder.Receive(ref f, Now);
    }

    public void Feed(IEnumerable<CanFrame> frames, int advanceMs = 1)
    {
        foreach (var f in frames) Feed(f, advanceMs);
    }

    public void Advance(int ms)
    {
        Now += ms;
        Decoder.Poll(Now);
    }

    public JsonElement Single()
    {
        Xunit.Assert.Empty(Drops);
        return Xunit.Assert.Single(Messages);
    }

    public string DropReason() => Xunit.Assert.Single(Drops).GetProperty("dropped").GetString();
}
