namespace Station.Core.Cloud
{
    /// <summary>The MQTT topic tree of one station, built once: <c>{prefix}/{station_id}/…</c>, prefix <c>stations</c> by default (docs/cloud.md).</summary>
    public sealed class CloudTopics
    {
        /// <summary>Default first topic level shared by every station (<c>mqtt.topic_prefix</c>).</summary>
        public const string DefaultPrefix = "stations";

        /// <summary>The station id the topics belong to.</summary>
        public readonly string StationId;
        /// <summary>Retained birth / state / death (the will).</summary>
        public readonly string State;
        /// <summary>Periodic telemetry, QoS 0.</summary>
        public readonly string Telemetry;
        /// <summary>Swap events, QoS 1, journaled.</summary>
        public readonly string Events;
        /// <summary>Faults raised and cleared, QoS 1, journaled.</summary>
        public readonly string Faults;
        /// <summary>Audit trail, QoS 1, journaled.</summary>
        public readonly string Audit;
        /// <summary>Commands to the station (the only topic it subscribes to).</summary>
        public readonly string Command;
        /// <summary>Replies to commands.</summary>
        public readonly string Reply;
        /// <summary>Bundle chunks, cloud → station (binary: offset and CRC-32, 4 bytes each little-endian, then the bytes).</summary>
        public readonly string Update;
        /// <summary>Topic per <see cref="RecordKind"/> value (index 0 unused).</summary>
        public readonly string[] ByKind;

        /// <summary>Topics <c>{prefix}/{stationId}/…</c>; both must pass <see cref="IsValidStationId"/>.</summary>
        public CloudTopics(string prefix, string stationId)
        {
            StationId = stationId;
            string root = prefix + "/" + stationId + "/";
            State = root + "state";
            Telemetry = root + "telemetry";
            Events = root + "events";
            Faults = root + "faults";
            Audit = root + "audit";
            Command = root + "cmd";
            Reply = root + "reply";
            Update = root + "update";
            ByKind = new string[] { null, Events, Faults, Audit, Telemetry };
        }

        /// <summary>True for a name following <see cref="Station.Core.Config.StationName"/> (no MQTT wildcards or
        /// separators, so ACL patterns with %c/%u confine a station exactly).</summary>
        public static bool IsValidStationId(string id)
        {
            return Station.Core.Config.StationName.IsValid(id);
        }
    }
}
