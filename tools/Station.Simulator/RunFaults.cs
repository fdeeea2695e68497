using System.Collections.Generic;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>The scenario faults every bay shares, carried out on a <see cref="BayRun"/>: the safety chain (e-stop,
    /// light curtain, doors, safety relay), the supply (a power cut, a torn journal replace), the flash, a late control
    /// tick and the cloud link. The bay's own plant faults are its kind's (<see cref="IBayKind.FireFault"/>).</summary>
    public static class RunFaults
    {
        /// <summary>These actions with their allowed arguments (name → kind), added to each bay's action table.</summary>
        public static Dictionary<string, Dictionary<string, string>> With(Dictionary<string, Dictionary<string, string>> actions)
        {
            actions["estop"] = new(); actions["estop_release"] = new();
            actions["light_curtain_break"] = new(); actions["light_curtain_clear"] = new();
            actions["doors_open"] = new(); actions["doors_close"] = new();
            actions["safety_relay_fail"] = new(); actions["safety_relay_heal"] = new();
            actions["storage_fail"] = new() { ["what"] = "string" }; actions["storage_heal"] = new();
            actions["tear_next_replace"] = new() { ["off_s"] = "number" };
            actions["cloud_link_drop"] = new(); actions["cloud_link_restore"] = new();
            actions["tick_late"] = new() { ["late_ms"] = "int" };
            actions["power_loss"] = new() { ["off_s"] = "number", ["tear_journal"] = "bool" };
            return actions;
        }

        /// <summary>Carries out a shared fault on <paramref name="run"/>; what it did, or null when <paramref name="e"/> is
        /// not one.</summary>
        public static string Fire(BayRun run, ScenarioEvent e)
        {
            var a = e.Args;
            SimBay b = run.Bay;
            switch (e.Do)
            {
                case "estop": b.EStopPressed = true; return "";
                case "estop_release": b.EStopPressed = false; return "";
                case "light_curtain_break": b.LightCurtainBroken = true; return "";
                case "light_curtain_clear": b.LightCurtainBroken = false; return "";
                case "doors_open": b.DoorsOpen = true; return "";
                case "doors_close": b.DoorsOpen = false; return "";
                case "safety_relay_fail": b.SafetyRelayFailed = true; return "";
                case "safety_relay_heal": b.SafetyRelayFailed = false; return "";
                case "storage_fail":
                    string what = a.TryGetValue("what", out var wh) ? (string)wh : "all";
                    b.Storage.FailWrites = what == "all";
                    b.Storage.FailAppends = what == "appends";
                    b.Storage.FailReplaces = what == "replaces";
                    return $" → {what} writes fail";
                case "storage_heal": b.Storage.FailWrites = b.Storage.FailAppends = b.Storage.FailReplaces = false; return "";
                case "tear_next_replace":
                    b.Storage.TearNextReplace = true;
                    run.TornReplaceOffS = a.TryGetValue("off_s", out var to) ? (double)to : 3.0;
                    return " → the next replace is torn by a power cut";
                case "cloud_link_drop":
                case "cloud_link_restore":
                    if (run.CloudLink == null) return " → this run has no cloud link (--broker): the core does not depend on one";
                    run.CloudLink(e.Do == "cloud_link_restore");
                    return "";
                case "tick_late":
                    run.TickLateMs = a.TryGetValue("late_ms", out var lm) ? (int)lm : 500;
                    return $" → the next control tick comes {run.TickLateMs} ms late";
                case "power_loss":
                    bool tear = a.TryGetValue("tear_journal", out var t) && (bool)t;
                    bool torn = run.PowerDown(tear, a.TryGetValue("off_s", out var o) ? (double)o : 3.0);
                    return tear ? (torn ? " → tore the journal write in progress" : " → no journal write was in progress: nothing torn") : "";
                default: return null;
            }
        }
    }
}
