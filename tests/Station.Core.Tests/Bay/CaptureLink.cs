using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Station.Hal;

namespace Station.Core.Tests.Bay
{
    /// <summary>An MQTT link in memory: records event publishes, acknowledges on request.</summary>
    public sealed class CaptureLink : IMqttLink
    {
        public readonly List<(string type, int no)> Events = new List<(string, int)>();
        /// <summary>Every event payload, in order.</summary>
        public readonly List<string> EventJson = new List<string>();
        private readonly List<int> _unacked = new List<int>();
        private int _token;
        public bool IsConnected { get; set; }
        public event MqttMessageHandler MessageReceived { add { } remove { } }
        public event MqttDeliveredHandler Delivered;
        public event MqttConnectionHandler ConnectionChanged { add { } remove { } }

        public int Publish(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            if (!IsConnected) return -1;
            if (topic.EndsWith("/events"))
            {
                string json = Encoding.UTF8.GetString(payload, offset, count);
                EventJson.Add(json);
                using var doc = JsonDocument.Parse(json);
                var root = doc.RootElement;
                int no = root.TryGetProperty("swap", out var sw) ? sw.GetProperty("no").GetInt32() : -1;
                Events.Add((root.GetProperty("type").GetString(), no));
            }
            int t = ++_token;
            if (qos == 1) _unacked.Add(t);
            return t;
        }

        public void AckAll()
        {
            var all = _unacked.ToArray();
            _unacked.Clear();
            foreach (var t in all) Delivered?.Invoke(t);
        }

        public bool Subscribe(string topicFilter, int qos) => true;
        public void SetWill(string topic, byte[] payload, int offset, int count, int qos, bool retain) { }
        public void Disconnect() { IsConnected = false; }
    }
}
