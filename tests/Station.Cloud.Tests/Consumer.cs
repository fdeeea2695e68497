using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Station.Hal.Host;

namespace Station.Cloud.Tests
{
    /// <summary>A cloud-side consumer as the contract expects one: subscribes to the station tree, de-duplicates
    /// journaled records by message id and keeps everything it saw.</summary>
    public sealed class Consumer : IDisposable
    {
        public readonly MqttNetLink Client;
        readonly object _gate = new object();
        readonly List<(string topic, JsonElement json)> _all = new();
        readonly Dictionary<string, JsonElement> _records = new();
        readonly List<string> _recordOrder = new();
        public int Duplicates;

        public Consumer(int port, string filter = "stations/#", string id = null)
        {
            Client = new MqttNetLink(new MqttLinkOptions { Port = port, ClientId = id ?? "consumer" + Guid.NewGuid().ToString("N").Substring(0, 6), CleanSession = id == null, ReconnectMinMs = 50, ReconnectMaxMs = 200, ResendAfterReconnect = true });
            Client.MessageReceived += (topic, payload) =>
            {
                JsonElement json;
                try { json = JsonDocument.Parse(payload).RootElement.Clone(); }
                catch (JsonException) { json = JsonDocument.Parse("{\"raw\":" + JsonSerializer.Serialize(Encoding.UTF8.GetString(payload)) + "}").RootElement.Clone(); }
                lock (_gate)
                {
                    _all.Add((topic, json));
                    if (topic.EndsWith("/events") || topic.EndsWith("/faults") || topic.EndsWith("/audit"))
                    {
                        string mid = json.GetProperty("mid").GetString();
                        if (_records.ContainsKey(mid)) Duplicates++;
                        else { _records[mid] = json; _recordOrder.Add(mid); }
                    }
                }
            };
            Client.Start();
            if (!Client.WaitConnected(5000)) throw new InvalidOperationException("consumer could not connect: " + Client.LastError);
            Client.Subscribe(filter, 1);
        }

        public (string topic, JsonElement json)[] All { get { lock (_gate) return _all.ToArray(); } }
        public JsonElement[] On(string suffix) { lock (_gate) return _all.Where(m => m.topic.EndsWith(suffix)).Select(m => m.json).ToArray(); }
        /// <summary>Unique journaled records in arrival order.</summary>
        public JsonElement[] Records { get { lock (_gate) return _recordOrder.Select(m => _records[m]).ToArray(); } }
        public JsonElement[] RecordsOfType(string type) => Records.Where(r => r.GetProperty("type").GetString() == type).ToArray();

        public void Dispose() => Client.Dispose();
    }
}
