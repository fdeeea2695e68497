using System.Collections.Generic;
using System.Text.Json;

namespace Station.Simulator
{
    /// <summary>Reads a scenario's "expect" block: where the station must end. Every key is checked against its type and
    /// the names it may hold (states, faults, places, actions); a truck scenario's car-only checks are refused.</summary>
    internal static class ScenarioExpectReader
    {
        // Expectations that read the car plant (its lift, its vehicle's pack, the car inventory's places).
        private static readonly string[] CarOnlyExpectations = { "lift_home", "vehicle_pack", "lift_pack", "inventory" };

        /// <summary>Reads an "expect" object; <paramref name="truck"/>: the car-only checks are refused; <paramref name="actions"/>:
        /// the bay's actions, for "do:ACTION" entries of events_in_order.</summary>
        public static ScenarioExpectation Read(JsonElement e, bool truck, Dictionary<string, Dictionary<string, string>> actions)
        {
            if (e.ValueKind != JsonValueKind.Object) throw new ScenarioException("\"expect\" must be an object");
            var x = new ScenarioExpectation();
            int checks = 0;
            foreach (var prop in e.EnumerateObject())
            {
                string where = "expect." + prop.Name;
                checks++;
                if (truck && System.Array.IndexOf(CarOnlyExpectations, prop.Name) >= 0)
                    throw new ScenarioException($"{where}: a car bay check (the truck bay has no {prop.Name.Replace('_', ' ')}); on the truck use final_state, faults, states, outputs_off, no_hazards, swaps_completed");
                switch (prop.Name)
                {
                    case "final_state": x.FinalState = ScenarioReader.StateName(prop.Value, where); break;
                    case "latched_fault": x.LatchedFault = ScenarioReader.FaultName(prop.Value, where); break;
                    case "faults_raised":
                        x.FaultsRaised = new List<string>();
                        foreach (var f in ScenarioReader.Array(prop.Value, where, 64)) x.FaultsRaised.Add(ScenarioReader.FaultName(f, where));
                        break;
                    case "swaps_completed": x.SwapsCompleted = ScenarioReader.Int(prop.Value, where, 0, 100); break;
                    case "states_seen":
                        x.StatesSeen = new List<string>();
                        foreach (var f in ScenarioReader.Array(prop.Value, where, 64)) x.StatesSeen.Add(ScenarioReader.StateName(f, where));
                        break;
                    case "outputs_off": x.OutputsOff = ScenarioReader.Bool(prop.Value, where); break;
                    case "no_hazards": x.NoHazards = ScenarioReader.Bool(prop.Value, where); break;
                    case "lift_home": x.LiftHome = ScenarioReader.Bool(prop.Value, where); break;
                    case "vehicle_pack": x.VehiclePack = ScenarioReader.Str(prop.Value, where, 64); break;
                    case "lift_pack": x.LiftPack = ScenarioReader.Str(prop.Value, where, 64); break;
                    case "restarts": x.Restarts = ScenarioReader.Int(prop.Value, where, 0, 100); break;
                    case "inventory":
                        if (prop.Value.ValueKind != JsonValueKind.Object) throw new ScenarioException($"{where} must be an object of place → serial");
                        x.Inventory = new Dictionary<string, string>();
                        foreach (var place in prop.Value.EnumerateObject())
                        {
                            if (System.Array.IndexOf(ScenarioReader.InventoryPlaces, place.Name) < 0)
                                throw new ScenarioException($"{where}.{place.Name}: not a place (one of: {string.Join(", ", ScenarioReader.InventoryPlaces)})");
                            x.Inventory[place.Name] = ScenarioReader.Str(place.Value, where + "." + place.Name, 64);
                        }
                        break;
                    case "no_motion_in":
                        x.NoMotionIn = new List<string>();
                        foreach (var f in ScenarioReader.Array(prop.Value, where, 32)) x.NoMotionIn.Add(ScenarioReader.StateName(f, where));
                        break;
                    case "never_in":
                        x.NeverIn = new List<string>();
                        foreach (var f in ScenarioReader.Array(prop.Value, where, 32)) x.NeverIn.Add(ScenarioReader.StateName(f, where));
                        break;
                    case "events_in_order":
                        x.EventsInOrder = new List<string>();
                        foreach (var f in ScenarioReader.Array(prop.Value, where, 64)) x.EventsInOrder.Add(ScenarioReader.RunEventName(f, where, actions));
                        break;
                    default:
                        throw new ScenarioException($"unknown key \"{where}\" (known: final_state, latched_fault, faults_raised, swaps_completed, states_seen, outputs_off, no_hazards, lift_home, vehicle_pack, lift_pack, inventory, no_motion_in, never_in, events_in_order, restarts)");
                }
            }
            if (checks == 0) throw new ScenarioException("\"expect\" is empty: say at least one thing the run must end with");
            return x;
        }
    }
}
