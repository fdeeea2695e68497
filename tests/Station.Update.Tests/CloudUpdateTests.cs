using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Station.Cloud.Tests;
using Station.Core.Journal;
using Station.Core.Update;
using Station.Hal.Host;
using Xunit;

namespace Station.Update.Tests;

/// <summary>Over-the-air delivery end to end on a real Mosquitto: the cloud offers a bundle with update.offer, sends
/// it as chunks on the station's update topic (each answered with the offset to send next), and reads update.status
/// records from the events topic. The station's cloud link ticks on the test thread while the agent's background
/// work runs on a second thread, as the control loop's worker does on the board.</summary>
public class CloudUpdateTests
{
    const string Id = "bay9";

    /// <summary>A station with its cloud link and update agent on one broker, and the cloud's own client on it.</summary>
    sealed class Rig : IDisposable
    {
        public readonly Mosquitto Broker = Mosquitto.Start();
        public readonly StationUnderUpdate Station = new();
        public readonly StationHarness Link;
        readonly MqttNetLink _cloud;
        readonly ConcurrentQueue<JsonElement> _replies = new(), _status = new();
        readonly Thread _worker;
        volatile bool _stop;
        int _mid;

        public Rig()
        {
            _cloud = new MqttNetLink(new MqttLinkOptions { Port = Broker.Port, ClientId = "cloud", CleanSession = true, ReconnectMinMs = 50, ReconnectMaxMs = 300 });
            _cloud.MessageReceived += (topic, payload) =>
            {
                var e = JsonDocument.Parse(payload).RootElement.Clone();
                if (topic.EndsWith("/reply")) _replies.Enqueue(e);
                else if (topic.EndsWith("/events") && e.GetProperty("type").GetString() == "update.status") _status.Enqueue(e);
            };
            _cloud.Start();
            Wait.Until(() => _cloud.IsConnected, "cloud client connected");
            _cloud.Subscribe("stations/" + Id + "/reply", 1);
            _cloud.Subscribe("stations/" + Id + "/events", 1);
            Thread.Sleep(200);
            Link = new StationHarness(Broker.Port, Id, update: () => Station.Agent);
            Link.RunUntil(() => Link.Link.Online, "station online");
            // The control loop's low-priority worker: verification slices and the wait for a safe moment.
            _worker = new Thread(() => { while (!_stop) { Station.Agent.Step(16); Thread.Sleep(1); } }) { IsBackground = true };
            _worker.Start();
        }

        /// <summary>Sends a command and returns the station's reply to it.</summary>
        public JsonElement Command(string cmd, string members = "")
        {
            string mid = "u" + (++_mid);
            byte[] json = Encoding.UTF8.GetBytes("{\"v\":1,\"mid\":\"" + mid + "\",\"cmd\":\"" + cmd + "\"" + members + "}");
            _cloud.Publish("stations/" + Id + "/cmd", json, 0, json.Length, 1, false);
            return NextReply(e => e.TryGetProperty("re", out var re) && re.ValueKind == JsonValueKind.String && re.GetString() == mid, cmd);
        }

        /// <summary>Sends one chunk payload as given and returns the station's answer.</summary>
        public JsonElement Chunk(byte[] payload)
        {
            _cloud.Publish("stations/" + Id + "/update", payload, 0, payload.Length, 1, false);
            return NextReply(e => e.GetProperty("type").GetString() == "update.chunk", "chunk answer");
        }

        /// <summary>A well-formed chunk of <paramref name="bundle"/> at <paramref name="at"/>.</summary>
        public static byte[] ChunkOf(byte[] bundle, int at, int count, uint? crc = null) => global::Station.Tests.Shared.UpdateChunks.Of(bundle, at, count, crc);

        /// <summary>Sends the whole bundle from the station's resume offset, stop-and-wait, 4,096 bytes a chunk.</summary>
        public void SendAll(byte[] bundle)
        {
            int at = Station.Agent.Received;
            while (at < bundle.Length)
            {
                var answer = Chunk(ChunkOf(bundle, at, Math.Min(4096, bundle.Length - at)));
                Assert.True(answer.GetProperty("ok").GetBoolean(), answer.ToString());
                at = answer.GetProperty("at").GetInt32();
            }
        }

        JsonElement NextReply(Func<JsonElement, bool> match, string what)
        {
            JsonElement found = default;
            Link.RunUntil(() =>
            {
                while (_replies.TryDequeue(out var e)) if (match(e)) { found = e; return true; }
                return false;
            }, what);
            return found;
        }

        /// <summary>Ticks the link until an update.status record with <paramref name="status"/> arrives; returns it.</summary>
        public JsonElement WaitStatus(string status)
        {
            JsonElement found = default;
            Link.RunUntil(() =>
            {
                while (_status.TryDequeue(out var e)) if (e.GetProperty("status").GetString() == status) { found = e; return true; }
                return false;
            }, "update.status " + status, 30000);
            return found;
        }

        public void Dispose()
        {
            _stop = true;
            _worker.Join();
            Link.Dispose();
            _cloud.Dispose();
            Broker.Dispose();
        }
    }

