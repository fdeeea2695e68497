namespace Station.Hal.Nano
{
    /// <summary>One input bit of an <see cref="Mcp23s17"/>, as of its last <see cref="Mcp23s17.Refresh"/>.</summary>
    public sealed class ExpanderInput : IBankedInput
    {
        private readonly Mcp23s17 _chip;
        private readonly int _bit;
        private readonly bool _activeLow;

        internal ExpanderInput(Mcp23s17 chip, int bit, bool activeLow)
        {
            _chip = chip;
            _bit = bit;
            _activeLow = activeLow;
        }

        /// <inheritdoc />
        public IInputBank Bank { get { return _chip; } }

        /// <inheritdoc />
        public int Bit { get { return _bit; } }

        /// <inheritdoc />
        public bool Read()
        {
            return _chip.InputLevel(_bit) != _activeLow;
        }
    }
}
