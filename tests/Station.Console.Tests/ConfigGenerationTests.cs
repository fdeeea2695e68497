using Station.Core.Config;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>The generation number of a stored configuration can never make a save unreadable: it stays inside what
    /// the reader parses (1..999,999,999) and wraps, and the newer of the two slots is found across the wrap.</summary>
    public class ConfigGenerationTests
    {
        [Fact]
        public void Saving_after_the_highest_generation_stays_readable_after_a_reboot()
        {
            var storage = new FakeStorage();
            var v = new ConfigValues();
            v.ResetToDefaults();
            storage.Files["config.0"] = ConfigFile.Encode(v, ConfigFile.MaxGeneration); // hostile or just very old
            var file = new ConfigFile(storage);
            var loaded = new ConfigValues();
            file.Load(loaded);
            int soft = ConfigTable.IndexOf("lift.soft_max_mm");
            Assert.Null(loaded.TrySet(soft, "500", 1));
            Assert.Null(loaded.TrySet(ConfigTable.IndexOf("maint.pin"), "9876", 1));
            Assert.True(file.Save(loaded));
            Assert.Equal(1, file.Generation);
            Assert.True(file.Save(loaded));
            Assert.Equal(2, file.Generation);

            var after = new ConfigValues();
            string note = new ConfigFile(storage).Load(after);
            Assert.Contains("generation 2", note);
            Assert.Equal("500", after.Stored(soft));
            Assert.True(after.PinMatches("9876"));
        }

        [Theory]
        [InlineData(999_999_999, 1, 1)]
        [InlineData(1, 999_999_999, 1)]
        [InlineData(999_999_998, 999_999_999, 999_999_999)]
        [InlineData(41, 42, 42)]
        public void The_newer_slot_wins_across_the_wrap(int gen0, int gen1, int expected)
        {
            var storage = new FakeStorage();
            var a = new ConfigValues();
            a.TrySet(ConfigTable.LiftSpeedMmS, "101", 0);
            var b = new ConfigValues();
            b.TrySet(ConfigTable.LiftSpeedMmS, "102", 0);
            storage.Files["config.0"] = ConfigFile.Encode(a, gen0);
            storage.Files["config.1"] = ConfigFile.Encode(b, gen1);
            var file = new ConfigFile(storage);
            var loaded = new ConfigValues();
            file.Load(loaded);
            Assert.Equal(expected, file.Generation);
            Assert.Equal(expected == gen0 ? 101 : 102, loaded.Number(ConfigTable.LiftSpeedMmS));
        }
    }
}
