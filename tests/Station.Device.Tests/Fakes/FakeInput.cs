using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>An input whose level the test or the tiny bay sets; alone, or one bit of a <see cref="FakeInputBank"/>.</summary>
    public sealed class FakeInput : IBankedInput
    {
        private readonly FakeInputBank _bank;
        private readonly int _bit;
        private bool _level;

        /// <summary>An input read alone.</summary>
        public FakeInput()
        {
        }

        /// <summary>Bit <paramref name="bit"/> of <paramref name="bank"/>.</summary>
        public FakeInput(FakeInputBank bank, int bit)
        {
            _bank = bank;
            _bit = bit;
        }

        /// <summary>The level Read returns (and the bank reports).</summary>
        public bool Level
        {
            get { return _level; }
            set
            {
                _level = value;
                if (_bank == null) return;
                if (value) _bank.Levels |= 1 << _bit;
                else _bank.Levels &= ~(1 << _bit);
            }
        }

        /// <inheritdoc />
        public IInputBank Bank { get { return _bank; } }

        /// <inheritdoc />
        public int Bit { get { return _bit; } }

        /// <summary>Number of times this input was read alone (not through its bank).</summary>
        public int ReadCount;

        /// <inheritdoc />
        public bool Read()
        {
            ReadCount++;
            return _level;
        }
    }
}
