using System;
using System.IO;
using nanoFramework.System.IO;
using nanoFramework.System.IO.FileSystem;
using Station.Hal;

namespace Station.Device
{
    /// <summary>A microSD card on an SPI bus, mounted as <c>D:\</c> (slot 0). Only mounts and reports: where the station
    /// puts what, and what it says about a missing card, is decided by the portable <c>StorageLayout</c>.</summary>
    /// <remarks>
    /// Mount once at boot, after the other devices on the shared bus are set up (their chip selects idle high, so the
    /// card sees its power-up clocks with every other device deselected). nanoFramework's Mount throws when the card is
    /// missing, unformatted or does not answer; that becomes <see cref="Problem"/>, never an exception at the caller.
    /// </remarks>
    public sealed class SpiSdCard
    {
        /// <summary>Root of the mounted card (slot 0).</summary>
        public const string Root = "D:\\";

        private readonly ILog _log;
        private SDCard _card;

        /// <summary>True once the card is mounted.</summary>
        public bool Mounted;
        /// <summary>Why the card is not mounted, or null.</summary>
        public string Problem;

        private SpiSdCard(ILog log)
        {
            _log = log;
        }

        /// <summary>Mounts the card on <paramref name="spiBus"/> with chip select <paramref name="chipSelectPin"/>. Never throws.</summary>
        public static SpiSdCard Mount(int spiBus, int chipSelectPin, ILog log)
        {
            var sd = new SpiSdCard(log);
            if (Directory.Exists(Root))
            {
                // Already mounted at this start (the loader mounts the card before the board is wired; an update image
                // the loader runs wires the board again).
                sd.Mounted = true;
                return sd;
            }
            try
            {
                var spi = new SDCardSpiParameters();
                spi.spiBus = (uint)spiBus;
                spi.chipSelectPin = (uint)chipSelectPin;
                spi.slotIndex = 0;
                sd._card = new SDCard(spi);
                sd._card.Mount();
                sd.Mounted = sd._card.IsMounted && Directory.Exists(Root);
                if (!sd.Mounted) sd.Problem = "the card did not mount on SPI" + spiBus.ToString() + ", chip select GPIO" + chipSelectPin.ToString();
            }
            catch (Exception e)
            {
                // Typical: no card, a card that is not FAT32, a loose wire or a module that holds MISO.
                sd.Mounted = false;
                sd.Problem = "no card in the slot, not FAT32, or it does not answer on SPI" + spiBus.ToString() + " (chip select GPIO"
                    + chipSelectPin.ToString() + "): " + e.Message;
            }
            // Without a card-detect pin these rarely fire; where the firmware does raise them, the technician sees it.
            StorageEventManager.RemovableDeviceRemoved += sd.OnRemoved;
            StorageEventManager.RemovableDeviceInserted += sd.OnInserted;
            return sd;
        }

        private void OnRemoved(object sender, RemovableDriveEventArgs e)
        {
            Mounted = false;
            _log.Write(LogLevel.Error, "SD card removed: the cloud outbox on it can no longer be written; put the card back and restart the station");
        }

        private void OnInserted(object sender, RemovableDriveEventArgs e)
        {
            _log.Write(LogLevel.Warning, "SD card inserted: restart the station to use it for the cloud outbox");
        }
    }
}
