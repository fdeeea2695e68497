using System.Collections.Generic;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>A fault-injection scenario read from JSON (format: docs/scenarios.md).</summary>
    public sealed class Scenario
    {
        /// <summary>Short name.</summary>
        public string Name;
        /// <summary>What the scenario shows.</summary>
        public string Description;
        /// <summary>The bay it runs on: "car" or "truck" as the file's "bay" says, or null when it names none (then the
        /// command line's --bay, car by default).</summary>
        public string Bay;
        /// <summary>Truck bay: the block positions each booking names (null: the command line's, 1-3 by default).</summary>
        public int[] Positions;
        /// <summary>Swaps (vehicles) to run.</summary>
        public int Swaps = 1;
        /// <summary>Hard stop of the run, simulated seconds.</summary>
        public double MaxSeconds = 900;
        /// <summary>When true the simulated operator homes the station whenever it needs homing.</summary>
        public bool AutoHome = true;
        /// <summary>Plant figures, defaults overridden by the file's "plant" block.</summary>
        public PlantParameters Plant = new PlantParameters();
        /// <summary>Events, fired in order.</summary>
        public List<ScenarioEvent> Events = new List<ScenarioEvent>();
        /// <summary>Where the station must end.</summary>
        public ScenarioExpectation Expect = new ScenarioExpectation();

        /// <summary>Writes the JSON summary's "scenario" object (both bays): name, passed, failures, events fired; nothing
        /// when <paramref name="scenario"/> is null.</summary>
        public static void WriteJson(System.Text.Json.Utf8JsonWriter j, Scenario scenario, List<string> failures, List<string> eventsFired)
        {
            if (scenario == null) return;
            j.WriteStartObject("scenario");
            j.WriteString("name", scenario.Name);
            j.WriteBoolean("passed", failures.Count == 0);
            j.WriteStartArray("failures");
            foreach (var f in failures) j.WriteStringValue(f);
            j.WriteEndArray();
            j.WriteStartArray("events_fired");
            foreach (var f in eventsFired) j.WriteStringValue(f);
            j.WriteEndArray();
            j.WriteEndObject();
        }
    }
}
