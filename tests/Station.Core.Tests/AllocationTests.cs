using System;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The control tick allocates nothing, not only in steady state but through a whole swap (step changes,
    /// journal writes, events included). nanoFramework's GC stops the world, so this is a requirement, not a nicety.</summary>
    public class AllocationTests
    {
        [Fact]
        public void Ticks_of_a_whole_swap_allocate_zero_bytes()
        {
            var s = TestStation.WithRack();
            int events = 0;
            s.C.SwapEvent += (k, st, r) => events++;
            s.HomeToIdle();
            s.Authorize();
            // Warm up once so the JIT's own first-call allocations are not counted.
            s.Tick();
            long allocated = 0;
            int ticks = 0;
            while (s.C.State != SwapState.Released && ticks < 20_000)
            {
                s.Bay.Clock.Advance(10);
                s.Bay.Step(10);
                long before = GC.GetAllocatedBytesForCurrentThread();
                s.C.Tick();
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                ticks++;
            }
            Assert.Equal(SwapState.Released, s.C.State);
            Assert.True(events >= 10, "swap events were raised");
            Assert.True(allocated == 0, $"{allocated} bytes allocated over {ticks} ticks");
        }
    }
}
