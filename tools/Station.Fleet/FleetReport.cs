using System.Globalization;
using System.Text;

namespace Station.Fleet
{
    /// <summary>What a fleet run measured.</summary>
    public sealed class FleetReport
    {
        public int Stations, Online, SwapsDone, Pending, Faulted;
        public double WallSeconds, SimulatedSeconds, MaxLagMs, StepCpuPercent;
        public long MessagesReceived, EventsMeasured;
        public double MessagesPerSecond, LatencyMedianMs, LatencyP99Ms, LatencyMaxMs;
        public int Connected;
        /// <summary>Stations that are heavy-truck bays (the rest are car bays), and the swaps they completed.</summary>
        public int TruckStations, TruckSwapsDone;
        /// <summary>The first few stations offline at the end, each with its link's last error ("id (error)").</summary>
        public string[] OfflineAtEnd = new string[0];
        /// <summary>The rollout's outcome, when one ran.</summary>
        public RolloutReport Rollout;

        /// <summary>Plain-text report.</summary>
        public string ToText()
        {
            var ci = CultureInfo.InvariantCulture;
            var sb = new StringBuilder();
            sb.AppendLine(string.Format(ci, "stations {0} ({1} car, {2} truck), online at end {3}, connected {4}, faulted {5}", Stations, Stations - TruckStations, TruckStations, Online, Connected, Faulted));
            if (OfflineAtEnd.Length > 0)
                sb.AppendLine("offline at end: " + string.Join(", ", OfflineAtEnd) + (Stations - Online > OfflineAtEnd.Length ? ", ..." : ""));
            sb.AppendLine(string.Format(ci, "wall {0:0.0} s, simulated {1:0.0} s (x{2:0.0}), worst lag behind schedule {3:0} ms, control loop busy {4:0}% of wall time",
                WallSeconds, SimulatedSeconds, WallSeconds > 0 ? SimulatedSeconds / WallSeconds : 0, MaxLagMs, StepCpuPercent));
            sb.AppendLine(string.Format(ci, "swaps completed {0} ({1} car, {2} truck), records still in outboxes {3}", SwapsDone, SwapsDone - TruckSwapsDone, TruckSwapsDone, Pending));
            if (EventsMeasured > 0 || MessagesReceived > 0)
                sb.AppendLine(string.Format(ci, "consumer: {0} messages, {1:0} msg/s; event latency journal->consumer over {2} events: median {3:0.0} ms, p99 {4:0.0} ms, max {5:0.0} ms",
                    MessagesReceived, MessagesPerSecond, EventsMeasured, LatencyMedianMs, LatencyP99Ms, LatencyMaxMs));
            if (Rollout != null) sb.AppendLine(Rollout.ToJson()); // last: one JSON line a script can take
            return sb.ToString().TrimEnd();
        }
    }
}
