using System.Text;
using Station.Core.Journal;
using Station.Core.Update;
using Station.Hal;
using Station.Hal.Sim;
using Xunit;

namespace Station.Update.Tests;

/// <summary>The loader's start on the board (<see cref="ImageBoot"/>): count, choose, check the slot again, load in
/// manifest order, fall back; a watchdog restart left in the reset journal counts against a trial image.</summary>
public class ImageBootTests
{
    static readonly long V020 = FirmwareVersionNumber.Parse("0.2.0");

    static MemoryStorage TrialOf(byte[] bundle, int slot = 0, long version = 0, int confirmed = BootRecord.Factory)
    {
        var s = new MemoryStorage();
        s.Replace(BootRecord.SlotFile(slot), bundle, 0, bundle.Length);
        var r = new BootRecord { ConfirmedSlot = confirmed };
        BootSelector.StartTrial(r, slot, version == 0 ? V020 : version);
        Assert.True(r.Save(s));
        return s;
    }

    static ImageBoot Boot(IStorage s, IImageLoader loader) => new(s, TestBundles.Release.PublicKey, TestBundles.Board, loader);

    [Fact]
    public void A_trial_image_is_checked_counted_and_loaded_in_manifest_order()
    {
        var s = TrialOf(TestBundles.Build());
        var loader = new RecordingLoader();
        var boot = Boot(s, loader);
        Assert.Equal(0, boot.Start(ResetReason.PowerOn));
        Assert.True(boot.OnTrial);
        Assert.Equal("0.2.0", boot.Version);
        Assert.Equal(new[] { "Station.Core.pe:3000", "Station.Device.pe:1025" }, loader.Loaded);
        var stored = new BootRecord();
        stored.Load(s);
        Assert.Equal(1, stored.TrialBoots); // saved before loading
    }

    [Fact]
    public void A_tampered_image_on_the_card_is_refused_before_anything_loads_and_the_confirmed_image_runs()
    {
        byte[] bundle = TestBundles.Build();
        bundle[^10] ^= 0x20;
        var s = TrialOf(bundle);
        var loader = new RecordingLoader();
        var boot = Boot(s, loader);
        Assert.Equal(BootRecord.Factory, boot.Start(ResetReason.PowerOn));
        Assert.Equal(UpdateReason.HashMismatch, boot.Refused);
        Assert.Empty(loader.Loaded);
        var stored = new BootRecord();
        stored.Load(s);
        Assert.Equal(-1, stored.TrialSlot);
        Assert.Equal(UpdateReason.ImageUnloadable, stored.LastOutcome);
    }

    [Fact]
    public void A_genuine_bundle_of_another_version_is_not_the_image_the_record_trusts()
    {
        var s = TrialOf(TestBundles.Build("0.1.5"));
        var loader = new RecordingLoader();
        Assert.Equal(BootRecord.Factory, Boot(s, loader).Start(ResetReason.PowerOn));
        Assert.Empty(loader.Loaded);
    }

    [Fact]
    public void An_image_the_runtime_refuses_falls_back_to_the_confirmed_slot_then_the_factory_image()
    {
        byte[] old = TestBundles.Build("0.1.9");
        var s = TrialOf(TestBundles.Build(), slot: 0, confirmed: 1);
        s.Replace(BootRecord.SlotFile(1), old, 0, old.Length);
        var r = new BootRecord(); r.Load(s); r.ConfirmedVersion = FirmwareVersionNumber.Parse("0.1.9"); r.Save(s);
        var loader = new RecordingLoader { Refuse = "Station.Device.pe" };
        var boot = Boot(s, loader);
        Assert.Equal(BootRecord.Factory, boot.Start(ResetReason.PowerOn)); // trial refused, then the confirmed one too
        Assert.Equal(UpdateReason.ImageUnloadable, boot.Refused);
        loader.Refuse = null;
        var again = Boot(s, loader);
        Assert.Equal(BootRecord.Factory, again.Start(ResetReason.PowerOn)); // the record now names the factory image
    }

