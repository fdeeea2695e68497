using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>A bank of fake inputs, like a port register: each <see cref="FakeInput"/> on it keeps its bit current
    /// when its level is set, so reading the bank is one field read (as one register read is on a board).</summary>
    public sealed class FakeInputBank : IInputBank
    {
        /// <summary>Bit n: the level of the input with bit n.</summary>
        public int Levels;
        /// <summary>Number of times the core read the bank.</summary>
        public int ReadCount;
        private int _next;

        /// <summary>A new input on the next free bit of this bank, or null when all 32 are taken.</summary>
        public FakeInput NewInput()
        {
            return _next == 32 ? null : new FakeInput(this, _next++);
        }

        /// <inheritdoc />
        public int ReadLevels()
        {
            ReadCount++;
            return Levels;
        }
    }
}
