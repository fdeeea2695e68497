using System;
using System.Text;
using Station.Core.Config;
using Station.Core.Journal;
using Xunit;

namespace Station.Console.Tests
{
    public class ConfigTests
    {
        public static TheoryData<int> IntegerKeys()
        {
            var d = new TheoryData<int>();
            for (int i = 0; i < ConfigTable.Keys.Length; i++)
                if (ConfigTable.Keys[i].Kind == ConfigKind.Integer) d.Add(i);
            return d;
        }

        [Fact]
        public void Defaults_are_consistent_and_inside_their_ranges()
        {
            var v = new ConfigValues();
            Assert.Null(v.CheckTogether());
            for (int i = 0; i < ConfigTable.Keys.Length; i++)
            {
                ConfigKey k = ConfigTable.Keys[i];
                Assert.False(string.IsNullOrEmpty(k.Help), k.Name);
                Assert.Equal(i, ConfigTable.IndexOf(k.Name));
                if (k.Kind == ConfigKind.Integer) Assert.InRange(k.DefaultNumber, k.Min, k.Max);
                // Each default survives its own check.
                var w = new ConfigValues();
                string text = k.Kind == ConfigKind.PinHash ? k.DefaultText : w.Stored(i);
                Assert.Null(w.TrySet(i, text, 5));
            }

            Assert.True(v.PinMatches("1234"));
        }

        [Theory]
        [MemberData(nameof(IntegerKeys))]
        public void Integer_keys_refuse_values_outside_the_range_and_say_the_range(int index)
        {
            ConfigKey k = ConfigTable.Keys[index];
            var v = new ConfigValues();
            string before = v.Stored(index);
            string low = v.TrySet(index, (k.Min - 1).ToString(), 0);
            string high = v.TrySet(index, (k.Max + 1).ToString(), 0);
            string word = v.TrySet(index, "fast", 0);
            foreach (string e in new[] { low, high, word })
            {
                Assert.NotNull(e);
                Assert.Contains(k.Name, e);
                Assert.Contains(k.RangeText(), e);
            }

            Assert.Equal(before, v.Stored(index));
        }

        [Fact]
        public void A_change_that_breaks_a_relation_is_refused_and_nothing_changes()
        {
            var v = new ConfigValues();
            string e = v.TrySet(ConfigTable.LiftSoftMaxMm, "600", 0);
            Assert.Equal("lift.soft_max_mm: lift.soft_max_mm (600 mm) must be below lift.travel_mm (600 mm)", e);
            Assert.Equal(560, v.Number(ConfigTable.LiftSoftMaxMm));
            Assert.NotNull(v.TrySet(ConfigTable.LiftTravelMm, "550", 0));
            Assert.Equal(600, v.Number(ConfigTable.LiftTravelMm));
            Assert.Contains("must not exceed lift.speed_mm_s", v.TrySet(ConfigTable.LiftSpeedMmS, "50", 0));
            Assert.Null(v.TrySet(ConfigTable.LiftSpeedMmS, "150", 0));
            Assert.Equal("150 mm/s", v.Show(ConfigTable.LiftSpeedMmS));
        }

        [Theory]
        [InlineData(ConfigTable.StationId, "bay-7", true)]
        [InlineData(ConfigTable.StationId, "bay 7", false)]
        [InlineData(ConfigTable.StationId, "CN-SH-0001-bay_7-abcdefghijklmno", true)]   // 32: the one rule
        [InlineData(ConfigTable.StationId, "CN-SH-0001-bay_7-abcdefghijklmnop", false)] // 33
        [InlineData(ConfigTable.StationId, "bay.7", false)]                               // '.' is no MQTT client id
        [InlineData(ConfigTable.MqttTopicPrefix, "sites/eu", false)]
        [InlineData(ConfigTable.PackTypes, "lifepo4", true)]
        [InlineData(ConfigTable.PackTypes, "lifepo4,ternary,li_titanate", true)]
        [InlineData(ConfigTable.PackTypes, "choco20", false)]
        [InlineData(ConfigTable.PackTypes, "lifepo4,#25", false)]
        [InlineData(ConfigTable.PackTypes, "lifepo4,,ternary", false)]
        [InlineData(ConfigTable.PackTypes, "lead_acid,nimh,lifepo4,limn2o4,licoo2,ternary,li_polymer,li_titanate,other,other", false)]
        [InlineData(ConfigTable.PackTypes, "lifepo4,", false)]
        [InlineData(ConfigTable.MqttHost, "broker.example.org", true)]
        [InlineData(ConfigTable.MqttHost, "broker_x", false)]
        [InlineData(ConfigTable.MaintPin, "9876", true)]
        [InlineData(ConfigTable.MaintPin, "98", false)]
        public void Text_keys_check_their_characters(int index, string value, bool ok)
        {
            var v = new ConfigValues();
            string e = v.TrySet(index, value, 7);
            Assert.Equal(ok, e == null);
            if (!ok) Assert.Contains(ConfigTable.Keys[index].Name, e);
        }

