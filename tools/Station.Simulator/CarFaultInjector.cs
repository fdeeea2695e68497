using System;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>The car bay's plant faults of a scenario (lift, encoder, sensors, locks, outputs, vehicle, rack handler,
    /// pack CAN and BMS): each event changes the simulated plant of a <see cref="BayRun"/>; the controller only sees what
    /// its inputs then read. The safety chain, supply, flash, ticks and cloud link are every bay's (<see cref="RunFaults"/>).</summary>
    public sealed class CarFaultInjector
    {
        private readonly BayRun _run;

        /// <summary>Faults injected into <paramref name="run"/>'s plant.</summary>
        public CarFaultInjector(BayRun run) { _run = run; }

        /// <summary>Carries out a fault of the bay's hardware; what it did, or null when <paramref name="e"/> is not one.</summary>
        public string Fire(ScenarioEvent e)
        {
            var a = e.Args;
            switch (e.Do)
            {
                case "stall": _run.Bay.StallLiftAt(a.TryGetValue("position_mm", out var p) ? (double)p : _run.Bay.LiftPositionMm); return "";
                case "clear_stall": _run.Bay.ClearLiftStall(); return "";
                case "encoder_freeze": _run.Bay.Encoder.Frozen = true; return "";
                case "encoder_heal": _run.Bay.Encoder.Frozen = false; _run.Bay.EncoderPath.Heal(); return "";
                case "encoder_fault":
                    var path = _run.Bay.EncoderPath;
                    if (a.TryGetValue("slip", out var sl)) path.SlipFraction = (double)sl;
                    if (a.TryGetValue("offset_counts", out var oc)) path.OffsetCounts = (int)Math.Round((double)oc);
                    if (a.TryGetValue("scale", out var sc)) path.Scale = (double)sc;
                    if (a.TryGetValue("wrap_counts", out var wc)) path.WrapCounts = (int)wc;
                    return $" → encoder reads {path.ReadCounts()} counts at {_run.Bay.LiftPositionMm:0.0} mm";
                case "sensor": return SensorFault(e);
                case "lock_fails_to_engage": _run.Bay.FailLockEngage((int)a["lock"]); return "";
                case "lock_heal": _run.Bay.FailLockEngage((int)a["lock"], false); return "";
                case "lift_runaway": _run.Bay.LiftRunaway = (string)a["direction"] == "up" ? 1 : -1; return "";
                case "lift_drive_heal": _run.Bay.LiftRunaway = 0; _run.Bay.LiftDrive.StuckDuty = -1; return "";
                case "brake_slip": _run.Bay.BrakeSlipMmS = a.TryGetValue("mm_s", out var ms) ? (double)ms : 20; return "";
                case "brake_heal": _run.Bay.BrakeSlipMmS = 0; return "";
                case "output_stuck": return StickOutput((string)a["name"], a.TryGetValue("duty", out var du) ? (double)du : -1, true);
                case "output_heal": return StickOutput((string)a["name"], -1, false);
                case "vehicle_moves": return VehicleAction(_run.Bay.VehicleRollsAway);
                case "vehicle_returns": return VehicleAction(_run.Bay.VehicleRepositions);
                case "vehicle_leaves": return VehicleAction(_run.Bay.VehicleLeavesNow);
                case "handler_wrong_pack": _run.Bay.Rack.FetchWrongPackNext = true; return " → the handler's next fetch takes another pack";
                case "handler_drops_pack": _run.Bay.Rack.DropNextFetch = true; return " → the handler drops the next pack it fetches";
                case "pack_soc": return PackSoc(a.TryGetValue("serial", out var ps) ? (string)ps : null, (double)a["pct"]);
                case "can_bus_off": _run.PackCan.StationPort.BusOff = true; return " → the station's CAN controller is bus-off";
                case "can_bus_on": _run.PackCan.StationPort.BusOff = false; return "";
                case "bms_fault":
                    try { return ": " + _run.PackCan.Apply((string)a["kind"], a.TryGetValue("serial", out var bs) ? (string)bs : null); }
                    catch (ArgumentException x) { return ": ignored, " + x.Message; }
                default: return null;
            }
        }

        private string SensorFault(ScenarioEvent e)
        {
            var input = _run.Bay.Input((string)e.Args["name"]);
            switch ((string)e.Args["mode"])
            {
                case "stuck_active": input.Stick(true); break;
                case "stuck_inactive": input.Stick(false); break;
                case "flicker": input.StartFlicker(e.Args.TryGetValue("half_period_ms", out var hp) ? (int)hp : 50); break;
                case "glitch": input.Glitch((e.Args.TryGetValue("ticks", out var tk) ? (int)tk : 1) * _run.Config.TickMs); break;
                default: input.Heal(); break;
            }
            return "";
        }

        private string StickOutput(string name, double duty, bool stuck)
        {
            if (name == "LiftDrive")
            {
                _run.Bay.LiftDrive.StuckDuty = !stuck ? -1 : duty >= 0 ? duty : _run.Bay.LiftDrive.Duty > 0 ? _run.Bay.LiftDrive.Duty : 1.0;
                return stuck ? $" → the lift drive holds a {_run.Bay.LiftDrive.StuckDuty:0.00} speed reference" : "";
            }
            _run.Bay.Output(name).StuckOn = stuck;
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
            serial ??= _run.Current?.PackIn;
            SimPack pack = null;
            foreach (var p in _run.Bay.Packs) if (p.Serial == serial) pack = p;
            if (pack == null) return $" → ignored: no pack {serial ?? "being swapped in"}";
            pack.SocPct = pct;
            return $" → {pack.Serial} holds {pct:0} %";
        }
    }
}
