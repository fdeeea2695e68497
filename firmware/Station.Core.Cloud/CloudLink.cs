using System;
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
    /// This class runs the tick and keeps the public face; each concern is a collaborator with its own state:
    /// <see cref="CloudInbox"/> (what the adapter's threads report, held for the tick), <see cref="CloudSession"/> (birth,
    /// death, bdSeq, live messages), <see cref="OutboxFeed"/> (journaled records), <see cref="CommandIntake"/> (commands
    /// through to their audit and reply) and <see cref="CloudUpdateBridge"/> (over-the-air updates).
    /// </remarks>
    public sealed class CloudLink : ICloudPayload, ISwapAdmission
    {
        /// <summary>Most received messages waiting for the tick; beyond it a flood is dropped and counted.</summary>
        public const int MaxQueuedMessages = 64;
        /// <summary>Largest update chunk payload (see <see cref="CloudUpdateBridge.MaxChunkPayload"/>).</summary>
        public const int MaxChunkPayload = CloudUpdateBridge.MaxChunkPayload;
        readonly SwapEndLedger _swapEnds;
        bool _started;

        readonly IMqttLink _link;
        readonly IClock _clock;
        readonly ICloudStation _station;
        readonly CloudLinkConfig _config;
        readonly CloudTopics _topics;
        readonly Outbox _outbox;
        // One message is built at a time, whoever builds it (a record in the outbox feed, a live message in the session,
        // a reply in the command intake): the collaborators share this writer.
        readonly JsonWriter _w = new JsonWriter(Outbox.MaxPayloadBytes);
        readonly CloudUpdateBridge _update;
        readonly CloudInbox _inbox;
        readonly CloudSession _session;
        readonly CommandIntake _commands;
        readonly OutboxFeed _records;
        bool _loggedOnline;
        bool _stopped;
        long _lastOfflineTelemetryMs;
        string _lastStateName;

        /// <summary>Builds the link; call <see cref="Start"/> before the adapter connects.</summary>
        public CloudLink(IMqttLink link, IStorage storage, IClock clock, ICloudStation station, CloudLinkConfig config)
        {
            if (!CloudTopics.IsValidStationId(config.StationId)) throw new ArgumentException("station id: " + Station.Core.Config.StationName.RuleText);
            if (!CloudTopics.IsValidStationId(config.TopicPrefix)) throw new ArgumentException("topic prefix: " + Station.Core.Config.StationName.RuleText);
            _link = link;
            _swapEnds = new SwapEndLedger(storage);
            _clock = clock;
            _station = station;
            _config = config;
            _topics = new CloudTopics(config.TopicPrefix, config.StationId);
            _outbox = new Outbox(storage, config.OutboxPrefix, config.OutboxSegmentBytes, config.OutboxMaxSegments);
            _records = new OutboxFeed(_outbox, clock, config, _w, _swapEnds);
            _update = new CloudUpdateBridge(this);
            _inbox = new CloudInbox(_update);
            _session = new CloudSession(link, storage, clock, station, config, _topics, _w, this);
            _commands = new CommandIntake(this, _session, station, clock, _update);
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
        public bool Online { get { return _session.Online; } }
        /// <summary>Birth/death sequence number of the current session (of the next one while offline).</summary>
        public uint BdSeq { get { return _session.BdSeq; } }
        /// <summary>Births published since start.</summary>
        public int Births { get { return _session.Births; } }
        /// <summary>Commands accepted / rejected since start.</summary>
        public int CommandsAccepted { get { return _commands.Accepted; } }
        /// <summary>Commands rejected since start.</summary>
        public int CommandsRejected { get { return _commands.Rejected; } }
        /// <summary>Received messages dropped because too many were waiting (a flood).</summary>
        public int DroppedMessages { get { return _inbox.DroppedMessages; } }
        /// <summary>The last command's result (for tests and the console).</summary>
        public CloudResult LastResult { get { return _commands.LastResult; } }
        /// <summary>False when the outbox is too full for new swaps; the controller must then refuse them.</summary>
        public bool SwapsAllowed { get { return _outbox.SwapsAllowed; } }
        /// <summary>Where the link logs going online and offline (the console's log ring), or null.</summary>
        public ILog Log;

        /// <summary>The link and outbox state in words, for the console's <c>status</c>.</summary>
        public string Describe()
        {
            string text = (_session.Online ? "online as " : "offline (records wait in the outbox) as ") + _config.StationId
                + "; outbox " + _outbox.Pending.ToString() + " record(s) not yet acknowledged, " + _outbox.FillPercent.ToString()
                + " % full; commands " + _commands.Accepted.ToString() + " accepted, " + _commands.Rejected.ToString() + " refused";
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
            _session.Open();
            _inbox.Attach(_link);
            _link.Subscribe(_topics.Command, 1);
            if (_update.Agent != null) _link.Subscribe(_topics.Update, 1);
            _lastStateName = _station.StateName;
            if (_link.IsConnected) _inbox.OnConnectionChanged(true);
            _station.LinkStarted();
        }

        /// <summary>Clean shutdown: publishes the death of the session now up (the same mid and bdSeq as the will the
        /// broker holds, retained, QoS 1) and then disconnects cleanly, which makes the broker discard the will. Without
        /// this a clean DISCONNECT would leave the retained state saying online. Call once, last; idempotent.</summary>
        public void Stop()
        {
            if (_stopped) return;
            _stopped = true;
            _session.End();
            _inbox.Detach(_link);
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
            // Acknowledgements first: those that came in before a drop still count; nothing of a new session can be
            // among them, since the core publishes only below, in this tick.
            _inbox.Take(_outbox);
            int up = _inbox.TakenUp, down = _inbox.TakenDown;

            // A drop (even one already followed by a reconnect) means the adapter forgot what was in flight.
            if (down > 0) _outbox.Rewind();
            if (up > 0 || down > 0) _session.Follow(up, down, now);
            bool online = _session.Online;
            if (online != _loggedOnline && Log != null)
            {
                _loggedOnline = online;
                Log.Write(online ? LogLevel.Info : LogLevel.Warning, online
                    ? "cloud: online; outbox " + _outbox.Pending.ToString() + " record(s) to send"
                    : "cloud: offline; records wait in the outbox (" + _outbox.Pending.ToString() + " not yet acknowledged)");
            }

            // Commands wait in the queue until the session is online: a broker delivers a persistent session's queued
            // command right after CONNACK, before the adapter reports the connection, and a reply published then would
            // be dropped (the cloud would never hear of a command the station applied).
            for (int i = 0; i < _config.CommandsPerTick && _session.Online; i++)
            {
                string topic;
                byte[] payload;
                if (!_inbox.TryTakeMessage(out topic, out payload)) break;
                _commands.Handle(topic, payload);
            }

            if (_session.Online) _update.PumpChunk();
            _update.RecordUpdateStatus();

            string state = _station.StateName;
            if (state != _lastStateName)
            {
                _lastStateName = state;
                if (_session.Online) _session.PublishState(CloudWords.State);
            }

            if (_session.Online)
            {
                if (now - _session.LastTelemetryMs >= _config.TelemetryPeriodMs) _session.PublishPeriodicTelemetry(now);
            }
            else if (now - _lastOfflineTelemetryMs >= _config.OfflineTelemetryPeriodMs)
            {
                _lastOfflineTelemetryMs = now;
                _session.WriteTelemetryBody(_records.BeginRecord(CloudWords.Telemetry));
                _records.EndRecord(RecordKind.Telemetry, true);
            }

            _outbox.Pump(_link, _topics.ByKind, now);
        }

        /// <summary>Journals a swap event ("swap.started", "swap.step", "swap.completed", "swap.held", "swap.aborted")
        /// with its record written by <paramref name="body"/>. False only when the outbox had no room (counted).</summary>
        public bool RecordEvent(string type, ICloudPayload body) { return _records.Event(type, body, !_session.Online); }

        /// <summary>Journals the one record that ends swap <paramref name="swapId"/> ("swap.completed", "swap.aborted",
        /// "swap.cancelled", "swap.interrupted") with a message id derived from the swap (same id when it is appended
        /// again after a power cut), and notes it in the <see cref="SwapEnds"/> ledger. False when the outbox had no room.</summary>
        public bool RecordSwapEnd(string type, ICloudPayload body, int swapId, System.DateTime startUtc)
        {
            return _records.SwapEnd(type, body, swapId, startUtc, !_session.Online);
        }

        /// <summary>Which swap's end record the outbox already holds (survives a reboot).</summary>
        public SwapEndLedger SwapEnds { get { return _swapEnds; } }

        /// <summary>True once <see cref="Start"/> has opened the outbox.</summary>
        public bool Started { get { return _started; } }

        /// <summary>Journals a fault raised or cleared.</summary>
        public bool RecordFault(bool raised, int code, string name, string detail)
        {
            return _records.Fault(raised, code, name, detail, !_session.Online);
        }

        /// <summary>Journals an audit entry: <paramref name="source"/> "cloud" or "console", who, what, and the outcome.</summary>
        public bool RecordAudit(string source, string who, string what, bool accepted, CloudReason reason, string detail)
        {
            return _records.Audit(source, who, what, accepted, reason, detail, !_session.Online);
        }

        /// <summary>The link's own health as members (telemetry writes it; also usable inside a station's telemetry).</summary>
        public void WriteMembers(JsonWriter w)
        {
            w.Name(CloudWords.Link);
            w.BeginObject();
            w.MemberBool(CloudWords.Online, _session.Online);
            w.Member(CloudWords.BdSeq, _session.BdSeq);
            w.Member(CloudWords.Births, _session.Births);
            w.Member(CloudWords.CmdAccepted, _commands.Accepted);
            w.Member(CloudWords.CmdRejected, _commands.Rejected);
            w.Member(CloudWords.CmdDropped, _inbox.DroppedMessages);
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

        /// <summary>Starts a live message (not journaled) of <paramref name="type"/> and returns the writer for its members.</summary>
        internal JsonWriter BeginLive(string type) { return _session.BeginLive(type); }

        /// <summary>Closes the live message and publishes it while online.</summary>
        internal void EndLive(string topic, int qos, bool retain) { _session.EndLive(topic, qos, retain); }

        /// <summary>Starts a journaled record of <paramref name="type"/> and returns the writer for its members.</summary>
        internal JsonWriter BeginRecord(string type) { return _records.BeginRecord(type); }

        /// <summary>Closes the record and appends it to the outbox; false when it did not fit.</summary>
        internal bool EndRecord(RecordKind kind, bool offline) { return _records.EndRecord(kind, offline); }
    }
}
