using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>An encoder whose count the tiny bay sets.</summary>
    public sealed class FakeEncoder : IPositionInput
    {
        /// <summary>The count ReadCounts returns.</summary>
        public int Counts;

        /// <inheritdoc />
        public int ReadCounts() { return Counts; }
    }
}
