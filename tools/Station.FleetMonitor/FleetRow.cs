using System;

namespace Station.FleetMonitor
{
    /// <summary>What the monitor knows about one station.</summary>
    public sealed class FleetRow
    {
        public string Station;
        public string State = "?";
        public int SwapsToday;
        public string LastFault = "-";
        public bool Online;
        public long BdSeq = -1;
        public int Births;
        public long LastRecordSeq = -1;
        public int RecordGaps;
        public int Duplicates;
        public DateTime LastSeenUtc;
        public string LastReply;
    }
}
