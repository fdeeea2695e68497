using System;
using System.Collections.Generic;
using Station.Core;
using Station.Hal.Sim;

namespace Station.Simulator
{
    public sealed partial class BayRun
    {
        private int _tickLateMs;
        private ScenarioConsole _console;
        private double _tornReplaceOffS = -1;

        /// <summary>What happened, in order, for the "events_in_order" check: "state:NAME" when the controller entered a
        /// state, "fault:NAME" when it raised a fault, "do:ACTION" when a scenario event fired.</summary>
        public List<string> History { get; } = new List<string>();

        /// <summary>Operator commands whose answer differed from the event's "expect" (one line each).</summary>
        public List<string> CommandFailures { get; } = new List<string>();

        /// <summary>Drops (false) or restores (true) the cloud link, when the run has one (--broker); null: no link.</summary>
        public Action<bool> CloudLink { get; set; }

        // A late tick: the plant runs on for the extra time while the controller does not tick (control-loop overrun).
        private void RunLateTicks(int tick)
        {
            if (_tickLateMs <= 0) return;
            int late = _tickLateMs;
            _tickLateMs = 0;
            for (int t = 0; t < late; t += tick)
            {
                Clock.Advance(tick);
                Bay.Step(tick);
            }
        }

        // A torn replace cuts the power in the tick it happened (the write was in progress when the supply failed).
        private void CutPowerAfterTornReplace()
        {
            if (_tornReplaceOffS < 0 || Bay.Storage.ReplaceTornAtMs != Clock.NowMs || Controller == null) return;
            double off = _tornReplaceOffS;
            _tornReplaceOffS = -1;
            Say($"plant: power failed during the replace of {Bay.Storage.ReplaceTornName}: it kept half of its new bytes");
            PowerDown(false, off);
        }

        private bool PowerDown(bool tear, double offS)
        {
            bool torn = Bay.PowerLoss(tear);
            if (Controller != null) Controller.FaultChanged -= OnFault;
            Controller = null; // the board is dead: its RAM is gone
            _powerBackAtMs = Clock.NowMs + (long)(offS * 1000);
            return torn;
        }

        private void Fire(ScenarioEvent e)
        {
            long now = Clock.NowMs;
            string text = e.Describe();
            EventsFired.Add($"{now / 1000.0:0.00} s: {text}");
            History.Add("do:" + e.Do);
            Timeline.Mark(now, e.Do, "event");
            string result = FirePlant(e) ?? FireOperator(e);
            Say($"scenario: {text}{result}");
        }

