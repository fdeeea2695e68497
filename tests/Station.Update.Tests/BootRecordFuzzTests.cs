using Station.Core.Journal;
using Station.Core.Update;
using Station.Hal;
using Station.Hal.Sim;
using Station.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Station.Update.Tests;

/// <summary>The loader's record (<c>boot.rec</c>) as a bad card, a torn write or a hand on the card leaves it, mutated with
/// a fixed seed: raw (byte flips, truncation, oversize: the CRC catches them) and sealed again with a valid CRC (so the
/// fields themselves are hostile). Reading it never throws and either refuses it (the factory image) or gives slots that
/// exist; the loader never boots the image signed by another key; it leaves a record it can read again; no slot file
/// is touched; and a download the agent starts afterwards never goes over the image the record trusts.</summary>
public class BootRecordFuzzTests
{
    static readonly long V020 = FirmwareVersionNumber.Parse("0.2.0"), V030 = FirmwareVersionNumber.Parse("0.3.0");
    readonly ITestOutputHelper _out;

    public BootRecordFuzzTests(ITestOutputHelper output) { _out = output; }

    // The records a station holds in its life: fresh, a trial of the genuine image, the genuine image confirmed with a
    // trial of the stranger's on the card (a hand put it there), and a floor set.
    static BootRecord[] Bases() => new[]
    {
        new BootRecord(),
        new BootRecord { TrialSlot = 0, TrialVersion = V020, TrialBoots = 1 },
        new BootRecord { ConfirmedSlot = 0, ConfirmedVersion = V020, TrialSlot = 1, TrialVersion = V030, TrialBoots = 2 },
        new BootRecord { ConfirmedSlot = 0, ConfirmedVersion = V020, MinimumVersion = V020, LastOutcome = UpdateReason.WatchdogReset },
    };

    [Fact]
    public void Mutated_boot_records_never_throw_never_boot_an_unverified_image_and_touch_no_slot_file()
    {
        byte[] genuine = TestBundles.Build("0.2.0");
        byte[] stranger = TestBundles.Build("0.3.0", seed: TestBundles.Stranger.Seed);
        var rng = new Random(7401);
        int refused = 0, read = 0, booted = 0, offers = 0;
        var bases = Bases();
        for (int round = 0; round < 400; round++)
        {
            var s = new MemoryStorage();
            s.Replace(BootRecord.SlotFile(0), genuine, 0, genuine.Length);
            s.Replace(BootRecord.SlotFile(1), stranger, 0, stranger.Length);
            Assert.True(bases[rng.Next(bases.Length)].Save(s));
            byte[] record = Hostile(s.Snapshot(BootRecord.FileName), rng);
            s.Replace(BootRecord.FileName, record, 0, record.Length);
            string what = "round " + round + ": " + HostileBytes.Show(record, 80);

            var r = new BootRecord();
            bool ok = true;
            Exception e = Record.Exception(() => ok = r.Load(s));
            Assert.True(e == null, what + "\n" + e);
            if (ok)
            {
                read++;
                Assert.True(r.ConfirmedSlot >= BootRecord.Factory && r.ConfirmedSlot <= 1 && r.TrialSlot >= -1 && r.TrialSlot <= 1,
                    what + ": a record naming slots " + r.ConfirmedSlot + "/" + r.TrialSlot + " was taken");
            }
            else
            {
                refused++;
                Assert.True(r.ConfirmedSlot == BootRecord.Factory && r.TrialSlot == -1, what + ": a refused record names an image");
            }

            var loader = new RecordingLoader();
            var boot = new ImageBoot(s, TestBundles.Release.PublicKey, TestBundles.Board, loader);
            int slot = 0;
            e = Record.Exception(() => slot = boot.Start(rng.Next(2) == 0 ? ResetReason.PowerOn : ResetReason.Watchdog));
            Assert.True(e == null, what + "\n" + e);
            // Only the genuine image (slot 0, 0.2.0) may load; anything else ends on the factory image.
            Assert.True(slot == BootRecord.Factory || (slot == 0 && boot.Version == "0.2.0"), what + ": booted slot " + slot + " " + boot.Version);
            Assert.True(slot == BootRecord.Factory ? loader.Loaded.Count == 0 : loader.Loaded.Count == 2, what + ": loaded " + loader.Loaded.Count + " assemblies for slot " + slot);
            if (slot == 0) booted++;
            Assert.True(new BootRecord().Load(s), what + ": the loader left a record it cannot read");
            Assert.Equal(genuine, s.Snapshot(BootRecord.SlotFile(0)));
            Assert.Equal(stranger, s.Snapshot(BootRecord.SlotFile(1)));

            // A download after this start goes to neither image the record now trusts.
            var trusted = new BootRecord();
            trusted.Load(s);
            var agent = new UpdateAgent(s, TestBundles.Release.PublicKey, TestBundles.Board, new NothingBlocksRestart());
            e = Record.Exception(() => { agent.Start(); if (agent.Offer("0.4.0", 5000) == UpdateReason.None) offers++; });
            Assert.True(e == null, what + "\n" + e);
            if (trusted.ConfirmedSlot == 0 || trusted.TrialSlot == 0) Assert.Equal(genuine, s.Snapshot(BootRecord.SlotFile(0)));
            if (trusted.ConfirmedSlot == 1 || trusted.TrialSlot == 1) Assert.Equal(stranger, s.Snapshot(BootRecord.SlotFile(1)));
        }
        _out.WriteLine($"400 records: {refused} refused, {read} read, {booted} booted the genuine image, {offers} offers taken afterwards");
        Assert.True(refused > 150 && read > 100, "refused " + refused + ", read " + read);
        Assert.True(booted > 20, "the genuine image must still boot where the record names it: " + booted);
    }

    // Half the rounds: raw mutation (the CRC should catch it). The other half: the 24 field bytes mutated in place and
    // the CRC computed again, so the reader meets hostile values in a record that looks intact.
    static byte[] Hostile(byte[] valid, Random rng)
    {
        if (rng.Next(2) == 0) return HostileBytes.Mutate(valid, rng);
        var b = (byte[])valid.Clone();
        for (int n = 1 + rng.Next(3); n > 0; n--)
        {
            int at = rng.Next(b.Length - 4);
            b[at] = rng.Next(3) switch { 0 => (byte)rng.Next(256), 1 => (byte)(b[at] ^ (1 << rng.Next(8))), _ => new byte[] { 0, 1, 2, 0x7F, 0x80, 0xFF, 0xFE }[rng.Next(7)] };
        }
        LittleEndian.Put(b, b.Length - 4, Crc32.Compute(b, 0, b.Length - 4), 4);
        return b;
    }
}
