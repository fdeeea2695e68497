using Station.Hal;

namespace Station.Core.Cloud
{
    /// <summary>Writes the journaled records (swap events, a swap's end, faults, audit entries, offline telemetry) into the
    /// <see cref="Outbox"/>, each in the envelope the cloud expects. Apart from the session's live messages because a
    /// record's numbers come from the outbox, not the session: its seq is the outbox's, and its mid holds the boot's nonce
    /// (or, for a swap's end, the swap's own start) so that a record sent again after a reconnect or a reboot keeps it.</summary>
    internal sealed class OutboxFeed
    {
        readonly Outbox _outbox;
        readonly IClock _clock;
        readonly CloudLinkConfig _config;
        readonly JsonWriter _w;
        readonly SwapEndLedger _swapEnds;

        /// <summary>A feed into <paramref name="outbox"/> writing with <paramref name="w"/>; a swap's end is noted in
        /// <paramref name="swapEnds"/>.</summary>
        public OutboxFeed(Outbox outbox, IClock clock, CloudLinkConfig config, JsonWriter w, SwapEndLedger swapEnds)
        {
            _outbox = outbox;
            _clock = clock;
            _config = config;
            _w = w;
            _swapEnds = swapEnds;
        }

        /// <summary>Journals a swap event with its record written by <paramref name="body"/>.</summary>
        public bool Event(string type, ICloudPayload body, bool offline)
        {
            BeginRecord(type);
            if (body != null) body.WriteMembers(_w);
            return EndRecord(RecordKind.Event, offline);
        }

        /// <summary>Journals the record that ends swap <paramref name="swapId"/>, its mid derived from the swap, and notes
        /// it in the ledger.</summary>
        public bool SwapEnd(string type, ICloudPayload body, int swapId, System.DateTime startUtc, bool offline)
        {
            BeginRecord(type, CloudWords.MidSwapEnd, SwapEndLedger.StartNonce(startUtc), swapId);
            if (body != null) body.WriteMembers(_w);
            bool ok = EndRecord(RecordKind.Event, offline);
            if (ok) _swapEnds.Recorded(swapId);
            return ok;
        }

        /// <summary>Journals a fault raised or cleared.</summary>
        public bool Fault(bool raised, int code, string name, string detail, bool offline)
        {
            BeginRecord(raised ? CloudWords.FaultRaised : CloudWords.FaultCleared);
            _w.Member(CloudWords.Code, code);
            _w.Member(CloudWords.Name, name);
            if (detail != null) _w.Member(CloudWords.Detail, detail);
            return EndRecord(RecordKind.Fault, offline);
        }

        /// <summary>Journals an audit entry.</summary>
        public bool Audit(string source, string who, string what, bool accepted, CloudReason reason, string detail, bool offline)
        {
            BeginRecord(CloudWords.Audit);
            _w.Member(CloudWords.Src, source);
            _w.Member(CloudWords.By, who);
            _w.Member(CloudWords.What, what);
            _w.MemberBool(CloudWords.Ok, accepted);
            _w.Member(CloudWords.Reason, CloudReasons.Name(reason));
            _w.Member(CloudWords.Code, (int)reason);
            if (detail != null) _w.Member(CloudWords.Detail, detail);
            return EndRecord(RecordKind.Audit, offline);
        }

        /// <summary>Starts a journaled record of <paramref name="type"/> and returns the writer for its members.</summary>
        public JsonWriter BeginRecord(string type) { return BeginRecord(type, CloudWords.MidRecord, _config.BootNonce, _outbox.NextSeq); }

        // A record whose mid is prefix + nonce + number: the boot's nonce and the outbox sequence for most records, the
        // swap's own start and number for a swap's end (SwapEndLedger).
        JsonWriter BeginRecord(string type, string midPrefix, uint midNonce, long midNumber)
        {
            return CloudEnvelope.Begin(_w, _config, _clock, type, midPrefix, midNonce, midNumber, -1, _outbox.NextSeq);
        }

        /// <summary>Closes the record and appends it to the outbox; false when it did not fit.</summary>
        public bool EndRecord(RecordKind kind, bool offline)
        {
            // "offline" is always last and always written as false here: the outbox flips it in place when it sends
            // the record late (see Outbox), so the stored bytes never change length.
            _w.MemberBool(CloudWords.Offline, false);
            _w.EndObject();
            if (_w.Overflow) return false;
            return _outbox.Append(kind, _w.Buffer, 0, _w.Length, offline);
        }
    }
}
