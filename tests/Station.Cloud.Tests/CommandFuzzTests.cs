using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Station.Core;
using Station.Core.Cloud;
using Station.Fleet;
using Station.Hal.Host;
using Station.Tests.Shared;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>Commands are the cloud's (and an attacker's) way in: the documented examples, mutated with a fixed seed
    /// (byte flips, truncation, repeated members, huge numbers, deep nesting, odd UTF-8, wrong types, oversize), go through
    /// the real link and station on a simulated bay with a positioned vehicle. A refused command must leave the controller,
    /// the inventory, the configuration and the outbox (but for its one audit record) as they were and switch no output;
    /// every command on the station's topic gets exactly one reply, valid JSON, with a reason from docs/cloud.md.</summary>
    public class CommandFuzzTests
    {
        const string Exp = "2026-11-21T08:30:00Z"; // the simulated clock starts at 08:00 that day

        // Valid commands as docs/cloud.md writes them (expiry moved into the simulated day), one per table row.
        static readonly string[] Seeds =
        {
            "{\"v\":1,\"mid\":\"bk-20261121-0042\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"LSV123\",\"pack\":\"P-0077\",\"by\":\"booking-svc\"}",
            "{\"v\":2,\"mid\":\"b-17\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"TRK-0042\",\"positions\":[1,3],\"accepts\":\"qiji75\",\"accepts3\":\"partner-a,partner-b\"}",
            "{\"v\":1,\"mid\":\"m-2\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"LSV123\",\"accepts\":\"choco25-lfp,choco25-nmc\"}",
            "{\"v\":1,\"mid\":\"m0\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"LSV123\"}",
            "{\"v\":1,\"mid\":\"m1\",\"cmd\":\"station.status\"}",
            "{\"v\":1,\"mid\":\"m2\",\"cmd\":\"swap.cancel\"}",
            "{\"v\":1,\"mid\":\"m3\",\"cmd\":\"config.get\",\"key\":\"gate.min_soc_pct\"}",
            "{\"v\":1,\"mid\":\"m4\",\"cmd\":\"config.set\",\"key\":\"gate.min_soc_pct\",\"value\":80}",
            "{\"v\":1,\"mid\":\"m5\",\"cmd\":\"fault.reset\",\"code\":12}",
            "{\"v\":1,\"mid\":\"u1\",\"cmd\":\"update.offer\",\"version\":\"0.2.0\",\"size\":48211}",
            "{\"v\":1,\"mid\":\"m6\",\"cmd\":\"maintenance.enter\"}",
            "{\"v\":1,\"mid\":\"m7\",\"cmd\":\"station.rebirth\",\"by\":\"op:anna\"}",
        };

        sealed class Bay
        {
            public SimStation St;
            public FakeLink Link;
            public CloudLink Cloud;
            public StationCloud Sc;
        }

        static Bay Build()
        {
            var st = new SimStation("unit", new MqttLinkOptions { Port = 1, ClientId = "unit" }, new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc), 0, false, 0);
            st.Controller.Start();
            Assert.True(st.Bay.SeedInventory(st.Controller).Accepted);
            var link = new FakeLink();
            var sc = new StationCloud(st.Controller, st.Clock);
            var cl = new CloudLink(link, new TestStorage(), st.Clock, sc, new CloudLinkConfig { StationId = "unit", TelemetryPeriodMs = int.MaxValue / 2 });
            sc.Attach(cl);
            cl.Start();
            link.SetConnected(true);
            var b = new Bay { St = st, Link = link, Cloud = cl, Sc = sc };
            st.Controller.Home();
            Step(b, () => st.Controller.State == SwapState.Idle);
            st.Bay.ArriveVehicle("LSV123", "VP1");
            Step(b, () => st.Controller.Interlocks.VehiclePositioned);
            cl.Tick();
            link.AckAll();
            return b;
        }

        static void Step(Bay b, Func<bool> until)
        {
            for (int i = 0; i < 12000 && !until(); i++) { b.St.Clock.Advance(10); b.St.Bay.Step(10); b.St.Controller.Tick(); }
            Assert.True(until());
        }

        // Everything a refused command must leave alone.
        static string Snapshot(Bay b)
        {
            var c = b.St.Controller;
            var sb = new StringBuilder();
            sb.Append(c.State).Append('|').Append(c.LatchedFault).Append('|').Append(c.RemoteMaintenance).Append('|').Append(c.MaintenanceHold)
              .Append('|').Append(c.CurrentSwap == null ? "-" : c.CurrentSwap.VehicleId).Append('|').Append(c.Inventory.Describe()).Append('|');
            for (int i = 0; i < Station.Core.Config.ConfigTable.Keys.Length; i++) sb.Append(b.Sc.Values.Stored(i)).Append(';');
            foreach (var o in b.St.Bay.Outputs) sb.Append(o.State ? '1' : '0');
            sb.Append('|').Append(b.St.Bay.LiftDrive.Duty);
            return sb.ToString();
        }

        static HashSet<string> DocumentedReasons()
        {
            string doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "cloud.md"));
            var set = new HashSet<string>();
            foreach (Match m in Regex.Matches(doc, @"^\| (\d+) \| `([a-z_]+)` \|", RegexOptions.Multiline)) set.Add(m.Groups[1].Value + ":" + m.Groups[2].Value);
            Assert.True(set.Count >= 20, "the reason table of docs/cloud.md was not found");
            return set;
        }

        static string RepoRoot()
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d != null && !File.Exists(Path.Combine(d.FullName, "StationFirmware.sln"))) d = d.Parent;
            Assert.NotNull(d);
            return d.FullName;
        }

        [Fact]
        public void Mutated_commands_never_throw_and_a_refused_one_changes_nothing_and_moves_nothing()
        {
            var b = Build();
            var reasons = DocumentedReasons();
            var rng = new Random(2711);
            var seen = new HashSet<string>();
            int refused = 0, accepted = 0, authorized = 0;
            for (int round = 0; round < 2500; round++)
            {
                // A fresh mid each round, or the replay window would refuse every mutation that keeps it.
                string seed = Regex.Replace(Seeds[rng.Next(Seeds.Length)], "\"mid\":\"[^\"]*\"", "\"mid\":\"f" + round + "\"");
                // One in ten goes unmutated: accepted commands between hostile ones must not open a way for the next.
                byte[] payload = rng.Next(10) == 0 ? Encoding.UTF8.GetBytes(seed) : HostileBytes.Mutate(Encoding.UTF8.GetBytes(seed), rng);
                bool wrongTopic = rng.Next(25) == 0;
                string topic = wrongTopic ? "stations/other/cmd" : b.Cloud.Topics.Command;
                string before = Snapshot(b);
                uint seqBefore = b.Cloud.Outbox.NextSeq;
                int sentBefore = b.Link.Sent.Count;
                string what = "round " + round + ": " + HostileBytes.Show(payload, 300);

                Exception e = Record.Exception(() =>
                {
                    b.Link.Receive(topic, payload);
                    b.Cloud.Tick();
                    b.St.Clock.Advance(10); b.St.Bay.Step(10); b.St.Controller.Tick();
                });
                Assert.True(e == null, what + "\n" + e);

                var replies = b.Link.Sent.Skip(sentBefore).Where(s => s.topic == b.Cloud.Topics.Reply).ToList();
                if (wrongTopic)
                {
                    Assert.True(replies.Count == 0, what + ": a command on another topic was answered");
                    Assert.Equal(before, Snapshot(b));
                    continue;
                }
                Assert.True(replies.Count == 1, what + ": " + replies.Count + " replies");
                using var doc = JsonDocument.Parse(replies[0].payload);
                var reply = doc.RootElement;
                string reason = reply.GetProperty("reason").GetString();
                int code = reply.GetProperty("code").GetInt32();
                Assert.True(reasons.Contains(code + ":" + reason), what + ": undocumented reason " + code + " " + reason);
                seen.Add(reason);
                if (!reply.GetProperty("ok").GetBoolean())
                {
                    refused++;
                    Assert.True(before == Snapshot(b), what + ": refused (" + reason + ") but the station changed\n" + before + "\n" + Snapshot(b));
                    Assert.True(b.Cloud.Outbox.NextSeq == seqBefore + 1, what + ": a refused command journaled " + (b.Cloud.Outbox.NextSeq - seqBefore) + " records, not just its audit");
                    var journaled = b.Link.Sent.Skip(sentBefore).Select(s => s.topic).Where(t => t != b.Cloud.Topics.Reply && t != b.Cloud.Topics.Audit).ToList();
                    Assert.True(journaled.Count == 0, what + ": published " + string.Join(",", journaled));
                }
                else
                {
                    accepted++;
                    if (b.St.Controller.State != SwapState.Idle) authorized++;
                    Undo(b, reply.GetProperty("cmd").GetString(), what);
                }
                b.Link.AckAll();
            }
            Assert.True(refused > 1800, "refused " + refused);
            Assert.True(authorized > 5, "some authorisations must be taken, so that the swap's path is reachable: " + authorized);
            Assert.True(accepted > 60, "some mutations stay valid and are taken: " + accepted);
            foreach (string r in new[] { "malformed", "oversized", "wrong_type", "unknown_field", "out_of_range", "unknown_command", "unsupported_version", "missing_field" })
                Assert.True(seen.Contains(r), "the mutations never reached " + r + " (seen: " + string.Join(",", seen) + ")");
        }

        // An accepted command is legitimate: put the station back where the next round expects it.
        static void Undo(Bay b, string cmd, string what)
        {
            var c = b.St.Controller;
            if (c.RemoteMaintenance) b.Sc.LeaveMaintenance();
            if (c.State != SwapState.Idle)
            {
                Assert.True(cmd == "swap.authorize", what + ": accepted " + cmd + " left the station in " + c.State);
                Assert.True(b.Sc.Cancel().Accepted, what + ": an accepted authorisation could not be cancelled");
                Step(b, () => c.State == SwapState.Idle);
            }
            b.Cloud.Tick();
        }
    }
}
