using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Station.Hal.Host
{
    /// <summary>The HAL's <see cref="IMqttLink"/> over MQTTnet for Linux hosts (simulator, fleet, monitor, tests):
    /// MQTT 3.1.1 like the device, will, keep-alive, QoS 0/1 publish with delivery tokens, subscriptions restored
    /// after every reconnect, optional TLS, and a reconnect loop with exponential back-off and jitter (MQTTnet 5 has
    /// no managed client, so the loop is ours).</summary>
    /// <remarks>
    /// Connection states: Stopped → (Start) Connecting → Up → (drop, keep-alive timeout, protocol error) Waiting
    /// (back-off) → Connecting … ; Disconnect/Abort from any state → Stopped. Each attempt uses a new MQTTnet client,
    /// so dropping one (a network fault, <see cref="Abort"/>) never sends DISCONNECT and the broker publishes the will.
    /// QoS 1 tokens stay in flight until MQTTnet reports the PUBACK or the session drops. With
    /// <see cref="MqttLinkOptions.ResendAfterReconnect"/> they are published again first after a reconnect; without it
    /// (the IMqttLink contract a station's outbox relies on) the tokens of a dropped session are forgotten.
    /// A received QoS 1 message is acknowledged after <see cref="MessageReceived"/> returns, whatever its size: the
    /// station's command parser refuses an oversized one with a reply instead of the link dropping the connection and
    /// the broker resending it forever (docs/cloud.md, "Message size").
    /// </remarks>
    public sealed class MqttNetLink : IMqttLink, IDisposable
    {
        sealed class Inflight
        {
            public int Token;
            public string Topic;
            public byte[] Payload;
            public bool Retain;
        }

        readonly MqttLinkOptions _o;
        readonly MqttClientFactory _factory = new MqttClientFactory();
        readonly object _gate = new object();      // in-flight list, subscriptions, will, current client
        readonly object _sendOrder = new object(); // publishes leave in the order Publish was called
        readonly List<Inflight> _inflight = new List<Inflight>();
        readonly List<KeyValuePair<string, int>> _subscriptions = new List<KeyValuePair<string, int>>();
        readonly ManualResetEventSlim _up = new ManualResetEventSlim(false);
        readonly Random _random;

        IMqttClient _client;
        CancellationTokenSource _session;
        TaskCompletionSource _down;
        bool _sessionOpen; // subscriptions made from here on go straight to the broker
        volatile bool _connected;
        CancellationTokenSource _cts;
        Task _loop;
        int _nextToken;
        string _willTopic;
        byte[] _will;
        int _willQos;
        bool _willRetain;
        int _connectCount, _protocolErrors, _delivered, _received, _failedSubscriptions;
        volatile string _lastError;
        volatile string _dropReason;

        /// <summary>Creates a link; nothing happens until <see cref="Start"/>.</summary>
        public MqttNetLink(MqttLinkOptions options)
        {
            _o = options ?? throw new ArgumentNullException(nameof(options));
            _random = new Random(options.RandomSeed != 0 ? options.RandomSeed
                : HashCode.Combine(options.ClientId, Environment.TickCount64));
        }

        /// <inheritdoc />
        public bool IsConnected => _connected;
        /// <summary>Sessions established so far (1 after the first CONNACK).</summary>
        public int ConnectCount => Volatile.Read(ref _connectCount);
        /// <summary>Connections dropped because the broker sent something malformed or unexpected.</summary>
        public int ProtocolErrors => Volatile.Read(ref _protocolErrors);
        /// <summary>QoS 1 publishes acknowledged.</summary>
        public int DeliveredCount => Volatile.Read(ref _delivered);
        /// <summary>Messages received on subscriptions.</summary>
        public int ReceivedCount => Volatile.Read(ref _received);
        /// <summary>Subscriptions the broker refused (SUBACK 0x80), e.g. by ACL.</summary>
        public int FailedSubscriptions => Volatile.Read(ref _failedSubscriptions);
        /// <summary>QoS 1 publishes awaiting PUBACK.</summary>
        public int InflightCount { get { lock (_gate) return _inflight.Count; } }
        /// <summary>Whether the broker said it kept our session at the last CONNACK.</summary>
        public bool SessionPresent { get; private set; }
        /// <summary>Why the last connection attempt failed or the last session ended.</summary>
        public string LastError => _lastError;

        /// <inheritdoc />
        public event MqttMessageHandler MessageReceived;
        /// <inheritdoc />
        public event MqttDeliveredHandler Delivered;
        /// <inheritdoc />
        public event MqttConnectionHandler ConnectionChanged;

        /// <summary>Starts the connection loop (connect, wait for the drop, reconnect with back-off) in the background.</summary>
        public void Start()
        {
            lock (_gate)
            {
                if (_loop != null) return;
                _cts = new CancellationTokenSource();
                var token = _cts.Token;
                _loop = Task.Run(() => RunAsync(token));
            }
        }

        /// <summary>Blocks until the session is up or the time is over; true when connected.</summary>
        public bool WaitConnected(int timeoutMs) => _up.Wait(timeoutMs) && _connected;

        /// <inheritdoc />
        public void SetWill(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            if (!IsValidTopicName(topic)) throw new ArgumentException("will topic must be a topic name: " + topic);
            var copy = new byte[count];
            Buffer.BlockCopy(payload, offset, copy, 0, count);
            lock (_gate) { _willTopic = topic; _will = copy; _willQos = Math.Clamp(qos, 0, 1); _willRetain = retain; }
        }

        /// <summary>Removes the will: later connects register none.</summary>
        public void ClearWill() { lock (_gate) { _willTopic = null; _will = null; } }

        /// <inheritdoc />
        public int Publish(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            if (qos < 0 || qos > 1 || payload == null || offset < 0 || count < 0 || offset + count > payload.Length) return -1;
            if (!_connected || !IsValidTopicName(topic)) return -1;
            var entry = new Inflight { Topic = topic, Payload = new byte[count], Retain = retain };
            Buffer.BlockCopy(payload, offset, entry.Payload, 0, count);
            lock (_sendOrder)
            {
                IMqttClient client;
                CancellationToken session;
                lock (_gate)
                {
                    if (!_connected || _client == null) return -1;
                    if (qos == 1)
                    {
                        if (_inflight.Count >= _o.MaxInflight) return -1;
                        entry.Token = NextToken();
                        _inflight.Add(entry);
                    }
                    client = _client;
                    session = _session.Token;
                }
                Send(client, session, entry, dup: false);
                return entry.Token;
            }
        }

        /// <inheritdoc />
        public bool Subscribe(string topicFilter, int qos)
        {
            if (string.IsNullOrEmpty(topicFilter) || qos < 0 || qos > 1) return false;
            IMqttClient client = null;
            CancellationToken session = default;
            lock (_gate)
            {
                for (int i = 0; i < _subscriptions.Count; i++)
                    if (_subscriptions[i].Key == topicFilter) { _subscriptions.RemoveAt(i); break; }
                _subscriptions.Add(new KeyValuePair<string, int>(topicFilter, qos));
                if (_sessionOpen) { client = _client; session = _session.Token; }
            }
            if (client != null) Observe(SubscribeAsync(client, topicFilter, qos, session));
            return true;
        }

        /// <summary>Clean disconnect: waits briefly for QoS 1 publishes in flight, sends DISCONNECT (the broker discards
        /// the will) and stops reconnecting.</summary>
        public void Disconnect()
        {
            IMqttClient client;
            lock (_gate) client = _connected ? _client : null;
            if (client != null)
            {
                // The core's clean-stop death certificate is a QoS 1 publish just before this call.
                var deadline = Environment.TickCount64 + 2000;
                while (InflightCount > 0 && _connected && Environment.TickCount64 < deadline) Thread.Sleep(5);
                try { client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).Wait(2000); }
                catch (AggregateException) { }
            }
            Stop();
        }

        /// <summary>Kills the connection without DISCONNECT and stops, as a crashed station would: the broker
        /// publishes the will once it notices.</summary>
        public void Abort() => Stop();

        /// <summary>Drops the current connection (as a network fault would); the loop reconnects after its back-off.</summary>
        public void DropConnection(string reason = "dropped by request")
        {
            _lastError = reason;
            _dropReason = reason;
            IMqttClient client;
            TaskCompletionSource down;
            lock (_gate) { client = _client; down = _down; }
            client?.Dispose(); // closes the socket without DISCONNECT
            down?.TrySetResult();
        }

        /// <inheritdoc />
        public void Dispose() => Disconnect();

        void Stop()
        {
            CancellationTokenSource cts;
            Task loop;
            IMqttClient client;
            lock (_gate) { cts = _cts; loop = _loop; _cts = null; _loop = null; client = _client; }
            if (cts == null) return;
            cts.Cancel();
            client?.Dispose();
            try { loop?.Wait(5000); } catch (AggregateException) { }
            cts.Dispose();
        }

        async Task RunAsync(CancellationToken ct)
        {
            int attempt = 0;
            while (!ct.IsCancellationRequested)
            {
                bool wasUp = false;
                var client = _factory.CreateMqttClient();
                var down = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var session = CancellationTokenSource.CreateLinkedTokenSource(ct);
                client.ApplicationMessageReceivedAsync += OnMessage;
                client.DisconnectedAsync += e =>
                {
                    if (e.Exception is MqttProtocolViolationException) Interlocked.Increment(ref _protocolErrors);
                    // A timeout while up is MQTTnet's keep-alive: a PINGREQ went unanswered.
                    if (e.ClientWasConnected && _dropReason == null)
                        _dropReason = e.Exception is MqttCommunicationTimedOutException ? "keep-alive timeout: broker silent"
                            : Describe(e.Exception) ?? "broker closed the connection (" + e.Reason + ")";
                    down.TrySetResult();
                    return Task.CompletedTask;
                };
                lock (_gate) { _client = client; _down = down; _session = session; }
                try
                {
                    using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
                    {
                        timeout.CancelAfter(_o.ConnectTimeoutMs);
                        var result = await client.ConnectAsync(BuildOptions(), timeout.Token).ConfigureAwait(false);
                        if (result.ResultCode != MqttClientConnectResultCode.Success)
                            throw new IOException("broker refused the connection: " + ConnAckReason(result.ResultCode));
                        SessionPresent = result.IsSessionPresent;
                    }
                    attempt = 0;
                    await SessionUpAsync(client, session.Token).ConfigureAwait(false);
                    wasUp = true;
                    Raise(() => ConnectionChanged?.Invoke(true));
                    await down.Task.WaitAsync(ct).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    if (e is MqttProtocolViolationException || e.InnerException is MqttProtocolViolationException)
                        Interlocked.Increment(ref _protocolErrors);
                    if (!ct.IsCancellationRequested) _lastError = Describe(e);
                }
                string why = Interlocked.Exchange(ref _dropReason, null);
                if (why != null && !ct.IsCancellationRequested) _lastError = why;
                SessionDown(client, session, wasUp);
                if (ct.IsCancellationRequested) break;
                double r;
                lock (_random) r = _random.NextDouble();
                int delay = ReconnectBackoff.DelayMs(attempt++, _o.ReconnectMinMs, _o.ReconnectMaxMs, r);
                try { await Task.Delay(delay, ct).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
            }
        }

        MqttClientOptions BuildOptions()
        {
            var b = new MqttClientOptionsBuilder()
                .WithTcpServer(_o.Host, _o.Port)
                .WithClientId(_o.ClientId)
                .WithProtocolVersion(MqttProtocolVersion.V311)
                .WithCleanSession(_o.CleanSession)
                .WithTimeout(TimeSpan.FromMilliseconds(_o.ConnectTimeoutMs));
            b = _o.KeepAliveSeconds > 0 ? b.WithKeepAlivePeriod(TimeSpan.FromSeconds(_o.KeepAliveSeconds)) : b.WithNoKeepAlive();
            if (_o.Username != null) b = b.WithCredentials(_o.Username, _o.Password);
            lock (_gate)
            {
                if (_willTopic != null)
                    b = b.WithWillTopic(_willTopic).WithWillPayload(_will).WithWillRetain(_willRetain)
                        .WithWillQualityOfServiceLevel((MqttQualityOfServiceLevel)_willQos);
            }
            if (_o.UseTls)
            {
                b = b.WithTlsOptions(t =>
                {
                    t.UseTls().WithTargetHost(_o.TlsTargetHost ?? _o.Host)
                        .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                        .WithRevocationMode(X509RevocationMode.NoCheck)
                        .WithCertificateValidationHandler(e => ValidateServerCertificate(e.Certificate, e.SslPolicyErrors));
                    if (_o.ClientCertificate != null) t.WithClientCertificates(new X509Certificate2Collection(_o.ClientCertificate));
                });
            }
            return b.Build();
        }

        bool ValidateServerCertificate(X509Certificate cert, SslPolicyErrors errors)
        {
            if (_o.CaCertificate == null) return errors == SslPolicyErrors.None;
            if (cert == null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
                return false;
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.Add(_o.CaCertificate);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return custom.Build(new X509Certificate2(cert));
        }

        async Task SessionUpAsync(IMqttClient client, CancellationToken session)
        {
            Inflight[] resend;
            KeyValuePair<string, int>[] subs;
            lock (_gate)
            {
                // Without ResendAfterReconnect the tokens of the old session are forgotten (IMqttLink contract).
                if (!_o.ResendAfterReconnect) _inflight.Clear();
                resend = _inflight.ToArray();
                subs = _subscriptions.ToArray();
                _sessionOpen = true;
            }
            lock (_sendOrder)
                foreach (var e in resend) Send(client, session, e, dup: SessionPresent);
            foreach (var s in subs) await SubscribeAsync(client, s.Key, s.Value, session).ConfigureAwait(false);
            Interlocked.Increment(ref _connectCount);
            _connected = true;
            _up.Set();
        }

        void SessionDown(IMqttClient client, CancellationTokenSource session, bool wasUp)
        {
            lock (_gate) { _connected = false; _sessionOpen = false; if (_client == client) _client = null; }
            _up.Reset();
            session.Cancel();
            client.Dispose();
            session.Dispose();
            if (wasUp) Raise(() => ConnectionChanged?.Invoke(false));
        }

        void Send(IMqttClient client, CancellationToken session, Inflight entry, bool dup)
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(entry.Topic)
                .WithPayload(entry.Payload)
                .WithQualityOfServiceLevel(entry.Token > 0 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
                .WithRetainFlag(entry.Retain)
                .Build();
            message.Dup = dup;
            Task<MqttClientPublishResult> sent;
            try { sent = client.PublishAsync(message, session); }
            catch (Exception e) when (e is ObjectDisposedException || e is MqttCommunicationException || e is InvalidOperationException)
            {
                return; // the session is ending; the entry stays in flight until SessionUp decides its fate
            }
            if (entry.Token == 0) { Observe(sent); return; }
            sent.ContinueWith(t =>
            {
                if (!t.IsCompletedSuccessfully || !t.Result.IsSuccess) { _ = t.Exception; return; }
                bool mine;
                lock (_gate) mine = _inflight.Remove(entry);
                if (!mine) return;
                Interlocked.Increment(ref _delivered);
                Raise(() => Delivered?.Invoke(entry.Token));
            }, TaskScheduler.Default);
        }

        async Task SubscribeAsync(IMqttClient client, string filter, int qos, CancellationToken session)
        {
            var options = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(filter, (MqttQualityOfServiceLevel)qos)
                .Build();
            var result = await client.SubscribeAsync(options, session).ConfigureAwait(false);
            foreach (var item in result.Items)
            {
                if ((int)item.ResultCode <= (int)MqttClientSubscribeResultCode.GrantedQoS2) continue;
                Interlocked.Increment(ref _failedSubscriptions);
                _lastError = "broker refused subscription to " + filter;
            }
        }

        Task OnMessage(MqttApplicationMessageReceivedEventArgs e)
        {
            string topic = e.ApplicationMessage.Topic;
            if (!IsValidTopicName(topic))
            {
                // MQTTnet passes on what a broker must never send; the station only ever sees topic names.
                Interlocked.Increment(ref _protocolErrors);
                _lastError = "broker sent a PUBLISH to a wildcard topic; ignored";
                return Task.CompletedTask;
            }
            byte[] payload = e.ApplicationMessage.Payload.IsEmpty ? Array.Empty<byte>() : e.ApplicationMessage.Payload.ToArray();
            Interlocked.Increment(ref _received);
            // Acknowledged by MQTTnet after this returns; a crash before it makes the broker resend.
            Raise(() => MessageReceived?.Invoke(topic, payload));
            return Task.CompletedTask;
        }

        /// <summary>Words for a CONNACK refusal (MQTT 3.1.1 table 3.1), as MQTTnet reports it.</summary>
        public static string ConnAckReason(MqttClientConnectResultCode code) => code switch
        {
            MqttClientConnectResultCode.UnsupportedProtocolVersion => "unacceptable protocol version",
            MqttClientConnectResultCode.ClientIdentifierNotValid => "identifier rejected",
            MqttClientConnectResultCode.ServerUnavailable => "server unavailable",
            MqttClientConnectResultCode.BadUserNameOrPassword => "bad user name or password",
            MqttClientConnectResultCode.NotAuthorized => "not authorised",
            _ => code.ToString(),
        };

        static string Describe(Exception e)
        {
            while (e is AggregateException && e.InnerException != null) e = e.InnerException;
            if (e == null) return null;
            if (e is MQTTnet.Adapter.MqttConnectingFailedException)
            {
                // MQTTnet names the CONNACK code only in its message, e.g. "... failed (BadUserNameOrPassword)."
                foreach (MqttClientConnectResultCode code in Enum.GetValues<MqttClientConnectResultCode>())
                    if (e.Message.Contains("(" + code + ")")) return "broker refused the connection: " + ConnAckReason(code);
            }
            if (e is OperationCanceledException) return "no answer from the broker in time";
            string inner = e.InnerException != null ? ": " + e.InnerException.Message : "";
            return e.Message + inner;
        }

        static bool IsValidTopicName(string topic) =>
            !string.IsNullOrEmpty(topic) && topic.IndexOfAny(new[] { '+', '#', '\0' }) < 0 && topic.Length <= 65535;

        // Caller holds _gate. Tokens are positive and not reused for 2^31 publishes.
        int NextToken()
        {
            _nextToken++;
            if (_nextToken <= 0) _nextToken = 1;
            return _nextToken;
        }

        void Observe(Task t) => t.ContinueWith(done => { _ = done.Exception; }, TaskContinuationOptions.OnlyOnFaulted);

        void Raise(Action a)
        {
            // A subscriber's exception must not take the connection down with it.
            try { a(); }
            catch (Exception e) { _lastError = "event handler failed: " + e.Message; }
        }
    }
}
