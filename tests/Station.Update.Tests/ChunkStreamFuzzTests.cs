using Station.Core.Journal;
using Station.Core.Update;
using Station.Hal;
using Station.Hal.Sim;
using Station.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Station.Update.Tests;

/// <summary>A bundle's chunk stream as a hostile or broken sender gives it, mutated with a fixed seed (the chunk's
/// header and bytes through <see cref="HostileBytes"/>, and the receiver's own arguments out of every range): a refused
/// chunk stores nothing and says why; what is stored is always the bundle's own prefix; the confirmed image and the
/// loader's record are never touched; a genuine stream still ends installed, and a stream of changed bytes ends refused
/// and deleted with the confirmed image still the one that boots.</summary>
public class ChunkStreamFuzzTests
{
    static readonly long V020 = FirmwareVersionNumber.Parse("0.2.0");
    readonly ITestOutputHelper _out;

    public ChunkStreamFuzzTests(ITestOutputHelper output) { _out = output; }

    // A station running the confirmed genuine 0.2.0 from slot a, with a downgrade floor; an agent over it.
    static (MemoryStorage Storage, UpdateAgent Agent, byte[] Confirmed, byte[] Record) RunningStation()
    {
        var s = new MemoryStorage();
        byte[] confirmed = TestBundles.Build("0.2.0");
        s.Replace(BootRecord.SlotFile(0), confirmed, 0, confirmed.Length);
        Assert.True(new BootRecord { ConfirmedSlot = 0, ConfirmedVersion = V020, MinimumVersion = V020 }.Save(s));
        var agent = new UpdateAgent(s, TestBundles.Release.PublicKey, TestBundles.Board, new NothingBlocksRestart());
        agent.Start();
        return (s, agent, confirmed, s.Snapshot(BootRecord.FileName));
    }

    [Theory]
    [InlineData(false, 7501)]
    [InlineData(true, 7502)]
    public void Mutated_chunk_streams_store_only_the_bundles_prefix_and_never_install_an_unverified_image(bool changedBundle, int seed)
    {
        var rng = new Random(seed);
        var (s, agent, confirmed, record) = RunningStation();
        // About 100 KB, so that the stream is a few hundred chunks long.
        var assemblies = new List<Station.Bundle.BundleAssembly> { new("Station.Core.pe", Bytes(60000, seed)), new("Station.Device.pe", Bytes(40000, seed + 1)) };
        byte[] bundle = Station.Bundle.BundleBuilder.Build(TestBundles.Release.Seed, "0.3.0", "3f2a9c1", TestBundles.Board, 1, assemblies).Bundle;
        if (changedBundle) bundle[rng.Next(bundle.Length)] ^= (byte)(1 << rng.Next(8)); // sent faithfully, but not what was signed
        Assert.Equal(UpdateReason.None, agent.Offer("0.3.0", bundle.Length));
        string file = BootRecord.SlotFile(1);
        int refused = 0, stored = 0, round = 0;
        var reasons = new HashSet<UpdateReason>();
        for (; agent.State == UpdateState.Offered || agent.State == UpdateState.Downloading; round++)
        {
            Assert.True(round < 5000, "the stream never completed: " + agent.Received + " of " + bundle.Length);
            int before = agent.Received;
            UpdateReason r = UpdateReason.None;
            string what = "round " + round;
            Exception e = Record.Exception(() => r = rng.Next(4) == 0 ? HostileArguments(agent, bundle, rng) : Send(agent, bundle, rng));
            Assert.True(e == null, what + ": " + e);
            byte[] now = s.Snapshot(file);
            Assert.True(now.Length == agent.Received && now.AsSpan().SequenceEqual(bundle.AsSpan(0, now.Length)), what + ": the slot file is not the bundle's prefix");
            Assert.Equal(confirmed, s.Snapshot(BootRecord.SlotFile(0)));
            Assert.Equal(record, s.Snapshot(BootRecord.FileName));
            if (r == UpdateReason.None) { stored++; continue; }
            refused++;
            reasons.Add(r);
            Assert.True(agent.Received == before, what + ": a refused chunk (" + r + ") moved the offset");
        }
        for (int i = 0; i < 100000 && agent.State == UpdateState.Verifying; i++) agent.Step(64);
        _out.WriteLine($"{round} chunks: {refused} refused ({string.Join(",", reasons)}), {stored} stored; ended {agent.State} {agent.Reason}");
        Assert.True(refused > round / 2 && stored > 10, "refused " + refused + ", stored " + stored);
        foreach (var want in new[] { UpdateReason.ChunkCorrupt, UpdateReason.ChunkOutOfOrder, UpdateReason.ChunkTooLarge })
            Assert.True(reasons.Contains(want), "never reached " + want + ": " + string.Join(",", reasons));
        if (changedBundle)
        {
            Assert.Equal(UpdateState.VerificationFailed, agent.State);
            Assert.Equal(-1, s.Length(file));
            Assert.Equal(record, s.Snapshot(BootRecord.FileName));
        }
        else
        {
            agent.Step(64);
            Assert.Equal(UpdateState.Installing, agent.State);
        }
        // Whatever the stream did, the loader boots a verified image: the new one on trial, or the confirmed 0.2.0.
        var boot = new ImageBoot(s, TestBundles.Release.PublicKey, TestBundles.Board, new RecordingLoader());
        Assert.Equal(changedBundle ? 0 : 1, boot.Start(ResetReason.Software));
        Assert.Equal(changedBundle ? "0.2.0" : "0.3.0", boot.Version);
    }

