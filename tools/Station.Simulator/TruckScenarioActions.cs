using System.Collections.Generic;
using Station.Core;
using Station.Core.Swap.Truck;

namespace Station.Simulator
{
    /// <summary>The actions a truck-bay scenario may use ("bay": "truck"), with their arguments, and the checks of their
    /// values: the faults every bay shares (<see cref="RunFaults"/>: safety chain, power cuts, flash, late ticks, cloud
    /// link), the robot's axes, anti-tipping and load cell, the blocks' latches, the truck, and the operator's commands. A car-only action (a lift runaway, a vehicle sensor, a pack BMS fault)
    /// is refused by name, before any simulation.</summary>
    internal static class TruckScenarioActions
    {
        /// <summary>Each action with its allowed arguments: name → kind ("number", "int", "bool", "string").</summary>
        public static readonly Dictionary<string, Dictionary<string, string>> Actions = RunFaults.With(new Dictionary<string, Dictionary<string, string>>
        {
            ["axis_stall"] = new() { ["axis"] = "string", ["position_mm"] = "number" }, ["axis_stall_clear"] = new() { ["axis"] = "string" },
            ["robot_tips"] = new(), ["robot_upright"] = new(),
            ["fork_overload"] = new(), ["fork_overload_clear"] = new(),
            ["block_latch_fails"] = new() { ["position"] = "int", ["latch"] = "int" }, ["block_latch_heal"] = new() { ["position"] = "int", ["latch"] = "int" },
            ["truck_moves"] = new(),
            ["authorize"] = ScenarioReader.Command(new() { ["positions"] = "string" }),
            ["reset"] = ScenarioReader.Command(new()), ["home"] = ScenarioReader.Command(new()), ["confirm_recovery"] = ScenarioReader.Command(new()),
            ["cancel"] = ScenarioReader.Command(new()), ["software_stop"] = ScenarioReader.Command(new()),
        });

        /// <summary>Checks the values of <paramref name="ev"/>'s arguments (their types are checked already).</summary>
        public static void Check(ScenarioEvent ev, string where)
        {
            ScenarioActionCheck.CheckAnswer(ev, where);
            ScenarioActionCheck.CheckShared(ev, where);
            switch (ev.Do)
            {
                case "axis_stall":
                case "axis_stall_clear":
                    if (!ev.Args.TryGetValue("axis", out var a) || System.Array.IndexOf(TruckFaultInjector.Axes, (string)a) < 0)
                        throw new ScenarioException($"{where}: \"{ev.Do}\" needs \"axis\" (one of: {string.Join(", ", TruckFaultInjector.Axes)})");
                    if (ev.Args.TryGetValue("position_mm", out var mm) && ((double)mm < 0 || (double)mm > TruckFaultInjector.LengthMm((string)a)))
                        throw new ScenarioException($"{where}.position_mm: {mm} lies outside the {a} axis's travel (0..{TruckFaultInjector.LengthMm((string)a)})");
                    break;
                case "block_latch_fails":
                case "block_latch_heal":
                    if (!ev.Args.TryGetValue("position", out var p) || (int)p < 1 || (int)p > TruckPorts.Positions)
                        throw new ScenarioException($"{where}: \"{ev.Do}\" needs \"position\" (1..{TruckPorts.Positions})");
                    if (!ev.Args.TryGetValue("latch", out var l) || (int)l >= TruckFigures.LatchesPerBlock)
                        throw new ScenarioException($"{where}: \"{ev.Do}\" needs \"latch\" (0..{TruckFigures.LatchesPerBlock - 1})");
                    break;
                case "authorize":
                    if (ev.Args.TryGetValue("positions", out var list) && SimulatorCommandLine.ParsePositions((string)list) == null)
                        throw new ScenarioException($"{where}.positions: \"{list}\" is not a list of distinct positions 1..3, e.g. \"1,3\"");
                    break;
            }
        }
    }
}
