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
    /// <summary>Entry point. <see cref="Run"/> is what tests call in-process.</summary>
    public static class Program
    {
        /// <summary>Process entry.</summary>
        public static int Main(string[] args)
        {
            Console.OutputEncoding = Encoding.UTF8;
            return Run(args, Console.Out, Console.Error);
        }

        /// <summary>Runs the simulator with <paramref name="args"/>, writing to <paramref name="stdout"/> and
        /// <paramref name="stderr"/>; returns the exit code (0 ok, 1 not as expected, 2 bad usage or file).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            return Station.Tools.CommandLineRunner.Run("Station.Simulator", SimulatorCommandLine.Build(o => Execute(o, stdout, stderr)), args, stdout, stderr);
        }

        private static int Execute(SimulatorOptions o, TextWriter stdout, TextWriter stderr)
        {
            if (o.Console || o.Pty) return ConsoleRun.Run(o, stdout, stderr);
            Scenario scenario = null;
            if (o.ScenarioPath != null)
            {
                try { scenario = ScenarioReader.Load(o.ScenarioPath); }
                catch (ScenarioException e)
                {
                    stderr.WriteLine($"Station.Simulator: bad scenario: {e.Message}");
                    return 2;
                }
                if (scenario.Bay != null && o.BayGiven && scenario.Bay != o.Bay)
                {
                    stderr.WriteLine($"Station.Simulator: bad scenario: {o.ScenarioPath} runs on the {scenario.Bay} bay (its \"bay\"); --bay {o.Bay} contradicts it");
                    return 2;
                }
                if (scenario.Bay == null && o.Bay == "truck")
                {
                    // A file that names no bay was written for the car's plant; on the truck its car-only parts are refused.
                    try { scenario = ScenarioReader.Parse(ScenarioFile.ReadText(o.ScenarioPath, ScenarioReader.MaxBytes), "truck"); }
                    catch (ScenarioException e)
                    {
                        stderr.WriteLine($"Station.Simulator: bad scenario for the truck bay: scenario {o.ScenarioPath}: {e.Message}");
                        return 2;
                    }
                }
            }
            if ((scenario?.Bay ?? o.Bay) == "truck")
            {
                if (scenario != null && o.PositionsGiven) scenario.Positions = null; // --blocks/--positions win over the file's
                return TruckReport.Execute(o, scenario, stdout, stderr);
            }

            PlantParameters plant = scenario?.Plant ?? new PlantParameters();
            int swaps = scenario != null && !o.SwapsGiven ? scenario.Swaps : o.Swaps;
            if (o.TimelinePath != null && o.TimelineSwap > swaps)
            {
                stderr.WriteLine($"Station.Simulator: --timeline-swap {o.TimelineSwap}: the run has only {swaps} swap(s)");
                return 2;
            }
            var run = new BayRun(plant, swaps, scenario?.MaxSeconds ?? 0, scenario?.Events, scenario?.AutoHome ?? true);
            o.SetClock(run.Clock);
            run.CloudAuthorizes = o.CloudAuthorize;
            string configError = run.Config.Validate();
            if (configError != null)
            {
                stderr.WriteLine($"Station.Simulator: bad scenario: the controller cannot be configured for this plant: {configError}");
                return 2;
            }
            run.FirstVehicleId = o.Vehicle;
            run.FirstPackSerial = o.Pack;
            string bookingError = run.BookingProblem();
            if (bookingError != null)
            {
                stderr.WriteLine($"Station.Simulator: --pack refused: {bookingError}");
                return 2;
            }
            if (!o.Quiet) run.Progress = line => stdout.WriteLine(line);
            if (o.Realtime || o.CloudAuthorize)
            {
                run.Clock.Speed = o.Speed;
                run.Clock.PacedToWallTime = true;
                run.StatusEverySeconds = 1.0;
            }
            var critical = CriticalPath.Compute(plant);
            run.Config.StationId = o.StationId;
            using var cloud = o.Broker != null ? new SimulatorCloud(run, o.Broker, o.StationId, stdout) : null;

            stdout.WriteLine(scenario != null ? $"scenario: {scenario.Name}" : $"simulating {swaps} swap(s) on the default car bay");
            if (scenario?.Description != null) stdout.WriteLine(scenario.Description);
            try
            {
                run.Run();
            }
            catch (Exception e) when (scenario != null)
            {
                // A scenario's plant figures can describe a bay the controller refuses (e.g. an invalid configuration).
                stderr.WriteLine($"Station.Simulator: the run stopped: {e.GetType().Name}: {e.Message}");
                return 2;
            }

            cloud?.Drain();
            List<string> failures = scenario != null ? ScenarioCheck.Check(scenario.Expect, run) : new List<string>();
            if (scenario == null)
            {
                if (run.SwapsCompleted < swaps) failures.Add($"only {run.SwapsCompleted} of {swaps} swaps completed ({run.EndReason})");
                if (run.Bay.Hazards.Count > 0) failures.Add($"the plant saw {run.Bay.Hazards.Count} hazard(s)");
            }

            WriteSummary(stdout, run, critical, scenario, failures);

            if (o.TimelinePath != null)
            {
                try
                {
                    long from, to;
                    var w = run.Timeline.Swaps.Find(x => x.Swap == o.TimelineSwap);
                    // Swap 1's chart starts at power-up, so the homing before the first car is on it.
                    if (w.Swap == o.TimelineSwap) { from = o.TimelineSwap == 1 ? 0 : w.StartMs; to = w.EndMs < 0 ? run.Clock.NowMs : w.EndMs; }
                    else { from = 0; to = run.Clock.NowMs; }
                    string title = (scenario != null ? $"{scenario.Name}: " : "") + (w.Swap == o.TimelineSwap ? $"swap {o.TimelineSwap}" : "whole run")
                        + $" ({(to - from) / 1000.0:0.0} s simulated; critical path {critical.TotalSeconds:0.0} s)";
                    var swap = run.Swaps.Find(x => x.Number == o.TimelineSwap);
                    if (swap != null && swap.AuthorizedMs >= 0)
                    {
                        // The model's critical path laid from the authorisation, to compare with what the controller did.
                        var model = run.Timeline.InsertRow(1, "critical path (model)", "model");
                        foreach (var seg in critical.Segments)
                            if (seg.OnPath) model.Bars.Add(new TimelineBar(swap.AuthorizedMs + (long)(seg.StartSeconds * 1000),
                                swap.AuthorizedMs + (long)((seg.StartSeconds + seg.Seconds) * 1000), seg.Name, "model"));
                    }
                    TimelineSvg.Write(run.Timeline, from, to, title, o.TimelinePath);
                    stdout.WriteLine($"timeline written to {o.TimelinePath}");
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
                {
                    stderr.WriteLine($"Station.Simulator: cannot write the timeline: {e.Message}");
                    return 2;
                }
            }

            if (o.Json) stdout.WriteLine(Json(run, critical, scenario, failures));
            return failures.Count == 0 ? 0 : 1;
        }

        private static void WriteSummary(TextWriter w, BayRun run, CriticalPath critical, Scenario scenario, List<string> failures)
        {
            var c = CultureInfo.InvariantCulture;
            w.WriteLine();
            w.WriteLine("──── summary ────");
            w.WriteLine(string.Format(c, "swaps completed: {0} of {1}    simulated time: {2:0.0} s    ended: {3}",
                run.SwapsCompleted, run.SwapsRequested, run.Clock.NowMs / 1000.0, run.EndReason));
            foreach (var s in run.Swaps)
            {
                w.WriteLine(string.Format(c, "  swap {0}: {1,-7} pack out {2} → in {3}   swap {4}   door to door {5}   {6}",
                    s.Number, s.VehicleId, s.PackOut, s.PackIn ?? "-",
                    s.Completed ? s.CycleSeconds.ToString("0.0 s", c) : "not done",
                    s.DoorToDoorSeconds >= 0 ? s.DoorToDoorSeconds.ToString("0.0 s", c) : "-",
                    s.LeftWith != null ? $"left with {s.LeftWith}" : ""));
            }
            w.WriteLine(string.Format(c, "critical path of one swap (plant model): {0:0.0} s", critical.TotalSeconds));
            foreach (var seg in critical.Segments)
                w.WriteLine(string.Format(c, "    {0,-24} {1,6:0.0} s{2}", seg.Name, seg.Seconds, seg.OnPath ? "" : "  (in parallel, off the path)"));
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

        private static string Json(BayRun run, CriticalPath critical, Scenario scenario, List<string> failures)
        {
            var ms = new MemoryStream();
            using (var j = new Utf8JsonWriter(ms))
            {
                j.WriteStartObject();
                j.WriteNumber("swaps_requested", run.SwapsRequested);
                j.WriteNumber("swaps_completed", run.SwapsCompleted);
                FaultSeen.WriteJson(j, run.Faults);
                j.WriteStartArray("cycle_s");
                foreach (var s in run.Swaps) if (s.Completed) j.WriteNumberValue(Math.Round(s.CycleSeconds, 2));
                j.WriteEndArray();
                j.WriteStartArray("door_to_door_s");
                foreach (var s in run.Swaps) if (s.DoorToDoorSeconds >= 0) j.WriteNumberValue(Math.Round(s.DoorToDoorSeconds, 2));
                j.WriteEndArray();
                j.WriteNumber("critical_path_s", Math.Round(critical.TotalSeconds, 2));
                j.WriteStartArray("critical_path");
                foreach (var seg in critical.Segments)
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
                foreach (var s in run.Swaps)
                {
                    j.WriteStartObject();
                    j.WriteNumber("number", s.Number);
                    j.WriteString("vehicle", s.VehicleId);
                    j.WriteString("pack_out", s.PackOut);
                    if (s.PackIn != null) j.WriteString("pack_in", s.PackIn); else j.WriteNull("pack_in");
                    if (s.LeftWith != null) j.WriteString("left_with", s.LeftWith); else j.WriteNull("left_with");
                    j.WriteBoolean("completed", s.Completed);
                    if (s.Completed) j.WriteNumber("cycle_s", Math.Round(s.CycleSeconds, 2)); else j.WriteNull("cycle_s");
                    j.WriteEndObject();
                }
                j.WriteEndArray();
                j.WriteStartArray("hazards");
                foreach (var h in run.Bay.Hazards) j.WriteStringValue(h.What);
                j.WriteEndArray();
                j.WriteNumber("restarts", run.Restarts);
                j.WriteNumber("sim_time_s", Math.Round(run.Clock.NowMs / 1000.0, 2));
                j.WriteString("end_reason", run.EndReason);
                Scenario.WriteJson(j, scenario, failures, run.EventsFired);
                j.WriteEndObject();
            }
            return Encoding.UTF8.GetString(ms.ToArray());
        }
    }
}
