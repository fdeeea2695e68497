namespace Station.Hal.Nano
{
    /// <summary>One output bit of an <see cref="Mcp23s17"/>; the level reaches the pin at the expander's next
    /// <see cref="Mcp23s17.Flush"/> (the end of the same control tick).</summary>
    public sealed class ExpanderOutput : IDigitalOutput
    {
        private readonly Mcp23s17 _chip;
        private readonly int _bit;

        internal ExpanderOutput(Mcp23s17 chip, int bit)
        {
            _chip = chip;
            _bit = bit;
        }

        /// <inheritdoc />
        public bool State { get; private set; }

        /// <inheritdoc />
        public void Write(bool on)
        {
            _chip.SetLatch(_bit, on);
            State = on;
        }
    }
}
