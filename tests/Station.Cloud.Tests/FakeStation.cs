using System.Collections.Generic;
using Station.Core.Cloud;

namespace Station.Cloud.Tests
{
    /// <summary>A station behind the cloud link that records what it was asked and answers like the controller would.</summary>
    public sealed class FakeStation : ICloudStation
    {
        public readonly List<string> Calls = new();
        public string State = "Idle";
        public bool Safe = true;
        public int LatchedFault;
        public bool Maintenance;
        public readonly Dictionary<string, string> Config = new() { ["gate.min_soc_pct"] = "80" };
        public int SwapsToday;

        public string StateName => State;

        public CloudResult Authorize(Station.Core.SwapAuthorization auth, long validForMs)
        {
            Calls.Add("authorize " + auth.VehicleId + " " + (auth.PackSerial ?? "-") + (auth.AcceptedStandards != 0 ? " accepts " + auth.AcceptedStandards : "")
                + (auth.BlockPositions != 0 ? " positions " + auth.BlockPositions : "")
                + (auth.PositionStandards != null ? " per-position " + string.Join(",", auth.PositionStandards) : ""));
            if (!Safe) return CloudResult.Refuse(CloudReason.UnsafeState, "light curtain interrupted");
            if (State != "Idle") return CloudResult.Refuse(CloudReason.Busy, "swap under way");
            State = "Swapping";
            return CloudResult.Ok(null);
        }

        public CloudResult Cancel() { Calls.Add("cancel"); State = "Idle"; return CloudResult.Ok(null); }

        public CloudResult ResetFault(int code)
        {
            Calls.Add("reset " + code);
            if (code != LatchedFault) return CloudResult.Refuse(CloudReason.NoSuchFault, "latched fault is " + LatchedFault);
            if (code == 1) return CloudResult.Refuse(CloudReason.NotRemotelyResettable, "e-stop faults need a technician on site");
            LatchedFault = 0;
            return CloudResult.Ok(null);
        }

        public CloudResult EnterMaintenance()
        {
            Calls.Add("maintenance on");
            if (State == "Swapping") return CloudResult.Refuse(CloudReason.Busy, "swap under way");
            Maintenance = true;
            return CloudResult.Ok(null);
        }

        public CloudResult LeaveMaintenance() { Calls.Add("maintenance off"); Maintenance = false; return CloudResult.Ok(null); }

        public CloudResult GetConfig(string key) =>
            Config.TryGetValue(key, out var v) ? CloudResult.Ok(v) : CloudResult.Refuse(CloudReason.UnknownKey, key);

        public CloudResult SetConfig(string key, string value)
        {
            Calls.Add("set " + key + "=" + value);
            if (!Config.ContainsKey(key)) return CloudResult.Refuse(CloudReason.UnknownKey, key);
            Config[key] = value;
            return CloudResult.Ok(null);
        }

        public void WriteState(JsonWriter w)
        {
            w.Member("state", State);
            w.Member("fault", LatchedFault);
            w.MemberBool("maintenance", Maintenance);
        }

        public void LinkStarted() { }

        public void WriteTelemetry(JsonWriter w)
        {
            w.Member("state", State);
            w.Member("swapsToday", SwapsToday);
            w.Member("fault", LatchedFault);
        }
    }
}
