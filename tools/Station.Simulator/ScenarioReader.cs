using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text.Json;
using Station.Core;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>Reads and checks a scenario file. The file is outside input: anything wrong in it (syntax, unknown key,
    /// wrong type, out-of-range figure, unknown step, action or sensor) is a <see cref="ScenarioException"/> that names
    /// the place, never a crash.</summary>
    public static class ScenarioReader
    {
        /// <summary>Largest scenario file accepted, bytes.</summary>
        public const int MaxBytes = 256 * 1024;
        /// <summary>Most events in one scenario.</summary>
        public const int MaxEvents = 500;

        // Each action with its allowed arguments: name → kind ("number", "int", "bool", "string"); the safety chain, supply,
        // flash, tick and cloud link faults are every bay's (RunFaults).
        private static readonly Dictionary<string, Dictionary<string, string>> Actions = RunFaults.With(new Dictionary<string, Dictionary<string, string>>
        {
            ["stall"] = new() { ["position_mm"] = "number" }, ["clear_stall"] = new(),
            ["encoder_freeze"] = new(), ["encoder_heal"] = new(),
            ["sensor"] = new() { ["name"] = "string", ["mode"] = "string", ["half_period_ms"] = "int", ["ticks"] = "int" },
            ["encoder_fault"] = new() { ["slip"] = "number", ["offset_counts"] = "number", ["scale"] = "number", ["wrap_counts"] = "int" },
            ["lift_runaway"] = new() { ["direction"] = "string" }, ["brake_slip"] = new() { ["mm_s"] = "number" },
            ["lift_drive_heal"] = new(), ["brake_heal"] = new(),
            ["output_stuck"] = new() { ["name"] = "string", ["duty"] = "number" }, ["output_heal"] = new() { ["name"] = "string" },
            ["vehicle_moves"] = new(), ["vehicle_returns"] = new(), ["vehicle_leaves"] = new(),
            ["handler_wrong_pack"] = new(), ["handler_drops_pack"] = new(),
            ["pack_soc"] = new() { ["pct"] = "number", ["serial"] = "string" },
            ["can_bus_off"] = new(), ["can_bus_on"] = new(),
            ["lock_fails_to_engage"] = new() { ["lock"] = "int" }, ["lock_heal"] = new() { ["lock"] = "int" },
            ["bms_fault"] = new() { ["kind"] = "string", ["serial"] = "string" },
            ["authorize"] = Command(new() { ["pack"] = "string" }),
            ["reset"] = Command(new()), ["home"] = Command(new()), ["confirm_recovery"] = Command(new()), ["cancel"] = Command(new()), ["software_stop"] = Command(new()),
            ["console"] = new() { ["line"] = "string", ["reply"] = "string" },
        });

        // An operator command may say what the controller must answer: "expect": "refused"/"accepted", and part of the reason.
        internal static Dictionary<string, string> Command(Dictionary<string, string> args)
        {
            args["expect"] = "string";
            args["reason"] = "string";
            return args;
        }

        /// <summary>What a command event may expect of the controller's answer.</summary>
        public static readonly string[] CommandAnswers = { "refused", "accepted" };

        /// <summary>Storage faults of "storage_fail".</summary>
        public static readonly string[] StorageFaults = { "all", "appends", "replaces" };

        /// <summary>Bays a scenario may run on ("bay"; car when absent).</summary>
        public static readonly string[] Bays = { "car", "truck" };

        /// <summary>Places of the controller's inventory a scenario may check, in PackPlace order.</summary>
        public static readonly string[] InventoryPlaces = { "staging", "lift", "vehicle", "return_point" };

        private static readonly string[] SensorModes = { "stuck_active", "stuck_inactive", "flicker", "glitch", "heal" };

        /// <summary>Names of every action a scenario may use.</summary>
        public static IEnumerable<string> ActionNames => Actions.Keys;

        /// <summary>Reads the scenario at <paramref name="path"/>: a regular file of at most <see cref="MaxBytes"/>
        /// (see <see cref="ScenarioFile"/>).</summary>
        public static Scenario Load(string path)
        {
            if (string.IsNullOrEmpty(path)) throw new ScenarioException("no scenario file given");
            string text;
            try { text = ScenarioFile.ReadText(path, MaxBytes); }
            catch (ScenarioException) { throw; }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new ScenarioException($"scenario {path}: {e.Message}");
            }
            try { return Parse(text); }
            catch (ScenarioException e) { throw new ScenarioException($"scenario {path}: {e.Message}"); }
        }

        /// <summary>Parses scenario JSON text; <paramref name="bay"/> is the bay it runs on when the file names none
        /// (null: car).</summary>
        public static Scenario Parse(string json, string bay = null)
        {
            if (json == null) throw new ScenarioException("empty scenario");
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
            }
            catch (JsonException e)
            {
                throw new ScenarioException($"not valid JSON: {e.Message}");
            }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw new ScenarioException("the top level must be a JSON object");
                ScenarioText.Check(root, "");
                var s = new Scenario();
                // The bay first: it decides which plant, actions and expectations the rest may name.
                s.Bay = root.TryGetProperty("bay", out var named) ? OneOf(named, "bay", Bays) : bay;
                bool truck = s.Bay == "truck";
                foreach (var prop in root.EnumerateObject())
                {
                    switch (prop.Name)
                    {
                        case "bay": break;
                        case "positions":
                            if (!truck) throw new ScenarioException("\"positions\" books truck blocks: add \"bay\": \"truck\"");
                            s.Positions = ReadPositions(prop.Value);
                            break;
                        case "name": s.Name = Str(prop.Value, "name", 200); break;
                        case "description": s.Description = Str(prop.Value, "description", 4000); break;
                        case "swaps": s.Swaps = Int(prop.Value, "swaps", 0, 100); break;
                        case "max_s": s.MaxSeconds = Num(prop.Value, "max_s", 1, 86400); break;
                        case "auto_home": s.AutoHome = Bool(prop.Value, "auto_home"); break;
                        case "plant":
                            if (truck) throw new ScenarioException("\"plant\" figures describe the car bay; the truck bay runs on its own figures (docs/truck-bay.md)");
                            ReadPlant(prop.Value, s.Plant);
                            break;
                        case "events": break; // after the plant, which it depends on (lock count)
                        case "expect": s.Expect = ScenarioExpectReader.Read(prop.Value, truck, truck ? TruckScenarioActions.Actions : Actions); break;
                        default: throw new ScenarioException($"unknown key \"{prop.Name}\" (known: name, description, bay, positions, swaps, max_s, auto_home, plant, events, expect)");
                    }
                }
                if (string.IsNullOrWhiteSpace(s.Name)) throw new ScenarioException("\"name\" is required");
                if (!root.TryGetProperty("expect", out _)) throw new ScenarioException("\"expect\" is required: a scenario says where the station must end");
                try { s.Plant.Validate(); }
                catch (ArgumentException e) { throw new ScenarioException("plant: " + e.Message); }
                if (root.TryGetProperty("events", out var events)) ReadEvents(events, s);
                return s;
            }
        }

        private static void ReadPlant(JsonElement e, PlantParameters p)
        {
            if (e.ValueKind != JsonValueKind.Object) throw new ScenarioException("\"plant\" must be an object of PlantParameters figures");
            foreach (var prop in e.EnumerateObject())
            {
                FieldInfo f = typeof(PlantParameters).GetField(prop.Name, BindingFlags.Public | BindingFlags.Instance);
                if (f == null) throw new ScenarioException($"plant: unknown figure \"{prop.Name}\" (see docs/simulator.md for the list)");
                string where = "plant." + prop.Name;
                var (min, max) = PlantFigureLimits.For(f);
                if (f.FieldType == typeof(double)) f.SetValue(p, Num(prop.Value, where, min, max));
                else if (f.FieldType == typeof(int)) f.SetValue(p, Int(prop.Value, where, (int)min, (int)max));
                else if (f.FieldType == typeof(string)) f.SetValue(p, Str(prop.Value, where, 64));
                else throw new ScenarioException($"{where}: cannot be set from a scenario");
            }
        }

        private static void ReadEvents(JsonElement e, Scenario s)
        {
            bool truck = s.Bay == "truck";
            var actions = truck ? TruckScenarioActions.Actions : Actions;
            var bay = new SimBay(s.Plant, new SimClock(), new MemoryStorage()); // for sensor names and lock count
            int i = 0;
            foreach (var item in Array(e, "events", MaxEvents))
            {
                string where = $"events[{i}]";
                if (item.ValueKind != JsonValueKind.Object) throw new ScenarioException($"{where} must be an object");
                var ev = new ScenarioEvent { Index = i };
                foreach (var prop in item.EnumerateObject())
                {
                    string w = where + "." + prop.Name;
                    switch (prop.Name)
                    {
                        case "at_s": ev.AtSeconds = Num(prop.Value, w, 0, 86400); break;
                        case "at_step": ev.AtStep = StateName(prop.Value, w); break;
                        case "swap": ev.Swap = Int(prop.Value, w, 1, 100); break;
                        case "after_ms": ev.AfterMs = Int(prop.Value, w, 0, 86_400_000); break;
                        case "do": ev.Do = Str(prop.Value, w, 64); break;
                        default: break; // action arguments, checked below
                    }
                }
                if (ev.Do == null) throw new ScenarioException($"{where}: \"do\" is required (one of: {string.Join(", ", actions.Keys)})");
                if (!actions.TryGetValue(ev.Do, out var allowed))
                    throw new ScenarioException($"{where}.do: " + (truck && Actions.ContainsKey(ev.Do) ? $"\"{ev.Do}\" is a car bay action" : $"unknown action \"{ev.Do}\"")
                        + $" (one of: {string.Join(", ", actions.Keys)})");
                if (ev.AtSeconds != null && ev.AtStep != null) throw new ScenarioException($"{where}: give at_s or at_step, not both");
                if (ev.Swap > 0 && ev.AtStep == null) throw new ScenarioException($"{where}: \"swap\" only goes with \"at_step\"");
                foreach (var prop in item.EnumerateObject())
                {
                    if (prop.Name is "at_s" or "at_step" or "swap" or "after_ms" or "do") continue;
                    string w = where + "." + prop.Name;
                    if (!allowed.TryGetValue(prop.Name, out var kind))
                        throw new ScenarioException($"{w}: \"{ev.Do}\" takes no argument \"{prop.Name}\"" + (allowed.Count > 0 ? $" (it takes: {string.Join(", ", allowed.Keys)})" : ""));
                    ev.Args[prop.Name] = kind switch
                    {
                        "number" => Num(prop.Value, w, -1e6, 1e6),
                        "int" => Int(prop.Value, w, 0, 1_000_000),
                        "bool" => Bool(prop.Value, w),
                        _ => Str(prop.Value, w, 64),
                    };
                }
                if (truck) TruckScenarioActions.Check(ev, where);
                else CheckAction(ev, where, bay, s.Plant);
                s.Events.Add(ev);
                i++;
            }
        }

        private static void CheckAction(ScenarioEvent ev, string where, SimBay bay, PlantParameters p)
        {
            switch (ev.Do)
            {
                case "sensor":
                    if (!ev.Args.TryGetValue("name", out var n)) throw new ScenarioException($"{where}: \"sensor\" needs \"name\" (a StationIo input, e.g. \"PackAtStaging\" or \"LockLocked[2]\")");
                    if (bay.Input((string)n) == null)
                    {
                        var names = new List<string>();
                        foreach (var inp in bay.Inputs) names.Add(inp.Name);
                        throw new ScenarioException($"{where}.name: no input \"{n}\" (inputs: {string.Join(", ", names)})");
                    }
                    if (!ev.Args.TryGetValue("mode", out var m)) throw new ScenarioException($"{where}: \"sensor\" needs \"mode\" ({string.Join(", ", SensorModes)})");
                    if (System.Array.IndexOf(SensorModes, (string)m) < 0) throw new ScenarioException($"{where}.mode: \"{m}\" is not one of {string.Join(", ", SensorModes)}");
                    if (ev.Args.TryGetValue("half_period_ms", out var hp) && ((int)hp < 1 || (int)hp > 60_000 || (string)m != "flicker"))
                        throw new ScenarioException($"{where}.half_period_ms: only with mode \"flicker\", 1..60000");
                    if (ev.Args.TryGetValue("ticks", out var tk) && ((int)tk < 1 || (int)tk > 1000 || (string)m != "glitch"))
                        throw new ScenarioException($"{where}.ticks: only with mode \"glitch\", 1..1000");
                    break;
                default:
                    ScenarioActionCheck.Check(ev, where, bay);
                    break;
                case "lock_fails_to_engage":
                case "lock_heal":
                    if (!ev.Args.TryGetValue("lock", out var l)) throw new ScenarioException($"{where}: \"{ev.Do}\" needs \"lock\" (0..{p.LockCount - 1})");
                    if ((int)l >= p.LockCount) throw new ScenarioException($"{where}.lock: {l} is not a lock of this bay (0..{p.LockCount - 1})");
                    break;
                case "stall":
                    if (ev.Args.TryGetValue("position_mm", out var pos) && ((double)pos < -p.LiftOvertravelMm || (double)pos > p.LiftTravelMm + p.LiftOvertravelMm))
                        throw new ScenarioException($"{where}.position_mm: {pos} lies outside the lift's travel");
                    break;
                case "bms_fault":
                    if (!ev.Args.TryGetValue("kind", out var k) || System.Array.IndexOf(SimPackCan.FaultKinds, (string)k) < 0)
                        throw new ScenarioException($"{where}: \"bms_fault\" needs \"kind\" (one of: {string.Join(", ", SimPackCan.FaultKinds)})");
                    break;
            }
        }

        internal static string StateName(JsonElement e, string where) => StateName(Str(e, where, 32), where);

        private static string StateName(string s, string where)
        {
            if (!SwapStates.TryParse(s, out var state) || SwapStates.IsComposite(state))
            {
                var names = new List<string>();
                for (int i = 0; i < SwapStates.Count; i++)
                    if (!SwapStates.IsComposite((SwapState)i)) names.Add(SwapStates.Name((SwapState)i));
                throw new ScenarioException($"{where}: \"{s}\" is not a swap state (one of: {string.Join(", ", names)})");
            }
            return s;
        }

        internal static string FaultName(JsonElement e, string where)
        {
            if (e.ValueKind == JsonValueKind.Number)
            {
                int code = Int(e, where, 0, 65535);
                if (code != 0 && !FaultCatalogue.IsKnown((FaultCode)code)) throw new ScenarioException($"{where}: {code} is not a fault code of docs/faults.md");
                return code == 0 ? "None" : FaultCatalogue.Name((FaultCode)code);
            }
            return FaultName(Str(e, where, 64), where);
        }

        private static string FaultName(string s, string where)
        {
            if (s == "None" || s == "any") return s;
            for (int i = 0; i < FaultCatalogue.Count; i++)
                if (FaultCatalogue.Name(FaultCatalogue.CodeAt(i)) == s) return s;
            throw new ScenarioException($"{where}: \"{s}\" is not a fault name of docs/faults.md (or \"None\", or \"any\")");
        }

        // An entry of events_in_order: "state:Transfer", "fault:LiftStall" or "do:estop" (the prefix says which list).
        internal static string RunEventName(JsonElement e, string where, Dictionary<string, Dictionary<string, string>> actions)
        {
            string s = Str(e, where, 80);
            int colon = s.IndexOf(':');
            string kind = colon < 0 ? "" : s.Substring(0, colon), name = colon < 0 ? "" : s.Substring(colon + 1);
            switch (kind)
            {
                case "state": return "state:" + StateName(name, where);
                case "fault":
                    string f = FaultName(name, where);
                    if (f == "None" || f == "any") throw new ScenarioException($"{where}: \"{s}\" names no fault");
                    return "fault:" + f;
                case "do":
                    if (!actions.ContainsKey(name)) throw new ScenarioException($"{where}: \"{name}\" is not an action (one of: {string.Join(", ", actions.Keys)})");
                    return "do:" + name;
                default:
                    throw new ScenarioException($"{where}: \"{s}\" must be \"state:NAME\", \"fault:NAME\" or \"do:ACTION\"");
            }
        }

        private static string OneOf(JsonElement e, string where, string[] allowed)
        {
            string v = Str(e, where, 32);
            if (System.Array.IndexOf(allowed, v) < 0) throw new ScenarioException($"{where}: \"{v}\" is not one of {string.Join(", ", allowed)}");
            return v;
        }

        // "positions": [1, 3]: distinct block positions 1..3, kept ascending as the booking names them.
        private static int[] ReadPositions(JsonElement e)
        {
            var seen = new bool[4];
            int n = 0;
            foreach (var p in Array(e, "positions", 3)) { int v = Int(p, "positions", 1, 3); if (seen[v]) throw new ScenarioException($"positions: {v} given twice"); seen[v] = true; n++; }
            if (n == 0) throw new ScenarioException("positions: name at least one block position (1..3)");
            var list = new List<int>();
            for (int v = 1; v <= 3; v++) if (seen[v]) list.Add(v);
            return list.ToArray();
        }

        internal static IEnumerable<JsonElement> Array(JsonElement e, string where, int max)
        {
            if (e.ValueKind != JsonValueKind.Array) throw new ScenarioException($"{where} must be an array");
            if (e.GetArrayLength() > max) throw new ScenarioException($"{where}: more than {max} entries");
            return e.EnumerateArray();
        }

        internal static string Str(JsonElement e, string where, int maxLen)
        {
            if (e.ValueKind != JsonValueKind.String) throw new ScenarioException($"{where} must be a string");
            string s = e.GetString();
            if (s.Length > maxLen) throw new ScenarioException($"{where}: longer than {maxLen} characters");
            return s;
        }

        internal static bool Bool(JsonElement e, string where)
        {
            if (e.ValueKind == JsonValueKind.True) return true;
            if (e.ValueKind == JsonValueKind.False) return false;
            throw new ScenarioException($"{where} must be true or false");
        }

        internal static double Num(JsonElement e, string where, double min, double max)
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out double d) || double.IsNaN(d) || double.IsInfinity(d))
                throw new ScenarioException($"{where} must be a number");
            if (d < min || d > max) throw new ScenarioException($"{where}: {d} is outside {min}..{max}");
            return d;
        }

        internal static int Int(JsonElement e, string where, int min, int max)
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out long v)) throw new ScenarioException($"{where} must be a whole number");
            if (v < min || v > max) throw new ScenarioException($"{where}: {v} is outside {min}..{max}");
            return (int)v;
        }
    }
}
