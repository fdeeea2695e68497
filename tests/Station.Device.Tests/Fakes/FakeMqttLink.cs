using System;
using System.Text;
using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>A broker connection under the test's control: <see cref="Connect"/>/<see cref="Drop"/> the session,
    /// <see cref="Ack"/> QoS 1 deliveries, <see cref="Receive"/> commands. Publications are counted and the last one is
    /// kept in a buffer made once (no allocation per publish).</summary>
    public sealed class FakeMqttLink : IMqttLink
    {
        private readonly byte[] _last = new byte[8192];
        private int _lastCount;
        private int _token;

        /// <summary>Publications so far.</summary>
        public int Published;
        /// <summary>Topic of the last publication.</summary>
        public string LastTopic;
        /// <summary>Token of the last QoS 1 publication.</summary>
        public int LastToken;
        /// <summary>Publications on a topic containing <see cref="WatchTopic"/>.</summary>
        public int Watched;
        /// <summary>Topic fragment counted in <see cref="Watched"/> (null: none).</summary>
        public string WatchTopic;
        private readonly byte[] _watchedPayload = new byte[8192];
        private int _watchedCount;

        /// <inheritdoc />
        public bool IsConnected { get; private set; }

        /// <inheritdoc />
        public event MqttMessageHandler MessageReceived;
        /// <inheritdoc />
        public event MqttDeliveredHandler Delivered;
        /// <inheritdoc />
        public event MqttConnectionHandler ConnectionChanged;

        /// <summary>The session comes up.</summary>
        public void Connect()
        {
            IsConnected = true;
            MqttConnectionHandler h = ConnectionChanged;
            if (h != null) h(true);
        }

        /// <summary>The session drops.</summary>
        public void Drop()
        {
            IsConnected = false;
            MqttConnectionHandler h = ConnectionChanged;
            if (h != null) h(false);
        }

        /// <summary>The broker acknowledges the QoS 1 publication with <paramref name="token"/>.</summary>
        public void Ack(int token)
        {
            MqttDeliveredHandler h = Delivered;
            if (h != null) h(token);
        }

        /// <summary>A message arrives on <paramref name="topic"/>.</summary>
        public void Receive(string topic, string payload)
        {
            MqttMessageHandler h = MessageReceived;
            if (h != null) h(topic, Encoding.UTF8.GetBytes(payload));
        }

        /// <summary>The last publication's payload as text.</summary>
        public string LastPayload { get { return Encoding.UTF8.GetString(_last, 0, _lastCount); } }

        /// <summary>The last payload published on <see cref="WatchTopic"/>, as text.</summary>
        public string WatchedPayload { get { return Encoding.UTF8.GetString(_watchedPayload, 0, _watchedCount); } }

        /// <inheritdoc />
        public int Publish(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            if (!IsConnected) return -1;
            Published++;
            LastTopic = topic;
            _lastCount = count < _last.Length ? count : _last.Length;
            Array.Copy(payload, offset, _last, 0, _lastCount);
            if (WatchTopic != null && topic.IndexOf(WatchTopic) >= 0)
            {
                Watched++;
                _watchedCount = _lastCount;
                Array.Copy(payload, offset, _watchedPayload, 0, _watchedCount);
            }
            if (qos == 0) return 0;
            LastToken = ++_token;
            return LastToken;
        }

        /// <inheritdoc />
        public bool Subscribe(string topicFilter, int qos) { return true; }

        /// <inheritdoc />
        public void SetWill(string topic, byte[] payload, int offset, int count, int qos, bool retain) { }

        /// <inheritdoc />
        public void Disconnect() { IsConnected = false; }
    }
}
