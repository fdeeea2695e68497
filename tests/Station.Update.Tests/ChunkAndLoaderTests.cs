using Station.Core.Journal;
using Station.Core.Update;
using Station.Hal.Sim;
using Xunit;

namespace Station.Update.Tests;

/// <summary>The chunk receiver (order, size, CRC, resume, bounded memory) and the loader's choices (trial boots,
/// rollback, fallback on an unloadable image, a damaged record).</summary>
public class ChunkAndLoaderTests
{
    static uint Crc(byte[] b, int at, int n) => Crc32.Compute(b, at, n);

    [Fact]
    public void ChunksMustComeInOrderFitAndMatchTheirCrc()
    {
        var s = new MemoryStorage();
        var r = new ChunkReceiver();
        var data = new byte[10000];
        new System.Random(3).NextBytes(data);
        r.Start(s, "slot-b.sfb", data.Length);
        Assert.Equal(UpdateReason.None, r.Accept(0, data, 0, 4096, Crc(data, 0, 4096)));
        Assert.Equal(UpdateReason.ChunkOutOfOrder, r.Accept(0, data, 0, 100, Crc(data, 0, 100)));          // repeated
        Assert.Equal(UpdateReason.ChunkOutOfOrder, r.Accept(5000, data, 5000, 100, Crc(data, 5000, 100)));  // skipped ahead
        Assert.Equal(UpdateReason.ChunkCorrupt, r.Accept(4096, data, 4096, 100, Crc(data, 4096, 100) ^ 1));
        Assert.Equal(UpdateReason.ChunkTooLarge, r.Accept(4096, new byte[4097], 0, 4097, 0));
        Assert.Equal(UpdateReason.ChunkTooLarge, r.Accept(9990, data, 0, 100, 0));                          // past the offer
        Assert.Equal(UpdateReason.ChunkCorrupt, r.Accept(4096, data, 9990, 100, 0));                        // bad slice
        Assert.Equal(UpdateReason.ChunkTooLarge, r.Accept(int.MaxValue - 10, data, 0, 100, 0));             // overflow
        Assert.Equal(4096, r.Received);
        Assert.Equal(4096, s.Length("slot-b.sfb"));
        for (int at = 4096; at < data.Length; at += 4096)
        {
            int n = Math.Min(4096, data.Length - at);
            Assert.Equal(UpdateReason.None, r.Accept(at, data, at, n, Crc(data, at, n)));
        }
        Assert.True(r.Complete);
        Assert.Equal(data, s.Snapshot("slot-b.sfb"));
    }

    [Fact]
    public void AChunkWhoseStartAndCountWrapRoundIsRefusedNotStored()
    {
        // start + count overflows to a negative sum; the CRC of that empty range is 0. Found by ChunkStreamFuzzTests.
        var s = new MemoryStorage();
        var r = new ChunkReceiver();
        r.Start(s, "f", 10000);
        Assert.Equal(UpdateReason.ChunkCorrupt, r.Accept(0, new byte[4306], int.MaxValue, 3394, 0));
        Assert.Equal(UpdateReason.ChunkCorrupt, r.Accept(0, new byte[100], int.MaxValue - 50, 100, 0));
        Assert.Equal(0, r.Received);
        Assert.Equal(-1, s.Length("f"));
    }

    [Fact]
    public void AReceiverResumesFromTheStoredLengthAndDropsAnOverlongFile()
    {
        var s = new MemoryStorage();
        var data = new byte[3000];
        var r = new ChunkReceiver();
        r.Start(s, "f", 3000);
        r.Accept(0, data, 0, 1000, Crc(data, 0, 1000));
        s.TearLastAppend(700); // a power cut in the middle of the append
        var after = new ChunkReceiver();
        after.Resume(s, "f", 3000);
        Assert.Equal(700, after.Received);
        s.Replace("g", new byte[4000], 0, 4000);
        after.Resume(s, "g", 3000);
        Assert.Equal(0, after.Received);
        Assert.Equal(-1, s.Length("g"));
    }

    [Fact]
    public void ATrialImageGetsItsBootsThenTheLoaderReturnsToTheConfirmedOne()
    {
        var b = new BootRecord { ConfirmedSlot = 0 };
        BootSelector.StartTrial(b, 1, 0x200000000L);
        Assert.Equal(1, BootSelector.Choose(b, false));
        Assert.Equal(1, BootSelector.Choose(b, true));   // a watchdog reset used one boot up
        Assert.Equal(1, BootSelector.Choose(b, false));
        Assert.Equal(0, BootSelector.Choose(b, true));   // the fourth start goes back
        Assert.Equal(UpdateReason.WatchdogReset, b.LastOutcome);
        Assert.Equal(-1, b.TrialSlot);
        Assert.Equal(0, BootSelector.Choose(b, false));
    }

