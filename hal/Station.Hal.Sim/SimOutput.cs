using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>A simulated digital output (coil, solenoid, contactor). The plant reads <see cref="State"/>.</summary>
    public sealed class SimOutput : IDigitalOutput
    {
        /// <summary>An output named after its StationIo field.</summary>
        public SimOutput(string name) { Name = name; }

        /// <summary>The StationIo name of this output.</summary>
        public string Name { get; }

        /// <summary>What the plant sees: the level written, or on whatever was written while <see cref="StuckOn"/>.</summary>
        public bool State => _written || StuckOn;

        /// <summary>True: the contact is welded (relay, contactor) or the coil shorted to supply: on whatever the core writes.</summary>
        public bool StuckOn { get; set; }

        /// <summary>The level the core last wrote.</summary>
        public bool Written => _written;

        private bool _written;

        /// <summary>Number of writes that changed the level.</summary>
        public int Edges { get; private set; }

        /// <inheritdoc />
        public void Write(bool on)
        {
            if (on != _written) Edges++;
            _written = on;
        }

        /// <summary>Drops the output as a loss of supply does (not counted as an edge written by the core).</summary>
        public void PowerOff() => _written = false;
    }
}
