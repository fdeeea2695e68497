using System;
using nanoFramework.Runtime.Native;
using Station.Core.Journal;
using Station.Core.Update;
using Station.Hal;

namespace Station.Device
{
    /// <summary>The loader as the factory application runs it at every start, before the board is wired: the portable
    /// <see cref="ImageBoot"/> counts the start (a watchdog restart left its intent in the reset journal, so it counts
    /// against a trial image like any reset), chooses and checks the image and loads its assemblies; this class hands
    /// over to a loaded image or returns so the factory image runs.</summary>
    internal static class DeviceLoader
    {
        /// <summary>Runs the chosen update image, or returns when the factory image is to run (none chosen, no key, no
        /// card, or every image refused). <paramref name="images"/> is the card's image store, <paramref name="station"/>
        /// the station's own storage (release key, reset journal).</summary>
        public static void RunChosenImage(IStorage images, IStorage station, string board, ILog log)
        {
            string[] why = new string[1];
            byte[] key = ReleaseKeyFile.Load(station, why);
            if (key == null) return; // the agent logs why later; without a key no update image is trusted
            ResetReason reset = new ResetJournal(station).PendingIntent();
            var loader = new AssemblyImageLoader();
            var boot = new ImageBoot(images, key, board, loader);
            int slot = boot.Start(reset);
            if (boot.Refused != UpdateReason.None)
                log.Write(LogLevel.Error, "loader: an image was refused (" + UpdateWords.Reason(boot.Refused) + "); the next one runs");
            if (slot == BootRecord.Factory) return;
            log.Write(LogLevel.Info, "loader: running " + boot.Version + " from " + BootRecord.SlotFile(slot) + (boot.OnTrial ? " on probation" : ""));
            try
            {
                loader.Enter();
            }
            catch (Exception e)
            {
                // The image loaded but would not start: the next start takes the next image (this one is not tried again).
                log.Write(LogLevel.Error, "loader: the image did not start: " + e.Message);
                boot.EntryFailed();
                new ResetJournal(station).MarkIntent(ResetReason.Software);
                Power.RebootDevice();
            }
        }
    }
}
