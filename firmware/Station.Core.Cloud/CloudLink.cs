using System;
using System.Collections;
using Station.Hal;

namespace Station.Core.Cloud
{
    /// <summary>The station's cloud link: Sparkplug-style birth/death on the retained state topic, periodic telemetry,
    /// journaled records (events, faults, audit) through the <see cref="Outbox"/>, and strict command handling with
    /// replies. Everything happens in <see cref="Tick"/>; the MQTT adapter's callbacks only queue.</summary>
    /// <remarks>
    /// Link states as the core sees them: Offline (records accumulate in the outbox, telemetry sampled sparsely) →
    /// Online on the adapter's ConnectionChanged(true): birth published (bdSeq = the one in the will registered at
    /// this connect, seq restarts at 0), the will for the next connect gets bdSeq+1, the outbox drains in order →
    /// Offline again on ConnectionChanged(false); the broker publishes the death. <see cref="Stop"/> (clean shutdown):
    /// the station publishes the death itself, then disconnects cleanly (the broker discards the will) → Stopped.
    /// </remarks>
    public sealed class CloudLink : ICloudPayload, ISwapAdmission
    {
        const int TokenRing = 256;
        /// <summary>Most received messages waiting for the tick; beyond it a flood is dropped and counted.</summary>
        public const int MaxQueuedMessages = 64;
        const string BdSeqFile = "cloud.bdseq";
        /// <summary>Largest update chunk payload (see <see cref="CloudUpdateBridge.MaxChunkPayload"/>).</summary>
        public const int MaxChunkPayload = CloudUpdateBridge.MaxChunkPayload;
        readonly SwapEndLedger _swapEnds;
        bool _started;

        readonly IMqttLink _link;
        readonly IStorage _storage;
        readonly IClock _clock;
        readonly ICloudStation _station;
        readonly CloudLinkConfig _config;
        readonly CloudTopics _topics;
        readonly Outbox _outbox;
        readonly CommandParser _parser;
        readonly CloudCommand _command = new CloudCommand();
        readonly JsonWriter _w = new JsonWriter(Outbox.MaxPayloadBytes);
        readonly CloudUpdateBridge _update;
        readonly object _gate = new object();
        bool _loggedOnline;
        readonly int[] _tokens = new int[TokenRing];
        readonly ArrayList _inTopics = new ArrayList();
        readonly ArrayList _inPayloads = new ArrayList();
        readonly byte[] _seqBuffer = new byte[8];
        int _tokenHead, _tokenCount;
        int _pendingUp, _pendingDown;
        bool _online, _stopped;
        uint _bdSeq;        // the bdSeq in the will the adapter registers at its next connect
        uint _sessionBdSeq; // the bdSeq of the session now up (its birth and its registered will)
        long _seq;
        long _lastTelemetryMs, _lastOfflineTelemetryMs;
        string _lastStateName;
        int _births, _droppedMessages, _commandsAccepted, _commandsRejected, _lostTokens;
        CloudResult _lastResult;

        /// <summary>Builds the link; call <see cref="Start"/> before the adapter connects.</summary>
        public CloudLink(IMqttLink link, IStorage storage, IClock clock, ICloudStation station, CloudLinkConfig config)
        {
            if (!CloudTopics.IsValidStationId(config.StationId)) throw new ArgumentException("station id: " + Station.Core.Config.StationName.RuleText);
            if (!CloudTopics.IsValidStationId(config.TopicPrefix)) throw new ArgumentException("topic prefix: " + Station.Core.Config.StationName.RuleText);
            _link = link;
            _storage = storage;
            _swapEnds = new SwapEndLedger(storage);
            _clock = clock;
            _station = station;
            _config = config;
            _topics = new CloudTopics(config.TopicPrefix, config.StationId);
            _outbox = new Outbox(storage, config.OutboxPrefix, config.OutboxSegmentBytes, config.OutboxMaxSegments);
            _parser = new CommandParser(_topics.Command);
            _update = new CloudUpdateBridge(this);
        }

        /// <summary>The station's update agent, or null (update commands are then refused). Set before <see cref="Start"/>.</summary>
        public IFirmwareUpdate Update { get { return _update.Agent; } set { _update.Agent = value; } }
        /// <summary>Update chunks dropped because one was still waiting (the sender resends from the offset it was told).</summary>
        public int DroppedChunks { get { return _update.DroppedChunks; } }

