using System.Collections.Generic;
using Station.Core;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>Compares the end of a run with a scenario's "expect" block.</summary>
    public static class ScenarioCheck
    {
        /// <summary>Every way the run differs from <paramref name="x"/> (empty = as expected). A truck scenario's reader
        /// has refused the car-only checks (lift, vehicle pack, lift pack, inventory).</summary>
        public static List<string> Check(ScenarioExpectation x, BayRun run)
        {
            var f = Common(x, run.Record, run.Controller, run.State, run.SwapsCompleted);
            if (x.OutputsOff == true) run.Kind.OutputsStillOn(f);
            if (x.NoHazards == true)
                foreach (var h in run.Bay.Hazards) f.Add($"plant hazard: {h.What}");
            if (x.LiftHome != null && x.LiftHome != run.Bay.LiftHomeLimit.Truth)
                f.Add(x.LiftHome == true ? $"the lift is not home ({run.Bay.LiftPositionMm:0.0} mm)" : "the lift is home");
            if (x.VehiclePack != null)
            {
                string actual = run.Bay.Vehicle?.Pack?.Serial ?? "none";
                if (actual != x.VehiclePack) f.Add($"the vehicle holds {actual}, expected {x.VehiclePack}");
            }
            if (x.LiftPack != null)
            {
                string actual = run.Bay.PackOnPlatform?.Serial ?? "none";
                if (actual != x.LiftPack) f.Add($"the lift holds {actual}, expected {x.LiftPack}");
            }
            if (x.Inventory != null)
            {
                if (run.Controller == null) f.Add("no controller at the end (power off): cannot read its inventory");
                else
                    foreach (var kv in x.Inventory)
                    {
                        var place = (PackPlace)System.Array.IndexOf(ScenarioReader.InventoryPlaces, kv.Key);
                        var rec = run.Controller.Inventory.At(place);
                        string actual = rec.IsEmpty ? "none" : rec.Serial;
                        if (actual != kv.Value) f.Add($"the controller's inventory has {actual} at {kv.Key}, expected {kv.Value}");
                    }
            }
            if (x.Restarts != null && x.Restarts != run.Restarts) f.Add($"{run.Restarts} restarts, expected {x.Restarts}");
            if (run.EventsPending > 0) f.Add($"{run.EventsPending} scenario event(s) never fired (the run ended first: {run.EndReason})");
            return f;
        }

        // The checks that need no plant: end state and fault, faults raised, states entered or not, order, command answers,
        // swaps completed, motion in the states where none may be.
        private static List<string> Common(ScenarioExpectation x, RunRecord run, StationController controller, SwapState end, int swapsCompleted)
        {
            var f = new List<string>();
            string state = SwapStates.Name(end);
            if (x.FinalState != null && x.FinalState != state) f.Add($"final state is {state}, expected {x.FinalState}");
            FaultCode latched = controller?.LatchedFault ?? FaultCode.None;
            string latchedName = latched == FaultCode.None ? "None" : FaultCatalogue.Name(latched);
            if (x.LatchedFault == "any") { if (latched == FaultCode.None) f.Add("no fault is latched, expected one"); }
            else if (x.LatchedFault != null && x.LatchedFault != latchedName) f.Add($"latched fault is {latchedName}, expected {x.LatchedFault}");
            if (x.FaultsRaised != null)
                foreach (var name in x.FaultsRaised)
                    if (name == "any" ? run.Faults.Count == 0 : !run.Faults.Exists(r => r.Name == name)) f.Add($"fault {name} was never raised (raised: {Names(run.Faults)})");
            if (x.NeverIn != null)
                foreach (var s in x.NeverIn)
                    if (run.StatesSeen.Contains(s)) f.Add($"the station was in {s}");
            if (x.EventsInOrder != null) CheckOrder(x.EventsInOrder, run.History, f);
            f.AddRange(run.CommandFailures);
            if (x.SwapsCompleted != null && x.SwapsCompleted != swapsCompleted) f.Add($"{swapsCompleted} swaps completed, expected {x.SwapsCompleted}");
            if (x.StatesSeen != null)
                foreach (var s in x.StatesSeen)
                    if (!run.StatesSeen.Contains(s)) f.Add($"the station never was in {s}");
            if (x.NoMotionIn != null)
                foreach (var s in x.NoMotionIn)
                    if (run.MotionSeenIn.Contains(s)) f.Add($"an actuator output or the motion permit was on in {s}");
            return f;
        }

        // The expected entries must appear in the run's event list in this order, others may lie between.
        private static void CheckOrder(List<string> expected, List<string> seen, List<string> f)
        {
            int at = 0;
            foreach (var e in expected)
            {
                int found = seen.IndexOf(e, at);
                if (found >= 0) { at = found + 1; continue; }
                f.Add(seen.Contains(e) ? $"{e} did not come in the expected order (after {(at > 0 ? seen[at - 1] : "the start")})" : $"{e} never happened");
                return;
            }
        }

        private static string Names(List<FaultSeen> faults)
        {
            if (faults.Count == 0) return "none";
            var n = new List<string>();
            foreach (var x in faults) n.Add(x.Name);
            return string.Join(", ", n);
        }
    }
}
