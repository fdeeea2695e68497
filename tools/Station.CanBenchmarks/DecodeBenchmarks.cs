using BenchmarkDotNet.Attributes;
using Station.Core.Can;
using Station.Hal;

namespace Station.CanBenchmarks;

/// <summary>Frames through the decoder per second and bytes allocated per frame, on the realistic mix.</summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    public const int FrameCount = 100_000;
    private CanFrame[] _frames = null!;
    private long[] _times = null!;
    private PackDecoder _monitor = null!;
    private PackDecoder _station = null!;
    private long _offset;
    private long _sink;

    private sealed class NullPort : ICanPort
    {
        public bool TryRead(ref CanFrame frame) => false;
        public bool TrySend(ref CanFrame frame) => true;
    }

    [GlobalSetup]
    public void Setup()
    {
        (_frames, _times) = CanMix.Build(FrameCount);
        var profile = GbT27930Profile.Create();
        _monitor = new PackDecoder(profile, null, 8, new TpTimings());
        _station = new PackDecoder(profile, new NullPort(), 8, new TpTimings());
        PackMessageHandler h = m => _sink += m.Raw[0];
        _monitor.MessageDecoded = h;
        _station.MessageDecoded = h;
    }

    /// <summary>The log tool's path: passive monitor following both sides.</summary>
    [Benchmark(OperationsPerInvoke = FrameCount)]
    public long Monitor() => Run(_monitor);

    /// <summary>The bay's path: the station answers the BMS's RTS itself (the mix's own CTS frames are then ignored).</summary>
    [Benchmark(OperationsPerInvoke = FrameCount)]
    public long Station() => Run(_station);

    private long Run(PackDecoder d)
    {
        // Time keeps going forward across invocations so no session sees time run backwards.
        long offset = _offset;
        var frames = _frames;
        var times = _times;
        for (int i = 0; i < frames.Length; i++)
        {
            long now = offset + times[i];
            d.Poll(now);
            d.Receive(ref frames[i], now);
        }
        _offset = offset + times[^1] + 1;
        return _sink + d.MessagesDecoded;
    }
}
