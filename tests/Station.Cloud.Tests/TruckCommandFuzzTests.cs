using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Station.Core;
using Station.Core.Config;
using Station.Core.Journal;
using Station.Core.Update;
using Station.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Station.Cloud.Tests
{
    /// <summary>The command fuzz (<see cref="CommandFuzz"/>) on a truck bay composed as the board composes it: the update
    /// agent on the cloud link with its chunks on the update topic, and config.set saved to the stored configuration.
    /// Mutated commands and chunks never throw; a refused one changes nothing; no bundle here is signed, so the agent
    /// never asks for a restart nor names a trial image; an accepted config.set changes exactly its key, and the stored
    /// configuration loads back to what the station holds.</summary>
    public class TruckCommandFuzzTests
    {
        const string Exp = "2026-11-21T08:30:00Z"; // the simulated clock starts at 08:00 that day
        const int OfferedSize = 20000;

        // Valid commands as docs/cloud.md writes them, for the fleet's truck (unit-TRK1, blocks at 1-3).
        static readonly string[] Seeds =
        {
            "{\"v\":2,\"mid\":\"b-17\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"unit-TRK1\",\"positions\":[1,3],\"accepts\":\"qiji75\"}",
            "{\"v\":2,\"mid\":\"b-18\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"unit-TRK1\",\"positions\":[1,2,3]}",
            "{\"v\":2,\"mid\":\"b-19\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"unit-TRK1\",\"positions\":[2],\"accepts2\":\"qiji75\"}",
            "{\"v\":1,\"mid\":\"u1\",\"cmd\":\"update.offer\",\"version\":\"0.2.0\",\"size\":" + OfferedSize + "}",
            "{\"v\":1,\"mid\":\"u2\",\"cmd\":\"update.cancel\"}",
            "{\"v\":1,\"mid\":\"u3\",\"cmd\":\"update.query\"}",
            "{\"v\":1,\"mid\":\"m1\",\"cmd\":\"station.status\"}",
            "{\"v\":1,\"mid\":\"m2\",\"cmd\":\"swap.cancel\"}",
            "{\"v\":1,\"mid\":\"m3\",\"cmd\":\"config.get\",\"key\":\"gate.min_soc_pct\"}",
            "{\"v\":1,\"mid\":\"m4\",\"cmd\":\"config.set\",\"key\":\"gate.min_soc_pct\",\"value\":80}",
            "{\"v\":1,\"mid\":\"m5\",\"cmd\":\"fault.reset\",\"code\":12}",
            "{\"v\":1,\"mid\":\"m6\",\"cmd\":\"maintenance.enter\"}",
        };

        readonly ITestOutputHelper _out;

        public TruckCommandFuzzTests(ITestOutputHelper output) { _out = output; }

        static CloudBay Build()
        {
            var b = new CloudBay(truck: true, updates: true, configFile: true, telemetryPeriodMs: int.MaxValue / 2);
            b.Arrive();
            b.Quiet();
            return b;
        }

        [Fact]
        public void Mutated_commands_and_update_chunks_at_a_truck_bay_never_throw_refused_ones_change_nothing_and_nothing_installs()
        {
            var b = Build();
            var fuzz = new CommandFuzz(b);
            var rng = new Random(2712);
            byte[] bundle = new byte[OfferedSize];
            new Random(2713).NextBytes(bundle); // not a bundle: a download of it ends refused, never installed
            int authorized = 0, offered = 0, downloaded = 0;
            for (int round = 0; round < 3000; round++)
            {
                UpdateAgent agent = b.Update.Agent;
                UpdateState stateBefore = agent.State;
                if (rng.Next(3) == 0) fuzz.Chunk(round, ChunkOf(bundle, agent, rng));
                else
                {
                    var reply = fuzz.Command(round, CommandFuzz.Payload(Seeds, round, rng), rng.Next(25) == 0);
                    if (reply != null)
                    {
                        string cmd = reply.Value.GetProperty("cmd").GetString();
                        if (cmd == "update.offer") offered++;
                        if (b.St.Controller.State != SwapState.Idle) authorized++;
                        fuzz.Undo(cmd, "round " + round);
                    }
                }
                // A completed download is checked in slices: let the check end before the next round judges "unchanged".
                b.Step(2000, () => agent.State != UpdateState.Verifying);
                b.Tick(); // the link samples the agent's status once a period: its record belongs to this round
                if (agent.State == UpdateState.VerificationFailed && stateBefore != UpdateState.VerificationFailed)
                {
                    // A whole download of bytes that are no bundle: refused and deleted, never a trial image.
                    downloaded++;
                    Assert.True(b.St.Storage.Length(BootRecord.SlotFile(0)) < 0 && b.St.Storage.Length(BootRecord.SlotFile(1)) < 0, "round " + round + ": a refused bundle was kept");
                }
                Assert.True(agent.Boot.TrialSlot < 0, "round " + round + ": the loader's record names a trial image " + agent.UpdateStatus);
                b.Link.AckAll();
            }
            _out.WriteLine($"3000 rounds: {fuzz.Refused} commands refused, {fuzz.Accepted} accepted ({authorized} bookings, {offered} offers), {fuzz.ChunksRefused} chunks refused, {fuzz.ChunksStored} stored, {downloaded} whole downloads refused");
            Assert.True(fuzz.Refused > 1000, "refused " + fuzz.Refused);
            Assert.True(fuzz.Accepted > 40, "accepted " + fuzz.Accepted);
            Assert.True(authorized > 3, "some truck bookings must be taken: " + authorized);
            Assert.True(offered > 3, "some offers must be taken: " + offered);
            Assert.True(downloaded > 0, "no download was ever completed: the verification after it was not reached");
            Assert.True(fuzz.ChunksRefused > 200 && fuzz.ChunksStored > 20, "chunks refused " + fuzz.ChunksRefused + ", stored " + fuzz.ChunksStored);
            foreach (string r in new[] { "update_refused", "malformed", "out_of_range", "chunk_corrupt", "chunk_out_of_order", "chunk_too_large", "chunk_malformed" })
                Assert.True(fuzz.Seen.Contains(r), "the mutations never reached " + r + " (seen: " + string.Join(",", fuzz.Seen) + ")");
            Assert.Equal(-1, b.Update.Agent.Boot.TrialSlot);
            Assert.Equal(BootRecord.Factory, b.Update.Agent.Boot.ConfirmedSlot);
        }

        // The next chunk a well-behaved sender would send (from the offset the agent asks for, its CRC-32), mutated but one
        // in three.
        static byte[] ChunkOf(byte[] bundle, UpdateAgent agent, Random rng)
        {
            int at = Math.Min(agent.Received, bundle.Length - 1);
            int n = Math.Min(1 + rng.Next(ChunkReceiver.MaxChunk), bundle.Length - at);
            byte[] p = UpdateChunks.Of(bundle, at, n);
            return rng.Next(3) == 0 ? p : HostileBytes.Mutate(p, rng);
        }

        [Fact]
        public void Mutated_config_set_in_remote_maintenance_changes_exactly_its_key_and_the_stored_configuration_loads_back()
        {
            var b = Build();
            var fuzz = new CommandFuzz(b);
            var rng = new Random(2714);
            // config.set of every key, site-only ones too: the value the station holds (numbers bare, text quoted) and,
            // for a number, the middle of its range.
            var seeds = new List<string>();
            for (int i = 0; i < ConfigTable.Keys.Length; i++)
            {
                ConfigKey k = ConfigTable.Keys[i];
                string v = b.Sc.Values.Stored(i);
                bool number = int.TryParse(v, out _);
                seeds.Add(ConfigSet(k.Name, number ? v : JsonSerializer.Serialize(v)));
                if (number) seeds.Add(ConfigSet(k.Name, ((k.Min + k.Max) / 2).ToString()));
            }
            seeds.Add("{\"v\":1,\"mid\":\"m\",\"cmd\":\"maintenance.exit\"}");
            string[] all = seeds.ToArray();
            int changed = 0;
            for (int round = 0; round < 2000; round++)
            {
                if (!b.Sc.Maintenance)
                {
                    Assert.True(b.Sc.EnterMaintenance().Accepted);
                    b.Cl.Tick(); // the state it publishes belongs to this, not to the round
                }
                var before = Values(b.Sc.Values);
                var reply = fuzz.Command(round, CommandFuzz.Payload(all, round, rng), false);
                b.Link.AckAll();
                if (reply == null || reply.Value.GetProperty("cmd").GetString() != "config.set") continue;
                string what = "round " + round + ": " + reply.Value;
                string msg = reply.Value.GetProperty("msg").GetString();
                int key = ConfigTable.IndexOf(msg.Substring(0, msg.IndexOf(" = ", StringComparison.Ordinal)));
                var after = Values(b.Sc.Values);
                var diff = Enumerable.Range(0, after.Length).Where(i => after[i] != before[i]).ToArray();
                Assert.True(diff.Length == 0 || (diff.Length == 1 && diff[0] == key), what + ": changed keys " + string.Join(",", diff.Select(i => ConfigTable.Keys[i].Name)));
                Assert.Contains(" = " + b.Sc.Values.Show(key) + " (", msg);
                var loaded = new ConfigValues();
                Assert.StartsWith("config: loaded generation", new ConfigFile(b.St.Storage).Load(loaded));
                Assert.True(after.SequenceEqual(Values(loaded)), what + ": the stored configuration does not load back to what the station holds");
                if (diff.Length == 0) continue;
                changed++;
                // Put the value back (a legitimate set), so the next round starts from the same configuration.
                Assert.True(b.Sc.SetConfig(ConfigTable.Keys[key].Name, before[key]).Accepted, what + ": could not restore " + before[key]);
            }
            _out.WriteLine($"2000 rounds: {fuzz.Refused} refused, {fuzz.Accepted} accepted, {changed} changed a key");
            Assert.True(fuzz.Refused > 1200, "refused " + fuzz.Refused);
            Assert.True(changed > 20, "some values must be taken: " + changed);
            foreach (string r in new[] { "out_of_range", "not_remotely_settable", "unknown_key", "wrong_type", "malformed" })
                Assert.True(fuzz.Seen.Contains(r), "the mutations never reached " + r + " (seen: " + string.Join(",", fuzz.Seen) + ")");
        }

        static string ConfigSet(string key, string json) => "{\"v\":1,\"mid\":\"c\",\"cmd\":\"config.set\",\"key\":\"" + key + "\",\"value\":" + json + "}";

        static string[] Values(ConfigValues v) => Enumerable.Range(0, ConfigTable.Keys.Length).Select(v.Stored).ToArray();
    }
}