        /// <summary>The topic tree.</summary>
        public CloudTopics Topics { get { return _topics; } }
        /// <summary>The outbox (health figures for telemetry and the console).</summary>
        public Outbox Outbox { get { return _outbox; } }
        /// <summary>True between the birth and the loss of the session.</summary>
        public bool Online { get { return _online; } }
        /// <summary>Birth/death sequence number of the current session (of the next one while offline).</summary>
        public uint BdSeq { get { return _online ? _sessionBdSeq : _bdSeq; } }
        /// <summary>Births published since start.</summary>
        public int Births { get { return _births; } }
        /// <summary>Commands accepted / rejected since start.</summary>
        public int CommandsAccepted { get { return _commandsAccepted; } }
        /// <summary>Commands rejected since start.</summary>
        public int CommandsRejected { get { return _commandsRejected; } }
        /// <summary>Received messages dropped because too many were waiting (a flood).</summary>
        public int DroppedMessages { get { return _droppedMessages; } }
        /// <summary>The last command's result (for tests and the console).</summary>
        public CloudResult LastResult { get { return _lastResult; } }
        /// <summary>False when the outbox is too full for new swaps; the controller must then refuse them.</summary>
        public bool SwapsAllowed { get { return _outbox.SwapsAllowed; } }
        /// <summary>Where the link logs going online and offline (the console's log ring), or null.</summary>
        public ILog Log;

        /// <summary>The link and outbox state in words, for the console's <c>status</c>.</summary>
        public string Describe()
        {
            string text = (_online ? "online as " : "offline (records wait in the outbox) as ") + _config.StationId
                + "; outbox " + _outbox.Pending.ToString() + " record(s) not yet acknowledged, " + _outbox.FillPercent.ToString()
                + " % full; commands " + _commandsAccepted.ToString() + " accepted, " + _commandsRejected.ToString() + " refused";
            string why = WhyNoSwaps();
            return why == null ? text : text + "; " + why;
        }
        /// <summary>Why new swaps are refused by the cloud side, or null.</summary>
        public string WhyNoSwaps()
        {
            string why = _outbox.WhyNoSwaps();
            if (why != null && _config.StorageWarning != null) why = why + "; " + _config.StorageWarning;
            return why;
        }

        /// <summary>Recovers the outbox and bdSeq, registers the death certificate as the will and subscribes to the
        /// command topic. Call once, before the adapter first connects.</summary>
        public void Start()
        {
            _outbox.Open();
            _started = true;
            _bdSeq = ReadBdSeq();
            SetWill();
            _link.MessageReceived += OnMessage;
            _link.Delivered += OnDelivered;
            _link.ConnectionChanged += OnConnectionChanged;
            _link.Subscribe(_topics.Command, 1);
            if (_update.Agent != null) _link.Subscribe(_topics.Update, 1);
            _lastStateName = _station.StateName;
            if (_link.IsConnected) lock (_gate) _pendingUp++;
            _station.LinkStarted();
        }

        /// <summary>Clean shutdown: publishes the death of the session now up (the same mid and bdSeq as the will the
        /// broker holds, retained, QoS 1) and then disconnects cleanly, which makes the broker discard the will. Without
        /// this a clean DISCONNECT would leave the retained state saying online. Call once, last; idempotent.</summary>
        public void Stop()
        {
            if (_stopped) return;
            _stopped = true;
            if (_online && _link.IsConnected)
            {
                WriteDeath(_sessionBdSeq);
                if (!_w.Overflow) _link.Publish(_topics.State, _w.Buffer, 0, _w.Length, 1, true);
            }
            _online = false;
            _link.MessageReceived -= OnMessage;
            _link.Delivered -= OnDelivered;
            _link.ConnectionChanged -= OnConnectionChanged;
            _link.Disconnect();
        }

        /// <summary>True once <see cref="Stop"/> ran.</summary>
        public bool Stopped { get { return _stopped; } }