        // Faults of the bay's hardware. Null when the action is an operator's.
        private string FirePlant(ScenarioEvent e)
        {
            var a = e.Args;
            switch (e.Do)
            {
                case "estop": Bay.EStopPressed = true; return "";
                case "estop_release": Bay.EStopPressed = false; return "";
                case "light_curtain_break": Bay.LightCurtainBroken = true; return "";
                case "light_curtain_clear": Bay.LightCurtainBroken = false; return "";
                case "doors_open": Bay.DoorsOpen = true; return "";
                case "doors_close": Bay.DoorsOpen = false; return "";
                case "safety_relay_fail": Bay.SafetyRelayFailed = true; return "";
                case "safety_relay_heal": Bay.SafetyRelayFailed = false; return "";
                case "stall": Bay.StallLiftAt(a.TryGetValue("position_mm", out var p) ? (double)p : Bay.LiftPositionMm); return "";
                case "clear_stall": Bay.ClearLiftStall(); return "";
                case "encoder_freeze": Bay.Encoder.Frozen = true; return "";
                case "encoder_heal": Bay.Encoder.Frozen = false; Bay.EncoderPath.Heal(); return "";
                case "encoder_fault":
                    var path = Bay.EncoderPath;
                    if (a.TryGetValue("slip", out var sl)) path.SlipFraction = (double)sl;
                    if (a.TryGetValue("offset_counts", out var oc)) path.OffsetCounts = (int)Math.Round((double)oc);
                    if (a.TryGetValue("scale", out var sc)) path.Scale = (double)sc;
                    if (a.TryGetValue("wrap_counts", out var wc)) path.WrapCounts = (int)wc;
                    return $" → encoder reads {path.ReadCounts()} counts at {Bay.LiftPositionMm:0.0} mm";
                case "sensor": return SensorFault(e);
                case "lock_fails_to_engage": Bay.FailLockEngage((int)a["lock"]); return "";
                case "lock_heal": Bay.FailLockEngage((int)a["lock"], false); return "";
                case "lift_runaway": Bay.LiftRunaway = (string)a["direction"] == "up" ? 1 : -1; return "";
                case "lift_drive_heal": Bay.LiftRunaway = 0; Bay.LiftDrive.StuckDuty = -1; return "";
                case "brake_slip": Bay.BrakeSlipMmS = a.TryGetValue("mm_s", out var ms) ? (double)ms : 20; return "";
                case "brake_heal": Bay.BrakeSlipMmS = 0; return "";
                case "output_stuck": return StickOutput((string)a["name"], a.TryGetValue("duty", out var du) ? (double)du : -1, true);
                case "output_heal": return StickOutput((string)a["name"], -1, false);
                case "vehicle_moves": return VehicleAction(Bay.VehicleRollsAway);
                case "vehicle_returns": return VehicleAction(Bay.VehicleRepositions);
                case "vehicle_leaves": return VehicleAction(Bay.VehicleLeavesNow);
                case "handler_wrong_pack": Bay.Rack.FetchWrongPackNext = true; return " → the handler's next fetch takes another pack";
                case "handler_drops_pack": Bay.Rack.DropNextFetch = true; return " → the handler drops the next pack it fetches";
                case "pack_soc": return PackSoc(a.TryGetValue("serial", out var ps) ? (string)ps : null, (double)a["pct"]);
                case "storage_fail":
                    string what = a.TryGetValue("what", out var wh) ? (string)wh : "all";
                    Bay.Storage.FailWrites = what == "all";
                    Bay.Storage.FailAppends = what == "appends";
                    Bay.Storage.FailReplaces = what == "replaces";
                    return $" → {what} writes fail";
                case "storage_heal": Bay.Storage.FailWrites = Bay.Storage.FailAppends = Bay.Storage.FailReplaces = false; return "";
                case "tear_next_replace":
                    Bay.Storage.TearNextReplace = true;
                    _tornReplaceOffS = a.TryGetValue("off_s", out var to) ? (double)to : 3.0;
                    return " → the next replace is torn by a power cut";
                case "can_bus_off": PackCan.StationPort.BusOff = true; return " → the station's CAN controller is bus-off";
                case "can_bus_on": PackCan.StationPort.BusOff = false; return "";
                case "cloud_link_drop":
                case "cloud_link_restore":
                    if (CloudLink == null) return " → this run has no cloud link (--broker): the core does not depend on one";
                    CloudLink(e.Do == "cloud_link_restore");
                    return "";
                case "tick_late":
                    _tickLateMs = a.TryGetValue("late_ms", out var lm) ? (int)lm : 500;
                    return $" → the next control tick comes {_tickLateMs} ms late";
                case "power_loss":
                    bool tear = a.TryGetValue("tear_journal", out var t) && (bool)t;
                    bool torn = PowerDown(tear, a.TryGetValue("off_s", out var o) ? (double)o : 3.0);
                    return tear ? (torn ? " → tore the journal write in progress" : " → no journal write was in progress: nothing torn") : "";
                case "bms_fault":
                    try { return ": " + PackCan.Apply((string)a["kind"], a.TryGetValue("serial", out var bs) ? (string)bs : null); }
                    catch (ArgumentException x) { return ": ignored, " + x.Message; }
                default: return null;
            }
        }

        private string SensorFault(ScenarioEvent e)
        {
            var input = Bay.Input((string)e.Args["name"]);
            switch ((string)e.Args["mode"])
            {
                case "stuck_active": input.Stick(true); break;
                case "stuck_inactive": input.Stick(false); break;
                case "flicker": input.StartFlicker(e.Args.TryGetValue("half_period_ms", out var hp) ? (int)hp : 50); break;
                case "glitch": input.Glitch((e.Args.TryGetValue("ticks", out var tk) ? (int)tk : 1) * Config.TickMs); break;
                default: input.Heal(); break;
            }
            return "";
        }

        private string StickOutput(string name, double duty, bool stuck)
        {
            if (name == "LiftDrive")
            {
                Bay.LiftDrive.StuckDuty = !stuck ? -1 : duty >= 0 ? duty : Bay.LiftDrive.Duty > 0 ? Bay.LiftDrive.Duty : 1.0;
                return stuck ? $" → the lift drive holds a {Bay.LiftDrive.StuckDuty:0.00} speed reference" : "";
            }
            Bay.Output(name).StuckOn = stuck;
            return "";
        }

