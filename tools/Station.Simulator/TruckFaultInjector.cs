using System;
using Station.Core.Swap.Truck;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>The truck bay's plant faults of a scenario (the safety chain, supply, flash, ticks and cloud link are every
    /// bay's, <see cref="RunFaults"/>): a robot axis that stalls, the robot tipping (anti-tipping switch), the fork
    /// overloaded (load cell), a block latch that jams, the truck rolling off its position. Each changes the simulated plant; the controller only sees its inputs.</summary>
    public sealed class TruckFaultInjector
    {
        /// <summary>Axes a scenario may stall: the robot's travel, height (the bay's lift) and fork.</summary>
        public static readonly string[] Axes = { "travel", "height", "fork" };

        private readonly SimTruckBay _bay;

        /// <summary>Faults injected into <paramref name="bay"/>.</summary>
        public TruckFaultInjector(SimTruckBay bay) { _bay = bay; }

        /// <summary>Carries out a plant fault; what it did, or null when <paramref name="e"/> is not one.</summary>
        public string Fire(ScenarioEvent e)
        {
            var a = e.Args;
            switch (e.Do)
            {
                case "axis_stall": return Stall((string)a["axis"], a.TryGetValue("position_mm", out var p) ? (double)p : double.NaN);
                case "axis_stall_clear": return ClearStall((string)a["axis"]);
                case "robot_tips": _bay.Tipping = true; return " → the anti-tipping switch opens";
                case "robot_upright": _bay.Tipping = false; return "";
                case "fork_overload": _bay.Overloaded = true; return " → the load cell reads over the limit";
                case "fork_overload_clear": _bay.Overloaded = false; return "";
                case "block_latch_fails": _bay.Latches[(int)a["position"] - 1].FailEngage((int)a["latch"], true); return "";
                case "block_latch_heal": _bay.Latches[(int)a["position"] - 1].FailEngage((int)a["latch"], false); return "";
                case "truck_moves":
                    if (!_bay.TruckIsPositioned) return " → ignored: no positioned truck";
                    _bay.TruckMoves();
                    return " → the truck rolls off its position";
                default: return null;
            }
        }

        // An obstruction on an axis: it jams where it stands (or on reaching position_mm, in plant millimetres).
        private string Stall(string axis, double mm)
        {
            if (axis == "height")
            {
                _bay.Bay.StallLiftAt(double.IsNaN(mm) ? _bay.Bay.LiftPositionMm : mm);
                return $" → the height axis jams at {(double.IsNaN(mm) ? _bay.Bay.LiftPositionMm : mm):0} mm";
            }
            SimLinearAxis x = Axis(axis);
            double at = double.IsNaN(mm) ? x.PositionMm : mm;
            x.JamAt(at);
            return $" → the {axis} axis jams at {at:0} mm";
        }

        private string ClearStall(string axis)
        {
            if (axis == "height") _bay.Bay.ClearLiftStall();
            else Axis(axis).ClearJam();
            return "";
        }

        private SimLinearAxis Axis(string axis) => axis == "travel" ? _bay.Travel : axis == "fork" ? _bay.Fork : throw new ArgumentException(axis);

        /// <summary>The longest position_mm a scenario may give for <paramref name="axis"/> (its travel in plant
        /// millimetres).</summary>
        public static double LengthMm(string axis) =>
            axis == "travel" ? TruckFigures.TravelLengthMm : axis == "fork" ? TruckFigures.ForkReachMm + 100 : SimTruckBay.DefaultPlant().LiftTravelMm;
    }
}
