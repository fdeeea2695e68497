using Station.Hal;

namespace Station.Core.Cloud
{
    /// <summary>The Sparkplug-style session on the broker: birth and death on the retained state topic, the bdSeq that
    /// pairs them (kept in its own small file across reboots), and the live messages (state, telemetry, replies) whose
    /// seq restarts at each birth. Apart from the link because its numbers must stay consistent with the will the broker
    /// holds, whoever publishes.</summary>
    /// <remarks>
    /// The will registered at a connect carries <see cref="BdSeq"/> as it was then; the birth of that session repeats
    /// it, and the will for the next connect gets bdSeq+1 (stored before it is registered). A rebirth on request keeps the
    /// session's bdSeq and restarts seq. At a clean stop the station publishes the death itself (the broker discards the
    /// will at a clean DISCONNECT).
    /// </remarks>
    internal sealed class CloudSession
    {
        const string BdSeqFile = "cloud.bdseq";

        readonly IMqttLink _link;
        readonly IStorage _storage;
        readonly IClock _clock;
        readonly ICloudStation _station;
        readonly CloudLinkConfig _config;
        readonly CloudTopics _topics;
        readonly JsonWriter _w;
        readonly ICloudPayload _health;
        readonly byte[] _seqBuffer = new byte[8];
        uint _bdSeq;        // the bdSeq in the will the adapter registers at its next connect
        uint _sessionBdSeq; // the bdSeq of the session now up (its birth and its registered will)
        long _seq;
        int _births;

        /// <summary>True between the birth and the loss of the session. A field, written only here: the link's tick reads
        /// it several times, and on nanoFramework's interpreter a property read is a call.</summary>
        internal bool Online;
        /// <summary>When the last periodic telemetry (or the birth's) was published; a field for the same reason.</summary>
        internal long LastTelemetryMs;

        /// <summary>A session of <paramref name="link"/>'s station, writing its messages with <paramref name="w"/>;
        /// <paramref name="health"/> writes the link's own figures into each telemetry message.</summary>
        public CloudSession(IMqttLink link, IStorage storage, IClock clock, ICloudStation station, CloudLinkConfig config,
            CloudTopics topics, JsonWriter w, ICloudPayload health)
        {
            _link = link;
            _storage = storage;
            _clock = clock;
            _station = station;
            _config = config;
            _topics = topics;
            _w = w;
            _health = health;
        }

        /// <summary>Birth/death sequence number of the current session (of the next one while offline).</summary>
        public uint BdSeq { get { return Online ? _sessionBdSeq : _bdSeq; } }
        /// <summary>Births published since start.</summary>
        public int Births { get { return _births; } }

        /// <summary>Recovers the bdSeq and registers the death certificate as the will, before the adapter first connects.</summary>
        public void Open()
        {
            _bdSeq = ReadBdSeq();
            SetWill();
        }

        /// <summary>Tick: follows the connection changes counted since the last tick (a birth when the session is up
        /// anew). Nothing to do when there were none.</summary>
        public void Follow(int up, int down, long now)
        {
            if (down > 0 && up == 0) Online = false;
            if (up > 0 && _link.IsConnected) Birth(now, true);
            else if (up > 0 || down > 0) Online = _link.IsConnected && Online;
        }

        /// <summary>Publishes the death of the session now up (the same mid and bdSeq as the will the broker holds,
        /// retained, QoS 1) and ends it.</summary>
        public void End()
        {
            if (Online && _link.IsConnected)
            {
                WriteDeath(_sessionBdSeq);
                if (!_w.Overflow) _link.Publish(_topics.State, _w.Buffer, 0, _w.Length, 1, true);
            }
            Online = false;
        }

        /// <summary>Publishes the birth: of a new session (its bdSeq is the one in the will registered at this connect),
        /// or a rebirth on request (same bdSeq). Both restart seq.</summary>
        public void Birth(long now, bool newSession)
        {
            if (newSession) _sessionBdSeq = _bdSeq;
            _seq = 0;
            Online = true;
            _births++;
            PublishState(CloudWords.Birth);
            PublishTelemetry();
            LastTelemetryMs = now;
            if (!newSession) return;
            _bdSeq = _sessionBdSeq + 1;
            WriteBdSeq(_bdSeq);
            SetWill();
        }

        /// <summary>Tick: publishes the periodic telemetry, due at <paramref name="now"/>.</summary>
        public void PublishPeriodicTelemetry(long now)
        {
            PublishTelemetry();
            LastTelemetryMs = now;
        }

        /// <summary>Publishes the station's state (retained) as a message of <paramref name="type"/>.</summary>
        public void PublishState(string type)
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

        /// <summary>Publishes the station's telemetry and the link's health.</summary>
        public void PublishTelemetry()
        {
            WriteTelemetryBody(BeginLive(CloudWords.Telemetry));
            EndLive(_topics.Telemetry, 0, false);
        }

        /// <summary>A telemetry message's members (firmware, the station's telemetry, the link's health), live or, while
        /// offline, as a journaled record.</summary>
        public void WriteTelemetryBody(JsonWriter w)
        {
            w.Member(CloudWords.Fw, _config.Firmware);
            _station.WriteTelemetry(w);
            _health.WriteMembers(w);
        }

        /// <summary>Starts a live message (not journaled) of <paramref name="type"/> and returns the writer for its members.</summary>
        public JsonWriter BeginLive(string type)
        {
            CloudEnvelope.Begin(_w, _config, _clock, type, CloudWords.MidLive, _config.BootNonce, _sessionBdSeq, _seq, _seq);
            _seq++;
            return _w;
        }

        /// <summary>Closes the live message and publishes it while online.</summary>
        public void EndLive(string topic, int qos, bool retain)
        {
            _w.EndObject();
            if (!_w.Overflow && Online) _link.Publish(topic, _w.Buffer, 0, _w.Length, qos, retain);
        }

        void SetWill()
        {
            WriteDeath(_bdSeq);
            if (!_w.Overflow) _link.SetWill(_topics.State, _w.Buffer, 0, _w.Length, 1, true);
        }

        void WriteDeath(uint bdSeq)
        {
            CloudEnvelope.Begin(_w, _config, _clock, CloudWords.Death, CloudWords.MidDeath, _config.BootNonce, bdSeq, -1, 0);
            _w.MemberBool(CloudWords.Online, false);
            _w.Member(CloudWords.BdSeq, bdSeq);
            _w.EndObject();
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
