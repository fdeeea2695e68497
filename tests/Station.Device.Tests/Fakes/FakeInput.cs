using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>An input whose level the test or the tiny bay sets.</summary>
    public sealed class FakeInput : IDigitalInput
    {
        /// <summary>The level Read returns.</summary>
        public bool Level;

        /// <inheritdoc />
        public bool Read() { return Level; }
    }
}
