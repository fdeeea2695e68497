using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>An output that remembers its level.</summary>
    public sealed class FakeOutput : IDigitalOutput
    {
        /// <inheritdoc />
        public bool State { get; private set; }

        /// <inheritdoc />
        public void Write(bool on) { State = on; }
    }
}
