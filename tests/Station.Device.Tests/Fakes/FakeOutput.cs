using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>An output that remembers its level.</summary>
    public sealed class FakeOutput : IDigitalOutput
    {
        private bool _state;

        /// <inheritdoc />
        public bool State { get { return _state; } }

        /// <inheritdoc />
        public void Write(bool on) { _state = on; }
    }
}
