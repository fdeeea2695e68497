using System;
using System.Collections.Generic;

namespace Station.Hal.Sim
{
    /// <summary>The digital ports a simulated bay creates, by name: each bay (car, truck) makes its inputs and outputs
    /// here, finds them by their port names for scenarios and fault injection, and drops its outputs on a power cut.</summary>
    public sealed class PlantPorts
    {
        private readonly List<SimInput> _inputs = new List<SimInput>();
        private readonly List<SimOutput> _outputs = new List<SimOutput>();
        private readonly SimClock _clock;

        /// <summary>Ports whose inputs are timed by <paramref name="clock"/> (glitches, debounce in the plant).</summary>
        public PlantPorts(SimClock clock) { _clock = clock; }

        /// <summary>Every input made so far, in order.</summary>
        public IReadOnlyList<SimInput> Inputs => _inputs;

        /// <summary>Every output made so far, in order.</summary>
        public IReadOnlyList<SimOutput> Outputs => _outputs;

        /// <summary>A new input called <paramref name="name"/>.</summary>
        public SimInput In(string name)
        {
            var i = new SimInput(name, _clock);
            _inputs.Add(i);
            return i;
        }

        /// <summary>A new output called <paramref name="name"/>.</summary>
        public SimOutput Out(string name)
        {
            var o = new SimOutput(name);
            _outputs.Add(o);
            return o;
        }

        /// <summary>The input called <paramref name="name"/> (case-insensitive), or null.</summary>
        public SimInput Input(string name)
        {
            foreach (var i in _inputs) if (string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)) return i;
            return null;
        }

        /// <summary>The output called <paramref name="name"/> (case-insensitive), or null.</summary>
        public SimOutput Output(string name)
        {
            foreach (var o in _outputs) if (string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)) return o;
            return null;
        }

        /// <summary>Supply lost: every output drops.</summary>
        public void PowerOff()
        {
            foreach (var o in _outputs) o.PowerOff();
        }
    }
}