        private static string VehicleAction(Action action)
        {
            try { action(); return ""; }
            catch (InvalidOperationException x) { return " → ignored: " + x.Message; }
        }

        // The pack's own charge (what its BMS reports) drops below what the inventory holds for it: by default the pack
        // being swapped in, which has left the rack's charger, so no charger report corrects the inventory.
        private string PackSoc(string serial, double pct)
        {
            serial ??= _current?.PackIn;
            SimPack pack = null;
            foreach (var p in Bay.Packs) if (p.Serial == serial) pack = p;
            if (pack == null) return $" → ignored: no pack {serial ?? "being swapped in"}";
            pack.SocPct = pct;
            return $" → {pack.Serial} holds {pct:0} %";
        }

        // The operator's and the booking's commands; "expect" on the event checks the controller's answer.
        private string FireOperator(ScenarioEvent e)
        {
            string result = "";
            switch (e.Do)
            {
                case "authorize":
                    // The booking authorises the vehicle in the bay again (e.g. after a fault was cleared).
                    if (_current == null || Bay.Vehicle == null) { result = " → no vehicle in the bay"; break; }
                    string pack = e.Args.TryGetValue("pack", out var pk) ? (string)pk : null;
                    var veh = Bay.Vehicle;
                    result = Command(c => c.Authorize(new SwapAuthorization(_current.VehicleId, pack)
                    {
                        VehiclePackSerial = veh.Pack?.Serial,
                        VehiclePackSocPct = veh.Pack == null ? -1 : (int)veh.Pack.SocPct,
                    }));
                    if (result == " → accepted")
                    {
                        _current.AuthorizedMs = Clock.NowMs;
                        if (pack != null) _current.PackIn = pack;
                    }
                    break;
                case "reset": result = Command(c => c.ResetFault()); break;
                case "home": result = Command(c => c.Home()); break;
                case "confirm_recovery": result = Command(c => c.ConfirmRecovery()); break;
                case "cancel": result = Command(c => c.Cancel()); break;
                case "software_stop": result = Command(c => c.EmergencyStop()); break;
                case "console": return TypeOnConsole(e);
            }
            CheckAnswer(e, result);
            return result;
        }

        // The technician types a line on the console; "reply" is a part of the answer it must give (case-insensitive).
        private string TypeOnConsole(ScenarioEvent e)
        {
            if (Controller == null) return " → no controller (power is off): nothing answers";
            if (_console == null || _console.Controller != Controller) _console = new ScenarioConsole(Controller, Bay, Config, Storage, Clock);
            string line = (string)e.Args["line"];
            string answer = _console.Type(line);
            if (e.Args.TryGetValue("reply", out var want) && !answer.Contains((string)want, StringComparison.OrdinalIgnoreCase))
                CommandFailures.Add($"events[{e.Index}] console \"{line}\" at {Clock.NowMs / 1000.0:0.00} s answered \"{answer}\", expected a reply containing \"{want}\"");
            return $" → \"{answer}\"";
        }

        private void CheckAnswer(ScenarioEvent e, string result)
        {
            if (!e.Args.TryGetValue("expect", out var x)) return;
            bool accepted = result == " → accepted";
            bool wantAccepted = (string)x == "accepted";
            string at = $"events[{e.Index}] {e.Do} at {Clock.NowMs / 1000.0:0.00} s";
            if (accepted != wantAccepted) CommandFailures.Add($"{at} was {(accepted ? "accepted" : "not accepted" + result)}, expected {x}");
            else if (!accepted && e.Args.TryGetValue("reason", out var why) && !result.Contains((string)why, StringComparison.OrdinalIgnoreCase))
                CommandFailures.Add($"{at} was refused{result.Replace(" → refused", "")}, expected a reason containing \"{why}\"");
        }

        private string Command(Func<StationController, CommandResult> command)
        {
            if (Controller == null) return " → no controller (power is off)";
            var r = command(Controller);
            return r.Accepted ? " → accepted" : $" → refused: {r.Message}";
        }

        private void RestorePower()
        {
            _powerBackAtMs = -1;
            Bay.PowerRestore();
            Restarts++;
            Say("power restored: the controller boots on the same storage");
            StartController();
        }
    }
}