    [Fact]
    public void Arguments_out_of_every_range_never_throw_from_the_receiver_and_store_nothing()
    {
        var rng = new Random(7503);
        var s = new MemoryStorage();
        var r = new ChunkReceiver();
        byte[] bundle = Bytes(20000, 7504);
        r.Start(s, "slot-b.sfb", bundle.Length);
        Assert.Equal(UpdateReason.None, r.Accept(0, bundle, 0, 1000, Crc32.Compute(bundle, 0, 1000)));
        var reasons = new HashSet<UpdateReason>();
        for (int round = 0; round < 20000; round++)
        {
            int[] edges = { 0, 1, -1, 8, 100, 4096, 4097, int.MaxValue, int.MinValue, int.MaxValue - 100, r.Received, bundle.Length };
            int Pick() => rng.Next(2) == 0 ? edges[rng.Next(edges.Length)] : rng.Next(-10, 5000);
            int offset = rng.Next(2) == 0 ? r.Received : Pick(), start = Pick(), count = Pick();
            byte[] data = rng.Next(20) == 0 ? null : new byte[rng.Next(5000)];
            UpdateReason why = UpdateReason.None;
            // 0 too: the CRC of no bytes at all, what a range that wraps round would give.
            uint crc = rng.Next(4) == 0 ? 0 : (uint)rng.Next();
            Exception e = Record.Exception(() => why = r.Accept(offset, data, start, count, crc));
            Assert.True(e == null, $"round {round}: Accept({offset}, {data?.Length.ToString() ?? "null"} bytes, {start}, {count}, {crc}): {e}");
            Assert.True(why != UpdateReason.None, $"round {round}: Accept({offset}, {data?.Length.ToString() ?? "null"} bytes, {start}, {count}, {crc}) stored it");
            reasons.Add(why);
            Assert.Equal(1000, r.Received);
        }
        Assert.Equal(bundle.AsSpan(0, 1000).ToArray(), s.Snapshot("slot-b.sfb"));
        _out.WriteLine("20000 calls: " + string.Join(",", reasons));
    }

    static byte[] Bytes(int n, int seed)
    {
        var b = new byte[n];
        new Random(seed).NextBytes(b);
        return b;
    }

    // The next chunk as the bridge hands it over (offset, CRC-32, bytes in one payload), mutated two times in three.
    static UpdateReason Send(UpdateAgent agent, byte[] bundle, Random rng)
    {
        int at = agent.Received;
        int n = Math.Min(1 + rng.Next(ChunkReceiver.MaxChunk), bundle.Length - at);
        byte[] p = UpdateChunks.Of(bundle, at, n);
        if (rng.Next(3) != 0) p = HostileBytes.Mutate(p, rng);
        if (p.Length <= 8) return UpdateReason.ChunkCorrupt; // the bridge answers chunk_malformed without the agent
        return agent.Chunk((int)LittleEndian.Get(p, 0, 4), p, 8, p.Length - 8, (uint)LittleEndian.Get(p, 4, 4));
    }

    // The public API's arguments out of range: negative or huge offsets, starts and counts, a start + count that
    // overflows, a null buffer.
    static UpdateReason HostileArguments(UpdateAgent agent, byte[] bundle, Random rng)
    {
        int[] edges = { 0, 1, -1, 8, 4096, 4097, int.MaxValue, int.MinValue, int.MaxValue - 100, agent.Received, bundle.Length };
        int Pick() => rng.Next(2) == 0 ? edges[rng.Next(edges.Length)] : rng.Next(-10, 5000);
        byte[] data = rng.Next(20) == 0 ? null : new byte[rng.Next(5000)];
        if (data != null) rng.NextBytes(data);
        return agent.Chunk(Pick(), data, Pick(), Pick(), (uint)rng.Next());
    }
}