        [Fact]
        public void The_pin_is_stored_hashed_and_never_shown()
        {
            var v = new ConfigValues();
            Assert.Null(v.TrySet(ConfigTable.MaintPin, "24680", 99));
            Assert.True(v.PinMatches("24680"));
            Assert.False(v.PinMatches("1234"));
            Assert.DoesNotContain("24680", v.Show(ConfigTable.MaintPin));
            Assert.DoesNotContain("24680", v.Stored(ConfigTable.MaintPin));
            Assert.DoesNotContain("24680", Encoding.ASCII.GetString(ConfigFile.Encode(v, 1)));
        }

        [Fact]
        public void Save_and_load_round_trip_every_key()
        {
            var storage = new FakeStorage();
            var v = new ConfigValues();
            v.TrySet(ConfigTable.LiftSpeedMmS, "123", 0);
            v.TrySet(ConfigTable.StationId, "bay9", 0);
            v.TrySet(ConfigTable.MaintPin, "5555", 3);
            Assert.True(new ConfigFile(storage).Save(v));
            Assert.False(v.Unsaved);

            var loaded = new ConfigValues();
            string note = new ConfigFile(storage).Load(loaded);
            Assert.Contains("generation 1", note);
            for (int i = 0; i < ConfigTable.Keys.Length; i++) Assert.Equal(v.Stored(i), loaded.Stored(i));
            Assert.True(loaded.PinMatches("5555"));
            Assert.False(loaded.Unsaved);
        }

        [Fact]
        public void Nothing_stored_means_defaults()
        {
            var v = new ConfigValues();
            v.TrySet(ConfigTable.LiftSpeedMmS, "123", 0);
            string note = new ConfigFile(new FakeStorage()).Load(v);
            Assert.Contains("defaults", note);
            Assert.Equal(200, v.Number(ConfigTable.LiftSpeedMmS));
        }

        [Fact]
        public void Saves_alternate_slots_and_the_newest_generation_wins()
        {
            var storage = new FakeStorage();
            var file = new ConfigFile(storage);
            var v = new ConfigValues();
            for (int speed = 100; speed <= 104; speed++)
            {
                v.TrySet(ConfigTable.LiftSpeedMmS, speed.ToString(), 0);
                Assert.True(file.Save(v));
            }

            Assert.True(storage.Files.ContainsKey("config.0"));
            Assert.True(storage.Files.ContainsKey("config.1"));
            var loaded = new ConfigValues();
            new ConfigFile(storage).Load(loaded);
            Assert.Equal(104, loaded.Number(ConfigTable.LiftSpeedMmS));
        }

        [Fact]
        public void A_power_cut_at_any_byte_of_a_save_keeps_the_old_or_the_new_configuration()
        {
            var reference = new ConfigValues();
            reference.TrySet(ConfigTable.LiftSpeedMmS, "150", 0);
            int length = ConfigFile.Encode(reference, 2).Length;
            for (int cut = 0; cut <= length; cut++)
            {
                var storage = new FakeStorage();
                var file = new ConfigFile(storage);
                var v = new ConfigValues();
                v.TrySet(ConfigTable.LiftSpeedMmS, "120", 0);
                Assert.True(file.Save(v));                 // generation 1: the old configuration
                v.TrySet(ConfigTable.LiftSpeedMmS, "150", 0);
                storage.TearNextReplaceAt = cut;
                Assert.Throws<PowerCut>(() => file.Save(v)); // generation 2 torn at byte `cut`

                var after = new ConfigValues();
                new ConfigFile(storage).Load(after);
                int speed = after.Number(ConfigTable.LiftSpeedMmS);
                Assert.True(speed == 120 || (speed == 150 && cut == length), "cut at " + cut + " gave " + speed);
                Assert.Null(after.CheckTogether());
            }
        }

        [Fact]
        public void A_flipped_byte_in_the_newest_slot_falls_back_to_the_previous_save()
        {
            var storage = new FakeStorage();
            var file = new ConfigFile(storage);
            var v = new ConfigValues();
            v.TrySet(ConfigTable.LiftSpeedMmS, "120", 0);
            file.Save(v);
            v.TrySet(ConfigTable.LiftSpeedMmS, "150", 0);
            file.Save(v);
            byte[] newest = storage.Files["config.1"];
            newest[40] ^= 0x01;
            var after = new ConfigValues();
            new ConfigFile(storage).Load(after);
            Assert.Equal(120, after.Number(ConfigTable.LiftSpeedMmS));
        }

