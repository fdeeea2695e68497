using System;
using System.Reflection;
using nanoFramework.TestFramework;
using Station.Core.Journal;
using Station.Core.Update;
using Station.Device.Tests.Fakes;
using Station.Hal;

namespace Station.Device.Tests
{
    /// <summary>The board's loader (<see cref="ImageBoot"/>) on the interpreter, as the device runs it at every start:
    /// the image on the card is checked again and its assembly loaded with Assembly.Load(byte[]); a tampered one is
    /// refused before anything loads; watchdog resets of a trial image use its boots until the loader falls back.</summary>
    [TestClass]
    public class LoaderTests
    {
        private sealed class RuntimeLoader : IImageLoader
        {
#if NANOFRAMEWORK_1_0
            public Assembly Last;
#endif
            public int Loaded;

            public bool Load(string name, byte[] image)
            {
                Loaded++;
#if NANOFRAMEWORK_1_0
                try { Last = Assembly.Load(image); }
                catch (Exception) { return false; }
                return (object)Last != null;
#else
                // net10.0 cannot load a nanoFramework .pe: the run there stops at the loader's decisions.
                return image.Length > 6 && image[0] == (byte)'N' && image[4] == (byte)'K';
#endif
            }
        }

        private static MemoryStorage Trial(byte[] bundle, int maxBoots)
        {
            MemoryStorage s = new MemoryStorage();
            s.Replace(BootRecord.SlotFile(0), bundle, 0, bundle.Length);
            BootRecord r = new BootRecord();
            r.MaxBoots = maxBoots;
            BootSelector.StartTrial(r, 0, FirmwareVersionNumber.Parse("0.2.0"));
            r.Save(s);
            return s;
        }

        private static ImageBoot Boot(MemoryStorage s, RuntimeLoader loader)
        {
            return new ImageBoot(s, UpdateTests.TestKey, UpdateTests.Board, loader);
        }

        [TestMethod]
        public void The_loader_checks_the_image_on_the_card_and_loads_it_with_Assembly_Load()
        {
            MemoryStorage s = Trial(Convert.FromBase64String(UpdateTests.SampleBundle), 3);
            RuntimeLoader loader = new RuntimeLoader();
            ImageBoot boot = Boot(s, loader);
            Assert.AreEqual(0, boot.Start(ResetReason.PowerOn));
            Assert.AreEqual((int)UpdateReason.None, (int)boot.Refused);
            Assert.IsTrue(boot.OnTrial);
            Assert.AreEqual("0.2.0", boot.Version);
            Assert.AreEqual(1, loader.Loaded);
            BootRecord stored = new BootRecord();
            stored.Load(s);
            Assert.AreEqual(1, stored.TrialBoots);
#if NANOFRAMEWORK_1_0
            Type probe = loader.Last.GetType("Station.Update.Sample.Probe");
            Assert.IsNotNull(probe, "type not found in the loaded image");
            Assert.AreEqual(42, (int)probe.GetMethod("Answer").Invoke(null, null));
#endif
        }

        [TestMethod]
        public void The_loader_refuses_a_tampered_image_before_loading_and_runs_the_factory_image()
        {
            byte[] bundle = Convert.FromBase64String(UpdateTests.SampleBundle);
            bundle[bundle.Length - 30] ^= 0x04; // inside the assembly: its hash no longer matches the signed manifest
            MemoryStorage s = Trial(bundle, 3);
            RuntimeLoader loader = new RuntimeLoader();
            ImageBoot boot = Boot(s, loader);
            Assert.AreEqual(BootRecord.Factory, boot.Start(ResetReason.PowerOn));
            Assert.AreEqual((int)UpdateReason.HashMismatch, (int)boot.Refused);
            Assert.AreEqual(0, loader.Loaded);
            BootRecord stored = new BootRecord();
            stored.Load(s);
            Assert.AreEqual(-1, stored.TrialSlot);
            Assert.AreEqual((int)UpdateReason.ImageUnloadable, (int)stored.LastOutcome);
        }

        [TestMethod]
        public void Watchdog_resets_of_a_trial_image_each_use_a_boot_then_the_loader_falls_back()
        {
            MemoryStorage s = Trial(Convert.FromBase64String(UpdateTests.SampleBundle), 2);
            ResetJournal journal = new ResetJournal(s);
            int slot = 0;
            for (int start = 1; start <= 3; start++)
            {
                // As the board: the loader reads the intent LoopWatchdog left, the controller journals it afterwards.
                ResetReason reason = journal.PendingIntent();
                slot = Boot(s, new RuntimeLoader()).Start(reason);
                Assert.AreEqual((int)reason, (int)journal.Record(ResetReason.Unknown));
                if (start <= 2) Assert.AreEqual(0, slot);
                if (start > 1) Assert.AreEqual((int)ResetReason.Watchdog, (int)reason);
                journal.MarkIntent(ResetReason.Watchdog); // the trial image hangs; the loop watchdog restarts the board
            }
            Assert.AreEqual(BootRecord.Factory, slot);
            BootRecord stored = new BootRecord();
            stored.Load(s);
            Assert.AreEqual(-1, stored.TrialSlot);
            Assert.AreEqual((int)UpdateReason.WatchdogReset, (int)stored.LastOutcome);
            Assert.AreEqual(2, journal.Count((int)ResetReason.Watchdog));
        }
    }
}
