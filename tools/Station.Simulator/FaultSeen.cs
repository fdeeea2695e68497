using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Station.Simulator
{
    /// <summary>A fault the controller raised: its number, catalogue name, the swap step it happened in, and when.</summary>
    public sealed record FaultSeen(int Code, string Name, string Step, long AtMs)
    {
        /// <summary>Writes the JSON summary's "faults" array (both bays' summaries use it).</summary>
        public static void WriteJson(Utf8JsonWriter j, IEnumerable<FaultSeen> faults)
        {
            j.WriteStartArray("faults");
            foreach (var f in faults)
            {
                j.WriteStartObject();
                j.WriteNumber("code", f.Code);
                j.WriteString("name", f.Name);
                j.WriteString("step", f.Step);
                j.WriteNumber("at_s", Math.Round(f.AtMs / 1000.0, 3));
                j.WriteEndObject();
            }
            j.WriteEndArray();
        }
    }
}