    [Fact]
    public void AnUnloadableImageFallsBackAndTheFactoryImageIsAlwaysThere()
    {
        var b = new BootRecord { ConfirmedSlot = 0 };
        BootSelector.StartTrial(b, 1, 5);
        int slot = BootSelector.Choose(b, false);
        Assert.Equal(0, BootSelector.LoadFailed(b, slot));
        Assert.Equal(UpdateReason.ImageUnloadable, b.LastOutcome);
        Assert.Equal(BootRecord.Factory, BootSelector.LoadFailed(b, 0));
        Assert.Equal(BootRecord.Factory, BootSelector.LoadFailed(b, BootRecord.Factory));
        Assert.Equal(0, b.FreeSlot());
    }

    [Fact]
    public void TheBootRecordRoundTripsAndADamagedOneBootsTheFactoryImage()
    {
        var s = new MemoryStorage();
        var b = new BootRecord { ConfirmedSlot = 1, ConfirmedVersion = 0x100020003L, MinimumVersion = 0x100000000L, MaxBoots = 5 };
        BootSelector.StartTrial(b, 0, 0x100030000L);
        Assert.True(b.Save(s));
        var back = new BootRecord();
        Assert.True(back.Load(s));
        Assert.Equal((1, 0x100020003L, 0, 0x100030000L, 5, 0x100000000L), (back.ConfirmedSlot, back.ConfirmedVersion, back.TrialSlot, back.TrialVersion, back.MaxBoots, back.MinimumVersion));
        var raw = s.Snapshot(BootRecord.FileName);
        raw[3] ^= 1;
        s.Replace(BootRecord.FileName, raw, 0, raw.Length);
        var damaged = new BootRecord();
        Assert.False(damaged.Load(s));
        Assert.Equal(BootRecord.Factory, BootSelector.Choose(damaged, false));
        Assert.True(new BootRecord().Load(new MemoryStorage())); // none yet: a fresh station
    }

    [Theory]
    [InlineData(1, 0xDF)] // confirmed slot -33 under a valid CRC: found by BootRecordFuzzTests
    [InlineData(1, 2)]
    [InlineData(2, 0x80)] // trial slot -128
    [InlineData(2, 5)]
    [InlineData(-1, 0)]   // a whole record with bytes after it: not what Save writes
    public void ARecordWithASlotThatDoesNotExistOrOfAnotherLengthIsDamagedEvenUnderAValidCrc(int field, int value)
    {
        var s = new MemoryStorage();
        Assert.True(new BootRecord { ConfirmedSlot = 0, TrialSlot = 1, ConfirmedVersion = 5 }.Save(s));
        var raw = s.Snapshot(BootRecord.FileName).ToList();
        if (field < 0) raw.AddRange(new byte[8]);
        else
        {
            raw[field] = (byte)value;
            var sealedRaw = raw.ToArray();
            LittleEndian.Put(sealedRaw, sealedRaw.Length - 4, Crc32.Compute(sealedRaw, 0, sealedRaw.Length - 4), 4);
            raw = sealedRaw.ToList();
        }
        s.Replace(BootRecord.FileName, raw.ToArray(), 0, raw.Count);
        var r = new BootRecord();
        Assert.False(r.Load(s));
        Assert.Equal((BootRecord.Factory, -1), (r.ConfirmedSlot, r.TrialSlot));
    }

    [Fact]
    public void ProbationPassesOnlyAfterItsTimeWithTheCloudAndNoFault()
    {
        var p = new ProbationMonitor(runMs: 60_000, cloudDeadlineMs: 120_000);
        Assert.Equal(UpdateState.Installed, p.Observe(0, true, false, false));
        Assert.Equal(UpdateState.Installed, p.Observe(59_999, true, false, true));
        Assert.Equal(UpdateState.ProbationPassed, p.Observe(60_000, true, false, true));
        var noCloud = new ProbationMonitor(60_000, 120_000);
        noCloud.Observe(0, true, false, false);
        Assert.Equal(UpdateState.Installed, noCloud.Observe(119_999, true, false, false));
        Assert.Equal(UpdateState.RolledBack, noCloud.Observe(120_000, true, false, false));
        Assert.Equal(UpdateReason.CloudNotReached, noCloud.Reason);
        var fault = new ProbationMonitor(60_000, 120_000);
        fault.Observe(0, true, false, true);
        Assert.Equal(UpdateState.RolledBack, fault.Observe(10, true, true, true));
        Assert.Equal(UpdateReason.FaultDuringProbation, fault.Reason);
        Assert.Equal(UpdateState.RolledBack, fault.Observe(100_000, true, false, true)); // decided once
    }
}
