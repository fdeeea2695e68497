using System.Collections.Generic;
using System.Linq;
using Station.Core.Can;
using Station.Hal;
using Xunit;

namespace Station.Can.Tests;

/// <summary>J1939-21 transport sessions: the station's answers, every abort and timeout path, bad sequences and
/// sizes, interleaving, and that a broken session never yields a partial message.</summary>
public class TransportTests
{
    private const int BcsPgn = 0x1100;
    private const int BrmPgn = 0x0200;
    private static readonly byte[] Bcs = Bus.Hex("C50EA00F4C614D0000");

    private static byte[] Brm()
    {
        var b = Enumerable.Repeat((byte)0xFF, 49).ToArray();
        b[0] = 1; b[1] = 1; b[2] = 0; b[3] = 3; b[4] = 0xB8; b[5] = 0x0B; b[6] = 0x3C; b[7] = 0x0F;
        for (int i = 8; i < 49; i++) b[i] = (byte)(0x30 + i % 10);
        return b;
    }

    private static byte[] Bytes(CanFrame f) => Enumerable.Range(0, f.Length).Select(i => f[i]).ToArray();

    [Fact]
    public void Station_answers_rts_with_cts_and_the_last_packet_with_end_of_message_ack()
    {
        var h = new Harness(station: true);
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        var cts = Assert.Single(h.Port.Sent);
        Assert.Equal(0x1CECF456u, cts.Id);
        Assert.True(cts.Extended);
        Assert.Equal(new byte[] { 17, 2, 1, 0xFF, 0xFF, 0x00, 0x11, 0x00 }, Bytes(cts));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 1, Bcs));
        Assert.Empty(h.Messages);
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 2, Bcs));
        Assert.Equal(378.1, h.Single().GetProperty("voltage_v").GetDouble());
        Assert.Equal(2, h.Port.Sent.Count);
        Assert.Equal(new byte[] { 19, 9, 0, 2, 0xFF, 0x00, 0x11, 0x00 }, Bytes(h.Port.Sent[1]));
        Assert.Equal(0, h.Decoder.Transport.OpenSessions);
    }

    [Fact]
    public void Station_respects_the_senders_packets_per_cts_and_grants_the_next_window()
    {
        var h = new Harness(station: true);
        var brm = Brm();
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 49, 7, 3, BrmPgn));
        Assert.Equal(new byte[] { 17, 3, 1, 0xFF, 0xFF, 0, 2, 0 }, Bytes(h.Port.Sent[0]));
        for (int s = 1; s <= 3; s++) h.Feed(Bus.Dt(Bus.Bms, Bus.Station, s, brm));
        Assert.Equal(new byte[] { 17, 3, 4, 0xFF, 0xFF, 0, 2, 0 }, Bytes(h.Port.Sent[1]));
        for (int s = 4; s <= 6; s++) h.Feed(Bus.Dt(Bus.Bms, Bus.Station, s, brm));
        Assert.Equal(new byte[] { 17, 1, 7, 0xFF, 0xFF, 0, 2, 0 }, Bytes(h.Port.Sent[2]));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 7, brm));
        Assert.Equal("BRM", h.Single().GetProperty("msg").GetString());
        Assert.Equal(new byte[] { 19, 49, 0, 7, 0xFF, 0, 2, 0 }, Bytes(h.Port.Sent[3]));
    }

    [Fact]
    public void A_packet_beyond_the_granted_window_is_unexpected()
    {
        var h = new Harness();
        var brm = Brm();
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 49, 7, 0xFF, BrmPgn));
        h.Feed(Bus.Cts(Bus.Station, Bus.Bms, 2, 1, BrmPgn));
        for (int s = 1; s <= 3; s++) h.Feed(Bus.Dt(Bus.Bms, Bus.Station, s, brm));
        Assert.Empty(h.Messages);
        Assert.Equal("unexpected_packet", h.DropReason());
    }

    [Fact]
    public void A_packet_while_the_stations_next_cts_is_still_queued_is_unexpected()
    {
        var h = new Harness(station: true);
        var brm = Brm();
        h.Decoder.Transport.StationWindow = 2;
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 49, 7, 0xFF, BrmPgn));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 1, brm));
        h.Port.Refuse = true; // the next CTS cannot be queued, so packet 3 was not asked for
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 2, brm));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 3, brm));
        Assert.Empty(h.Messages);
        Assert.Equal("unexpected_packet", h.DropReason());
        h.Port.Refuse = false;
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 4, brm));
        Assert.Single(h.Drops);
    }

    [Fact]
    public void Bam_is_reassembled_without_answers()
    {
        var h = new Harness(station: true);
        h.Feed(Bus.Bam(Bus.Bms, 9, 2, BcsPgn));
        h.Feed(Bus.Dt(Bus.Bms, 0xFF, 1, Bcs), 60);
        h.Feed(Bus.Dt(Bus.Bms, 0xFF, 2, Bcs), 60);
        Assert.Equal(77, h.Single().GetProperty("soc_pct").GetInt32());
        Assert.Empty(h.Port.Sent);
    }

    [Fact]
    public void Monitor_follows_the_receivers_cts_and_a_hold_is_legal()
    {
        var h = new Harness();
        var brm = Brm();
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 49, 7, 0xFF, BrmPgn));
        h.Feed(Bus.Cts(Bus.Station, Bus.Bms, 0, 1, BrmPgn), 400);   // hold
        h.Feed(Bus.Cts(Bus.Station, Bus.Bms, 0, 1, BrmPgn), 400);   // hold again
        h.Feed(Bus.Cts(Bus.Station, Bus.Bms, 4, 1, BrmPgn), 400);
        for (int s = 1; s <= 4; s++) h.Feed(Bus.Dt(Bus.Bms, Bus.Station, s, brm));
        h.Feed(Bus.Cts(Bus.Station, Bus.Bms, 3, 5, BrmPgn), 1000);
        for (int s = 5; s <= 7; s++) h.Feed(Bus.Dt(Bus.Bms, Bus.Station, s, brm));
        Assert.Equal("BRM", h.Single().GetProperty("msg").GetString());
    }

    [Fact]
    public void Monitor_accepts_a_retransmission_request_for_earlier_packets()
    {
        var h = new Harness();
        var brm = Brm();
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 49, 7, 0xFF, BrmPgn));
        h.Feed(Bus.Cts(Bus.Station, Bus.Bms, 3, 1, BrmPgn));
        for (int s = 1; s <= 3; s++) h.Feed(Bus.Dt(Bus.Bms, Bus.Station, s, brm));
        h.Feed(Bus.Cts(Bus.Station, Bus.Bms, 6, 2, BrmPgn)); // receiver asks again from packet 2
        for (int s = 2; s <= 7; s++) h.Feed(Bus.Dt(Bus.Bms, Bus.Station, s, brm));
        Assert.Equal("BRM", h.Single().GetProperty("msg").GetString());
    }

    [Fact]
    public void Abort_by_the_sender_drops_the_message()
    {
        var h = new Harness(station: true);
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 1, Bcs));
        h.Feed(Bus.Abort(Bus.Bms, Bus.Station, 1, BcsPgn));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 2, Bcs));
        Assert.Empty(h.Messages);
        Assert.Equal("aborted_by_sender", h.DropReason());
        Assert.Single(h.Port.Sent); // only the CTS: the station does not answer an abort
    }

    [Fact]
    public void Abort_by_the_receiver_seen_by_a_monitor_drops_the_message()
    {
        var h = new Harness();
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        h.Feed(Bus.Cts(Bus.Station, Bus.Bms, 2, 1, BcsPgn));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 1, Bcs));
        h.Feed(Bus.Abort(Bus.Station, Bus.Bms, 3, BcsPgn));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 2, Bcs));
        Assert.Empty(h.Messages);
        Assert.Equal("aborted_by_receiver", h.DropReason());
    }

    [Fact]
    public void Abort_of_a_bam_by_its_sender_drops_it()
    {
        var h = new Harness();
        h.Feed(Bus.Bam(Bus.Bms, 9, 2, BcsPgn));
        h.Feed(Bus.Dt(Bus.Bms, 0xFF, 1, Bcs));
        h.Feed(Bus.Abort(Bus.Bms, 0xFF, 255, BcsPgn));
        h.Feed(Bus.Dt(Bus.Bms, 0xFF, 2, Bcs));
        Assert.Empty(h.Messages);
        Assert.Equal("aborted_by_sender", h.DropReason());
    }

    [Theory]
    [InlineData(new[] { 1, 3 }, "wrong_sequence", 7)]     // gap: packet 2 missing
    [InlineData(new[] { 1, 1 }, "duplicate_sequence", 8)] // repeat
    [InlineData(new[] { 2, 1 }, "wrong_sequence", 7)]     // reordered
    [InlineData(new[] { 0 }, "wrong_sequence", 7)]        // sequence 0 does not exist
    public void Bad_sequence_numbers_drop_the_whole_message_and_the_station_aborts(int[] seqs, string reason, int abortCode)
    {
        var h = new Harness(station: true);
        var brm = Brm();
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 49, 7, 0xFF, BrmPgn));
        foreach (int s in seqs)
        {
            var f = Bus.Dt(Bus.Bms, Bus.Station, s == 0 ? 1 : s, brm);
            if (s == 0) f[0] = 0;
            h.Feed(f);
        }
        for (int s = 1; s <= 7; s++) h.Feed(Bus.Dt(Bus.Bms, Bus.Station, s, brm)); // later packets are ignored
        Assert.Empty(h.Messages);
        Assert.Equal(reason, h.DropReason());
        Assert.Equal(new byte[] { 255, (byte)abortCode, 0xFF, 0xFF, 0xFF, 0, 2, 0 }, Bytes(h.Port.Sent.Last()));
        Assert.Equal(1, h.Decoder.DropCounts[(int)(reason == "duplicate_sequence" ? DropReason.DuplicateSequence : DropReason.WrongSequence)]);
    }

    [Fact]
    public void Timeout_t1_between_packets()
    {
        var h = new Harness(station: true);
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 1, Bcs));
        h.Advance(750);
        Assert.Empty(h.Drops);
        h.Advance(1);
        Assert.Equal("timeout_t1", h.DropReason());
        Assert.Equal(new byte[] { 255, 3, 0xFF, 0xFF, 0xFF, 0, 0x11, 0 }, Bytes(h.Port.Sent.Last()));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 2, Bcs));
        Assert.Empty(h.Messages);
    }

    [Fact]
    public void Timeout_t1_after_a_bam_announcement()
    {
        var h = new Harness();
        h.Feed(Bus.Bam(Bus.Bms, 9, 2, BcsPgn));
        h.Feed(Bus.Dt(Bus.Bms, 0xFF, 1, Bcs), 751);
        Assert.Equal("timeout_t1", h.DropReason());
        Assert.Empty(h.Messages);
    }

    [Fact]
    public void Timeout_t2_after_the_stations_cts()
    {
        var h = new Harness(station: true);
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        h.Advance(1250);
        Assert.Empty(h.Drops);
        h.Advance(1);
        Assert.Equal("timeout_t2", h.DropReason());
    }

    [Fact]
    public void Timeout_t3_when_the_receiver_never_answers_the_rts_monitor()
    {
        var h = new Harness();
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        h.Advance(1251);
        Assert.Equal("timeout_t3", h.DropReason());
    }

    [Fact]
    public void Timeout_t4_after_a_hold_monitor()
    {
        var h = new Harness();
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        h.Feed(Bus.Cts(Bus.Station, Bus.Bms, 0, 1, BcsPgn));
        h.Advance(1050);
        Assert.Empty(h.Drops);
        h.Advance(1);
        Assert.Equal("timeout_t4", h.DropReason());
    }

    [Fact]
    public void Timeout_tr_when_the_station_cannot_queue_its_cts()
    {
        var h = new Harness(station: true);
        h.Port.Refuse = true;
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        h.Advance(200);
        Assert.Empty(h.Drops);
        h.Advance(1);
        Assert.Equal("timeout_tr", h.DropReason());
    }

    [Fact]
    public void A_cts_queued_late_but_within_tr_keeps_the_session()
    {
        var h = new Harness(station: true);
        h.Port.Refuse = true;
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        h.Port.Refuse = false;
        h.Advance(100);
        Assert.Equal(17, Assert.Single(h.Port.Sent)[0]);
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 1, Bcs));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 2, Bcs));
        Assert.Equal("BCS", h.Single().GetProperty("msg").GetString());
    }

    [Fact]
    public void End_of_message_ack_is_retried_within_tr_after_the_message_was_delivered()
    {
        var h = new Harness(station: true);
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 1, Bcs));
        h.Port.Refuse = true;
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 2, Bcs));
        Assert.Single(h.Messages);
        h.Port.Refuse = false;
        h.Advance(10);
        Assert.Equal(19, h.Port.Sent.Last()[0]);
        Assert.Equal(0, h.Decoder.Transport.OpenSessions);
        Assert.Empty(h.Drops);
    }

    [Theory]
    [InlineData(9, 3)]      // packets disagree with size
    [InlineData(49, 6)]
    [InlineData(8, 2)]      // too small for the transport protocol
    [InlineData(1786, 0)]   // beyond 1785 (packets byte cannot hold 256)
    public void Announcements_whose_size_and_packets_disagree_are_refused(int size, int packets)
    {
        var h = new Harness(station: true);
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, size, packets, 0xFF, BrmPgn));
        Assert.Equal("bad_announcement", h.DropReason());
        Assert.Equal(255, Assert.Single(h.Port.Sent)[0]);
        Assert.Equal(0, h.Decoder.Transport.OpenSessions);
    }

    [Fact]
    public void A_packet_too_short_for_the_announced_size_drops_the_message()
    {
        var h = new Harness();
        h.Feed(Bus.Transfer(Bus.Bms, BcsPgn, Bcs).Take(3));
        var last = Bus.Dt(Bus.Bms, Bus.Station, 2, Bcs);
        last.Length = 2; // carries one byte, the message needs two more
        h.Feed(last);
        Assert.Empty(h.Messages);
        Assert.Equal("short_packet", h.DropReason());
    }

    [Fact]
    public void A_transported_message_shorter_than_the_table_needs_is_rejected()
    {
        var h = new Harness();
        var shortBcp = Bus.Hex("A401DA052003A510645802"); // 11 of 13 bytes
        h.Feed(Bus.Transfer(Bus.Bms, 0x0600, shortBcp));
        Assert.Empty(h.Messages);
        Assert.Equal("short_message", h.DropReason());
    }

    [Fact]
    public void A_control_frame_with_a_short_dlc_is_counted_and_ignored()
    {
        var h = new Harness(station: true);
        var rts = Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn);
        rts.Length = 5;
        h.Feed(rts);
        Assert.Equal("bad_control_frame", h.DropReason());
        Assert.Empty(h.Port.Sent);
    }

    [Fact]
    public void Rts_for_a_pgn_outside_the_profile_is_refused_and_a_foreign_bam_is_ignored()
    {
        var h = new Harness(station: true);
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 20, 3, 0xFF, 0xFECA));
        Assert.Equal("unknown_pgn", h.DropReason());
        Assert.Equal(new byte[] { 255, 2, 0xFF, 0xFF, 0xFF, 0xCA, 0xFE, 0 }, Bytes(Assert.Single(h.Port.Sent)));
        h.Drops.Clear();
        h.Feed(Bus.Bam(Bus.Bms, 20, 3, 0xFECA)); // a DM1 broadcast: somebody else's business
        Assert.Empty(h.Drops);
        Assert.Equal(0, h.Decoder.Transport.OpenSessions);
    }

    [Fact]
    public void A_new_rts_from_the_same_sender_restarts_the_session()
    {
        var h = new Harness(station: true);
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 1, Bcs));
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 1, Bcs));
        h.Feed(Bus.Dt(Bus.Bms, Bus.Station, 2, Bcs));
        Assert.Equal("restarted", Assert.Single(h.Drops).GetProperty("dropped").GetString());
        Assert.Single(h.Messages);
    }

    [Fact]
    public void No_free_session_slot_refuses_with_abort_reason_2()
    {
        var h = new Harness(station: true, sessions: 1);
        h.Decoder.AddBms(0xF5);
        h.Feed(Bus.Rts(Bus.Bms, Bus.Station, 9, 2, 0xFF, BcsPgn));
        h.Feed(Bus.Rts(0xF5, Bus.Station, 9, 2, 0xFF, BcsPgn));
        Assert.Equal("no_resources", h.DropReason());
        var abort = h.Port.Sent.Last();
        Assert.Equal(0x1CECF556u, abort.Id);
        Assert.Equal(2, abort[1]);
    }

    [Fact]
    public void Interleaved_sessions_from_two_packs_and_a_bam_complete_independently()
    {
        var h = new Harness();
        h.Decoder.AddBms(0xF5);
        var brm = Brm();
        var bcs2 = Bus.Hex("25 13 A0 0F 73 11 61 00 00");
        var a = Bus.Transfer(Bus.Bms, BrmPgn, brm);
        var b = Bus.Transfer(0xF5, BcsPgn, bcs2);
        var c = new List<CanFrame> { Bus.Bam(0xF5, 13, 2, 0x0600) };
        var bcp = Bus.Hex("A401DA052003A5106458021 00E".Replace(" ", ""));
        c.Add(Bus.Dt(0xF5, 0xFF, 1, bcp));
        c.Add(Bus.Dt(0xF5, 0xFF, 2, bcp));
        var all = new List<CanFrame>();
        for (int i = 0; i < a.Count; i++)
        {
            all.Add(a[i]);
            if (i < b.Count) all.Add(b[i]);
            if (i < c.Count) all.Add(c[i]);
        }
        h.Feed(all);
        Assert.Empty(h.Drops);
        Assert.Equal(new[] { "BCP", "BCS", "BRM" }, h.Messages.Select(m => m.GetProperty("msg").GetString()).OrderBy(x => x));
        Assert.Equal(97, h.Messages.Single(m => m.GetProperty("msg").GetString() == "BCS").GetProperty("soc_pct").GetInt32());
        Assert.Equal("0xF5", h.Messages.Single(m => m.GetProperty("msg").GetString() == "BCP").GetProperty("sa").GetString());
    }

    [Fact]
    public void Unrelated_j1939_sessions_between_other_nodes_are_not_tracked()
    {
        var h = new Harness(station: true);
        var payload = Enumerable.Range(0, 30).Select(i => (byte)i).ToArray();
        h.Feed(Bus.Transfer(0x00, 0xFECA, payload, da: 0x21));
        h.Feed(Bus.Bam(0x03, 30, 5, 0xFECA));
        for (int s = 1; s <= 5; s++) h.Feed(Bus.Dt(0x03, 0xFF, s, payload));
        Assert.Empty(h.Messages);
        Assert.Empty(h.Drops);
        Assert.Empty(h.Port.Sent);
        Assert.Equal(0, h.Decoder.Transport.OpenSessions);
    }

    [Fact]
    public void Flush_drops_open_sessions_as_unfinished()
    {
        var h = new Harness();
        h.Feed(Bus.Transfer(Bus.Bms, BcsPgn, Bcs).Take(3));
        h.Decoder.Flush(h.Now);
        Assert.Equal("unfinished", h.DropReason());
        Assert.Empty(h.Messages);
    }
}