        [Fact]
        public void Oversized_or_garbage_files_are_ignored()
        {
            var storage = new FakeStorage();
            storage.Files["config.0"] = new byte[ConfigFile.MaxFileBytes + 1];
            var rng = new Random(5);
            var junk = new byte[500];
            rng.NextBytes(junk);
            storage.Files["config.1"] = junk;
            var v = new ConfigValues();
            Assert.Contains("defaults", new ConfigFile(storage).Load(v));
            Assert.Null(v.CheckTogether());
        }

        [Fact]
        public void A_refused_write_reports_false_and_keeps_the_generation()
        {
            var storage = new FakeStorage();
            var file = new ConfigFile(storage);
            var v = new ConfigValues();
            Assert.True(file.Save(v));
            v.TrySet(ConfigTable.LiftSpeedMmS, "111", 0);
            storage.FailNextReplace = true;
            Assert.False(file.Save(v));
            Assert.Equal(1, file.Generation);
            Assert.True(v.Unsaved);
        }

        [Fact]
        public void A_stored_value_out_of_range_keeps_the_default_and_says_so()
        {
            var storage = new FakeStorage();
            string body = "stationfw-config 1\ngen=3\nlift.speed_mm_s=9999\nfuture.key=1\nlock.count=2\n";
            byte[] b = Encoding.ASCII.GetBytes(body);
            string text = body + "crc=" + HexText.FromUInt(Crc32.Compute(b, 0, b.Length)) + "\n";
            storage.Files["config.0"] = Encoding.ASCII.GetBytes(text);
            var v = new ConfigValues();
            string note = new ConfigFile(storage).Load(v);
            Assert.Contains("generation 3", note);
            Assert.Contains("lift.speed_mm_s", note);
            Assert.Contains("future.key", note);
            Assert.Equal(200, v.Number(ConfigTable.LiftSpeedMmS));
            Assert.Equal(2, v.Number(ConfigTable.LockCount));
        }
    }
}

namespace Station.Console.Tests
{
    public class ConfigMappingTests
    {
        [Fact]
        public void Copy_carries_every_StationConfig_field()
        {
            var source = new Station.Core.StationConfig();
            int n = 1;
            foreach (var f in typeof(Station.Core.StationConfig).GetFields())
            {
                if (f.FieldType == typeof(int)) f.SetValue(source, 1000 + n++);
                else if (f.FieldType == typeof(double)) f.SetValue(source, 2000.5 + n++);
                else if (f.FieldType == typeof(string)) f.SetValue(source, "s" + n++);
                else Assert.Fail("StationConfig field of a type the test does not know: " + f.Name);
            }

            var copy = Station.Core.Config.ConfigMapping.Copy(source);
            foreach (var f in typeof(Station.Core.StationConfig).GetFields())
                Assert.True(Equals(f.GetValue(source), f.GetValue(copy)), "ConfigMapping.Copy misses " + f.Name);
        }

        [Fact]
        public void Keys_map_onto_StationConfig_and_back()
        {
            var values = new Station.Core.Config.ConfigValues();
            Assert.Null(values.TrySet(Station.Core.Config.ConfigTable.LiftSoftMaxMm, "540", 0));
            Assert.Null(values.TrySet(Station.Core.Config.ConfigTable.MinSocPct, "85", 0));
            Assert.Null(values.TrySet(Station.Core.Config.ConfigTable.StationId, "bay9", 0));
            var c = Station.Core.Config.ConfigMapping.ToStationConfig(values, new Station.Core.StationConfig());
            Assert.Null(c.Validate());
            Assert.Equal(540, c.SoftLimitMaxMm);
            Assert.Equal(85, c.MinSocPct);
            Assert.Equal("bay9", c.StationId);
            var back = new Station.Core.Config.ConfigValues();
            Assert.Null(Station.Core.Config.ConfigMapping.FromStationConfig(c, back));
            for (int i = 0; i < Station.Core.Config.ConfigTable.Keys.Length; i++)
                if (i != Station.Core.Config.ConfigTable.MaintPin) Assert.Equal(values.Stored(i), back.Stored(i));
        }

