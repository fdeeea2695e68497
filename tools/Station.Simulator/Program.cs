using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
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
            bool truck = (scenario?.Bay ?? o.Bay) == "truck";
            if (truck && scenario != null && o.PositionsGiven) scenario.Positions = null; // --blocks/--positions win over the file's
            int swaps = scenario != null && !o.SwapsGiven ? scenario.Swaps : o.Swaps;
            if (o.TimelinePath != null && o.TimelineSwap > swaps)
            {
                stderr.WriteLine($"Station.Simulator: --timeline-swap {o.TimelineSwap}: the run has only {swaps} swap(s)");
                return 2;
            }
            IBayKind kind = o.BayKind(truck, scenario?.Positions ?? o.Positions, scenario?.Plant ?? new PlantParameters());
            var run = new BayRun(kind, swaps, scenario?.MaxSeconds ?? 0, scenario?.Events, scenario?.AutoHome ?? true);
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
            run.Config.StationId = o.StationId;
            using var cloud = o.Broker != null ? new SimulatorCloud(run, o.Broker, o.StationId, stdout) : null;

            stdout.WriteLine(scenario != null ? $"scenario: {scenario.Name}" + (truck ? " (truck bay)" : "") : $"simulating {kind.Headline(swaps)}");
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

            RunReport.WriteSummary(stdout, run, scenario, failures);
            if (o.TimelinePath != null && !RunReport.WriteTimeline(o, run, scenario, stdout, stderr)) return 2;
            if (o.Json) stdout.WriteLine(RunReport.Json(run, scenario, failures));
            return failures.Count == 0 ? 0 : 1;
        }
    }
}