        /// <summary>One period of the link: connection changes, acknowledgements, commands, state changes,
        /// telemetry, outbox draining. Never blocks.</summary>
        public void Tick()
        {
            if (_stopped) return;
            long now = _clock.NowMs;
            int up, down;
            lock (_gate) { up = _pendingUp; down = _pendingDown; _pendingUp = 0; _pendingDown = 0; }

            // Acknowledgements first: those that came in before a drop still count; nothing of a new session can be
            // among them, since the core publishes only below, in this tick.
            while (true)
            {
                int token;
                lock (_gate)
                {
                    if (_tokenCount == 0) break;
                    token = _tokens[_tokenHead];
                    _tokenHead = (_tokenHead + 1) % TokenRing;
                    _tokenCount--;
                }
                _outbox.Acknowledge(token);
            }

            // A drop (even one already followed by a reconnect) means the adapter forgot what was in flight.
            if (down > 0) _outbox.Rewind();
            if (down > 0 && up == 0) _online = false;
            if (up > 0 && _link.IsConnected) Birth(now, true);
            else if (up > 0 || down > 0) _online = _link.IsConnected && _online;
            if (_online != _loggedOnline && Log != null)
            {
                _loggedOnline = _online;
                Log.Write(_online ? LogLevel.Info : LogLevel.Warning, _online
                    ? "cloud: online; outbox " + _outbox.Pending.ToString() + " record(s) to send"
                    : "cloud: offline; records wait in the outbox (" + _outbox.Pending.ToString() + " not yet acknowledged)");
            }

            // Commands wait in the queue until the session is online: a broker delivers a persistent session's queued
            // command right after CONNACK, before the adapter reports the connection, and a reply published then would
            // be dropped (the cloud would never hear of a command the station applied).
            for (int i = 0; i < _config.CommandsPerTick && _online; i++)
            {
                string topic;
                byte[] payload;
                lock (_gate)
                {
                    if (_inTopics.Count == 0) break;
                    topic = (string)_inTopics[0];
                    payload = (byte[])_inPayloads[0];
                    _inTopics.RemoveAt(0);
                    _inPayloads.RemoveAt(0);
                }
                HandleCommand(topic, payload);
            }

            if (_online) _update.PumpChunk();
            _update.RecordUpdateStatus();

            string state = _station.StateName;
            if (state != _lastStateName)
            {
                _lastStateName = state;
                if (_online) PublishState(CloudWords.State);
            }

            if (_online)
            {
                if (now - _lastTelemetryMs >= _config.TelemetryPeriodMs) { PublishTelemetry(); _lastTelemetryMs = now; }
            }
            else if (now - _lastOfflineTelemetryMs >= _config.OfflineTelemetryPeriodMs)
            {
                _lastOfflineTelemetryMs = now;
                BeginRecord(CloudWords.Telemetry);
                _w.Member(CloudWords.Fw, _config.Firmware);
                _station.WriteTelemetry(_w);
                WriteHealth();
                EndRecord(RecordKind.Telemetry, true);
            }

            _outbox.Pump(_link, _topics.ByKind, now);
        }

        /// <summary>Journals a swap event ("swap.started", "swap.step", "swap.completed", "swap.held", "swap.aborted")
        /// with its record written by <paramref name="body"/>. False only when the outbox had no room (counted).</summary>
        public bool RecordEvent(string type, ICloudPayload body)
        {
            BeginRecord(type);
            if (body != null) body.WriteMembers(_w);
            return EndRecord(RecordKind.Event, !_online);
        }

        /// <summary>Journals the one record that ends swap <paramref name="swapId"/> ("swap.completed", "swap.aborted",
        /// "swap.cancelled", "swap.interrupted") with a message id derived from the swap (same id when it is appended
        /// again after a power cut), and notes it in the <see cref="SwapEnds"/> ledger. False when the outbox had no room.</summary>
        public bool RecordSwapEnd(string type, ICloudPayload body, int swapId, System.DateTime startUtc)
        {
            BeginRecord(type, CloudWords.MidSwapEnd, SwapEndLedger.StartNonce(startUtc), swapId);
            if (body != null) body.WriteMembers(_w);
            bool ok = EndRecord(RecordKind.Event, !_online);
            if (ok) _swapEnds.Recorded(swapId);
            return ok;
        }

        /// <summary>Which swap's end record the outbox already holds (survives a reboot).</summary>
        public SwapEndLedger SwapEnds { get { return _swapEnds; } }

        /// <summary>True once <see cref="Start"/> has opened the outbox.</summary>
        public bool Started { get { return _started; } }

        /// <summary>Journals a fault raised or cleared.</summary>
        public bool RecordFault(bool raised, int code, string name, string detail)
        {
            BeginRecord(raised ? CloudWords.FaultRaised : CloudWords.FaultCleared);
            _w.Member(CloudWords.Code, code);
            _w.Member(CloudWords.Name, name);
            if (detail != null) _w.Member(CloudWords.Detail, detail);
            return EndRecord(RecordKind.Fault, !_online);
        }

