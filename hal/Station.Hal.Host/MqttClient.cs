using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Station.Hal.Host
{
    /// <summary>A compact MQTT 3.1.1 client for Linux hosts (simulator, fleet, tests): connect with will, keep-alive,
    /// QoS 0/1 publish with PUBACK tracking, subscriptions restored after every reconnect, optional TLS, and a
    /// reconnect loop with exponential back-off and jitter. Implements the HAL's <see cref="IMqttLink"/>.</summary>
    /// <remarks>
    /// Connection states: Stopped → (Start) Connecting → Up → (socket error, keep-alive timeout, protocol error)
    /// Waiting (back-off) → Connecting … ; Disconnect/Abort from any state → Stopped.
    /// QoS 1 publishes stay in flight (in order) until their PUBACK or the session drops. With
    /// <see cref="MqttClientOptions.ResendAfterReconnect"/> they are resent first after a reconnect, with DUP set when
    /// the broker kept the session, so a token handed out is either delivered or still pending; without it (the
    /// IMqttLink contract a station's outbox relies on) the tokens of a dropped session are forgotten and the caller
    /// sends again. Everything the broker sends is checked; anything malformed drops the connection.
    /// </remarks>
    public sealed class MqttClient : IMqttLink, IDisposable
    {
        sealed class Inflight
        {
            public int Token;
            public ushort PacketId;
            public byte[] Packet;
        }

        static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        readonly MqttClientOptions _o;
        readonly object _gate = new object();       // in-flight list, subscriptions, will, packet ids
        readonly object _writeLock = new object();  // one writer on the socket at a time; taken before _gate
        readonly List<Inflight> _inflight = new List<Inflight>();
        readonly List<KeyValuePair<string, int>> _subscriptions = new List<KeyValuePair<string, int>>();
        readonly Dictionary<ushort, string> _pendingSubscribe = new Dictionary<ushort, string>();
        readonly ManualResetEventSlim _up = new ManualResetEventSlim(false);
        readonly Random _random;
        readonly byte[] _rbuf = new byte[16 * 1024];
        int _rpos, _rlen;

        TcpClient _tcp;
        Stream _stream;
        volatile bool _connected;
        CancellationTokenSource _cts;
        Task _loop;
        Timer _keepAliveTimer;
        ushort _nextPacketId;
        int _nextToken;
        long _lastSentMs, _lastReceivedMs;
        string _willTopic;
        byte[] _will;
        int _willQos;
        bool _willRetain;
        int _connectCount, _protocolErrors, _delivered, _received, _failedSubscriptions;
        string _lastError;
        string _dropReason;

        /// <summary>Creates a client; nothing happens until <see cref="Start"/>.</summary>
        public MqttClient(MqttClientOptions options)
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

        /// <summary>Starts the connection loop (connect, read, reconnect with back-off) in the background.</summary>
        public void Start()
        {
            lock (_gate)
            {
                if (_loop != null) return;
                _cts = new CancellationTokenSource();
                var token = _cts.Token;
                _loop = Task.Run(() => RunAsync(token));
            }
            int period = _o.KeepAliveSeconds > 0 ? Math.Clamp(_o.KeepAliveSeconds * 250, 50, 1000) : Timeout.Infinite;
            _keepAliveTimer = new Timer(_ => KeepAlive(), null, period, period);
        }

        /// <summary>Blocks until the session is up or the time is over; true when connected.</summary>
        public bool WaitConnected(int timeoutMs) => _up.Wait(timeoutMs) && _connected;

        /// <inheritdoc />
        public void SetWill(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            MqttPacket.ValidateTopicName(topic);
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
            if (!_connected) return -1;
            try { MqttPacket.ValidateTopicName(topic); }
            catch (ArgumentException) { return -1; }
            lock (_writeLock)
            {
                if (!_connected) return -1;
                if (qos == 0)
                    return TryWrite(MqttPacket.EncodePublish(topic, payload, offset, count, 0, retain, 0)) ? 0 : -1;
                Inflight entry;
                lock (_gate)
                {
                    if (_inflight.Count >= _o.MaxInflight) return -1;
                    entry = new Inflight { PacketId = NextPacketId(), Token = NextToken() };
                    entry.Packet = MqttPacket.EncodePublish(topic, payload, offset, count, 1, retain, entry.PacketId);
                    _inflight.Add(entry);
                }
                // A failed write leaves the entry in flight: resent after the reconnect, or forgotten (ResendAfterReconnect).
                TryWrite(entry.Packet);
                return entry.Token;
            }
        }

        /// <inheritdoc />
        public bool Subscribe(string topicFilter, int qos)
        {
            if (string.IsNullOrEmpty(topicFilter) || qos < 0 || qos > 1) return false;
            lock (_writeLock)
            {
                lock (_gate)
                {
                    for (int i = 0; i < _subscriptions.Count; i++)
                        if (_subscriptions[i].Key == topicFilter) { _subscriptions.RemoveAt(i); break; }
                    _subscriptions.Add(new KeyValuePair<string, int>(topicFilter, qos));
                }
                if (_connected) SendSubscribe(topicFilter, qos);
            }
            return true;
        }

        /// <summary>Clean disconnect: sends DISCONNECT (the broker discards the will) and stops reconnecting.</summary>
        public void Disconnect()
        {
            lock (_writeLock)
            {
                if (_connected) TryWrite(MqttPacket.EncodeDisconnect());
            }
            Stop();
        }

        /// <summary>Kills the connection without DISCONNECT and stops, as a crashed station would: the broker
        /// publishes the will once it notices.</summary>
        public void Abort() => Stop();

        /// <summary>Drops the current connection (as a network fault would); the loop reconnects after its back-off.</summary>
        public void DropConnection(string reason = "dropped by request") => Drop(reason);

        /// <inheritdoc />
        public void Dispose() => Disconnect();

        void Stop()
        {
            CancellationTokenSource cts;
            Task loop;
            lock (_gate) { cts = _cts; loop = _loop; _cts = null; _loop = null; }
            _keepAliveTimer?.Dispose();
            _keepAliveTimer = null;
            if (cts == null) return;
            cts.Cancel();
            CloseSocket();
            try { loop?.Wait(5000); } catch (AggregateException) { }
            cts.Dispose();
        }

        async Task RunAsync(CancellationToken ct)
        {
            int attempt = 0;
            while (!ct.IsCancellationRequested)
            {
                bool wasUp = false;
                try
                {
                    await ConnectAsync(ct).ConfigureAwait(false);
                    attempt = 0;
                    wasUp = true;
                    SessionUp();
                    await ReadLoopAsync(ct).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    if (e is MqttProtocolException) Interlocked.Increment(ref _protocolErrors);
                    // A deliberate drop (keep-alive, failed write) explains itself better than the read it interrupted.
                    string why = Interlocked.Exchange(ref _dropReason, null);
                    if (!ct.IsCancellationRequested) _lastError = why ?? e.Message;
                }
                SessionDown(wasUp);
                if (ct.IsCancellationRequested) break;
                double r;
                lock (_random) r = _random.NextDouble();
                int delay = ReconnectBackoff.DelayMs(attempt++, _o.ReconnectMinMs, _o.ReconnectMaxMs, r);
                try { await Task.Delay(delay, ct).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
            }
        }

        async Task ConnectAsync(CancellationToken ct)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_o.ConnectTimeoutMs);
            var tcp = new TcpClient { NoDelay = true };
            tcp.Client.SendTimeout = 10000;
            _tcp = tcp;
            await tcp.ConnectAsync(_o.Host, _o.Port, timeout.Token).ConfigureAwait(false);
            Stream stream = tcp.GetStream();
            if (_o.UseTls)
            {
                var ssl = new SslStream(stream, false, ValidateServerCertificate);
                var auth = new SslClientAuthenticationOptions
                {
                    TargetHost = _o.TlsTargetHost ?? _o.Host,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                };
                if (_o.ClientCertificate != null) auth.ClientCertificates = new X509CertificateCollection { _o.ClientCertificate };
                await ssl.AuthenticateAsClientAsync(auth, timeout.Token).ConfigureAwait(false);
                stream = ssl;
            }
            _rpos = _rlen = 0;
            _stream = stream;
            byte[] connect;
            lock (_gate) connect = MqttPacket.EncodeConnect(_o, _willTopic, _will, _willQos, _willRetain);
            lock (_writeLock) if (!TryWrite(connect)) throw new IOException("could not send CONNECT");

            var (type, flags, length) = await ReadHeaderAsync(timeout.Token).ConfigureAwait(false);
            if (type != MqttPacket.ConnAck || flags != 0 || length != 2)
                throw new MqttProtocolException($"expected CONNACK, got packet type {type} flags {flags} length {length}");
            var body = new byte[2];
            await ReadExactAsync(body, 2, timeout.Token).ConfigureAwait(false);
            if ((body[0] & 0xFE) != 0) throw new MqttProtocolException("CONNACK acknowledge flags reserved bits set");
            if (body[1] != 0) throw new IOException("broker refused the connection: " + ConnAckReason(body[1]));
            SessionPresent = (body[0] & 1) != 0;
            _lastReceivedMs = Environment.TickCount64;
        }

        /// <summary>Words for a CONNACK return code (MQTT 3.1.1 table 3.1).</summary>
        public static string ConnAckReason(int code) => code switch
        {
            1 => "unacceptable protocol version",
            2 => "identifier rejected",
            3 => "server unavailable",
            4 => "bad user name or password",
            5 => "not authorised",
            _ => "return code " + code,
        };

        bool ValidateServerCertificate(object sender, X509Certificate cert, X509Chain chain, SslPolicyErrors errors)
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

        void SessionUp()
        {
            lock (_writeLock)
            {
                Inflight[] resend;
                KeyValuePair<string, int>[] subs;
                lock (_gate)
                {
                    // Without ResendAfterReconnect the tokens of the old session are forgotten (IMqttLink contract).
                    if (!_o.ResendAfterReconnect) _inflight.Clear();
                    resend = _inflight.ToArray();
                    subs = _subscriptions.ToArray();
                    _pendingSubscribe.Clear();
                }
                foreach (var e in resend)
                {
                    if (SessionPresent) MqttPacket.SetDup(e.Packet);
                    if (!TryWrite(e.Packet)) throw new IOException("connection lost while resending in-flight messages");
                }
                foreach (var s in subs) SendSubscribe(s.Key, s.Value);
                Interlocked.Increment(ref _connectCount);
                _connected = true;
            }
            _up.Set();
            Raise(() => ConnectionChanged?.Invoke(true));
        }

        void SessionDown(bool wasUp)
        {
            _connected = false;
            _up.Reset();
            CloseSocket();
            if (wasUp) Raise(() => ConnectionChanged?.Invoke(false));
        }

        async Task ReadLoopAsync(CancellationToken ct)
        {
            while (true)
            {
                var (type, flags, length) = await ReadHeaderAsync(ct).ConfigureAwait(false);
                byte[] body = length == 0 ? Array.Empty<byte>() : new byte[length];
                if (length > 0) await ReadExactAsync(body, length, ct).ConfigureAwait(false);
                _lastReceivedMs = Environment.TickCount64;
                Handle(type, flags, body);
            }
        }

        void Handle(int type, int flags, byte[] body)
        {
            switch (type)
            {
                case MqttPacket.Publish:
                    HandlePublish(flags, body);
                    break;
                case MqttPacket.PubAck:
                {
                    Expect(flags == 0 && body.Length == 2, "PUBACK must have flags 0 and length 2");
                    ushort id = (ushort)((body[0] << 8) | body[1]);
                    int token = 0;
                    lock (_gate)
                    {
                        for (int i = 0; i < _inflight.Count; i++)
                            if (_inflight[i].PacketId == id) { token = _inflight[i].Token; _inflight.RemoveAt(i); break; }
                    }
                    // An unknown id is a PUBACK for a resend we already had acknowledged: harmless, ignored.
                    if (token != 0)
                    {
                        Interlocked.Increment(ref _delivered);
                        Raise(() => Delivered?.Invoke(token));
                    }
                    break;
                }
                case MqttPacket.SubAck:
                {
                    Expect(flags == 0 && body.Length >= 3, "SUBACK must have flags 0 and at least one return code");
                    ushort id = (ushort)((body[0] << 8) | body[1]);
                    string filter;
                    lock (_gate) { _pendingSubscribe.TryGetValue(id, out filter); _pendingSubscribe.Remove(id); }
                    for (int i = 2; i < body.Length; i++)
                    {
                        byte rc = body[i];
                        Expect(rc == 0 || rc == 1 || rc == 2 || rc == 0x80, "SUBACK return code " + rc + " is not valid");
                        if (rc == 0x80)
                        {
                            Interlocked.Increment(ref _failedSubscriptions);
                            _lastError = "broker refused subscription to " + (filter ?? "?");
                        }
                    }
                    break;
                }
                case MqttPacket.UnsubAck:
                    Expect(flags == 0 && body.Length == 2, "UNSUBACK must have flags 0 and length 2");
                    break;
                case MqttPacket.PingResp:
                    Expect(flags == 0 && body.Length == 0, "PINGRESP must have flags 0 and length 0");
                    break;
                default:
                    throw new MqttProtocolException("broker sent packet type " + type + ", which a client never receives here");
            }
        }

        void HandlePublish(int flags, byte[] body)
        {
            int qos = (flags >> 1) & 3;
            Expect(qos != 3, "PUBLISH with QoS 3");
            Expect(qos != 2, "PUBLISH with QoS 2, but every subscription asked for at most QoS 1");
            Expect(body.Length >= 2, "PUBLISH shorter than its topic length");
            int topicLength = (body[0] << 8) | body[1];
            int pos = 2 + topicLength;
            Expect(topicLength > 0 && pos + (qos > 0 ? 2 : 0) <= body.Length, "PUBLISH topic length runs past the packet");
            string topic;
            try { topic = StrictUtf8.GetString(body, 2, topicLength); }
            catch (ArgumentException) { throw new MqttProtocolException("PUBLISH topic is not valid UTF-8"); }
            Expect(topic.IndexOfAny(new[] { '+', '#', '\0' }) < 0, "PUBLISH topic contains a wildcard or NUL");
            ushort id = 0;
            if (qos == 1)
            {
                id = (ushort)((body[pos] << 8) | body[pos + 1]);
                Expect(id != 0, "PUBLISH QoS 1 with packet id 0");
                pos += 2;
            }
            var payload = new byte[body.Length - pos];
            Buffer.BlockCopy(body, pos, payload, 0, payload.Length);
            Interlocked.Increment(ref _received);
            Raise(() => MessageReceived?.Invoke(topic, payload));
            // Acknowledged after the handler has taken the message; a crash before this makes the broker resend.
            if (qos == 1) lock (_writeLock) TryWrite(MqttPacket.EncodePubAck(id));
        }

        static void Expect(bool condition, string what)
        {
            if (!condition) throw new MqttProtocolException(what);
        }

        async ValueTask<(int type, int flags, int length)> ReadHeaderAsync(CancellationToken ct)
        {
            byte first = await ReadByteAsync(ct).ConfigureAwait(false);
            int length = 0, multiplier = 1;
            for (int i = 0; ; i++)
            {
                if (i == 4) throw new MqttProtocolException("remaining length longer than four bytes");
                byte d = await ReadByteAsync(ct).ConfigureAwait(false);
                length += (d & 0x7F) * multiplier;
                multiplier *= 128;
                if ((d & 0x80) == 0) break;
            }
            if (length > _o.MaxIncomingPacketBytes)
                throw new MqttProtocolException($"packet of {length} bytes exceeds the limit of {_o.MaxIncomingPacketBytes}");
            return (first >> 4, first & 0x0F, length);
        }

        async ValueTask<byte> ReadByteAsync(CancellationToken ct)
        {
            if (_rpos == _rlen) await FillAsync(ct).ConfigureAwait(false);
            return _rbuf[_rpos++];
        }

        async ValueTask ReadExactAsync(byte[] dst, int count, CancellationToken ct)
        {
            int off = 0;
            while (off < count)
            {
                if (_rpos == _rlen) await FillAsync(ct).ConfigureAwait(false);
                int n = Math.Min(count - off, _rlen - _rpos);
                Buffer.BlockCopy(_rbuf, _rpos, dst, off, n);
                _rpos += n;
                off += n;
            }
        }

        async ValueTask FillAsync(CancellationToken ct)
        {
            var s = _stream ?? throw new IOException("not connected");
            int n = await s.ReadAsync(_rbuf.AsMemory(), ct).ConfigureAwait(false);
            if (n <= 0) throw new IOException("broker closed the connection");
            _rpos = 0;
            _rlen = n;
        }

        void KeepAlive()
        {
            if (!_connected || _o.KeepAliveSeconds <= 0) return;
            long now = Environment.TickCount64;
            long period = _o.KeepAliveSeconds * 1000L;
            if (now - Volatile.Read(ref _lastReceivedMs) > period * 3 / 2) { Drop("keep-alive timeout: broker silent"); return; }
            if (now - Volatile.Read(ref _lastSentMs) >= period / 2)
                lock (_writeLock) TryWrite(MqttPacket.EncodePingReq());
        }

        void SendSubscribe(string filter, int qos)
        {
            ushort id;
            lock (_gate) { id = NextPacketId(); _pendingSubscribe[id] = filter; }
            TryWrite(MqttPacket.EncodeSubscribe(id, filter, qos));
        }

        // Caller holds _writeLock.
        bool TryWrite(byte[] packet)
        {
            var s = _stream;
            if (s == null) return false;
            try
            {
                s.Write(packet, 0, packet.Length);
                s.Flush();
                Volatile.Write(ref _lastSentMs, Environment.TickCount64);
                return true;
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
            {
                Drop("write failed: " + e.Message);
                return false;
            }
        }

        void Drop(string reason)
        {
            _lastError = reason;
            Volatile.Write(ref _dropReason, reason);
            CloseSocket();
        }

        void CloseSocket()
        {
            var s = _stream;
            var t = _tcp;
            try { s?.Dispose(); } catch (Exception) { }
            try { t?.Dispose(); } catch (Exception) { }
        }

        // Caller holds _gate. Skips 0 and ids still in use.
        ushort NextPacketId()
        {
            while (true)
            {
                _nextPacketId++;
                if (_nextPacketId == 0) continue;
                bool used = _pendingSubscribe.ContainsKey(_nextPacketId);
                for (int i = 0; !used && i < _inflight.Count; i++) used = _inflight[i].PacketId == _nextPacketId;
                if (!used) return _nextPacketId;
            }
        }

        // Caller holds _gate. Tokens are positive and not reused for 2^31 publishes.
        int NextToken()
        {
            _nextToken++;
            if (_nextToken <= 0) _nextToken = 1;
            return _nextToken;
        }

        void Raise(Action a)
        {
            // A subscriber's exception must not take the connection down with it.
            try { a(); }
            catch (Exception e) { _lastError = "event handler failed: " + e.Message; }
        }
    }
}
