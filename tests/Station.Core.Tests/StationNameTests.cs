using System;
using Station.Core.Cloud;
using Station.Core.Config;
using Station.Core.Console;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>One rule for the station's name, the same in configuration, the controller and the cloud link; and the
    /// times people read.</summary>
    public class StationNameTests
    {
        [Theory]
        [InlineData("bay7", true)]
        [InlineData("CN-SH-0001-bay1", true)]
        [InlineData("a_b", true)]
        [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]   // 32
        [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)] // 33
        [InlineData("", false)]
        [InlineData("bay.7", false)]
        [InlineData("bay/7", false)]
        [InlineData("bay+", false)]
        [InlineData("bay 7", false)]
        public void Configuration_controller_and_cloud_apply_the_same_rule(string name, bool valid)
        {
            Assert.Equal(valid, StationName.IsValid(name));
            Assert.Equal(valid, CloudTopics.IsValidStationId(name));
            var values = new ConfigValues();
            Assert.Equal(valid, values.TrySet(ConfigTable.StationId, name, 1) == null);
            var config = new StationConfig { StationId = name };
            Assert.Equal(valid, config.Validate() == null);
        }

        [Fact]
        public void The_rule_is_stated_once_in_the_cloud_document_and_the_key_table()
        {
            Assert.Equal(StationName.RuleText, ConfigTable.Keys[ConfigTable.StationId].RangeText());
            string root = AppContext.BaseDirectory;
            while (!System.IO.File.Exists(System.IO.Path.Combine(root, "StationFirmware.sln"))) root = System.IO.Path.GetDirectoryName(root);
            string cloud = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "docs", "cloud.md"));
            Assert.Contains(StationName.RuleText, cloud);
        }

        [Fact]
        public void Times_for_people_are_utc_once_the_clock_is_set_and_since_boot_before()
        {
            var set = new SimClock(new DateTime(2026, 3, 4, 5, 6, 0, DateTimeKind.Utc));
            set.Advance(7_400);
            Assert.Equal("2026-03-04T05:06:07Z", WallClockText.Now(set));
            var unset = new SimClock(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)); // a board before network time
            unset.Advance(93_250);
            Assert.Equal("boot+93.250s", WallClockText.Now(unset));
            Assert.Equal("2026-03-04T05:06:07Z", WallClockText.Utc(new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc)));
            Assert.False(WallClockText.IsSet(new DateTime(2000, 1, 1)));
        }
    }
}