        /// <summary>Journals an audit entry: <paramref name="source"/> "cloud" or "console", who, what, and the outcome.</summary>
        public bool RecordAudit(string source, string who, string what, bool accepted, CloudReason reason, string detail)
        {
            BeginRecord(CloudWords.Audit);
            _w.Member(CloudWords.Src, source);
            _w.Member(CloudWords.By, who);
            _w.Member(CloudWords.What, what);
            _w.MemberBool(CloudWords.Ok, accepted);
            _w.Member(CloudWords.Reason, CloudReasons.Name(reason));
            _w.Member(CloudWords.Code, (int)reason);
            if (detail != null) _w.Member(CloudWords.Detail, detail);
            return EndRecord(RecordKind.Audit, !_online);
        }

        /// <summary>The link's own health as members (telemetry writes it; also usable inside a station's telemetry).</summary>
        public void WriteMembers(JsonWriter w)
        {
            w.Name(CloudWords.Link);
            w.BeginObject();
            w.MemberBool(CloudWords.Online, _online);
            w.Member(CloudWords.BdSeq, BdSeq);
            w.Member(CloudWords.Births, _births);
            w.Member(CloudWords.CmdAccepted, _commandsAccepted);
            w.Member(CloudWords.CmdRejected, _commandsRejected);
            w.Member(CloudWords.CmdDropped, _droppedMessages);
            w.EndObject();
            w.Name(CloudWords.Outbox);
            w.BeginObject();
            w.Member(CloudWords.Pending, _outbox.Pending);
            w.Member(CloudWords.FillPct, _outbox.FillPercent);
            w.Member(CloudWords.UsedBytes, _outbox.UsedBytes);
            w.Member(CloudWords.DroppedTelemetry, _outbox.DroppedTelemetry);
            w.Member(CloudWords.DroppedRecords, _outbox.DroppedRecords);
            w.Member(CloudWords.Corrupt, _outbox.CorruptFrames);
            w.MemberBool(CloudWords.SwapsAllowed, _outbox.SwapsAllowed);
            w.Member(CloudWords.CapacityBytes, _outbox.CapacityBytes);
            if (_config.StorageWarning != null) w.Member(CloudWords.StorageWarning, _config.StorageWarning);
            w.EndObject();
        }

        void WriteHealth() { WriteMembers(_w); }

        // ---- adapter callbacks (any thread): queue only ----

        void OnConnectionChanged(bool connected)
        {
            lock (_gate) { if (connected) _pendingUp++; else _pendingDown++; }
        }

        void OnDelivered(int token)
        {
            lock (_gate)
            {
                if (_tokenCount == TokenRing) { _lostTokens++; return; }
                _tokens[(_tokenHead + _tokenCount) % TokenRing] = token;
                _tokenCount++;
            }
        }

        void OnMessage(string topic, byte[] payload)
        {
            if (_update.OnChunk(topic, payload)) return;
            lock (_gate)
            {
                if (_inTopics.Count >= MaxQueuedMessages) { _droppedMessages++; return; }
                _inTopics.Add(topic);
                _inPayloads.Add(payload);
            }
        }

        // ---- commands ----

        void HandleCommand(string topic, byte[] payload)
        {
            DateTime now = _clock.UtcNow;
            CloudReason parsed = _parser.Parse(topic, payload, 0, payload == null ? 0 : payload.Length, now, now.Year >= 2024, _command);
            CloudResult result;
            if (parsed != CloudReason.Accepted) result = CloudResult.Refuse(parsed, _command.Detail);
            else result = Apply(_command);
            _lastResult = result;
            if (result.Accepted) _commandsAccepted++;
            else _commandsRejected++;

            string what = _command.Name != null ? _command.Name : _command.TypedName != null ? "unknown:" + _command.TypedName : "(unparsed)";
            if (_command.Vehicle != null) what = what + " vehicle=" + _command.Vehicle;
            if (_command.Pack != null) what = what + " pack=" + _command.Pack;
            if (_command.Key != null) what = what + " key=" + _command.Key;
            if (_command.Value != null) what = what + " value=" + _command.Value;
            if (_command.Code != 0) what = what + " code=" + _command.Code.ToString();
            if (_command.Version != null) what = what + " version=" + _command.Version + " size=" + _command.Size.ToString();
            if (_command.Mid != null) what = what + " mid=" + _command.Mid;
            RecordAudit("cloud", _command.By != null ? _command.By : "cloud", what, result.Accepted, result.Reason, result.Message);

            if (parsed == CloudReason.WrongTopic) return; // not ours to answer
            BeginLive(CloudWords.Reply);
            if (_command.Mid != null) _w.Member(CloudWords.Re, _command.Mid);
            else { _w.Name(CloudWords.Re); _w.Null(); }
            if (_command.Name != null) _w.Member(CloudWords.Cmd, _command.Name);
            _w.MemberBool(CloudWords.Ok, result.Accepted);
            _w.Member(CloudWords.Reason, CloudReasons.Name(result.Reason));
            _w.Member(CloudWords.Code, (int)result.Reason);
            if (result.Message != null) _w.Member(CloudWords.Msg, result.Message);
            EndLive(_topics.Reply, 1, false);
        }

