using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Station.Simulator
{
    /// <summary>Checks a parsed scenario document as a whole before any of it is used: no key appears twice in one
    /// object (JSON parsers keep the last, which would let <c>"no_hazards":true,"no_hazards":false</c> silently turn a
    /// check off), and every key and string is valid text (an escaped lone UTF-16 surrogate such as <c>"\ud800"</c>
    /// parses as JSON but cannot be read as a string).</summary>
    public static class ScenarioText
    {
        /// <summary>Throws a <see cref="ScenarioException"/> naming the place of the first problem in <paramref name="e"/>.</summary>
        public static void Check(JsonElement e, string where)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var prop in e.EnumerateObject())
                    {
                        string name = Text(() => prop.Name, where.Length == 0 ? "a key" : $"a key of {where}");
                        if (!seen.Add(name)) throw new ScenarioException($"key \"{(where.Length == 0 ? "" : where + ".")}{name}\" appears twice");
                        Check(prop.Value, where.Length == 0 ? name : where + "." + name);
                    }
                    break;
                case JsonValueKind.Array:
                    int i = 0;
                    foreach (var item in e.EnumerateArray()) Check(item, $"{where}[{i++}]");
                    break;
                case JsonValueKind.String:
                    Text(() => e.GetString(), where);
                    break;
            }
        }

        private static string Text(Func<string> read, string where)
        {
            try { return read(); }
            catch (InvalidOperationException)
            {
                throw new ScenarioException($"{where}: not valid text (a lone UTF-16 surrogate, \\uD800..\\uDFFF without its pair)");
            }
        }
    }
}
