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

        /// <inheritdoc />
        public bool State { get; private set; }

        /// <summary>Number of writes that changed the level.</summary>
        public int Edges { get; private set; }

        /// <inheritdoc />
        public void Write(bool on)
        {
            if (on != State) Edges++;
            State = on;
        }

        /// <summary>Drops the output as a loss of supply does (not counted as an edge written by the core).</summary>
        public void PowerOff() => State = false;
    }
}
