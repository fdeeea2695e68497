using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>Counts log lines and keeps the last one.</summary>
    public sealed class FakeLog : ILog
    {
        /// <summary>Lines written.</summary>
        public int Count;
        /// <summary>The last line.</summary>
        public string Last;

        /// <inheritdoc />
        public void Write(LogLevel level, string message)
        {
            Count++;
            Last = message;
        }
    }
}
