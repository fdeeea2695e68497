using System;
using System.Collections.Generic;
using System.Globalization;
using Station.Core;
using Station.Hal;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>The console's hidden <c>sim ...</c> commands on a <see cref="ConsoleBay"/>: what a technician cannot
    /// type on a board (a vehicle or truck drives in, someone breaks the light curtain, the e-stop, a jam, a power cut),
    /// scheduled ones (<c>sim after</c>, <c>sim when moving</c>), and the released vehicle driving off.</summary>
    public sealed class SimCommands
    {
        private readonly List<(long DueMs, string Line)> _scheduled = new List<(long, string)>();
        private readonly List<string> _onMotion = new List<string>();
        private readonly ConsoleBay _bay;
        private readonly SimTruckBay _truck;
        private int _vehicles;

        /// <summary>The commands of <paramref name="bay"/> (a truck bay's vehicles are trucks).</summary>
        public SimCommands(ConsoleBay bay)
        {
            _bay = bay;
            _truck = (bay.Kind as TruckBayKind)?.Truck;
        }

        private SimBay Bay => _bay.Bay;

        /// <summary>The simulator's own commands, one a line (each under 80 columns); shown by <c>sim</c> and <c>help</c>.</summary>
        public string Help => "sim commands (simulator only: what a technician cannot type on a board):\n"
            + (_truck == null
                ? "  sim vehicle arrive [id] | depart     a car drives in or off\n"
                : "  sim vehicle arrive [id] | depart     a truck (blocks at 1, 2, 3) drives in\n"
                + "                                       or off\n")
            + "  sim curtain break|clear              someone walks into the bay, or leaves it\n"
            + "  sim estop press|release              the bay's e-stop button\n"
            + "  sim doors open|close                 the bay doors\n"
            + (_truck == null
                ? "  sim stall [mm] | clear               the lift jams (at mm), or frees\n"
                + "  sim lift unload [slot]               a person carries the pack on the lift\n"
                + "                                       (at home) into a rack slot\n"
                : "  sim stall [mm] | clear               the robot's height axis jams (at mm),\n"
                + "                                       or frees\n")
            + "  sim power loss [s]                   the board loses power for s seconds\n"
            + "  sim after <s> <sim command>          run a sim command s seconds later\n"
            + (_truck == null
                ? "  sim when moving <sim command>        run it when the lift next moves\n"
                : "  sim when moving <sim command>        run it when a robot axis next moves\n")
            + "  sim plant                            the plant's state\n"
            + "  sim quit                             stop the simulator";

        /// <summary>Runs the scheduled commands that are due, and those armed on motion once something moves.</summary>
        public void RunDue()
        {
            for (int i = 0; i < _scheduled.Count; i++)
            {
                if (_bay.Clock.NowMs < _scheduled[i].DueMs) continue;
                string line = _scheduled[i].Line;
                _scheduled.RemoveAt(i--);
                _bay.Log.Write(LogLevel.Info, "sim (scheduled): " + Execute(line));
            }

            // Armed by 'sim when moving': fires in the first tick an axis moves, whatever the wall clock does.
            if (_onMotion.Count > 0 && Moving())
            {
                var due = _onMotion.ToArray();
                _onMotion.Clear();
                foreach (string line in due) _bay.Log.Write(LogLevel.Info, "sim (lift moving): " + Execute(line));
            }
        }

        private bool Moving() => Math.Abs(Bay.LiftVelocityMmS) > 0
            || (_truck != null && (Math.Abs(_truck.Travel.VelocityMmS) > 0 || Math.Abs(_truck.Fork.VelocityMmS) > 0));

        /// <summary>The controller released the vehicle: it drives off by itself.</summary>
        public void ReleasedVehicleLeaves()
        {
            if (_truck != null) { if (_truck.TruckIsPositioned) _truck.DepartTruck(); }
            else if (Bay.Vehicle != null && Bay.Vehicle.State == VehicleState.Positioned) Bay.DepartVehicle();
        }

        /// <summary>Carries out one <c>sim</c> line; the answer.</summary>
        public string Execute(string line)
        {
            string[] w = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string what = w.Length > 1 ? w[1].ToLowerInvariant() : "help";
            string arg = w.Length > 2 ? w[2].ToLowerInvariant() : "";
            switch (what)
            {
                case "after":
                    if (w.Length < 4 || !double.TryParse(w[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double s) || s < 0 || s > 3600)
                        return "sim after: <seconds 0..3600> <sim command>, e.g. sim after 2 curtain break";
                    string later = "sim " + string.Join(" ", w, 3, w.Length - 3);
                    _scheduled.Add((_bay.Clock.NowMs + (long)(s * 1000), later));
                    return $"sim: '{later}' in {s:0.###} s (simulated)";
                case "when":
                    if (w.Length < 4 || arg != "moving")
                        return "sim when: moving <sim command>, e.g. sim when moving curtain break";
                    string armed = "sim " + string.Join(" ", w, 3, w.Length - 3);
                    _onMotion.Add(armed);
                    return $"sim: '{armed}' when the {(_truck == null ? "lift" : "robot")} next moves";
                case "curtain":
                    if (arg != "break" && arg != "clear") return "sim curtain: break or clear";
                    Bay.LightCurtainBroken = arg == "break";
                    return "sim: light curtain " + (Bay.LightCurtainBroken ? "broken" : "clear");
                case "estop":
                    if (arg != "press" && arg != "release") return "sim estop: press or release";
                    Bay.EStopPressed = arg == "press";
                    return "sim: e-stop " + (Bay.EStopPressed ? "pressed" : "released");
                case "doors":
                    if (arg != "open" && arg != "close") return "sim doors: open or close";
                    Bay.DoorsOpen = arg == "open";
                    return "sim: doors " + (Bay.DoorsOpen ? "open" : "closed");
                case "vehicle":
                    return _truck != null ? TruckCommand(arg, w) : VehicleCommand(arg, w);
                case "stall":
                    if (arg == "clear")
                    {
                        Bay.ClearLiftStall();
                        return _truck == null ? "sim: lift stall cleared" : "sim: height axis stall cleared";
                    }

                    double at = Bay.LiftPositionMm;
                    if (arg.Length > 0 && !double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out at)) return "sim stall: a position in mm or clear";
                    Bay.StallLiftAt(at);
                    return $"sim: {(_truck == null ? "lift" : "height axis")} will stall at {at:0} mm";
                case "lift":
                    if (_truck != null) return "sim lift: the truck bay has no lift platform (its fork is the robot's)";
                    return LiftUnload.Carry(Bay, arg, w.Length > 3 ? w[3] : "");
                case "plant":
                    return string.Format(CultureInfo.InvariantCulture,
                        "sim: t={0:0.0} s, {1}, relay {2}, curtain {3}, hazards {4}",
                        _bay.Clock.NowMs / 1000.0, Plant(), Bay.SafetyRelayEnergised ? "on" : "off", Bay.LightCurtainBroken ? "broken" : "clear", Bay.Hazards.Count);
                case "power":
                    double off = 3;
                    if (arg != "loss" || (w.Length > 3 && (!double.TryParse(w[3], NumberStyles.Float, CultureInfo.InvariantCulture, out off) || off < 0.1 || off > 600)))
                        return "sim power: loss [seconds off, 0.1..600]";
                    _bay.CutPower((long)(off * 1000));
                    return $"sim: power cut for {off:0.#} s (the board restarts on the same storage)";
                case "quit":
                    _bay.Quit();
                    return "sim: quitting";
                default:
                    return Help;
            }
        }

        private string Plant()
        {
            if (_truck != null)
                return string.Format(CultureInfo.InvariantCulture, "travel {0:0.0} mm, height {1:0.0} mm, fork {2:0.0} mm, truck {3}",
                    _truck.Travel.PositionMm, Bay.LiftPositionMm, _truck.Fork.PositionMm,
                    _truck.TruckIsPositioned ? "positioned" : _truck.TruckArriving ? "arriving" : _truck.TruckLeaving ? "leaving" : "none");
            return string.Format(CultureInfo.InvariantCulture, "lift {0:0.0} mm, vehicle {1}", Bay.LiftPositionMm,
                Bay.Vehicle == null ? "none" : Bay.Vehicle.Id + " " + Bay.Vehicle.State.ToString().ToLowerInvariant());
        }

        private string VehicleCommand(string arg, string[] w)
        {
            if (arg == "arrive")
            {
                if (Bay.Vehicle != null) return "sim vehicle: a vehicle is already in the bay";
                _vehicles++;
                string id = w.Length > 3 ? w[3] : "CAR" + _vehicles.ToString("000", CultureInfo.InvariantCulture);
                var v = Bay.ArriveVehicle(id, "VP" + _vehicles.ToString("0000", CultureInfo.InvariantCulture));
                return $"sim: vehicle {id} drives in with pack {v.Pack.Serial} ({Bay.Parameters.VehicleArriveMs / 1000} s to position)";
            }

            if (arg == "depart")
            {
                if (Bay.Vehicle == null) return "sim vehicle: no vehicle in the bay";
                Bay.DepartVehicle();
                return "sim: vehicle drives off";
            }

            return "sim vehicle: arrive [id] or depart";
        }

        private string TruckCommand(string arg, string[] w)
        {
            if (arg == "arrive")
            {
                if (_truck.TruckInBay) return "sim vehicle: a truck is already in the bay";
                _vehicles++;
                string id = w.Length > 3 ? w[3] : "TRK" + _vehicles.ToString("000", CultureInfo.InvariantCulture);
                if (!SimulatorOptions.IsBookingId(id)) return "sim vehicle: a truck id is 1..32 of A-Z a-z 0-9 - _ .";
                _truck.ArriveTruck(id, 7);
                return $"sim: truck {id} drives in with blocks at 1, 2, 3 ({Bay.Parameters.VehicleArriveMs / 1000} s to position)";
            }

            if (arg == "depart")
            {
                if (!_truck.TruckIsPositioned) return "sim vehicle: no positioned truck in the bay";
                _truck.DepartTruck();
                return "sim: truck drives off";
            }

            return "sim vehicle: arrive [id] or depart";
        }
    }
}
