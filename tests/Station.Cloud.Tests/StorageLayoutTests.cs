using Station.Core.Cloud;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>Where the outbox lives (SD card or internal flash) and what the station says when it is the small one.</summary>
    public class StorageLayoutTests
    {
        static readonly CloudLinkConfig Defaults = new CloudLinkConfig();

        static StorageLayout Decide(bool slot, bool mounted, string problem, int flashPending) =>
            StorageLayout.Decide(slot, mounted, problem, flashPending, Defaults.OutboxMaxSegments, Defaults.OutboxSegmentBytes);

        [Fact]
        public void A_mounted_card_gets_the_full_default_outbox_and_no_warning()
        {
            var l = Decide(true, true, null, 0);
            Assert.True(l.OutboxOnCard);
            Assert.Equal(1024, l.OutboxSegments);
            Assert.Null(l.Warning);
            Assert.Equal("cloud outbox on the SD card: 1024 x 64 KiB = 64 MiB (9 days offline at 800 swaps a day)", l.Summary);
        }

        [Fact]
        public void The_full_outbox_holds_seven_days_at_800_swaps_a_day_and_the_flash_one_does_not()
        {
            Assert.True(StorageLayout.DaysOffline(Defaults.OutboxMaxSegments, Defaults.OutboxSegmentBytes) >= 7);
            Assert.Equal(14, StorageLayout.SwapsRoom(StorageLayout.FlashSegments, Defaults.OutboxSegmentBytes));
            Assert.Equal(25, StorageLayout.MinutesOffline(StorageLayout.FlashSegments, Defaults.OutboxSegmentBytes));
        }

        [Fact]
        public void A_missing_card_falls_back_to_flash_and_says_why_what_it_means_and_what_to_do()
        {
            var l = Decide(true, false, "no card in the slot or it does not answer on SPI", 0);
            Assert.False(l.OutboxOnCard);
            Assert.Equal(StorageLayout.FlashSegments, l.OutboxSegments);
            Assert.Equal("SD card not mounted (no card in the slot or it does not answer on SPI): cloud outbox in internal flash, only "
                + "2 x 64 KiB = 128 KiB: new swaps are refused after about 14 unsent swaps (about 25 minutes offline at 800 swaps a day)."
                + " Insert a FAT32 microSD card and restart the station", l.Warning);
            Assert.Equal(l.Warning, l.Summary);
        }

        [Fact]
        public void A_mount_failure_without_words_still_gets_a_reason()
        {
            Assert.StartsWith("SD card not mounted (no reason given): ", Decide(true, false, "", 0).Warning);
        }

        [Fact]
        public void A_board_without_a_card_slot_says_so()
        {
            var l = Decide(false, false, null, 0);
            Assert.False(l.OutboxOnCard);
            Assert.Equal(2, l.OutboxSegments);
            Assert.StartsWith("no SD card slot on this board: cloud outbox in internal flash, only 2 x 64 KiB = 128 KiB", l.Warning);
        }

        [Fact]
        public void Records_left_in_the_flash_outbox_are_sent_from_flash_before_the_card_is_used()
        {
            var l = Decide(true, true, null, 37);
            Assert.False(l.OutboxOnCard);
            Assert.Equal(2, l.OutboxSegments);
            Assert.StartsWith("SD card mounted, but 37 unsent records wait in the internal-flash outbox", l.Warning);
            Assert.Contains("restart the station once the cloud has them", l.Warning);
        }

        [Fact]
        public void Pending_in_counts_the_unsent_records_of_a_flash_outbox()
        {
            var flash = new TestStorage();
            Assert.Equal(0, StorageLayout.PendingIn(flash, Defaults));
            var o = new Outbox(flash, Defaults.OutboxPrefix, Defaults.OutboxSegmentBytes, StorageLayout.FlashSegments);
            o.Open();
            var b = System.Text.Encoding.UTF8.GetBytes("{\"seq\":1,\"offline\":false}");
            Assert.True(o.Append(RecordKind.Event, b, 0, b.Length, true));
            Assert.True(o.Append(RecordKind.Audit, b, 0, b.Length, true));
            Assert.Equal(2, StorageLayout.PendingIn(flash, Defaults));
        }
    }
}
