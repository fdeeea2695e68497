using Station.Hal;

namespace Station.Core.Cloud
{
    /// <summary>Where the cloud outbox lives and how large it is, decided at boot from what the board has: the full
    /// default outbox (64 MiB, 7 days offline at 800 swaps a day, docs/cloud.md "Sizing") on an SD card, or the small
    /// outbox of <see cref="FlashSegments"/> segments in internal flash when there is no card — with the words that say so.</summary>
    /// <remarks>
    /// Cases (the device adapter only mounts the card and reports what happened):
    /// <list type="bullet">
    /// <item>card mounted, the flash outbox empty → outbox on the card, full size, no warning;</item>
    /// <item>card mounted, but the flash outbox still holds unsent records from a boot without the card → the outbox
    /// stays in flash this boot so those records go first and in order (nothing stored is lost); warning;</item>
    /// <item>card missing or not mountable, or no card slot → small flash outbox; warning with the reason.</item>
    /// </list>
    /// The configuration, provisioning and journals stay in internal flash in every case (the core's one storage
    /// port): a dead or swapped card must not take the station's identity and certificates with it.
    /// </remarks>
    public sealed class StorageLayout
    {
        /// <summary>Outbox segments in internal flash (2 × 64 KiB): what a few hundred KiB flash partition can spare.</summary>
        public const int FlashSegments = 2;
        /// <summary>Outbox bytes of one swap used for the estimates (the fuller record of docs/cloud.md, "Sizing").</summary>
        public const int SwapRecordBytes = 7898;
        /// <summary>Swaps a day the sizing is made for.</summary>
        public const int SwapsPerDay = 800;

        /// <summary>True when the outbox is on the SD card.</summary>
        public bool OutboxOnCard;
        /// <summary>Outbox segment files (capacity = this × segment bytes).</summary>
        public int OutboxSegments;
        /// <summary>Null when the outbox has its full size, else one line for the boot log, telemetry and every
        /// refused swap: what is wrong, what it means, what to do.</summary>
        public string Warning;
        /// <summary>One line for the boot log in every case.</summary>
        public string Summary;

        /// <summary>Decides the layout. <paramref name="hasCardSlot"/>: the board wires an SD card;
        /// <paramref name="cardMounted"/>: it mounted; <paramref name="mountProblem"/>: why not (adapter's words);
        /// <paramref name="flashPending"/>: unsent records in the flash outbox; <paramref name="fullSegments"/> and
        /// <paramref name="segmentBytes"/>: the default outbox (<see cref="CloudLinkConfig"/>).</summary>
        public static StorageLayout Decide(bool hasCardSlot, bool cardMounted, string mountProblem, int flashPending,
            int fullSegments, int segmentBytes)
        {
            var layout = new StorageLayout();
            if (hasCardSlot && cardMounted && flashPending <= 0)
            {
                layout.OutboxOnCard = true;
                layout.OutboxSegments = fullSegments;
                layout.Summary = "cloud outbox on the SD card: " + Capacity(fullSegments, segmentBytes)
                    + " (" + DaysOffline(fullSegments, segmentBytes).ToString() + " days offline at " + SwapsPerDay.ToString() + " swaps a day)";
                return layout;
            }

            layout.OutboxOnCard = false;
            layout.OutboxSegments = FlashSegments;
            string room = "cloud outbox in internal flash, only " + Capacity(FlashSegments, segmentBytes) + ": new swaps are refused after about "
                + SwapsRoom(FlashSegments, segmentBytes).ToString() + " unsent swaps (about " + MinutesOffline(FlashSegments, segmentBytes).ToString()
                + " minutes offline at " + SwapsPerDay.ToString() + " swaps a day)";
            if (!hasCardSlot)
            {
                layout.Warning = "no SD card slot on this board: " + room;
            }
            else if (!cardMounted)
            {
                string why = mountProblem == null || mountProblem.Length == 0 ? "no reason given" : mountProblem;
                layout.Warning = "SD card not mounted (" + why + "): " + room
                    + ". Insert a FAT32 microSD card and restart the station";
            }
            else
            {
                layout.Warning = "SD card mounted, but " + flashPending.ToString() + " unsent records wait in the internal-flash outbox from a boot without the card: "
                    + room + ". They are sent first; restart the station once the cloud has them to move the outbox to the card";
            }
            layout.Summary = layout.Warning;
            return layout;
        }

        /// <summary>Unsent records in an outbox of <see cref="FlashSegments"/> segments kept in <paramref name="storage"/>
        /// (the internal-flash outbox of an earlier boot without the card); 0 when there is none.</summary>
        public static int PendingIn(IStorage storage, CloudLinkConfig config)
        {
            var outbox = new Outbox(storage, config.OutboxPrefix, config.OutboxSegmentBytes, FlashSegments);
            outbox.Open();
            return outbox.Pending;
        }

        /// <summary>Swaps that fit below the swap limit (<see cref="Outbox.SwapLimitPercent"/>).</summary>
        public static long SwapsRoom(int segments, int segmentBytes)
        {
            return (long)segments * segmentBytes * Outbox.SwapLimitPercent / 100 / SwapRecordBytes;
        }

        /// <summary>Minutes of offline swapping at <see cref="SwapsPerDay"/> before the swap limit.</summary>
        public static long MinutesOffline(int segments, int segmentBytes)
        {
            return SwapsRoom(segments, segmentBytes) * 24 * 60 / SwapsPerDay;
        }

        /// <summary>Whole days of offline swapping at <see cref="SwapsPerDay"/> before the swap limit.</summary>
        public static long DaysOffline(int segments, int segmentBytes)
        {
            return SwapsRoom(segments, segmentBytes) / SwapsPerDay;
        }

        private static string Capacity(int segments, int segmentBytes)
        {
            long kib = (long)segments * segmentBytes / 1024;
            string size = kib >= 1024 ? (kib / 1024).ToString() + " MiB" : kib.ToString() + " KiB";
            return segments.ToString() + " x " + (segmentBytes / 1024).ToString() + " KiB = " + size;
        }
    }
}
