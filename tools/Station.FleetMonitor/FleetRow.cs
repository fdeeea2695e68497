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
        /// <summary>The station's last command reply as shown: "swap.authorize rejected: unsafe_state (light curtain interrupted)".</summary>
        public string LastReply;
        /// <summary>When <see cref="LastReply"/> arrived (newest replies are listed first).</summary>
        public DateTime LastReplyUtc;
    }
}
