using System;
using System.Collections.Generic;
using Station.Core;
using Station.Core.Can;
using Station.Hal;
using Station.Hal.Sim;
using Xunit;

namespace Station.Can.Tests;

/// <summary>Real GB/T 27930 sessions (the station against the simulated BMS) with the frames the station reads corrupted
/// on the way, with a fixed seed: bits flipped, lengths and ids changed, frames dropped, repeated and reordered, transport
/// packets out of order. The pack check never throws and never verifies a pack whose identity it did not read intact;
/// the decoder, fed the same mutated sessions directly, allocates nothing per frame.</summary>
public class SessionFuzzTests
{
    /// <summary>The station's port with a hostile wire in front of it: each frame read may be mutated, dropped, repeated
    /// or swapped with the next one.</summary>
    private sealed class HostileWire : ICanPort
    {
        private readonly ICanPort _inner;
        private readonly Random _rng;
        private readonly int _oneIn;
        private CanFrame _held;
        private bool _holding;
        public int Mutated;

        public HostileWire(ICanPort inner, Random rng, int oneIn) { _inner = inner; _rng = rng; _oneIn = oneIn; }

        public bool TrySend(ref CanFrame frame) => _inner.TrySend(ref frame);

        public bool TryRead(ref CanFrame frame)
        {
            if (_holding) { frame = _held; _holding = false; return true; }
            if (!_inner.TryRead(ref frame)) return false;
            if (_rng.Next(_oneIn) != 0) return true;
            Mutated++;
            switch (_rng.Next(7))
            {
                case 0: frame.Data ^= 1UL << _rng.Next(64); break;
                case 1: frame.Data = (ulong)_rng.NextInt64(); break;
                case 2: frame.Length = (byte)_rng.Next(16); break;
                case 3: frame.Id ^= 1u << _rng.Next(29); break;
                case 4: return TryRead(ref frame); // dropped
                case 5: _held = frame; _holding = true; break; // repeated
                default: // swapped with the next frame, when there is one
                    var first = frame;
                    if (!_inner.TryRead(ref frame)) { frame = first; break; }
                    _held = first; _holding = true; break;
            }
            return true;
        }
    }

    private const string Serial = "PK0001";

    /// <summary>A simulated BMS with a pack of <paramref name="soc"/> %, the station's session reading it through the
    /// port <paramref name="wire"/> makes of the bus's, and the BMS check over that session.</summary>
    private static (SimClock Clock, PackSession Session, BmsPackCheck Check) Bay(Func<ICanPort, ICanPort> wire, double soc = 92)
    {
        var clock = new SimClock();
        var bus = new VirtualCanBus(clock);
        var pack = new SimPack(Serial, soc, "LFP-75kWh");
        _ = new SimBms(bus, () => pack);
        var session = new PackSession(wire(bus.Connect("station")), GbT27930Profile.Instance, 0xF4);
        return (clock, session, new BmsPackCheck(session, null, 80, 5000));
    }

    /// <summary>Begins the check for the expected pack and polls it until it has a verdict (at most 8 simulated s).</summary>
    private static GateVerdict Judge(SimClock clock, BmsPackCheck check)
    {
        check.Begin(new SwapRecord { PackInSerial = Serial }, clock.NowMs);
        GateVerdict v = GateVerdict.Pending;
        for (int t = 0; t < 8000 && v == GateVerdict.Pending; t += 10) { clock.Advance(10); v = check.Poll(clock.NowMs); }
        return v;
    }

    [Fact]
    public void A_corrupted_session_never_verifies_a_pack_whose_identity_was_not_read_intact()
    {
        int passed = 0, refused = 0, mutatedRuns = 0;
        var reasons = new HashSet<FaultCode>();
        for (int round = 0; round < 1000; round++)
        {
            var rng = new Random(9100 + round);
            HostileWire wire = null;
            var (clock, session, check) = Bay(port => wire = new HostileWire(port, rng, 2 + rng.Next(40)));
            GateVerdict v = GateVerdict.Pending;
            Exception e = Record.Exception(() =>
            {
                v = Judge(clock, check);
                check.Finish(clock.NowMs);
                for (int t = 0; t < 500; t += 10) { clock.Advance(10); check.Poll(clock.NowMs); }
            });
            Assert.True(e == null, "round " + round + ": " + e);
            Assert.True(v != GateVerdict.Pending, "round " + round + ": no verdict within 8 s");
            if (wire.Mutated > 0) mutatedRuns++;
            if (v == GateVerdict.Passed)
            {
                passed++;
                PackIdentity id = session.Identity;
                Assert.True(id.SerialText == Serial, "round " + round + ": verified a pack read as " + id.SerialText);
                Assert.True(id.BatteryTypeCode == 3, "round " + round + ": verified a pack of type " + id.BatteryTypeCode);
                Assert.InRange(session.Status.SocPct, 80, 100);
            }
            else
            {
                refused++;
                reasons.Add(check.FailureFault);
                Assert.NotEqual(FaultCode.None, check.FailureFault);
            }
        }
        Assert.True(mutatedRuns > 600, "mutated runs " + mutatedRuns);
        Assert.True(passed > 10 && refused > 50, "passed " + passed + ", refused " + refused);
        Assert.True(reasons.Count >= 2, "refusal faults seen: " + string.Join(",", reasons));
    }

