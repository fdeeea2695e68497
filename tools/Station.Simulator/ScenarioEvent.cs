using System.Collections.Generic;

namespace Station.Simulator
{
    /// <summary>One line of a scenario's "events": when it fires and what it does (see docs/scenarios.md).</summary>
    public sealed class ScenarioEvent
    {
        /// <summary>Position in the events array (for messages).</summary>
        public int Index;
        /// <summary>Absolute simulated time in s, or null.</summary>
        public double? AtSeconds;
        /// <summary>Swap step (state name) that arms the trigger, or null.</summary>
        public string AtStep;
        /// <summary>Only in this swap (1-based), or 0 for any.</summary>
        public int Swap;
        /// <summary>Delay after the trigger, ms.</summary>
        public int AfterMs;
        /// <summary>The action ("estop", "power_loss", "reset", …).</summary>
        public string Do;
        /// <summary>Every other key of the event, already type-checked by the reader.</summary>
        public Dictionary<string, object> Args = new Dictionary<string, object>();

        /// <summary>A short description for logs and the timeline.</summary>
        public string Describe()
        {
            string when = AtStep != null ? $"at step {AtStep}" + (Swap > 0 ? $" of swap {Swap}" : "") : AtSeconds != null ? $"at {AtSeconds:0.###} s" : "after the previous event";
            if (AfterMs > 0) when += $" +{AfterMs} ms";
            string args = "";
            foreach (var kv in Args) args += $" {kv.Key}={kv.Value}";
            return $"{Do}{args} ({when})";
        }
    }
}
