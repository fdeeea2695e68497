using Station.Hal;

namespace Station.Core
{
    /// <summary>The ports of one conveyor (or shuttle belt): its motor contactor and, where the bay wires it, the
    /// contactor's auxiliary contact read back.</summary>
    public sealed class ConveyorPorts
    {
        /// <summary>Motor contactor: true = run.</summary>
        public IDigitalOutput Run;
        /// <summary>Read-back of the motor contactor (auxiliary contact: true = closed), or null when not wired.</summary>
        public IDigitalInput Running;
    }
}
