using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Station.Fleet
{
    /// <summary>How a rollout ended, counted from the stations themselves (their agents, loader records, outboxes) and
    /// from the records the consumer received; printed as one JSON line.</summary>
    public sealed class RolloutReport
    {
        /// <summary>Counts.</summary>
        public int Stations, Updated, RolledBack, Failed, NotOffered, SwapsInterrupted, RecordsLost, RecordsPending, Waves, Boots, Waited, Restarts;
        /// <summary>Later waves were not offered: the failure rate passed the threshold.</summary>
        public bool Halted;
        /// <summary>How the stations that did not end on the new version ended: agent status and reason, with a count
        /// (e.g. "rolled_back/boots_exhausted": 2), so a rollback's cause is in the line.</summary>
        public readonly SortedDictionary<string, int> Outcomes = new SortedDictionary<string, int>(System.StringComparer.Ordinal);
        /// <summary>Wall seconds of the run.</summary>
        public double WallSeconds;

        /// <summary>Counts the end state of <paramref name="stations"/> against what <paramref name="driver"/> received.</summary>
        public static RolloutReport Of(IReadOnlyList<SimStation> stations, RolloutDriver driver, double wallSeconds)
        {
            var r = new RolloutReport { Stations = stations.Count, Halted = driver.Halted, Waves = driver.Counts().Waves, Waited = driver.WaitedForSafeMoment, WallSeconds = wallSeconds };
            foreach (var st in stations)
            {
                var agent = st.Update.Agent;
                var state = agent.State;
                if (state == Station.Core.Update.UpdateState.ProbationPassed && agent.Boot.ConfirmedVersion == Station.Core.Update.FirmwareVersionNumber.Parse(RolloutDriver.Version)) r.Updated++;
                else if (state == Station.Core.Update.UpdateState.RolledBack && agent.Boot.TrialSlot < 0) r.RolledBack++;
                else if (state == Station.Core.Update.UpdateState.Idle) r.NotOffered++;
                else r.Failed++;
                if (state != Station.Core.Update.UpdateState.ProbationPassed && state != Station.Core.Update.UpdateState.Idle)
                {
                    string key = Station.Core.Update.UpdateWords.Status(state, agent.Reason) + "/" + Station.Core.Update.UpdateWords.Reason(agent.Reason);
                    r.Outcomes[key] = r.Outcomes.GetValueOrDefault(key) + 1;
                }
                r.SwapsInterrupted += st.Update.SwapsInterrupted;
                r.Boots += st.Update.Boots;
                r.Restarts += st.Restarts;
                // Lost: a record the broker acknowledged (so the station dropped it) that never reached the consumer,
                // or one the outbox could not keep. Still pending is counted apart: it is still on the station.
                var outbox = st.Link.Outbox;
                uint acked = outbox.NextSeq - 1 - (uint)outbox.Pending;
                var got = driver.Received(st.Id);
                int missing = 0;
                for (uint seq = 1; seq <= acked; seq++) if (!got.Contains(seq)) missing++;
                r.RecordsLost += missing + outbox.DroppedRecords;
                r.RecordsPending += outbox.Pending;
            }
            return r;
        }

        /// <summary>The one JSON line.</summary>
        public string ToJson()
        {
            var ci = CultureInfo.InvariantCulture;
            return string.Format(ci, "{{\"stations\":{0},\"updated\":{1},\"rolled_back\":{2},\"failed\":{3},\"not_offered\":{4},\"swaps_interrupted\":{5},\"records_lost\":{6},"
                + "\"records_pending\":{7},\"waves\":{8},\"halted\":{9},\"boots\":{10},\"restarts\":{11},\"waited_for_safe_moment\":{12},\"outcomes\":{{{14}}},\"wall_s\":{13:0.0}}}",
                Stations, Updated, RolledBack, Failed, NotOffered, SwapsInterrupted, RecordsLost, RecordsPending, Waves, Halted ? "true" : "false", Boots, Restarts, Waited, WallSeconds,
                string.Join(",", Outcomes.Select(o => "\"" + o.Key + "\":" + o.Value.ToString(ci))));
        }
    }
}
