using System;
using System.Collections.Generic;
using System.Text;
using Station.Core.Config;
using Station.Core.Journal;
using Station.Tests.Shared;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>A configuration file a technician or a bad card hands over, mutated with a fixed seed: loading never throws,
    /// never takes damaged bytes for a configuration, never loads a value outside its range, and the good copy in the
    /// other slot survives the load and the next save.</summary>
    public class StoredConfigFuzzTests
    {
        static ConfigValues Good()
        {
            var v = new ConfigValues();
            Assert.Null(v.TrySet(ConfigTable.IndexOf("gate.min_soc_pct"), "77", 1));
            Assert.Null(v.TrySet(ConfigTable.IndexOf("station.id"), "bay42", 1));
            return v;
        }

        static string Stored(ConfigValues v)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < ConfigTable.Keys.Length; i++) sb.Append(v.Stored(i)).Append('\n');
            return sb.ToString();
        }

        [Fact]
        public void Damaged_bytes_in_the_newer_slot_fall_back_to_the_good_one_and_it_survives_the_next_save()
        {
            var good = Good();
            byte[] goodBytes = ConfigFile.Encode(good, 5);
            var newer = Good();
            Assert.Null(newer.TrySet(ConfigTable.IndexOf("gate.min_soc_pct"), "90", 1));
            byte[] newerBytes = ConfigFile.Encode(newer, 6);
            var rng = new Random(6301);
            int fellBack = 0;
            for (int round = 0; round < 3000; round++)
            {
                byte[] damaged = HostileBytes.Mutate(newerBytes, rng);
                var storage = new FakeStorage();
                int goodSlot = rng.Next(2);
                storage.Files[ConfigFile.SlotNames[goodSlot]] = (byte[])goodBytes.Clone();
                storage.Files[ConfigFile.SlotNames[1 - goodSlot]] = damaged;
                var file = new ConfigFile(storage);
                var loaded = new ConfigValues();
                string what = "round " + round + ": " + Encoding.ASCII.GetString(damaged, 0, Math.Min(damaged.Length, 200));

                string note = null;
                Exception e = Record.Exception(() => note = file.Load(loaded));
                Assert.True(e == null, what + "\n" + e);
                Assert.False(string.IsNullOrEmpty(note));
                // Only a mutation that undid itself keeps the CRC: the resealed case is the next test's.
                if (Crc32Holds(damaged)) continue;
                fellBack++;
                Assert.True(file.Generation == 5, what + ": loaded generation " + file.Generation);
                Assert.Equal(Stored(good), Stored(loaded));
                Assert.True(file.Save(loaded), what);
                Assert.Equal(goodBytes, storage.Files[ConfigFile.SlotNames[goodSlot]]); // the save went to the damaged slot
                var again = new ConfigValues();
                new ConfigFile(storage).Load(again);
                Assert.Equal(Stored(good), Stored(again));
            }
            Assert.True(fellBack > 2500, "fell back " + fellBack);
        }

        [Fact]
        public void Resealed_hostile_files_load_only_values_inside_their_ranges()
        {
            // A crafted file with a correct CRC reaches the parser: whatever it holds, nothing out of range gets in.
            byte[] valid = ConfigFile.Encode(Good(), 5);
            var rng = new Random(6302);
            int taken = 0;
            for (int round = 0; round < 1500; round++)
            {
                byte[] body = HostileBytes.Mutate(valid[..^13], rng);
                byte[] file = Reseal(body);
                var storage = new FakeStorage();
                storage.Files[ConfigFile.SlotNames[0]] = file;
                var cf = new ConfigFile(storage);
                var loaded = new ConfigValues();
                string what = "round " + round + ": " + Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 200));
                Exception e = Record.Exception(() => cf.Load(loaded));
                Assert.True(e == null, what + "\n" + e);
                if (cf.Generation > 0) taken++;
                AssertInRange(loaded, what);
                // A save after such a load never lands on the hostile file's slot while it is the one in use.
                if (cf.Generation > 0) { Assert.True(cf.Save(loaded)); Assert.Equal(file, storage.Files[ConfigFile.SlotNames[0]]); }
            }
            Assert.True(taken > 150, "loaded " + taken);
        }

        static void AssertInRange(ConfigValues v, string what)
        {
            Assert.True(v.CheckTogether() == null, what + ": " + v.CheckTogether());
            for (int i = 0; i < ConfigTable.Keys.Length; i++)
            {
                ConfigKey k = ConfigTable.Keys[i];
                var fresh = new ConfigValues();
                Assert.True(fresh.TrySetStored(i, v.Stored(i)) == null, what + ": " + k.Name + " = " + v.Stored(i) + " loaded but not valid");
                if (k.Kind == ConfigKind.Integer) Assert.InRange(v.Number(i), k.Min, k.Max);
            }
        }

        static bool Crc32Holds(byte[] file)
        {
            if (file.Length < 13 || file[^1] != (byte)'\n') return false;
            string trailer = Encoding.ASCII.GetString(file, file.Length - 13, 12);
            return trailer == "crc=" + HexText.FromUInt(Crc32.Compute(file, 0, file.Length - 13));
        }

        static byte[] Reseal(byte[] body)
        {
            var list = new List<byte>(body);
            list.AddRange(Encoding.ASCII.GetBytes("crc=" + HexText.FromUInt(Crc32.Compute(body, 0, body.Length)) + "\n"));
            return list.ToArray();
        }
    }
}