        [Fact]
        public void The_probation_keys_reach_the_update_agent_settings_and_refuse_what_would_never_confirm_or_never_roll_back()
        {
            var values = new ConfigValues();
            var defaults = ConfigMapping.ToStationConfig(values, new Station.Core.StationConfig());
            var builtIn = new Station.Core.StationConfig();
            Assert.Equal((builtIn.ProbationS, builtIn.CloudDeadlineS), (defaults.ProbationS, defaults.CloudDeadlineS));
            Assert.Null(values.TrySet(ConfigTable.OtaProbationS, "1800", 0));
            Assert.Null(values.TrySet(ConfigTable.OtaCloudDeadlineS, "120", 0));
            var c = ConfigMapping.ToStationConfig(values, new Station.Core.StationConfig());
            Assert.Equal((1800, 120), (c.ProbationS, c.CloudDeadlineS));
            Assert.NotNull(values.TrySet(ConfigTable.OtaProbationS, "10", 0));
            Assert.NotNull(values.TrySet(ConfigTable.OtaCloudDeadlineS, "0", 0));
            Assert.NotNull(values.TrySet(ConfigTable.OtaCloudDeadlineS, "99999", 0));
            c.ProbationS = 5;
            Assert.Contains("ProbationS", c.Validate());
        }

        [Fact]
        public void Pack_types_and_temperature_keys_map_onto_the_BMS_check_and_their_defaults_are_the_checks()
        {
            var values = new ConfigValues();
            var fromTable = Station.Core.Can.BmsCheckConfig.From(values);
            var builtIn = new Station.Core.Can.BmsCheckConfig();
            Assert.Equal(builtIn.AcceptedBatteryTypes, fromTable.AcceptedBatteryTypes);
            Assert.Equal(builtIn.MinTempC, fromTable.MinTempC);
            Assert.Equal(builtIn.MaxTempC, fromTable.MaxTempC);
            Assert.Null(values.TrySet(ConfigTable.PackTypes, "li_titanate,other", 0));
            Assert.Null(values.TrySet(ConfigTable.PackMinTempC, "-5", 0));
            Assert.Null(values.TrySet(ConfigTable.PackMaxTempC, "45", 0));
            var b = Station.Core.Can.BmsCheckConfig.From(values);
            Assert.Equal(new[] { 8, 0xFF }, b.AcceptedBatteryTypes);
            Assert.Equal(-5, b.MinTempC);
            Assert.Equal(45, b.MaxTempC);
            Assert.Null(b.Validate());
            Assert.Equal("gate.pack_min_temp_c: 51 is out of range; expected -50..50 C", values.TrySet(ConfigTable.PackMinTempC, "51", 0));
            Assert.Equal("gate.pack_min_temp_c: gate.pack_min_temp_c (45 C) must be below gate.pack_max_temp_c (45 C)",
                values.TrySet(ConfigTable.PackMinTempC, "45", 0));
            Assert.Equal(-5, values.Number(ConfigTable.PackMinTempC));
        }

        [Fact]
        public void A_stored_file_with_an_old_pack_type_word_keeps_the_default_and_says_so()
        {
            // A file saved before pack.types named GB/T battery types: the old word is refused, the default kept, the rest loads.
            var storage = new FakeStorage();
            string body = "stationfw-config 1\ngen=2\npack.types=choco20,choco25\ngate.min_soc_pct=85\n";
            byte[] b = Encoding.ASCII.GetBytes(body);
            storage.Files["config.0"] = Encoding.ASCII.GetBytes(body + "crc=" + HexText.FromUInt(Crc32.Compute(b, 0, b.Length)) + "\n");
            var v = new ConfigValues();
            string note = new ConfigFile(storage).Load(v);
            Assert.Contains("pack.types: 'choco20' is not one of the choices", note);
            Assert.Contains("(default kept)", note);
            Assert.Equal("lifepo4,ternary", v.Text(ConfigTable.PackTypes));
            Assert.Equal(85, v.Number(ConfigTable.MinSocPct));
        }

        [Fact]
        public void Console_defaults_describe_the_core_defaults()
        {
            var fromCore = new Station.Core.Config.ConfigValues();
            Station.Core.Config.ConfigMapping.FromStationConfig(new Station.Core.StationConfig(), fromCore);
            var defaults = new Station.Core.Config.ConfigValues();
            for (int i = 0; i < Station.Core.Config.ConfigTable.Keys.Length; i++)
                if (i != Station.Core.Config.ConfigTable.MaintPin)
                    Assert.True(defaults.Stored(i) == fromCore.Stored(i), Station.Core.Config.ConfigTable.Keys[i].Name + ": console default "
                        + defaults.Stored(i) + ", core default " + fromCore.Stored(i));
        }
    }
}
