using System;
using System.Text;
using System.Text.Json;
using Station.Core.Can;
using Station.Hal;
using Xunit;

namespace Station.Can.Tests;

/// <summary>Random frames (biased towards GB/T and transport-protocol ids so the state machine is really exercised)
/// must never throw out of the decoder, never leave more sessions than slots and never allocate.</summary>
public class RandomInputTests
{
    private sealed class FlakyPort : ICanPort
    {
        private uint _state = 12345;
        public long Sent;
        public bool TryRead(ref CanFrame frame) => false;
        public bool TrySend(ref CanFrame frame)
        {
            _state = _state * 1664525 + 1013904223;
            if ((_state >> 28) == 0) return false; // 1 in 16 sends refused
            Sent++;
            return true;
        }
    }

    private static CanFrame[] Frames(int seed, int count)
    {
        var r = new Random(seed);
        int[] addresses = { 0x56, 0xF4, 0xF5, 0xFF, 0x00, 0x21 };
        int[] pfs = { 0xEC, 0xEB, 0xEC, 0xEB, 0x02, 0x11, 0x13, 0x10, 0x06, 0x27, 0x19, 0x26, 0xF0, 0xFE };
        var frames = new CanFrame[count];
        for (int i = 0; i < count; i++)
        {
            var f = new CanFrame { Extended = r.Next(20) != 0 };
            int kind = r.Next(10);
            if (kind == 0 || !f.Extended)
                f.Id = (uint)r.Next() & (f.Extended ? 0x1FFFFFFFu : 0x7FFu);
            else
                f.Id = Bus.Id(r.Next(8), pfs[r.Next(pfs.Length)], addresses[r.Next(addresses.Length)], addresses[r.Next(addresses.Length)]);
            f.Length = (byte)(r.Next(4) == 0 ? r.Next(16) : 8); // DLC above 8 is hostile too
            ulong data = (ulong)r.NextInt64();
            if (J1939.Pf(f.Id) == 0xEC && r.Next(3) != 0)
            {
                // plausible control frames: RTS/CTS/ACK/BAM/Abort with small sizes and profile PGNs
                int[] controls = { 16, 17, 19, 32, 255 };
                int size = r.Next(4) == 0 ? r.Next(2000) : 9 + r.Next(45);
                int packets = r.Next(5) == 0 ? r.Next(256) : (size + 6) / 7;
                int pgn = (pfs[r.Next(pfs.Length)] << 8);
                data = (ulong)(uint)controls[r.Next(controls.Length)] | ((ulong)(uint)size << 8) | ((ulong)(uint)packets << 24)
                       | ((ulong)(uint)r.Next(256) << 32) | ((ulong)(uint)pgn << 40);
            }
            else if (J1939.Pf(f.Id) == 0xEB && r.Next(3) != 0)
            {
                data = (data & ~0xFFUL) | (ulong)(uint)(1 + r.Next(8));
            }
            f.Data = data;
            frames[i] = f;
        }
        return frames;
    }

    private static void Run(PackDecoder d, CanFrame[] frames, Random r, long[] steps, ref long now)
    {
        for (int i = 0; i < frames.Length; i++)
        {
            now += steps[i];
            d.Poll(now);
            d.Receive(ref frames[i], now);
        }
    }

    [Fact]
    public void Random_frames_never_throw_never_overflow_sessions_and_allocate_nothing()
    {
        const int count = 400_000;
        var profile = GbT27930Profile.Create();
        var port = new FlakyPort();
        var station = new PackDecoder(profile, port, 4, new TpTimings());
        var monitor = new PackDecoder(profile, null, 4, new TpTimings());
        monitor.AddBms(0xF5);
        long sum = 0;
        PackMessageHandler sink = m => { for (int i = 0; i < m.Message.Signals.Length; i++) sum += m.Raw[i]; };
        station.MessageDecoded = sink;
        monitor.MessageDecoded = sink;
        CanDropHandler drops = (reason, sa, da, pgn, t) => sum += (int)reason;
        station.Dropped = drops;
        monitor.Dropped = drops;

        for (int round = 0; round < 16; round++)
        {
            var frames = Frames(round, count);
            var r = new Random(round + 100);
            var steps = new long[count];
            for (int i = 0; i < count; i++) steps[i] = r.Next(10) == 0 ? r.Next(1500) : r.Next(3);
            long now1 = 0, now2 = 0;
            // warm up (JIT, static tables), then measure a full pass
            Run(station, frames[..1000], r, steps, ref now1);
            Run(monitor, frames[..1000], r, steps, ref now2);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(station, frames, r, steps, ref now1);
            Run(monitor, frames, r, steps, ref now2);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.InRange(station.Transport.OpenSessions, 0, 4);
            Assert.InRange(monitor.Transport.OpenSessions, 0, 4);
            foreach (var d in new[] { station, monitor })
                Assert.Equal(d.FramesSeen, d.FramesInMessages + d.FramesDropped + d.FramesIgnored + d.FramesPending);
        }
        Assert.True(station.MessagesDecoded > 1000, "the random mix should decode messages: " + station.MessagesDecoded);
        int sessionDrops = 0;
        foreach (int n in station.Transport.DropCounts) sessionDrops += n;
        Assert.True(sessionDrops > 100, "the random mix should open and break transport sessions: " + sessionDrops);
        Assert.True(station.TotalDrops > 1000);
        Assert.True(port.Sent > 0);
    }

    [Fact]
    public void Json_of_random_messages_is_always_valid_json()
    {
        var d = new PackDecoder(GbT27930Profile.Create(), null, 4, null);
        var sb = new StringBuilder();
        int parsed = 0;
        d.MessageDecoded = m =>
        {
            sb.Clear();
            PackJson.AppendMessage(sb, m, null);
            using var doc = JsonDocument.Parse(sb.ToString());
            Assert.Equal(m.Message.Name, doc.RootElement.GetProperty("msg").GetString());
            parsed++;
        };
        d.Dropped = (reason, sa, da, pgn, t) =>
        {
            sb.Clear();
            PackJson.AppendDrop(sb, reason, sa, da, pgn, d.Profile, null, t, "detail \"quoted\" \u0001");
            JsonDocument.Parse(sb.ToString()).Dispose();
        };
        var frames = Frames(7, 100_000);
        long now = 0;
        for (int i = 0; i < frames.Length; i++) { now += 3; d.Receive(ref frames[i], now); }
        // and every profile message with every byte value pattern
        var r = new Random(3);
        foreach (var m in d.Profile.Messages)
        {
            for (int k = 0; k < 200; k++)
            {
                var f = m.FromBms ? Bus.FromBms(m.Pf) : Bus.FromStation(m.Pf);
                f.Length = (byte)Math.Min(8, Math.Max(m.MinLength, 1 + r.Next(8)));
                f.Data = (ulong)r.NextInt64() | (k % 2 == 0 ? 0xFFFFFFFFFFFFFFFFUL : 0);
                d.Receive(ref f, now);
                if (m.MinLength > 8)
                {
                    var payload = new byte[m.Length];
                    r.NextBytes(payload);
                    if (k % 3 == 0) Array.Fill(payload, (byte)0xFF);
                    foreach (var tf in Bus.Transfer(Bus.Bms, m.Pgn, payload)) { var x = tf; d.Receive(ref x, now); }
                }
            }
        }
        Assert.True(parsed > 19 * 100, "parsed " + parsed);
    }
}
