using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Station.Bundle;
using Station.Core.Journal;
using Station.Hal.Host;

namespace Station.Fleet
{
    /// <summary>The cloud side of a rollout, as an operator's back end would run it over MQTT: offers a signed bundle
    /// to a wave of stations at a time (a percentage of the fleet), sends each its chunks stop-and-wait from the
    /// offset the station answers, follows their update.status records, and widens to the next wave only while the
    /// failure rate (rolled back, refused or timed out, over every station that finished) stays at or under the
    /// threshold. Its client also consumes every record the stations send, so lost records are counted, not assumed.</summary>
    public sealed class RolloutDriver : IDisposable
    {
        /// <summary>Version the rollout installs.</summary>
        public const string Version = "0.2.0";

        const int ChunkBytes = 4096, ResendMs = 5000;

        enum Phase { Waiting, Offered, Sending, Installing, Updated, RolledBack, Failed }

        sealed class Target
        {
            public string Id;
            public byte[] Bundle;
            public Phase Phase;
            public int At, Mid;
            public long SentAt, OfferedAt;
            public string Last = "", Why = "";
            public bool Waited;
        }

        readonly RolloutSettings _s;
        readonly MqttNetLink _cloud;
        readonly List<Target> _targets = new();
        readonly Dictionary<string, Target> _byId = new();
        readonly ConcurrentQueue<(string Id, string Kind, JsonElement Body)> _inbox = new();
        readonly ConcurrentDictionary<string, ConcurrentDictionary<uint, byte>> _records = new();
        readonly ConcurrentDictionary<string, bool> _online = new();
        readonly Stopwatch _clock = Stopwatch.StartNew();
        int _nextWave, _waves;

        /// <summary>The release key's public half (stations are provisioned with it).</summary>
        public byte[] PublicKey { get; }

        /// <summary>True once every wave finished, or the rollout halted.</summary>
        public bool Finished { get; private set; }

        /// <summary>True when the failure rate passed the threshold and later waves were not offered.</summary>
        public bool Halted { get; private set; }

        /// <summary>A driver for stations <paramref name="ids"/>; a share of them (spread evenly) get a bundle whose
        /// image crashes at start. Connects its client and subscribes before any station starts.</summary>
        public RolloutDriver(string broker, IReadOnlyList<string> ids, RolloutSettings s)
        {
            _s = s;
            var key = BundleBuilder.NewKey();
            PublicKey = key.PublicKey;
            byte[] good = Bundle(key.Seed, false), bad = Bundle(key.Seed, true);
            for (int i = 0; i < ids.Count; i++)
            {
                // Even spread: station i is bad when the running count of bad stations steps up at i.
                bool crashes = (int)((i + 1) * s.BadPercent / 100) > (int)(i * s.BadPercent / 100);
                var t = new Target { Id = ids[i], Bundle = crashes ? bad : good };
                _targets.Add(t);
                _byId[t.Id] = t;
            }
            var o = MqttLinkOptions.FromUri(broker, "fleet-rollout-" + Environment.ProcessId);
            o.CleanSession = true;
            _cloud = new MqttNetLink(o);
            _cloud.MessageReceived += OnMessage;
            _cloud.Start();
            if (!_cloud.WaitConnected(5000)) throw new IOException("the rollout's client could not reach " + broker);
            foreach (var kind in new[] { "state", "events", "faults", "audit", "telemetry", "reply" }) _cloud.Subscribe("stations/+/" + kind, 1);
        }

        /// <summary>A signed bundle of <see cref="Version"/>; <paramref name="crashes"/> adds the assembly that makes the
        /// simulated image crash at start (signed all the same: the station cannot tell before it runs it).</summary>
        static byte[] Bundle(byte[] seed, bool crashes)
        {
            var rng = new Random(crashes ? 2 : 1);
            var core = new byte[6000]; rng.NextBytes(core);
            var device = new byte[2500]; rng.NextBytes(device);
            var list = new List<BundleAssembly> { new("Station.Core.pe", core), new("Station.Device.pe", device) };
            if (crashes) list.Add(new BundleAssembly(SimUpdate.CrashingAssembly, new byte[64]));
            return BundleBuilder.Build(seed, Version, "fleet", SimUpdate.Board, 1, list).Bundle;
        }

        void OnMessage(string topic, byte[] payload)
        {
            string[] part = topic.Split('/');
            if (part.Length != 3) return;
            JsonElement e;
            try { e = JsonDocument.Parse(payload).RootElement.Clone(); }
            catch (JsonException) { return; }
            if (part[2] == "state")
            {
                // The retained birth/death: an offer goes only to a station whose session (and its subscriptions) is up.
                if (e.TryGetProperty("online", out var on)) _online[part[1]] = on.ValueKind == JsonValueKind.True;
                return;
            }
            if (part[2] != "reply" && e.TryGetProperty("seq", out var seq) && seq.TryGetUInt32(out uint n))
                _records.GetOrAdd(part[1], _ => new ConcurrentDictionary<uint, byte>())[n] = 0;
            if (part[2] == "reply" || (part[2] == "events" && e.TryGetProperty("type", out var type) && type.GetString() == "update.status"))
                _inbox.Enqueue((part[1], part[2], e));
        }

        /// <summary>Distinct record numbers the consumer received from <paramref name="id"/>.</summary>
        public ICollection<uint> Received(string id) => _records.TryGetValue(id, out var d) ? d.Keys : Array.Empty<uint>();

