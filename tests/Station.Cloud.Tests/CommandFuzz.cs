using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Station.Core;
using Station.Core.Config;
using Station.Core.Update;
using Station.Tests.Shared;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>One round of the command fuzz on a <see cref="CloudBay"/>: a payload on a topic through the real link,
    /// one period of the bay, then the invariants. A refused command leaves the controller, inventory, configuration (in
    /// memory and stored), update agent, outputs and outbox (but for its one audit record) as they were; every command
    /// on the station's topic gets exactly one reply, valid JSON, with a code and reason from docs/cloud.md's table; a
    /// chunk on the update topic gets one update.chunk answer, and a refused one stores nothing.</summary>
    public sealed class CommandFuzz
    {
        static readonly string[] SlotFiles = { BootRecord.SlotFile(0), BootRecord.SlotFile(1), BootRecord.FileName, UpdateAgent.FileName, ConfigFile.SlotNames[0], ConfigFile.SlotNames[1] };

        readonly CloudBay _b;
        readonly HashSet<string> _reasons = DocumentedReasons();
        readonly HashSet<string> _updateWords = DocumentedUpdateWords();

        /// <summary>A fuzz on <paramref name="bay"/>.</summary>
        public CommandFuzz(CloudBay bay) { _b = bay; }

        /// <summary>Commands refused, accepted; chunks refused, stored.</summary>
        public int Refused, Accepted, ChunksRefused, ChunksStored;
        /// <summary>Reasons seen in replies and chunk answers.</summary>
        public readonly HashSet<string> Seen = new HashSet<string>();

        /// <summary>Sends <paramref name="payload"/> on the command topic (or another one when <paramref name="wrongTopic"/>)
        /// and checks the invariants; returns the reply of an accepted command (its key members), else null.</summary>
        public JsonElement? Command(int round, byte[] payload, bool wrongTopic)
        {
            string topic = wrongTopic ? "stations/other/cmd" : _b.Cl.Topics.Command;
            string before = Snapshot();
            uint seqBefore = _b.Cl.Outbox.NextSeq;
            int sentBefore = _b.Link.Sent.Count;
            string what = "round " + round + ": " + HostileBytes.Show(payload, 300);
            Exception e = Record.Exception(() => { _b.Link.Receive(topic, payload); _b.Tick(); });
            Assert.True(e == null, what + "\n" + e);

            var replies = _b.Link.Sent.Skip(sentBefore).Where(s => s.topic == _b.Cl.Topics.Reply).ToList();
            if (wrongTopic)
            {
                Assert.True(replies.Count == 0, what + ": a command on another topic was answered");
                Assert.Equal(before, Snapshot());
                return null;
            }
            Assert.True(replies.Count == 1, what + ": " + replies.Count + " replies");
            var reply = JsonDocument.Parse(replies[0].payload).RootElement;
            string reason = reply.GetProperty("reason").GetString();
            int code = reply.GetProperty("code").GetInt32();
            Assert.True(_reasons.Contains(code + ":" + reason), what + ": undocumented reason " + code + " " + reason);
            Seen.Add(reason);
            if (reply.GetProperty("ok").GetBoolean()) { Accepted++; return reply; }
            Refused++;
            Assert.True(before == Snapshot(), what + ": refused (" + reason + ") but the station changed\n" + before + "\n" + Snapshot());
            Assert.True(_b.Cl.Outbox.NextSeq == seqBefore + 1, what + ": a refused command journaled " + (_b.Cl.Outbox.NextSeq - seqBefore) + " records, not just its audit: "
                + string.Join("\n", _b.Link.Sent.Skip(sentBefore).Select(s => s.topic + " " + s.payload)));
            var journaled = _b.Link.Sent.Skip(sentBefore).Select(s => s.topic).Where(t => t != _b.Cl.Topics.Reply && t != _b.Cl.Topics.Audit).ToList();
            Assert.True(journaled.Count == 0, what + ": published " + string.Join(",", journaled));
            return null;
        }

        /// <summary>Sends <paramref name="payload"/> on the update topic and checks its answer: a refused chunk changes
        /// nothing; a stored one adds exactly its bytes to the download's slot file.</summary>
        public void Chunk(int round, byte[] payload)
        {
            UpdateAgent agent = _b.Update.Agent;
            string before = Snapshot();
            int receivedBefore = agent.Received;
            uint seqBefore = _b.Cl.Outbox.NextSeq;
            int sentBefore = _b.Link.Sent.Count;
            string what = "round " + round + ": chunk " + HostileBytes.Show(payload, 40);
            Exception e = Record.Exception(() => { _b.Link.Receive(_b.Cl.Topics.Update, payload); _b.Tick(); });
            Assert.True(e == null, what + "\n" + e);
            var answers = _b.Link.Sent.Skip(sentBefore).Where(s => s.topic == _b.Cl.Topics.Reply).Select(s => JsonDocument.Parse(s.payload).RootElement).ToList();
            Assert.True(answers.Count == 1 && answers[0].GetProperty("type").GetString() == "update.chunk", what + ": " + answers.Count + " answers");
            var a = answers[0];
            if (!a.GetProperty("ok").GetBoolean())
            {
                ChunksRefused++;
                string reason = a.GetProperty("reason").GetString();
                Seen.Add(reason);
                Assert.True(_updateWords.Contains(reason), what + ": undocumented chunk reason " + reason);
                Assert.Equal(receivedBefore, a.GetProperty("at").GetInt32());
                Assert.True(before == Snapshot(), what + ": a refused chunk (" + reason + ") changed the station\n" + before + "\n" + Snapshot());
                Assert.True(_b.Cl.Outbox.NextSeq == seqBefore, what + ": a refused chunk journaled a record"); // its answer is live, not journaled
                return;
            }
            ChunksStored++;
            Assert.Equal(receivedBefore + payload.Length - 8, a.GetProperty("at").GetInt32());
            if (agent.State != UpdateState.Downloading) return; // complete: verified (and refused) in the same period
            byte[] stored = _b.St.Storage.Snapshot(BootRecord.SlotFile(agent.Boot.FreeSlot()));
            Assert.True(stored.Length == agent.Received && stored.AsSpan(receivedBefore).SequenceEqual(payload.AsSpan(8)), what + ": the slot file does not end with the chunk");
        }

        /// <summary>A seed of <paramref name="seeds"/> with a fresh mid (or the replay window would refuse every mutation
        /// that keeps it), mutated but one in ten: accepted commands between hostile ones must not open a way for the next.</summary>
        public static byte[] Payload(string[] seeds, int round, Random rng)
        {
            string seed = Regex.Replace(seeds[rng.Next(seeds.Length)], "\"mid\":\"[^\"]*\"", "\"mid\":\"f" + round + "\"");
            return rng.Next(10) == 0 ? Encoding.UTF8.GetBytes(seed) : HostileBytes.Mutate(Encoding.UTF8.GetBytes(seed), rng);
        }

        /// <summary>An accepted command is legitimate: puts the station back where the next round expects it (out of
        /// remote maintenance, an authorised swap cancelled).</summary>
        public void Undo(string cmd, string what)
        {
            var b = _b;
            var c = b.St.Controller;
            if (c.RemoteMaintenance) b.Sc.LeaveMaintenance();
            if (c.State != SwapState.Idle)
            {
                Assert.True(cmd == "swap.authorize", what + ": accepted " + cmd + " left the station in " + c.State);
                Assert.True(b.Sc.Cancel().Accepted, what + ": an accepted authorisation could not be cancelled");
                b.Step(12000, () => c.State == SwapState.Idle);
            }
            b.Cl.Tick();
        }

        /// <summary>Everything a refused command or chunk must leave alone.</summary>
        public string Snapshot()
        {
            var c = _b.St.Controller;
            var sb = new StringBuilder();
            sb.Append(c.State).Append('|').Append(c.LatchedFault).Append('|').Append(c.RemoteMaintenance).Append('|').Append(c.MaintenanceHold)
              .Append('|').Append(_b.Sc.Maintenance).Append('|').Append(c.CurrentSwap == null ? "-" : c.CurrentSwap.VehicleId).Append('|').Append(c.Inventory.Describe()).Append('|');
            for (int i = 0; i < ConfigTable.Keys.Length; i++) sb.Append(_b.Sc.Values.Stored(i)).Append(';');
            foreach (var o in _b.St.Bay.Outputs) sb.Append(o.State ? '1' : '0');
            sb.Append('|').Append(_b.St.Bay.LiftDrive.Duty);
            if (_b.Update != null)
            {
                UpdateAgent a = _b.Update.Agent;
                sb.Append('|').Append(a.State).Append(',').Append(a.Reason).Append(',').Append(a.Received).Append(',').Append(a.Total).Append(',').Append(a.Version);
            }
            foreach (string f in SlotFiles) sb.Append('|').Append(f).Append('=').Append(Convert.ToHexString(_b.St.Storage.Snapshot(f)));
            return sb.ToString();
        }

        /// <summary>The code:reason pairs of docs/cloud.md's reply table.</summary>
        public static HashSet<string> DocumentedReasons()
        {
            var set = new HashSet<string>();
            foreach (Match m in Regex.Matches(CloudDoc(), @"^\| (\d+) \| `([a-z_]+)` \|", RegexOptions.Multiline)) set.Add(m.Groups[1].Value + ":" + m.Groups[2].Value);
            Assert.True(set.Count >= 20, "the reason table of docs/cloud.md was not found");
            return set;
        }

        // The update's reason words as docs/cloud.md lists them (a chunk answer's reason is one of them).
        static HashSet<string> DocumentedUpdateWords()
        {
            string doc = CloudDoc();
            int at = doc.IndexOf("Reason words (", StringComparison.Ordinal);
            Assert.True(at >= 0, "the update reason words of docs/cloud.md were not found");
            string list = doc.Substring(at, doc.IndexOf("\n\n", at, StringComparison.Ordinal) - at);
            var set = new HashSet<string>(Regex.Matches(list, "`([a-z_]+)`").Select(m => m.Groups[1].Value));
            Assert.Contains("chunk_out_of_order", set);
            return set;
        }

        static string CloudDoc()
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d != null && !File.Exists(Path.Combine(d.FullName, "StationFirmware.sln"))) d = d.Parent;
            Assert.NotNull(d);
            return File.ReadAllText(Path.Combine(d.FullName, "docs", "cloud.md"));
        }
    }
}
