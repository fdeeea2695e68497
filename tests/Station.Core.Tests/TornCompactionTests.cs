using Station.Core.Journal;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>A compaction (the journal replaced by its newest snapshot) on a storage whose replace is not atomic, cut
    /// by a power failure at every byte: of the staged copy, and of the journal itself. The station must come back in
    /// Recovery with the swap it was in, never NotHomed as if nothing had happened.</summary>
    public class TornCompactionTests
    {
        // Runs a swap on a 4 KB journal until its first compaction mid-swap; the replace numbered `which` from there
        // (1 = the staged copy, 2 = the journal) keeps `keep` bytes and the power fails; then the board restarts.
        private static TestStation CutCompaction(int which, int keep)
        {
            var s = TestStation.WithRack(b => b.Config.JournalMaxBytes = 4096);
            s.HomeToIdle();
            s.Bay.VehiclePositioned = true;
            s.Bay.VehicleHasPack = true;
            s.Run(50);
            s.Authorize(vehicle: "VIN1");
            s.Bay.Storage.TearReplaceNumber = s.Bay.Storage.Replaces + which;
            s.Bay.Storage.TearReplaceKeep = keep;
            Assert.True(s.RunUntil(() => s.Bay.Storage.PoweredOff || s.C.State == SwapState.Released), "stuck in " + s.C.State);
            Assert.True(s.Bay.Storage.PoweredOff, "no compaction during the swap");
            s.Bay.Storage.PoweredOff = false;
            s.PowerCycle();
            return s;
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        public void A_compaction_cut_at_any_byte_comes_back_in_Recovery_with_its_swap(int which)
        {
            int length = CutCompaction(which, 0).Bay.Storage.TornReplaceCount;
            Assert.True(length > 100, "snapshot of " + length + " bytes");
            for (int keep = 0; keep <= length; keep++)
            {
                var s = CutCompaction(which, keep);
                Assert.True(s.C.State == SwapState.Recovery, "cut at byte " + keep + " of replace " + which + ": " + s.C.State);
                Assert.Equal(1, s.C.CurrentSwap.SwapId);
                Assert.Equal("VIN1", s.C.CurrentSwap.VehicleId);
                // The journal is whole again and the staged copy gone: the next boot reads the same.
                Assert.Equal(-1, s.Bay.Storage.Length(SwapJournal.PendingFileName));
                Assert.NotNull(s.JournalTail());
            }
        }
    }
}