    [Fact]
    public void Watchdog_resets_on_probation_each_use_a_boot_and_the_last_one_returns_to_the_confirmed_image_saying_why()
    {
        var s = TrialOf(TestBundles.Build());
        var journal = new ResetJournal(s);
        int slot = 0;
        for (int start = 1; start <= BootRecord.DefaultMaxBoots + 1; start++)
        {
            // What the board does: the loader reads the intent the loop watchdog left, the controller journals it later.
            ResetReason reason = journal.PendingIntent();
            slot = Boot(s, new RecordingLoader()).Start(reason);
            Assert.Equal(reason, journal.Record(ResetReason.Unknown));
            if (start <= BootRecord.DefaultMaxBoots) Assert.Equal(0, slot);
            if (start > 1) Assert.Equal(ResetReason.Watchdog, reason);
            Assert.True(journal.MarkIntent(ResetReason.Watchdog)); // the trial image hangs: LoopWatchdog restarts the board
        }
        Assert.Equal(BootRecord.Factory, slot);
        var stored = new BootRecord();
        stored.Load(s);
        Assert.Equal(UpdateReason.WatchdogReset, stored.LastOutcome);
        Assert.Equal(BootRecord.DefaultMaxBoots, journal.Count((int)ResetReason.Watchdog));
    }

    [Fact]
    public void An_image_that_loaded_but_would_not_start_is_not_tried_again()
    {
        var s = TrialOf(TestBundles.Build());
        var boot = Boot(s, new RecordingLoader());
        Assert.Equal(0, boot.Start(ResetReason.PowerOn));
        boot.EntryFailed();
        Assert.Equal(BootRecord.Factory, boot.Slot);
        var loader = new RecordingLoader();
        Assert.Equal(BootRecord.Factory, Boot(s, loader).Start(ResetReason.Software));
        Assert.Empty(loader.Loaded);
        var stored = new BootRecord();
        stored.Load(s);
        Assert.Equal(UpdateReason.ImageUnloadable, stored.LastOutcome);
    }

    [Fact]
    public void No_record_runs_the_factory_image_and_loads_nothing()
    {
        var loader = new RecordingLoader();
        var boot = Boot(new MemoryStorage(), loader);
        Assert.Equal(BootRecord.Factory, boot.Start(ResetReason.Unknown));
        Assert.False(boot.OnTrial);
        Assert.Null(boot.Version);
        Assert.Empty(loader.Loaded);
    }

    [Fact]
    public void The_pending_intent_is_read_without_being_taken()
    {
        var s = new MemoryStorage();
        var journal = new ResetJournal(s);
        Assert.Equal(ResetReason.Unknown, journal.PendingIntent());
        journal.MarkIntent(ResetReason.Watchdog);
        Assert.Equal(ResetReason.Watchdog, journal.PendingIntent());
        Assert.Equal(ResetReason.Watchdog, journal.PendingIntent());
        Assert.Equal(ResetReason.Watchdog, journal.Record(ResetReason.Unknown));
        Assert.Equal(ResetReason.Unknown, journal.PendingIntent());
        s.Replace(ResetJournal.IntentFileName, new byte[] { 1, 2, 3, 4 }, 0, 4);
        Assert.Equal(ResetReason.Unknown, journal.PendingIntent());
    }

    [Theory]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a\n", true)]
    [InlineData("  D75A980182B10AB7D54BFED3C964073A0EE172F3DAA62325AF021A68F707511A \r\n", true)]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511", false)]
    [InlineData("x75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", false)]
    [InlineData("", false)]
    public void The_release_key_file_is_64_hex_digits_or_refused_with_a_reason(string text, bool ok)
    {
        var s = new MemoryStorage();
        byte[] b = Encoding.ASCII.GetBytes(text);
        s.Replace(ReleaseKeyFile.FileName, b, 0, b.Length);
        var why = new string[1];
        byte[] key = ReleaseKeyFile.Load(s, why);
        if (ok)
        {
            Assert.Equal(Hex.Bytes("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), key);
            Assert.Null(why[0]);
        }
        else
        {
            Assert.Null(key);
            Assert.Contains("64 hexadecimal digits", why[0]);
        }
    }

    [Fact]
    public void A_missing_release_key_refuses_updates_with_a_reason()
    {
        var why = new string[1];
        Assert.Null(ReleaseKeyFile.Load(new MemoryStorage(), why));
        Assert.Contains("no release key", why[0]);
    }
}