        // The authorisation a parsed swap.authorize names: a car's pack, or a truck's block positions and their standards.
        static SwapAuthorization Booking(CloudCommand c)
        {
            var auth = new SwapAuthorization(c.Vehicle, c.Pack);
            auth.Book(c.Booking);
            return auth;
        }

        CloudResult Apply(CloudCommand c)
        {
            switch (c.Kind)
            {
                case CommandKind.SwapAuthorize:
                    if (!_outbox.SwapsAllowed) return CloudResult.Refuse(CloudReason.OutboxFull, WhyNoSwaps());
                    long validForMs = 0;
                    if (c.HasExpiry) validForMs = (c.Expiry.Ticks - _clock.UtcNow.Ticks) / TimeSpan.TicksPerMillisecond;
                    return _station.Authorize(Booking(c), validForMs);
                case CommandKind.SwapCancel: return _station.Cancel();
                case CommandKind.StationStatus:
                    if (_online) { PublishState(CloudWords.State); PublishTelemetry(); }
                    return CloudResult.Ok(null);
                case CommandKind.StationRebirth:
                    if (_online) Birth(_clock.NowMs, false);
                    return CloudResult.Ok(null);
                case CommandKind.ConfigGet: return _station.GetConfig(c.Key);
                case CommandKind.ConfigSet: return _station.SetConfig(c.Key, c.Value);
                case CommandKind.MaintenanceEnter: return _station.EnterMaintenance();
                case CommandKind.MaintenanceLeave: return _station.LeaveMaintenance();
                case CommandKind.FaultReset: return _station.ResetFault(c.Code);
                case CommandKind.UpdateOffer:
                case CommandKind.UpdateCancel:
                case CommandKind.UpdateQuery: return _update.Apply(c);
            }
            return CloudResult.Refuse(CloudReason.UnknownCommand, c.Name);
        }

        // ---- birth, state, telemetry ----

        void Birth(long now, bool newSession)
        {
            // A new session's will (registered at this connect) carries _bdSeq; its birth matches it (Sparkplug). A
            // rebirth on request keeps the session's bdSeq and restarts seq.
            if (newSession) _sessionBdSeq = _bdSeq;
            _seq = 0;
            _online = true;
            _births++;
            PublishState(CloudWords.Birth);
            PublishTelemetry();
            _lastTelemetryMs = now;
            if (!newSession) return;
            _bdSeq = _sessionBdSeq + 1;
            WriteBdSeq(_bdSeq);
            SetWill();
        }

        void PublishState(string type)
        {
            BeginLive(type);
            _w.MemberBool(CloudWords.Online, true);
            _w.Member(CloudWords.BdSeq, _sessionBdSeq);
            if (type == CloudWords.Birth)
            {
                _w.Member(CloudWords.Fw, _config.Firmware);
                _w.Member(CloudWords.Commit, _config.FirmwareCommit);
                _w.Member(CloudWords.Schema, CommandParser.SchemaVersion);
            }
            _station.WriteState(_w);
            EndLive(_topics.State, 1, true);
        }

        void PublishTelemetry()
        {
            BeginLive(CloudWords.Telemetry);
            _w.Member(CloudWords.Fw, _config.Firmware);
            _station.WriteTelemetry(_w);
            WriteHealth();
            EndLive(_topics.Telemetry, 0, false);
        }

        void SetWill()
        {
            WriteDeath(_bdSeq);
            if (!_w.Overflow) _link.SetWill(_topics.State, _w.Buffer, 0, _w.Length, 1, true);
        }

