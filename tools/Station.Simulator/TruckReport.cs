using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Station.Core;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>The truck bay's side of the simulator: runs a <see cref="TruckRun"/> for the options (and a scenario, when
    /// one is given), prints the summary with each block's figures, draws the timeline, and writes the JSON line.</summary>
    public static class TruckReport
    {
        /// <summary>Runs the truck bay; the exit code (0 as expected, 1 not, 2 a file that cannot be written).</summary>
        public static int Execute(SimulatorOptions o, Scenario scenario, TextWriter stdout, TextWriter stderr)
        {
            int[] positions = scenario?.Positions ?? o.Positions;
            int swaps = scenario != null && !o.SwapsGiven ? scenario.Swaps : o.Swaps;
            if (o.TimelinePath != null && o.TimelineSwap > swaps)
            {
                stderr.WriteLine($"Station.Simulator: --timeline-swap {o.TimelineSwap}: the run has only {swaps} swap(s)");
                return 2;
            }
            var run = new TruckRun(swaps, positions, scenario?.Events, scenario?.MaxSeconds ?? 0, scenario?.AutoHome ?? true);
            if (!o.Quiet) run.Progress = line => stdout.WriteLine(line);
            stdout.WriteLine(scenario != null ? $"scenario: {scenario.Name} (truck bay)" : $"simulating {swaps} swap(s) of block(s) {string.Join(",", positions)} on the truck bay");
            if (scenario?.Description != null) stdout.WriteLine(scenario.Description);
            run.Run();
            var path = TruckCriticalPath.Compute(run.Bay, positions);
            double critical = path.Count == 0 ? 0 : path[^1].StartSeconds + path[^1].Seconds;
            var failures = scenario != null ? ScenarioCheck.Check(scenario.Expect, run) : new List<string>();
            if (scenario == null)
            {
                if (run.SwapsCompleted < swaps) failures.Add($"only {run.SwapsCompleted} of {swaps} swaps completed ({run.EndReason})");
                if (run.Bay.Bay.Hazards.Count > 0) failures.Add($"the plant saw {run.Bay.Bay.Hazards.Count} hazard(s)");
            }
            WriteSummary(stdout, run, critical, path, scenario, failures);
            if (o.TimelinePath != null && !WriteTimeline(o, run, path, critical, scenario, stdout, stderr)) return 2;
            if (o.Json) stdout.WriteLine(Json(run, critical, scenario, failures));
            return failures.Count == 0 ? 0 : 1;
        }

        private static void WriteSummary(TextWriter w, TruckRun run, double critical, List<CriticalPathSegment> path, Scenario scenario, List<string> failures)
        {
            var c = CultureInfo.InvariantCulture;
            w.WriteLine();
            w.WriteLine("──── summary ────");
            w.WriteLine(string.Format(c, "swaps completed: {0} of {1}    simulated time: {2:0.0} s    ended: {3}", run.SwapsCompleted, run.SwapsRequested, run.Clock.NowMs / 1000.0, run.EndReason));
            for (int i = 0; i < run.Records.Count; i++)
            {
                SwapRecord rec = run.Records[i];
                w.WriteLine(string.Format(c, "  swap {0}: {1}  authorisation to release {2:0.0} s", i + 1, rec.VehicleId, run.CycleSeconds[i]));
                for (int b = 0; b < rec.BlockCount; b++)
                {
                    BlockSwap k = rec.Blocks[b];
                    w.WriteLine(string.Format(c, "    block {0}: out {1} → in {2} ({3}%)  {4:0.0}-{5:0.0} s  check {6}{7}", k.Position, k.PackOutSerial, k.PackInSerial,
                        k.PackInSocPct, k.StartMs / 1000.0, k.EndMs / 1000.0, k.Verdict == GateVerdict.Passed ? "passed" : "not passed", k.BmsVerified ? " (BMS)" : " (inventory only)"));
                }
            }
            w.WriteLine(string.Format(c, "critical path of one swap (plant model): {0:0.0} s", critical));
            foreach (var seg in path) w.WriteLine(string.Format(c, "    {0,-34} {1,6:0.0} s", seg.Name, seg.Seconds));
            w.WriteLine($"final state: {SwapStates.Name(run.Controller.State)}" + (run.Controller.LatchedFault != FaultCode.None
                ? $", fault {(int)run.Controller.LatchedFault} {FaultCatalogue.Name(run.Controller.LatchedFault)}" : ""));
            foreach (var f in run.Faults) w.WriteLine(string.Format(c, "fault {0} {1} in {2} at {3:0.00} s", f.Code, f.Name, f.Step, f.AtMs / 1000.0));
            if (run.Controller.State != SwapState.Idle || run.SwapsCompleted < run.SwapsRequested)
                w.WriteLine("the controller says why it is not swapping: " + run.Controller.WhyNotSwapping());
            foreach (var h in run.Bay.Bay.Hazards) w.WriteLine(string.Format(c, "PLANT HAZARD at {0:0.00} s: {1}", h.TimeMs / 1000.0, h.What));
            if (scenario != null)
            {
                if (run.EventsPending > 0) w.WriteLine($"scenario events that never fired: {run.EventsPending}");
                w.WriteLine(failures.Count == 0 ? "scenario: PASSED (the station ended as expected)" : "scenario: FAILED");
            }
            foreach (var f in failures) w.WriteLine("  ✗ " + f);
        }

        // The chart of one swap (or the whole run): a row per block, the robot's axes, latches and connectors, shuttle,
        // rollers and handler, and the model's critical path laid from the authorisation.
        private static bool WriteTimeline(SimulatorOptions o, TruckRun run, List<CriticalPathSegment> path, double critical, Scenario scenario, TextWriter stdout, TextWriter stderr)
        {
            try
            {
                long from, to;
                var w = run.Record.Timeline.Swaps.Find(x => x.Swap == o.TimelineSwap);
                if (w.Swap == o.TimelineSwap) { from = o.TimelineSwap == 1 ? 0 : w.StartMs; to = w.EndMs < 0 ? run.Clock.NowMs : w.EndMs; }
                else { from = 0; to = run.Clock.NowMs; }
                string title = (scenario != null ? $"{scenario.Name}: " : "") + (w.Swap == o.TimelineSwap ? $"truck swap {o.TimelineSwap}" : "whole run")
                    + $", blocks {string.Join(",", run.Positions)} ({(to - from) / 1000.0:0.0} s simulated; critical path {critical:0.0} s)";
                var swap = run.Swaps.Find(x => x.Number == o.TimelineSwap);
                if (swap != null && swap.AuthorizedMs >= 0)
                {
                    var model = run.Record.Timeline.InsertRow(1, "critical path (model)", "model");
                    foreach (var seg in path)
                        if (seg.OnPath) model.Bars.Add(new TimelineBar(swap.AuthorizedMs + (long)(seg.StartSeconds * 1000),
                            swap.AuthorizedMs + (long)((seg.StartSeconds + seg.Seconds) * 1000), seg.Name, "model"));
                }
                TimelineSvg.Write(run.Record.Timeline, from, to, title, o.TimelinePath);
                stdout.WriteLine($"timeline written to {o.TimelinePath}");
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                stderr.WriteLine($"Station.Simulator: cannot write the timeline: {e.Message}");
                return false;
            }
        }

        private static string Json(TruckRun run, double critical, Scenario scenario, List<string> failures)
        {
            var ms = new MemoryStream();
            using (var j = new Utf8JsonWriter(ms))
            {
                j.WriteStartObject();
                j.WriteString("bay", "truck");
                j.WriteNumber("swaps_requested", run.SwapsRequested);
                j.WriteNumber("swaps_completed", run.SwapsCompleted);
                FaultSeen.WriteJson(j, run.Faults);
                j.WriteStartArray("cycle_s");
                foreach (double s in run.CycleSeconds) j.WriteNumberValue(Math.Round(s, 2));
                j.WriteEndArray();
                j.WriteNumber("critical_path_s", Math.Round(critical, 2));
                j.WriteStartArray("swaps");
                foreach (SwapRecord rec in run.Records) WriteSwap(j, rec);
                j.WriteEndArray();
                j.WriteString("final_state", SwapStates.Name(run.Controller.State));
                FaultCode latched = run.Controller.LatchedFault;
                j.WriteStartObject("latched_fault");
                j.WriteNumber("code", (int)latched);
                j.WriteString("name", latched == FaultCode.None ? "None" : FaultCatalogue.Name(latched));
                j.WriteEndObject();
                j.WriteNumber("hazards", run.Bay.Bay.Hazards.Count);
                j.WriteNumber("sim_time_s", Math.Round(run.Clock.NowMs / 1000.0, 2));
                j.WriteString("end_reason", run.EndReason);
                j.WriteStartArray("failures");
                foreach (var f in failures) j.WriteStringValue(f);
                j.WriteEndArray();
                Scenario.WriteJson(j, scenario, failures, run.Record.EventsFired);
                j.WriteEndObject();
            }
            return System.Text.Encoding.UTF8.GetString(ms.ToArray());
        }

        private static void WriteSwap(Utf8JsonWriter j, SwapRecord rec)
        {
            j.WriteStartObject();
            j.WriteString("vehicle", rec.VehicleId);
            j.WriteStartArray("blocks");
            for (int b = 0; b < rec.BlockCount; b++)
            {
                BlockSwap k = rec.Blocks[b];
                j.WriteStartObject();
                j.WriteNumber("position", k.Position);
                j.WriteString("pack_out", k.PackOutSerial);
                j.WriteString("pack_in", k.PackInSerial);
                j.WriteNumber("pack_in_soc_pct", k.PackInSocPct);
                j.WriteNumber("start_s", Math.Round(k.StartMs / 1000.0, 2));
                j.WriteNumber("end_s", Math.Round(k.EndMs / 1000.0, 2));
                j.WriteNumber("seconds", Math.Round((k.EndMs - k.StartMs) / 1000.0, 2));
                j.WriteString("verdict", k.Verdict == GateVerdict.Passed ? "passed" : k.Verdict == GateVerdict.Failed ? "failed" : "pending");
                j.WriteBoolean("bms_verified", k.BmsVerified);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteEndObject();
        }
    }
}