    [Fact]
    public void Every_change_to_the_identity_bytes_of_a_session_is_refused()
    {
        // Only the BMS's transport data packets (which carry BRM, the identity) are touched: a session whose serial,
        // once reassembled, differs from the truth must never pass.
        int changed = 0;
        for (int round = 0; round < 200; round++)
        {
            var rng = new Random(7700 + round);
            var (clock, session, check) = Bay(port => new IdentityFlipper(port, rng));
            GateVerdict v = Judge(clock, check);
            if (session.Identity.Known && session.Identity.SerialText != Serial)
            {
                changed++;
                Assert.True(v != GateVerdict.Passed, "round " + round + ": passed with serial " + session.Identity.SerialText);
                Assert.Equal(FaultCode.PackSerialMismatch, check.FailureFault);
            }
            if (v == GateVerdict.Passed) Assert.Equal(Serial, session.Identity.SerialText);
        }
        Assert.True(changed > 20, "identity changed in " + changed + " rounds");
    }

    [Theory]
    [InlineData(124)] // found by the fuzz above (round 0): a corrupted SOC byte of 124 % verified the pack
    [InlineData(255)] // the "not available" fill read as 255 %
    [InlineData(101)]
    public void Regression_a_soc_outside_0_to_100_never_verifies_a_pack(int soc)
    {
        var (clock, _, check) = Bay(port => port, soc);
        GateVerdict v = Judge(clock, check);
        Assert.Equal(GateVerdict.Failed, v);
        Assert.Equal(FaultCode.PackSocTooLow, check.FailureFault);
        Assert.Equal(-1, check.MeasuredSocPct);
    }

    /// <summary>Flips one bit in one byte of the BMS's transport data packets.</summary>
    private sealed class IdentityFlipper : ICanPort
    {
        private readonly ICanPort _inner;
        private readonly Random _rng;
        public IdentityFlipper(ICanPort inner, Random rng) { _inner = inner; _rng = rng; }
        public bool TrySend(ref CanFrame frame) => _inner.TrySend(ref frame);
        public bool TryRead(ref CanFrame frame)
        {
            if (!_inner.TryRead(ref frame)) return false;
            if (J1939.Pf(frame.Id) == 0xEB && _rng.Next(3) == 0) frame.Data ^= 1UL << (8 + _rng.Next(56)); // not the sequence byte
            return true;
        }
    }

    [Fact]
    public void The_decoder_fed_mutated_real_sessions_allocates_nothing_per_frame()
    {
        // One real session as the BMS sends it, captured from the bus, then replayed mutated many times.
        var clock = new SimClock();
        var bus = new VirtualCanBus(clock);
        var pack = new SimPack(Serial, 92, "LFP-75kWh");
        _ = new SimBms(bus, () => pack);
        var captured = new List<CanFrame>();
        bus.FrameSent += (long t, in CanFrame f, string who) => captured.Add(f);
        var session = new PackSession(bus.Connect("station"), GbT27930Profile.Instance, 0xF4);
        session.Start(0);
        for (int t = 0; t < 3000; t += 10) { clock.Advance(10); session.Tick(clock.NowMs); }
        Assert.True(session.HasFullPicture);
        Assert.True(captured.Count > 50, "captured " + captured.Count);

        var rng = new Random(4242);
        var rounds = new CanFrame[200][];
        for (int r = 0; r < rounds.Length; r++) rounds[r] = MutatedCopy(captured, rng);
        var decoder = new PackDecoder(GbT27930Profile.Create(), null, 4, new TpTimings());
        decoder.AddBms(0xF4);
        long sum = 0;
        decoder.MessageDecoded = m => { for (int i = 0; i < m.Message.Signals.Length; i++) sum += m.Raw[i]; };
        decoder.Dropped = (reason, sa, da, pgn, t) => sum += (int)reason;
        long now = 0;
        Feed(decoder, rounds[0], ref now); // JIT and static tables
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < rounds.Length; r++) Feed(decoder, rounds[r], ref now);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(decoder.Transport.OpenSessions, 0, 4);
        Assert.Equal(decoder.FramesSeen, decoder.FramesInMessages + decoder.FramesDropped + decoder.FramesIgnored + decoder.FramesPending);
        Assert.True(decoder.MessagesDecoded > 1000 && decoder.TotalDrops > 100, "decoded " + decoder.MessagesDecoded + ", dropped " + decoder.TotalDrops);
    }

    private static void Feed(PackDecoder d, CanFrame[] frames, ref long now)
    {
        for (int i = 0; i < frames.Length; i++)
        {
            now += 1 + (i % 7 == 0 ? 40 : 0);
            d.Poll(now);
            d.Receive(ref frames[i], now);
        }
    }

    // The captured session with transport packets shuffled, frames repeated or dropped, and bits and lengths changed.
    private static CanFrame[] MutatedCopy(List<CanFrame> source, Random rng)
    {
        var list = new List<CanFrame>(source);
        int edits = 1 + rng.Next(12);
        for (int e = 0; e < edits; e++)
        {
            int i = rng.Next(list.Count);
            var f = list[i];
            switch (rng.Next(6))
            {
                case 0: f.Data ^= 1UL << rng.Next(64); list[i] = f; break;
                case 1: f.Length = (byte)rng.Next(16); list[i] = f; break;
                case 2: f.Id = (f.Id & 0xFFFF00FFu) | ((uint)rng.Next(256) << 8); list[i] = f; break; // another receiver
                case 3: list.Insert(i, f); break;
                case 4: list.RemoveAt(i); break;
                default: int j = Math.Min(list.Count - 1, i + 1 + rng.Next(4)); (list[i], list[j]) = (list[j], list[i]); break;
            }
        }
        return list.ToArray();
    }
}
