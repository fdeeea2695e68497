namespace Station.Core.Cloud
{
    /// <summary>Settings of the cloud link, with defaults for a car station (sizing in docs/cloud.md).</summary>
    public sealed class CloudLinkConfig
    {
        /// <summary>Station id: the MQTT client id and the second topic level.</summary>
        public string StationId = "bay1";
        /// <summary>First topic level (<c>mqtt.topic_prefix</c>).</summary>
        public string TopicPrefix = CloudTopics.DefaultPrefix;
        /// <summary>A number drawn afresh at every boot by the adapter (random source, or the UTC boot time). It is
        /// part of every message id, so ids stay unique per station when a storage wipe restarts seq and bdSeq; a record
        /// keeps the id it was journaled with, also when it is resent after a reboot (docs/cloud.md, "Message ids").</summary>
        public uint BootNonce;
        /// <summary>Firmware version reported in the birth and in telemetry: the build's (<see cref="FirmwareVersion"/>);
        /// the fleet simulator sets another to play stations on other versions.</summary>
        public string Firmware = FirmwareVersion.Text;
        /// <summary>Commit the firmware was built from, reported in the birth (<see cref="FirmwareVersion.Commit"/>).</summary>
        public string FirmwareCommit = FirmwareVersion.Commit;
        /// <summary>Telemetry period while connected.</summary>
        public int TelemetryPeriodMs = 10000;
        /// <summary>Telemetry kept in the outbox while offline, one sample per this period (dropped first when it fills).</summary>
        public int OfflineTelemetryPeriodMs = 600000;
        /// <summary>Bytes of one outbox segment file.</summary>
        public int OutboxSegmentBytes = 64 * 1024;
        /// <summary>Most outbox segment files (capacity = segment bytes × this): 1024 × 64 KiB = 64 MiB, 7 days at 800 swaps/day
        /// need about 44 MB (docs/cloud.md), so the device keeps its outbox on an SD card.</summary>
        public int OutboxMaxSegments = 1024;
        /// <summary>Null, or why the outbox is smaller than the default (<see cref="StorageLayout.Warning"/>, e.g. no SD
        /// card): added to every refused swap's reason and to telemetry, so the technician and the fleet see the cause.</summary>
        public string StorageWarning;
        /// <summary>File name prefix of the outbox in the station's storage.</summary>
        public string OutboxPrefix = "obx";
        /// <summary>Most commands handled per tick (the rest wait for the next one).</summary>
        public int CommandsPerTick = 4;
    }
}
