using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using Station.Core;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>What a finished run tells its user, the same for every bay: the summary (the kind writes each visit's
    /// lines), the timeline of one swap with the model's critical path laid from its authorisation, and the JSON line.</summary>
    public static class RunReport
    {
        /// <summary>Writes the summary after the progress lines.</summary>
        public static void WriteSummary(TextWriter w, BayRun run, Scenario scenario, List<string> failures)
        {
            var c = CultureInfo.InvariantCulture;
            var path = run.Kind.CriticalPath(out double critical);
            w.WriteLine();
            w.WriteLine("──── summary ────");
            w.WriteLine(string.Format(c, "swaps completed: {0} of {1}    simulated time: {2:0.0} s    ended: {3}",
                run.SwapsCompleted, run.SwapsRequested, run.Clock.NowMs / 1000.0, run.EndReason));
            foreach (var s in run.Swaps) run.Kind.WriteSwap(w, s);
            w.WriteLine(string.Format(c, "critical path of one swap (plant model): {0:0.0} s", critical));
            int width = 24;
            foreach (var seg in path) width = Math.Max(width, seg.Name.Length);
            foreach (var seg in path)
                w.WriteLine(string.Format(c, "    {0} {1,6:0.0} s{2}", seg.Name.PadRight(width), seg.Seconds, seg.OnPath ? "" : "  (in parallel, off the path)"));
            w.WriteLine($"final state: {SwapStates.Name(run.State)}" + (run.Controller != null && run.Controller.LatchedFault != FaultCode.None
                ? $", fault {(int)run.Controller.LatchedFault} {FaultCatalogue.Name(run.Controller.LatchedFault)}" : ""));
            if (run.Faults.Count == 0) w.WriteLine("faults: none");
            foreach (var f in run.Faults) w.WriteLine(string.Format(c, "fault {0} {1} in {2} at {3:0.00} s", f.Code, f.Name, f.Step, f.AtMs / 1000.0));
            if (run.Restarts > 0) w.WriteLine($"controller restarts after power loss: {run.Restarts}");
            if (run.Controller != null && (run.State != SwapState.Idle || run.SwapsCompleted < run.SwapsRequested || run.Restarts > 0))
            {
                w.WriteLine("the controller says why it is not swapping: " + run.Controller.WhyNotSwapping());
                w.WriteLine("its pack inventory:");
                foreach (var line in run.Controller.Inventory.Describe().TrimEnd('\n').Split('\n')) w.WriteLine("    " + line);
            }
            foreach (var h in run.Bay.Hazards) w.WriteLine(string.Format(c, "PLANT HAZARD at {0:0.00} s: {1}", h.TimeMs / 1000.0, h.What));
            if (scenario != null)
            {
                if (run.EventsPending > 0) w.WriteLine($"scenario events that never fired: {run.EventsPending}");
                w.WriteLine(failures.Count == 0 ? "scenario: PASSED (the station ended as expected)" : "scenario: FAILED");
            }
            foreach (var f in failures) w.WriteLine("  ✗ " + f);
        }

        /// <summary>Draws swap <see cref="SimulatorOptions.TimelineSwap"/> (swap 1 from power-up, so homing shows; the
        /// whole run when there is no such swap) into <see cref="SimulatorOptions.TimelinePath"/>; false when the file
        /// cannot be written (said on <paramref name="stderr"/>).</summary>
        public static bool WriteTimeline(SimulatorOptions o, BayRun run, Scenario scenario, TextWriter stdout, TextWriter stderr)
        {
            try
            {
                var path = run.Kind.CriticalPath(out double critical);
                long from, to;
                var w = run.Timeline.Swaps.Find(x => x.Swap == o.TimelineSwap);
                if (w.Swap == o.TimelineSwap) { from = o.TimelineSwap == 1 ? 0 : w.StartMs; to = w.EndMs < 0 ? run.Clock.NowMs : w.EndMs; }
                else { from = 0; to = run.Clock.NowMs; }
                string title = (scenario != null ? $"{scenario.Name}: " : "") + (w.Swap == o.TimelineSwap ? $"{run.Kind.SwapWord} {o.TimelineSwap}" : "whole run")
                    + run.Kind.BookingNote + $" ({(to - from) / 1000.0:0.0} s simulated; critical path {critical:0.0} s)";
                var swap = run.Swaps.Find(x => x.Number == o.TimelineSwap);
                if (swap != null && swap.AuthorizedMs >= 0)
                {
                    // The model's critical path laid from the authorisation, to compare with what the controller did.
                    var model = run.Timeline.InsertRow(1, "critical path (model)", "model");
                    foreach (var seg in path)
                        if (seg.OnPath) model.Bars.Add(new TimelineBar(swap.AuthorizedMs + (long)(seg.StartSeconds * 1000),
                            swap.AuthorizedMs + (long)((seg.StartSeconds + seg.Seconds) * 1000), seg.Name, "model"));
                }
                TimelineSvg.Write(run.Timeline, from, to, title, o.TimelinePath);
                stdout.WriteLine($"timeline written to {o.TimelinePath}");
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                stderr.WriteLine($"Station.Simulator: cannot write the timeline: {e.Message}");
                return false;
            }
        }

        /// <summary>The JSON line (docs/simulator.md lists its keys); "swaps" holds what the bay kind writes of each visit.</summary>
        public static string Json(BayRun run, Scenario scenario, List<string> failures)
        {
            var path = run.Kind.CriticalPath(out double critical);
            var ms = new MemoryStream();
            using (var j = new Utf8JsonWriter(ms))
            {
                j.WriteStartObject();
                j.WriteString("bay", run.Kind.Name);
                j.WriteNumber("swaps_requested", run.SwapsRequested);
                j.WriteNumber("swaps_completed", run.SwapsCompleted);
                FaultSeen.WriteJson(j, run.Faults);
                j.WriteStartArray("cycle_s");
                foreach (double s in run.CycleSeconds) j.WriteNumberValue(Math.Round(s, 2));
                j.WriteEndArray();
                j.WriteStartArray("door_to_door_s");
                foreach (var s in run.Swaps) if (s.DoorToDoorSeconds >= 0) j.WriteNumberValue(Math.Round(s.DoorToDoorSeconds, 2));
                j.WriteEndArray();
                j.WriteNumber("critical_path_s", Math.Round(critical, 2));
                j.WriteStartArray("critical_path");
                foreach (var seg in path)
                {
                    j.WriteStartObject();
                    j.WriteString("motion", seg.Name);
                    j.WriteNumber("start_s", Math.Round(seg.StartSeconds, 3));
                    j.WriteNumber("seconds", Math.Round(seg.Seconds, 3));
                    j.WriteBoolean("on_path", seg.OnPath);
                    j.WriteEndObject();
                }
                j.WriteEndArray();
                j.WriteString("final_state", SwapStates.Name(run.State));
                FaultCode latched = run.Controller?.LatchedFault ?? FaultCode.None;
                j.WriteStartObject("latched_fault");
                j.WriteNumber("code", (int)latched);
                j.WriteString("name", latched == FaultCode.None ? "None" : FaultCatalogue.Name(latched));
                j.WriteEndObject();
                j.WriteStartArray("swaps");
                foreach (var s in run.Swaps) run.Kind.WriteSwapJson(j, s);
                j.WriteEndArray();
                j.WriteStartArray("hazards");
                foreach (var h in run.Bay.Hazards) j.WriteStringValue(h.What);
                j.WriteEndArray();
                j.WriteNumber("restarts", run.Restarts);
                j.WriteNumber("sim_time_s", Math.Round(run.Clock.NowMs / 1000.0, 2));
                j.WriteString("end_reason", run.EndReason);
                j.WriteStartArray("failures");
                foreach (var f in failures) j.WriteStringValue(f);
                j.WriteEndArray();
                Scenario.WriteJson(j, scenario, failures, run.EventsFired);
                j.WriteEndObject();
            }
            return Encoding.UTF8.GetString(ms.ToArray());
        }
    }
}