        /// <summary>One pass (between control batches): answers, waves, chunk resends, timeouts.</summary>
        public void Tick()
        {
            while (_inbox.TryDequeue(out var m)) Handle(m.Id, m.Kind, m.Body);
            long now = _clock.ElapsedMilliseconds;
            foreach (var t in _targets)
            {
                if (t.Phase == Phase.Sending && now - t.SentAt >= ResendMs) SendChunk(t); // answer lost or chunk dropped: again from `at`
                if (t.Phase != Phase.Waiting && t.Phase < Phase.Updated && now - t.OfferedAt > _s.StationTimeoutSeconds * 1000L)
                    Finish(t, Phase.Failed, "timed out in " + t.Last);
            }
            var started = _targets.Take(Math.Min(_targets.Count, _nextWave)).ToList();
            if (started.Any(t => t.Phase < Phase.Updated && t.Phase != Phase.Waiting) || Finished) return;
            int done = started.Count, failures = started.Count(t => t.Phase == Phase.RolledBack || t.Phase == Phase.Failed);
            if (done > 0 && failures * 100.0 / done > _s.HaltFailurePercent) { Halted = true; Finished = true; return; }
            if (_nextWave >= _targets.Count) { Finished = true; return; }
            int size = Math.Max(1, (int)Math.Ceiling(_targets.Count * _s.WavePercent / 100.0));
            var wave = _targets.Skip(_nextWave).Take(size).ToList();
            if (wave.Any(t => !_online.TryGetValue(t.Id, out bool up) || !up)) return; // not every station of the wave is online yet
            foreach (var t in wave) Offer(t, now);
            _nextWave += size;
            _waves++;
        }

        void Offer(Target t, long now)
        {
            t.Phase = Phase.Offered;
            t.OfferedAt = now;
            string json = "{\"v\":1,\"mid\":\"ro-" + (++t.Mid) + "\",\"cmd\":\"update.offer\",\"version\":\"" + Version + "\",\"size\":" + t.Bundle.Length + "}";
            byte[] b = Encoding.UTF8.GetBytes(json);
            _cloud.Publish("stations/" + t.Id + "/cmd", b, 0, b.Length, 1, false);
        }

        void SendChunk(Target t)
        {
            int count = Math.Min(ChunkBytes, t.Bundle.Length - t.At);
            var p = new byte[8 + count];
            BitConverter.GetBytes(t.At).CopyTo(p, 0);
            BitConverter.GetBytes(Crc32.Compute(t.Bundle, t.At, count)).CopyTo(p, 4);
            Array.Copy(t.Bundle, t.At, p, 8, count);
            t.SentAt = _clock.ElapsedMilliseconds;
            _cloud.Publish("stations/" + t.Id + "/update", p, 0, p.Length, 1, false);
        }

        void Handle(string id, string kind, JsonElement e)
        {
            if (!_byId.TryGetValue(id, out var t)) return;
            string type = e.TryGetProperty("type", out var ty) ? ty.GetString() : "";
            if (kind == "reply" && type == "reply" && e.TryGetProperty("cmd", out var cmd) && cmd.GetString() == "update.offer" && t.Phase == Phase.Offered)
            {
                if (e.GetProperty("ok").GetBoolean()) { t.Phase = Phase.Sending; t.At = 0; SendChunk(t); }
                else Finish(t, Phase.Failed, "offer refused: " + e.GetProperty("reason").GetString());
            }
            else if (kind == "reply" && type == "update.chunk" && t.Phase == Phase.Sending)
            {
                t.At = e.GetProperty("at").GetInt32();
                if (t.At >= t.Bundle.Length) t.Phase = Phase.Installing;
                else SendChunk(t);
            }
            else if (type == "update.status")
            {
                string status = e.GetProperty("status").GetString(), reason = e.GetProperty("reason").GetString();
                if (t.Phase == Phase.Waiting || t.Phase >= Phase.Updated) return;
                t.Last = status;
                if (status == "waiting" && reason == "station_busy") t.Waited = true;
                if (status == "confirmed") Finish(t, Phase.Updated, "");
                else if (status == "rolled_back") Finish(t, Phase.RolledBack, reason);
                else if (status == "refused" || status == "cancelled") Finish(t, Phase.Failed, status + " " + reason);
            }
        }

        static void Finish(Target t, Phase p, string why) { t.Phase = p; t.Why = why; }

        /// <summary>Counts so far: (updated, rolled back, failed, not yet finished or never offered).</summary>
        public (int Updated, int RolledBack, int Failed, int Open, int Waves) Counts()
            => (_targets.Count(t => t.Phase == Phase.Updated), _targets.Count(t => t.Phase == Phase.RolledBack),
                _targets.Count(t => t.Phase == Phase.Failed), _targets.Count(t => t.Phase < Phase.Updated), _waves);

        /// <summary>Stations whose restart had to wait for a swap to end (an update.status "waiting", "station_busy").</summary>
        public int WaitedForSafeMoment => _targets.Count(t => t.Waited);

        /// <summary>Why each failed station failed ("id: why"), for the log.</summary>
        public IEnumerable<string> Failures() => _targets.Where(t => t.Phase == Phase.Failed).Select(t => t.Id + ": " + t.Why);

        /// <summary>Disconnects the client.</summary>
        public void Dispose() => _cloud.Dispose();
    }
}
