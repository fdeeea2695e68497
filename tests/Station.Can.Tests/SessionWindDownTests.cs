using Station.Core;
using Station.Core.Can;
using Station.Hal;
using Xunit;

namespace Station.Can.Tests;

/// <summary>A finished BMS check winds down and is not polled until the next swap begins it: what the bus carries
/// meanwhile is read when the next session starts, counted, and never taken for the next pack's.</summary>
public class SessionWindDownTests
{
    // A check that passed a swap, was finished by the gate and polled until it wound down (its session's clean end).
    private static (PackSessionTests.Rig, BmsPackCheck) AfterAWoundDownSwap()
    {
        var r = new PackSessionTests.Rig();
        var check = r.Check();
        Assert.Equal(GateVerdict.Passed, r.Gate(check).Verdict);
        check.Finish(r.Clock.NowMs);
        Assert.False(check.WoundDown); // CST/BST, BSD/CSD still to exchange
        Assert.True(r.RunUntil(() => check.WoundDown, 3000, now => check.Poll(now)));
        return (r, check);
    }

    [Fact]
    public void A_finished_check_winds_down_after_the_clean_end_and_chatter_meanwhile_is_not_the_next_packs()
    {
        var (r, check) = AfterAWoundDownSwap();
        Assert.Equal(PackSessionState.Ended, r.Session.State);

        // Nothing polls the check now. Something on the bus goes on talking: status frames from the BMS address.
        var chatter = r.Bus.Connect("chatter");
        long seen = r.Session.Decoder.FramesSeen;
        for (int i = 0; i < 20; i++)
        {
            r.Clock.Advance(10);
            CanFrame bcl = Bus.FromBms(0x10, 0xA5, 0x10, 0xA0, 0x0F, 0x02);
            chatter.TrySend(ref bcl);
        }
        Assert.Equal(seen, r.Session.Decoder.FramesSeen);

        // The next swap begins the check: the chatter is read (and counted) before the new session, which starts
        // from nothing and passes on what its own pack says.
        check.Begin(new SwapRecord { PackInSerial = "PK0001" }, r.Clock.NowMs);
        Assert.Equal(seen + 20, r.Session.Decoder.FramesSeen);
        Assert.Equal(PackSessionState.Handshake, r.Session.State);
        Assert.True(r.Session.Status.BclMs < 0, "a frame from before the session was taken for this session's");
        Assert.False(check.WoundDown);
        GateVerdict v = GateVerdict.Pending;
        Assert.True(r.RunUntil(() => v != GateVerdict.Pending, 6000, now => v = check.Poll(now)));
        Assert.Equal(GateVerdict.Passed, v);
    }

    [Fact]
    public void A_silent_pack_is_no_answer_though_broken_frames_came_before_its_session()
    {
        // A short status frame (a drop) reaches the station between two swaps; the next pack's BMS never answers: that
        // is silence (BmsNoAnswer), not a broken exchange, as the drop was not this session's.
        var (r, check) = AfterAWoundDownSwap();
        var chatter = r.Bus.Connect("chatter");
        CanFrame shortBcl = Bus.FromBms(0x10, 0xA5);
        chatter.TrySend(ref shortBcl);
        r.PackPresent = false;
        var (verdict, fault, _) = r.Gate(check);
        Assert.True(r.Session.Decoder.TotalDrops > 0);
        Assert.Equal(GateVerdict.Failed, verdict);
        Assert.Equal(FaultCode.BmsNoAnswer, fault);
    }

    [Fact]
    public void Start_reads_at_most_its_bound_of_waiting_frames_on_a_flooded_bus()
    {
        // A port that never runs dry (a babbling node): Start returns, the rest is the session's to read tick by tick.
        var port = new EndlessPort();
        var session = new PackSession(port, GbT27930Profile.Instance, Bus.Bms);
        session.Start(0);
        Assert.Equal(PackSessionState.Handshake, session.State);
        Assert.InRange(port.Reads, 1, 1000);
    }

    private sealed class EndlessPort : ICanPort
    {
        public int Reads;
        public bool TryRead(ref CanFrame frame)
        {
            Reads++;
            frame = Bus.FromBms(0x10, 0xA5, 0x10, 0xA0, 0x0F, 0x02);
            return true;
        }
        public bool TrySend(ref CanFrame frame) => true;
    }
}
