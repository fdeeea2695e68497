namespace Station.Core.Cloud
{
    /// <summary>What an outbox record is; decides its topic and whether it may be dropped when the outbox fills.</summary>
    public enum RecordKind
    {
        /// <summary>Swap event (started / step / completed / held / aborted): never dropped.</summary>
        Event = 1,
        /// <summary>Fault raised or cleared.</summary>
        Fault = 2,
        /// <summary>Audit entry (command received, console command).</summary>
        Audit = 3,
        /// <summary>Telemetry sample kept while offline: the first thing dropped when the outbox fills.</summary>
        Telemetry = 4,
    }
}