        void WriteDeath(uint bdSeq)
        {
            _w.Reset();
            _w.BeginObject();
            _w.Member(CloudWords.V, CommandParser.SchemaVersion);
            _w.Member(CloudWords.Sid, _config.StationId);
            _w.Name(CloudWords.Mid); _w.MessageId(CloudWords.MidDeath, _config.BootNonce, bdSeq, -1);
            _w.Member(CloudWords.Seq, 0);
            _w.MemberUtc(CloudWords.Ts, _clock.UtcNow);
            _w.Member(CloudWords.Type, CloudWords.Death);
            _w.MemberBool(CloudWords.Online, false);
            _w.Member(CloudWords.BdSeq, bdSeq);
            _w.EndObject();
        }

        /// <summary>Starts a live message (not journaled) of <paramref name="type"/> and returns the writer for its members.</summary>
        internal JsonWriter BeginLive(string type)
        {
            _w.Reset();
            _w.BeginObject();
            _w.Member(CloudWords.V, CommandParser.SchemaVersion);
            _w.Member(CloudWords.Sid, _config.StationId);
            _w.Name(CloudWords.Mid); _w.MessageId(CloudWords.MidLive, _config.BootNonce, _sessionBdSeq, _seq);
            _w.Member(CloudWords.Seq, _seq);
            _w.MemberUtc(CloudWords.Ts, _clock.UtcNow);
            _w.Member(CloudWords.Type, type);
            _seq++;
            return _w;
        }

        /// <summary>Closes the live message and publishes it while online.</summary>
        internal void EndLive(string topic, int qos, bool retain)
        {
            _w.EndObject();
            if (!_w.Overflow && _online) _link.Publish(topic, _w.Buffer, 0, _w.Length, qos, retain);
        }

        /// <summary>Starts a journaled record of <paramref name="type"/> and returns the writer for its members.</summary>
        internal JsonWriter BeginRecord(string type) { return BeginRecord(type, CloudWords.MidRecord, _config.BootNonce, _outbox.NextSeq); }

        // A record whose mid is prefix + nonce + number: the boot's nonce and the outbox sequence for most records, the
        // swap's own start and number for a swap's end (SwapEndLedger).
        JsonWriter BeginRecord(string type, string midPrefix, uint midNonce, long midNumber)
        {
            uint seq = _outbox.NextSeq;
            _w.Reset();
            _w.BeginObject();
            _w.Member(CloudWords.V, CommandParser.SchemaVersion);
            _w.Member(CloudWords.Sid, _config.StationId);
            _w.Name(CloudWords.Mid); _w.MessageId(midPrefix, midNonce, midNumber, -1);
            _w.Member(CloudWords.Seq, seq);
            _w.MemberUtc(CloudWords.Ts, _clock.UtcNow);
            _w.Member(CloudWords.Type, type);
            return _w;
        }

        /// <summary>Closes the record and appends it to the outbox; false when it did not fit.</summary>
        internal bool EndRecord(RecordKind kind, bool offline)
        {
            // "offline" is always last and always written as false here: the outbox flips it in place when it sends
            // the record late (see Outbox), so the stored bytes never change length.
            _w.MemberBool(CloudWords.Offline, false);
            _w.EndObject();
            if (_w.Overflow) return false;
            return _outbox.Append(kind, _w.Buffer, 0, _w.Length, offline);
        }

        uint ReadBdSeq()
        {
            if (_storage.Read(BdSeqFile, 0, _seqBuffer, 0, 8) != 8) return 0;
            uint v = (uint)(_seqBuffer[0] | (_seqBuffer[1] << 8) | (_seqBuffer[2] << 16) | (_seqBuffer[3] << 24));
            uint check = (uint)(_seqBuffer[4] | (_seqBuffer[5] << 8) | (_seqBuffer[6] << 16) | (_seqBuffer[7] << 24));
            return check == ~v ? v : 0;
        }

        void WriteBdSeq(uint v)
        {
            uint check = ~v;
            _seqBuffer[0] = (byte)v; _seqBuffer[1] = (byte)(v >> 8); _seqBuffer[2] = (byte)(v >> 16); _seqBuffer[3] = (byte)(v >> 24);
            _seqBuffer[4] = (byte)check; _seqBuffer[5] = (byte)(check >> 8); _seqBuffer[6] = (byte)(check >> 16); _seqBuffer[7] = (byte)(check >> 24);
            _storage.Replace(BdSeqFile, _seqBuffer, 0, 8);
        }
    }
}
