using System;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>Range and combination checks of the plant-fault actions' arguments (the reader has checked their types):
    /// a hostile or mistyped value is a <see cref="ScenarioException"/> naming the place, before any simulation.</summary>
    internal static class ScenarioActionCheck
    {
        /// <summary>Checks <paramref name="ev"/>'s arguments for its action (<paramref name="bay"/>: names and sizes).</summary>
        public static void Check(ScenarioEvent ev, string where, SimBay bay)
        {
            CheckAnswer(ev, where);
            switch (ev.Do)
            {
                case "encoder_fault":
                    if (ev.Args.Count == 0) throw new ScenarioException($"{where}: \"encoder_fault\" needs at least one of slip, offset_counts, scale, wrap_counts");
                    Range(ev, "slip", 0, 1, where);
                    Range(ev, "offset_counts", -1_000_000, 1_000_000, where);
                    Range(ev, "scale", 0.01, 100, where);
                    if (ev.Args.TryGetValue("scale", out var sc) && (double)sc == 0) throw new ScenarioException($"{where}.scale: must not be 0");
                    if (ev.Args.TryGetValue("wrap_counts", out var w) && ((int)w < 16 || (int)w > 1 << 30))
                        throw new ScenarioException($"{where}.wrap_counts: {w} is outside 16..{1 << 30}");
                    break;
                case "lift_runaway":
                    if (!ev.Args.TryGetValue("direction", out var d) || ((string)d != "up" && (string)d != "down"))
                        throw new ScenarioException($"{where}: \"lift_runaway\" needs \"direction\": \"up\" or \"down\"");
                    break;
                case "brake_slip": Range(ev, "mm_s", 0.1, 1000, where); break;
                case "output_stuck":
                case "output_heal":
                    if (!ev.Args.TryGetValue("name", out var n)) throw new ScenarioException($"{where}: \"{ev.Do}\" needs \"name\" ({OutputNames(bay)})");
                    if ((string)n != "LiftDrive" && bay.Output((string)n) == null)
                        throw new ScenarioException($"{where}.name: no output \"{n}\" (outputs: {OutputNames(bay)})");
                    if (ev.Args.ContainsKey("duty") && (string)n != "LiftDrive") throw new ScenarioException($"{where}.duty: only for \"LiftDrive\"");
                    Range(ev, "duty", 0, 1, where);
                    break;
                case "pack_soc":
                    if (!ev.Args.ContainsKey("pct")) throw new ScenarioException($"{where}: \"pack_soc\" needs \"pct\" (0..100)");
                    Range(ev, "pct", 0, 100, where);
                    break;
                case "console":
                    if (!ev.Args.TryGetValue("line", out var typed)) throw new ScenarioException($"{where}: \"console\" needs \"line\" (what the technician types, e.g. \"jog lift up 10\")");
                    foreach (char c in (string)typed)
                        if (c < ' ' || c > '~') throw new ScenarioException($"{where}.line: only printable ASCII (Enter is typed after it; Ctrl keys have actions of their own)");
                    break;
                default: CheckShared(ev, where); break;
            }
        }

        /// <summary>Checks the arguments of the faults every bay shares (<see cref="RunFaults"/>).</summary>
        public static void CheckShared(ScenarioEvent ev, string where)
        {
            switch (ev.Do)
            {
                case "storage_fail":
                    if (ev.Args.TryGetValue("what", out var what) && Array.IndexOf(ScenarioReader.StorageFaults, (string)what) < 0)
                        throw new ScenarioException($"{where}.what: \"{what}\" is not one of {string.Join(", ", ScenarioReader.StorageFaults)}");
                    break;
                case "tear_next_replace": Range(ev, "off_s", 0, 3600, where); break;
                case "tick_late":
                    if (ev.Args.TryGetValue("late_ms", out var l) && ((int)l < 1 || (int)l > 60_000))
                        throw new ScenarioException($"{where}.late_ms: {l} is outside 1..60000");
                    break;
                case "power_loss":
                    if (ev.Args.TryGetValue("off_s", out var off) && ((double)off < 0 || (double)off > 3600))
                        throw new ScenarioException($"{where}.off_s: must be 0..3600");
                    break;
            }
        }

        /// <summary>A command's "expect" is "refused" or "accepted"; "reason" only goes with it (both bays).</summary>
        public static void CheckAnswer(ScenarioEvent ev, string where)
        {
            if (ev.Args.TryGetValue("expect", out var answer) && Array.IndexOf(ScenarioReader.CommandAnswers, (string)answer) < 0)
                throw new ScenarioException($"{where}.expect: \"{answer}\" is not one of {string.Join(", ", ScenarioReader.CommandAnswers)}");
            if (ev.Args.ContainsKey("reason") && !ev.Args.ContainsKey("expect"))
                throw new ScenarioException($"{where}.reason: only with \"expect\"");
        }

        private static void Range(ScenarioEvent ev, string key, double min, double max, string where)
        {
            if (ev.Args.TryGetValue(key, out var v) && ((double)v < min || (double)v > max))
                throw new ScenarioException($"{where}.{key}: {v} is outside {min}..{max}");
        }

        private static string OutputNames(SimBay bay)
        {
            var names = new System.Collections.Generic.List<string> { "LiftDrive" };
            foreach (var o in bay.Outputs) names.Add(o.Name);
            return string.Join(", ", names);
        }
    }
}
