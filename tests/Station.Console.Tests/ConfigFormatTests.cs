using System;
using System.IO;
using System.Text;
using Station.Core.Config;
using Station.Core.Journal;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>The stored configuration across firmware versions: a golden file written by today's firmware is read by
    /// every later one, and a file of a newer format (left by a newer firmware before a rollback) is read by the keys this
    /// firmware knows, reported, and never overwritten.</summary>
    public class ConfigFormatTests
    {
        static readonly string Golden = Path.Combine(FindRoot(), "tests", "Station.Console.Tests", "Golden", "config-format1.txt");

        static string FindRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "StationFirmware.sln"))) dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("StationFirmware.sln not found");
        }

        // Today's configuration with a few keys away from their defaults, saved as generation 7.
        static ConfigValues Sample()
        {
            var v = new ConfigValues();
            v.ResetToDefaults();
            Assert.Null(v.TrySet(ConfigTable.LiftSpeedMmS, "101", 0));
            Assert.Null(v.TrySet(ConfigTable.IndexOf("lift.soft_max_mm"), "500", 0));
            Assert.Null(v.TrySet(ConfigTable.IndexOf("station.id"), "golden-01", 0));
            return v;
        }

        // A file as a later format would write it: its header's version, an extra key, a valid CRC.
        static byte[] NewerFile(int generation)
        {
            string text = Encoding.ASCII.GetString(ConfigFile.Encode(Sample(), generation));
            string body = text.Substring(0, text.LastIndexOf("crc=", StringComparison.Ordinal))
                .Replace("stationfw-config " + ConfigFile.FormatVersion, "stationfw-config " + (ConfigFile.FormatVersion + 1))
                + "lift.future_key=7\n";
            byte[] b = Encoding.ASCII.GetBytes(body);
            return Encoding.ASCII.GetBytes(body + "crc=" + Crc32.Compute(b, 0, b.Length).ToString("x8") + "\n");
        }

        // Keys are rows appended to the table, so a later firmware writes the golden file's lines unchanged and in the
        // same order, then the lines of the keys added since, then its own crc line.
        [Fact]
        public void Todays_firmware_writes_the_golden_configurations_lines_unchanged_with_new_keys_after_them()
        {
            byte[] today = ConfigFile.Encode(Sample(), 7);
            if (Environment.GetEnvironmentVariable("STATION_UPDATE_GOLDEN") == "1") File.WriteAllBytes(Golden, today);
            Assert.True(File.Exists(Golden), Golden + " missing (STATION_UPDATE_GOLDEN=1 writes it)");
            string[] golden = Encoding.ASCII.GetString(File.ReadAllBytes(Golden)).TrimEnd('\n').Split('\n');
            string[] now = Encoding.ASCII.GetString(today).TrimEnd('\n').Split('\n');
            Assert.StartsWith("crc=", golden[golden.Length - 1]);
            Assert.StartsWith("crc=", now[now.Length - 1]);
            Assert.True(now.Length >= golden.Length, "today's file has fewer lines than the golden one");
            for (int i = 0; i < golden.Length - 1; i++) Assert.Equal(golden[i], now[i]);
            for (int i = golden.Length - 1; i < now.Length - 1; i++)
                Assert.True(ConfigTable.IndexOf(now[i].Substring(0, Math.Max(0, now[i].IndexOf('=')))) >= 0, "not a key line: " + now[i]);
        }

        [Fact]
        public void The_golden_configuration_loads_with_its_values()
        {
            var storage = new FakeStorage();
            storage.Files["config.1"] = File.ReadAllBytes(Golden);
            var file = new ConfigFile(storage);
            var loaded = new ConfigValues();
            string note = file.Load(loaded);
            Assert.Equal("config: loaded generation 7 from config.1", note);
            Assert.Equal(101, loaded.Number(ConfigTable.LiftSpeedMmS));
            Assert.Equal("500", loaded.Stored(ConfigTable.IndexOf("lift.soft_max_mm")));
            Assert.Equal("golden-01", loaded.Text(ConfigTable.IndexOf("station.id")));
        }

        [Fact]
        public void A_newer_format_is_read_by_its_known_keys_reported_and_never_overwritten()
        {
            var storage = new FakeStorage();
            byte[] newer = NewerFile(7);
            storage.Files["config.0"] = newer;
            var file = new ConfigFile(storage);
            var loaded = new ConfigValues();
            string note = file.Load(loaded);
            Assert.Contains("written by format " + (ConfigFile.FormatVersion + 1), note);
            Assert.Equal(101, loaded.Number(ConfigTable.LiftSpeedMmS));
            Assert.Equal("golden-01", loaded.Text(ConfigTable.IndexOf("station.id")));

            // Two saves on the older firmware: the newer file stays byte for byte, and the older firmware reads its own.
            Assert.Null(loaded.TrySet(ConfigTable.LiftSpeedMmS, "102", 0));
            Assert.True(file.Save(loaded));
            Assert.Null(loaded.TrySet(ConfigTable.LiftSpeedMmS, "103", 0));
            Assert.True(file.Save(loaded));
            Assert.Equal(newer, storage.Files["config.0"]);
            var again = new ConfigValues();
            new ConfigFile(storage).Load(again);
            Assert.Equal(103, again.Number(ConfigTable.LiftSpeedMmS));
        }

        [Theory]
        [InlineData("stationfw-config 0")]
        [InlineData("stationfw-config x")]
        [InlineData("stationfw-config")]
        [InlineData("stationfw-conf 1")]
        public void A_header_that_is_no_format_is_damage(string header)
        {
            string text = Encoding.ASCII.GetString(ConfigFile.Encode(Sample(), 7));
            string body = header + text.Substring(text.IndexOf('\n'), text.LastIndexOf("crc=", StringComparison.Ordinal) - text.IndexOf('\n'));
            byte[] b = Encoding.ASCII.GetBytes(body);
            var storage = new FakeStorage();
            storage.Files["config.0"] = Encoding.ASCII.GetBytes(body + "crc=" + Crc32.Compute(b, 0, b.Length).ToString("x8") + "\n");
            var loaded = new ConfigValues();
            Assert.Equal("config: no valid stored configuration; using defaults", new ConfigFile(storage).Load(loaded));
        }
    }
}