    [Fact]
    public void A_bundle_offered_during_a_swap_downloads_verifies_and_waits_then_installs_when_the_station_is_idle()
    {
        using var rig = new Rig();
        byte[] bundle = TestBundles.Build();
        rig.Station.Blocker = UpdateReason.StationBusy; // a swap is running: the download must not wait, the restart must

        var reply = rig.Command("update.offer", ",\"version\":\"0.2.0\",\"size\":" + bundle.Length);
        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.ToString());
        Assert.Equal("offered", rig.WaitStatus("offered").GetProperty("status").GetString());

        rig.SendAll(bundle);
        var downloading = rig.WaitStatus("downloading");
        Assert.Equal(bundle.Length, downloading.GetProperty("size").GetInt32());
        // Verified, then waiting: the record names what keeps the station from restarting.
        var waiting = rig.WaitStatus("waiting");
        Assert.Equal("station_busy", waiting.GetProperty("reason").GetString());
        Assert.Equal("0.2.0", waiting.GetProperty("version").GetString());
        Assert.False(rig.Station.Agent.RestartRequested);

        rig.Station.Blocker = UpdateReason.None; // the swap ended
        rig.WaitStatus("installing");
        Assert.True(rig.Station.Agent.RestartRequested);
        Assert.True(rig.Station.Agent.Boot.TrialSlot >= 0); // the loader boots the new image next, on probation
    }

    [Fact]
    public void Truncated_and_out_of_order_chunks_are_refused_with_the_offset_to_resume_from()
    {
        using var rig = new Rig();
        byte[] bundle = TestBundles.Build();
        Assert.True(rig.Command("update.offer", ",\"version\":\"0.2.0\",\"size\":" + bundle.Length).GetProperty("ok").GetBoolean());

        var first = rig.Chunk(Rig.ChunkOf(bundle, 0, 1000));
        Assert.Equal((true, 1000), (first.GetProperty("ok").GetBoolean(), first.GetProperty("at").GetInt32()));

        // Out of order: the chunk after next.
        var skipped = rig.Chunk(Rig.ChunkOf(bundle, 2000, 1000));
        Assert.Equal((false, "chunk_out_of_order", 1000), (skipped.GetProperty("ok").GetBoolean(), skipped.GetProperty("reason").GetString(), skipped.GetProperty("at").GetInt32()));

        // Truncated: the CRC of 1,000 bytes over the 600 that arrived.
        byte[] full = Rig.ChunkOf(bundle, 1000, 1000);
        var cut = rig.Chunk(full.AsSpan(0, 8 + 600).ToArray());
        Assert.Equal((false, "chunk_corrupt", 1000), (cut.GetProperty("ok").GetBoolean(), cut.GetProperty("reason").GetString(), cut.GetProperty("at").GetInt32()));

        // A payload too short to hold the header, and one larger than the bound.
        Assert.Equal("chunk_malformed", rig.Chunk(new byte[5]).GetProperty("reason").GetString());
        Assert.Equal("chunk_too_large", rig.Chunk(new byte[8 + 4097]).GetProperty("reason").GetString());

        // The sender resumes from the offset it was told, and the bundle arrives whole and verified.
        rig.SendAll(bundle);
        rig.WaitStatus("installing");
        Assert.Equal(bundle.Length, rig.Station.Agent.Received);
    }

    [Fact]
    public void A_bundle_with_a_wrong_signature_is_refused_and_deleted_and_nothing_is_installed()
    {
        using var rig = new Rig();
        byte[] forged = TestBundles.Build(seed: TestBundles.Stranger.Seed);
        Assert.True(rig.Command("update.offer", ",\"version\":\"0.2.0\",\"size\":" + forged.Length).GetProperty("ok").GetBoolean());
        rig.SendAll(forged);

        var refused = rig.WaitStatus("refused");
        Assert.Equal("signature_invalid", refused.GetProperty("reason").GetString());
        Assert.False(rig.Station.Agent.RestartRequested);
        Assert.Equal(-1, rig.Station.Agent.Boot.TrialSlot);
        Assert.True(rig.Station.Storage.Length(BootRecord.SlotFile(0)) <= 0 && rig.Station.Storage.Length(BootRecord.SlotFile(1)) <= 0);
    }

    [Fact]
    public void Offers_cancel_and_query_answer_with_their_reasons()
    {
        using var rig = new Rig();
        byte[] bundle = TestBundles.Build();

        var malformed = rig.Command("update.offer", ",\"version\":\"0.2.0\",\"size\":0");
        Assert.Equal("out_of_range", malformed.GetProperty("reason").GetString());
        var missing = rig.Command("update.offer", ",\"version\":\"0.2.0\"");
        Assert.Equal("missing_field", missing.GetProperty("reason").GetString());

        Assert.True(rig.Command("update.offer", ",\"version\":\"0.2.0\",\"size\":" + bundle.Length).GetProperty("ok").GetBoolean());
        var second = rig.Command("update.offer", ",\"version\":\"0.3.0\",\"size\":" + bundle.Length);
        Assert.Equal(("update_refused", "update_in_progress"), (second.GetProperty("reason").GetString(), second.GetProperty("msg").GetString()));

        var query = rig.Command("update.query");
        Assert.Equal(("accepted", "offered"), (query.GetProperty("reason").GetString(), query.GetProperty("msg").GetString()));

        Assert.True(rig.Command("update.cancel").GetProperty("ok").GetBoolean());
        var cancelled = rig.WaitStatus("cancelled");
        Assert.Equal("cancelled_by_operator", cancelled.GetProperty("reason").GetString());
    }
}
