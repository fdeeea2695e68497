using BenchmarkDotNet.Attributes;
using Station.Core;

namespace Station.Benchmarks
{
    /// <summary>One control tick of StationController with the sequencer mid-swap. Time is frozen at a point inside the
    /// step, so each call repeats the same steady-state work; MemoryDiagnoser reports bytes allocated per tick.</summary>
    [MemoryDiagnoser]
    public class TickBenchmarks
    {
        private MidSwapBay _bay;

        /// <summary>Swap step the sequencer is held in: lift rising with the staging conveyor running in parallel,
        /// locks releasing, transfer conveyor running, lift lowering with the pack check pending.</summary>
        [Params(SwapState.RaiseToPack, SwapState.Unlock, SwapState.Transfer, SwapState.LowerEmpty)]
        public SwapState Step;

        [GlobalSetup]
        public void Setup() => _bay = new MidSwapBay(Step, 500);

        [Benchmark(Description = "StationController.Tick mid-swap")]
        public void Tick() => _bay.Controller.Tick();
    }
}
