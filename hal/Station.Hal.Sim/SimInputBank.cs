using System.Collections.Generic;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>Up to 32 simulated inputs read as one word, as a board's I/O expander presents them
    /// (<c>Mcp23s17</c>): the controller reads the bank once per tick (its input scan) instead of each input.</summary>
    /// <remarks>Each input still reads as itself (faults included): the bank only changes how the core asks.</remarks>
    public sealed class SimInputBank : IInputBank
    {
        private readonly List<IDigitalInput> _inputs = new List<IDigitalInput>();

        /// <summary>Number of times the core read the bank.</summary>
        public long ReadCount { get; private set; }

        /// <summary>True when the bank has no free bit.</summary>
        public bool Full => _inputs.Count == 32;

        /// <summary>Puts <paramref name="input"/> on the next free bit; the port the core reads from now on.</summary>
        public IDigitalInput Add(IDigitalInput input)
        {
            _inputs.Add(input);
            return new BankedInput(this, _inputs.Count - 1, input);
        }

        /// <inheritdoc />
        public int ReadLevels()
        {
            ReadCount++;
            int levels = 0;
            for (int bit = 0; bit < _inputs.Count; bit++)
                if (_inputs[bit].Read()) levels |= 1 << bit;
            return levels;
        }

        private sealed class BankedInput : IBankedInput
        {
            private readonly IDigitalInput _input;
            public BankedInput(SimInputBank bank, int bit, IDigitalInput input) { Bank = bank; Bit = bit; _input = input; }
            public IInputBank Bank { get; }
            public int Bit { get; }
            public bool Read() => _input.Read();
        }
    }
}
