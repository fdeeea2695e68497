namespace Station.Core.Cloud
{
    /// <summary>The cloud side of an over-the-air update: the update commands, the bundle's chunks on the update topic
    /// (one waiting at a time, each answered with the offset to send next), and an update.status record through the
    /// outbox whenever the update's status, reason or download progress (in tenths) changes.</summary>
    public sealed class CloudUpdateBridge
    {
        /// <summary>Largest chunk payload: 8 header bytes (offset, CRC-32) and at most 4,096 bundle bytes.</summary>
        public const int MaxChunkPayload = 8 + 4096;

        static readonly string UpdateStatusType = "update.status";
        static readonly string UpdateChunkType = "update.chunk";
        static readonly string StatusWord = "status";
        static readonly string VersionWord = "version";
        static readonly string ReceivedWord = "received";
        static readonly string SizeWord = "size";
        static readonly string AtWord = "at";
        static readonly string NoAgent = "no update agent on this station";
        static readonly string ChunkMalformed = "chunk_malformed";
        static readonly string ChunkTooLarge = "chunk_too_large";

        readonly CloudLink _link;
        readonly object _gate = new object();
        byte[] _pendingChunk;
        int _droppedChunks;
        string _lastUpdateStatus, _lastUpdateReason;
        int _lastUpdateTenth = -1;
        bool _updateQueried;

        /// <summary>Builds the bridge of <paramref name="link"/>, whose envelopes and outbox it writes through.</summary>
        public CloudUpdateBridge(CloudLink link) { _link = link; }

        /// <summary>The station's update agent, or null (update commands are then refused). Set before the link starts.</summary>
        public IFirmwareUpdate Agent;

        /// <summary>Chunks dropped because one was still waiting (the sender resends from the offset it was told).</summary>
        public int DroppedChunks { get { return _droppedChunks; } }

        /// <summary>Adapter thread: keeps at most one chunk; a second before the first is handled is dropped, so memory
        /// stays one payload however fast a sender pushes. False when the message is not on the update topic.</summary>
        public bool OnChunk(string topic, byte[] payload)
        {
            if (topic != _link.Topics.Update) return false;
            lock (_gate)
            {
                if (_pendingChunk != null) _droppedChunks++;
                else _pendingChunk = payload == null ? new byte[0] : payload;
            }
            return true;
        }

        /// <summary>Tick: hands a waiting chunk to the agent and answers with the offset to send next.</summary>
        public void PumpChunk()
        {
            byte[] p;
            lock (_gate) { p = _pendingChunk; _pendingChunk = null; }
            if (p == null || Agent == null) return;
            string why;
            if (p.Length > MaxChunkPayload) why = ChunkTooLarge;
            else if (p.Length <= 8) why = ChunkMalformed;
            else
            {
                int offset = p[0] | (p[1] << 8) | (p[2] << 16) | (p[3] << 24);
                uint crc = (uint)(p[4] | (p[5] << 8) | (p[6] << 16) | (p[7] << 24));
                why = Agent.UpdateChunk(offset, p, 8, p.Length - 8, crc);
            }
            JsonWriter w = _link.BeginLive(UpdateChunkType);
            w.MemberBool(CloudWords.Ok, why == null);
            if (why != null) w.Member(CloudWords.Reason, why);
            w.Member(AtWord, Agent.UpdateReceived);
            w.Member(SizeWord, Agent.UpdateSize);
            _link.EndLive(_link.Topics.Reply, 1, false);
        }

        /// <summary>Tick: records the update's status when it changed (or was asked for).</summary>
        public void RecordUpdateStatus()
        {
            if (Agent == null) return;
            string status = Agent.UpdateStatus, reason = Agent.UpdateReasonWord;
            int size = Agent.UpdateSize, received = Agent.UpdateReceived;
            int tenth = size > 0 ? (int)((long)received * 10 / size) : 0;
            if (!_updateQueried && status == _lastUpdateStatus && reason == _lastUpdateReason && tenth == _lastUpdateTenth) return;
            JsonWriter w = _link.BeginRecord(UpdateStatusType);
            w.Member(StatusWord, status);
            w.Member(CloudWords.Reason, reason);
            w.Member(VersionWord, Agent.UpdateVersion);
            w.Member(ReceivedWord, received);
            w.Member(SizeWord, size);
            if (!_link.EndRecord(RecordKind.Event, !_link.Online)) return; // no room: tried again next tick
            _updateQueried = false;
            _lastUpdateStatus = status;
            _lastUpdateReason = reason;
            _lastUpdateTenth = tenth;
        }

        /// <summary>Applies update.offer, update.cancel or update.query (the query makes the next tick record the status).</summary>
        public CloudResult Apply(CloudCommand c)
        {
            if (Agent == null) return CloudResult.Refuse(CloudReason.Refused, NoAgent);
            string why = null;
            if (c.Kind == CommandKind.UpdateOffer) why = Agent.OfferUpdate(c.Version, c.Size);
            else if (c.Kind == CommandKind.UpdateCancel) why = Agent.CancelUpdate();
            else _updateQueried = true;
            return why == null ? CloudResult.Ok(Agent.UpdateStatus) : CloudResult.Refuse(CloudReason.UpdateRefused, why);
        }
    }
}
