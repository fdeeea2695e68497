using System.Collections.Generic;
using System.Text;
using Station.Hal;

namespace Station.Cloud.Tests
{
    /// <summary>An <see cref="IMqttLink"/> in memory: records publishes, acknowledges on request.</summary>
    public sealed class FakeLink : IMqttLink
    {
        public readonly List<(string topic, string payload, int qos, bool retain, int token)> Sent = new();
        public readonly List<int> Unacked = new();
        public string WillTopic, Will;
        public int MaxInflight = 1000;
        int _token;
        public bool IsConnected { get; set; } = true;
        public event MqttMessageHandler MessageReceived;
        public event MqttDeliveredHandler Delivered;
        public event MqttConnectionHandler ConnectionChanged;

        public int Publish(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            if (!IsConnected) return -1;
            if (qos == 1 && Unacked.Count >= MaxInflight) return -1;
            int t = qos == 1 ? ++_token : 0;
            Sent.Add((topic, Encoding.UTF8.GetString(payload, offset, count), qos, retain, t));
            if (qos == 1) Unacked.Add(t);
            return t;
        }

        public bool Subscribe(string topicFilter, int qos) => true;

        /// <summary>Clean disconnects requested.</summary>
        public int Disconnects;
        public void Disconnect() { Disconnects++; IsConnected = false; Unacked.Clear(); }

        public void SetWill(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            WillTopic = topic;
            Will = Encoding.UTF8.GetString(payload, offset, count);
        }

        /// <summary>Acknowledges every outstanding QoS 1 publish.</summary>
        public void AckAll()
        {
            var all = Unacked.ToArray();
            Unacked.Clear();
            foreach (var t in all) Delivered?.Invoke(t);
        }

        public void Receive(string topic, string payload) => MessageReceived?.Invoke(topic, Encoding.UTF8.GetBytes(payload));
        public void Receive(string topic, byte[] payload) => MessageReceived?.Invoke(topic, payload);
        /// <summary>Session up or down; a drop forgets what was in flight (IMqttLink contract: the core resends).</summary>
        public void SetConnected(bool up) { IsConnected = up; if (!up) Unacked.Clear(); ConnectionChanged?.Invoke(up); }
    }
}
