using System;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace Station.Hal.Nano.Mqtt
{
    /// <summary><see cref="IMqttLink"/> over nanoFramework.M2Mqtt: TLS 1.2 with the provisioned CA and optional client
    /// certificate, MQTT 3.1.1, clean session off (so QoS 1 commands queue on the broker while offline; once on when
    /// <see cref="PoisonSessionBreaker"/> sees a message M2Mqtt cannot take dropping every session), the will
    /// registered at every connect, subscriptions restored after each reconnect (unacknowledged QoS 1 publishes
    /// of the old session are forgotten: the core resends its records), and a reconnect loop with exponential back-off and jitter driven by <c>ConnectionClosed</c>.</summary>
    /// <remarks>
    /// States: Down → (loop) Connecting → Up → (ConnectionClosed or a failed publish) Down, back-off, Connecting …
    /// Each connect builds a new MqttClient: the adapter, not M2Mqtt's session, keeps what must survive a reconnect
    /// (subscriptions, the will), which is what the IMqttLink contract promises the core.
    /// Nothing here decides anything about records; the core's outbox does.
    /// </remarks>
    public sealed class M2MqttLink : IMqttLink
    {
        readonly MqttLinkSettings _s;
        readonly object _gate = new object();
        readonly AutoResetEvent _wake = new AutoResetEvent(false);
        readonly Random _jitter = new Random();
        readonly PoisonSessionBreaker _poison = new PoisonSessionBreaker();
        readonly string[] _filters = new string[8];
        readonly int[] _filterQos = new int[8];
        int _filterCount;
        readonly int[] _token;
        readonly ushort[] _messageId;
        readonly string[] _topic;
        readonly byte[][] _payload;
        readonly bool[] _retain;
        int _inflight;
        int _nextToken;
        string _willTopic;
        string _willMessage;
        bool _willRetain;
        MqttClient _client;
        bool _connected; // written by the loop and M2Mqtt callbacks; a bool read is atomic
        bool _stop;
        Thread _loop;
        X509Certificate _ca;
        X509Certificate _clientCert;

        /// <summary>A link with <paramref name="settings"/>; <see cref="Start"/> begins connecting.</summary>
        public M2MqttLink(MqttLinkSettings settings)
        {
            _s = settings;
            _token = new int[settings.MaxInflight];
            _messageId = new ushort[settings.MaxInflight];
            _topic = new string[settings.MaxInflight];
            _payload = new byte[settings.MaxInflight][];
            _retain = new bool[settings.MaxInflight];
            if (settings.UseTls)
            {
                if (settings.CaCertificatePem != null) _ca = new X509Certificate(settings.CaCertificatePem);
                if (settings.ClientCertificatePem != null)
                    _clientCert = new X509Certificate2(settings.ClientCertificatePem, settings.ClientKeyPem, null);
            }
        }

        /// <inheritdoc />
        public bool IsConnected { get { return _connected; } }

        /// <inheritdoc />
        public event MqttMessageHandler MessageReceived;
        /// <inheritdoc />
        public event MqttDeliveredHandler Delivered;
        /// <inheritdoc />
        public event MqttConnectionHandler ConnectionChanged;

        /// <summary>Starts the connection loop on its own thread.</summary>
        public void Start()
        {
            _loop = new Thread(Run);
            _loop.Start();
        }

        /// <summary>Longest <see cref="Disconnect"/> waits for QoS 1 publishes (the core's clean-stop death) to be acknowledged.</summary>
        const int DisconnectDrainMs = 2000;

        /// <inheritdoc />
        /// <remarks>M2Mqtt queues a QoS 1 publish for its own sending thread but writes DISCONNECT at once, so the death
        /// the core published just before could be lost: wait (bounded) until the broker acknowledged what is in flight.</remarks>
        public void Disconnect()
        {
            for (int waited = 0; waited < DisconnectDrainMs && _connected; waited += 20)
            {
                int inflight;
                lock (_gate) inflight = _inflight;
                if (inflight == 0) break;
                Thread.Sleep(20);
            }
            Stop();
        }

        /// <summary>Sends DISCONNECT (the broker then drops the will) and stops reconnecting.</summary>
        public void Stop()
        {
            _stop = true;
            MqttClient c = _client;
            try { if (c != null && c.IsConnected) c.Disconnect(); }
            catch (Exception) { }
            _wake.Set();
        }

        /// <inheritdoc />
        public void SetWill(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            // M2Mqtt takes the will as a string; the core writes it as ASCII JSON (ids are ASCII by contract).
            char[] chars = new char[count];
            for (int i = 0; i < count; i++) chars[i] = (char)payload[offset + i];
            lock (_gate)
            {
                _willTopic = topic;
                _willMessage = new string(chars);
                _willRetain = retain;
            }
        }

        /// <inheritdoc />
        public bool Subscribe(string topicFilter, int qos)
        {
            lock (_gate)
            {
                if (_filterCount == _filters.Length) return false;
                _filters[_filterCount] = topicFilter;
                _filterQos[_filterCount] = qos;
                _filterCount++;
            }
            MqttClient c = _client;
            if (_connected && c != null)
            {
                try { c.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { Qos(qos) }); }
                catch (Exception) { Lost(); }
            }
            return true;
        }

        /// <inheritdoc />
        public int Publish(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            if (!_connected || qos < 0 || qos > 1) return -1;
            byte[] copy = new byte[count];
            Array.Copy(payload, offset, copy, 0, count);
            MqttClient c = _client;
            if (qos == 0)
            {
                try { c.Publish(topic, copy, null, null, MqttQoSLevel.AtMostOnce, retain); return 0; }
                catch (Exception) { Lost(); return -1; }
            }
            lock (_gate)
            {
                if (_inflight == _token.Length) return -1;
                int slot = _inflight;
                _nextToken++;
                if (_nextToken <= 0) _nextToken = 1;
                _token[slot] = _nextToken;
                _topic[slot] = topic;
                _payload[slot] = copy;
                _retain[slot] = retain;
                _inflight++;
                try { _messageId[slot] = c.Publish(topic, copy, null, null, MqttQoSLevel.AtLeastOnce, retain); }
                catch (Exception) { _messageId[slot] = 0; Lost(); } // the core sends it again after the reconnect
                return _token[slot];
            }
        }

        void Run()
        {
            int attempt = 0;
            while (!_stop)
            {
                if (!_connected)
                {
                    if (Connect()) attempt = 0;
                    else attempt++;
                }
                int wait = _connected ? -1 : Backoff(attempt);
                if (wait < 0) _wake.WaitOne();
                else _wake.WaitOne(wait, false);
            }
        }

        bool Connect()
        {
            try
            {
                MqttClient c = new MqttClient(_s.Host, _s.Port, _s.UseTls, _ca, _clientCert, _s.UseTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                c.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
                c.MqttMsgPublishReceived += OnPublishReceived;
                c.MqttMsgPublished += OnPublished;
                c.ConnectionClosed += OnConnectionClosed;
                string willTopic, willMessage;
                bool willRetain;
                bool clean;
                lock (_gate) { willTopic = _willTopic; willMessage = _willMessage; willRetain = _willRetain; clean = _poison.NextConnectClean; }
                // Clean session off (queued commands wait for the station) unless short sessions in a row say a message
                // too large for M2Mqtt keeps dropping the connection: then once on, so the broker discards it.
                MqttReasonCode rc = c.Connect(_s.StationId, _s.StationId, _s.Password, willRetain, MqttQoSLevel.AtLeastOnce,
                    willTopic != null, willTopic, willMessage, clean, _s.KeepAliveSeconds);
                if (rc != MqttReasonCode.Success)
                {
                    c.Close();
                    return false;
                }
                _client = c;
                lock (_gate)
                {
                    _poison.SessionUp(Environment.TickCount64, clean);
                    for (int i = 0; i < _filterCount; i++)
                        c.Subscribe(new string[] { _filters[i] }, new MqttQoSLevel[] { Qos(_filterQos[i]) });
                    // What the old session never acknowledged is forgotten (IMqttLink contract): the core's outbox sends
                    // those records again itself, flagged late.
                    for (int i = 0; i < _inflight; i++) _payload[i] = null;
                    _inflight = 0;
                }
                _connected = true;
                MqttConnectionHandler h = ConnectionChanged;
                if (h != null) h(true);
                return true;
            }
            catch (Exception)
            {
                // Network down, DNS, TLS handshake or broker refusal: try again after the back-off. A session that
                // came up and failed here (dropped while subscribing) counts as a short one.
                lock (_gate) _poison.SessionDown(Environment.TickCount64);
                return false;
            }
        }

        void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            lock (_gate) _poison.MessageDelivered();
            MqttMessageHandler h = MessageReceived;
            if (h != null) h(e.Topic, e.Message);
        }

        void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            if (!e.IsPublished) return;
            int token = 0;
            lock (_gate)
            {
                for (int i = 0; i < _inflight; i++)
                {
                    if (_messageId[i] != e.MessageId) continue;
                    token = _token[i];
                    for (int k = i + 1; k < _inflight; k++)
                    {
                        _token[k - 1] = _token[k]; _messageId[k - 1] = _messageId[k]; _topic[k - 1] = _topic[k];
                        _payload[k - 1] = _payload[k]; _retain[k - 1] = _retain[k];
                    }
                    _inflight--;
                    _payload[_inflight] = null;
                    break;
                }
            }
            MqttDeliveredHandler d = Delivered;
            if (token != 0 && d != null) d(token);
        }

        // M2Mqtt has already closed the connection when it raises this; closing it again from its own thread is avoided.
        void OnConnectionClosed(object sender, EventArgs e) { Lost(false); }

        void Lost() { Lost(true); }

        void Lost(bool close)
        {
            if (!_connected) return;
            _connected = false;
            lock (_gate) _poison.SessionDown(Environment.TickCount64);
            MqttClient c = _client;
            try { if (close && c != null) c.Close(); }
            catch (Exception) { }
            MqttConnectionHandler h = ConnectionChanged;
            if (h != null) h(false);
            _wake.Set();
        }

        int Backoff(int attempt)
        {
            int ceiling = _s.ReconnectMinMs;
            for (int i = 0; i < attempt && ceiling < _s.ReconnectMaxMs; i++) ceiling *= 2;
            if (ceiling > _s.ReconnectMaxMs) ceiling = _s.ReconnectMaxMs;
            int half = ceiling / 2;
            return half + _jitter.Next(half + 1);
        }

        static MqttQoSLevel Qos(int qos) { return qos >= 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce; }
    }
}
