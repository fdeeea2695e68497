namespace Station.Hal
{
    /// <summary>Digital inputs that the hardware reads together: one port register, one I/O expander's input ports.
    /// The core reads a bank once per tick instead of calling each input's <see cref="IDigitalInput.Read"/>.</summary>
    /// <remarks>
    /// On nanoFramework's interpreter every interface call costs about as much as a dozen field reads, and the core
    /// samples some twenty inputs every tick whose levels nearly never change: one call per bank and one comparison
    /// replace a call per input. An input that is in no bank keeps the single-input contract.
    /// </remarks>
    public interface IInputBank
    {
        /// <summary>Reads every input of the bank now: bit n is true when the input with <see cref="IBankedInput.Bit"/>
        /// n is active (the same level its own <see cref="IDigitalInput.Read"/> returns). No debounce.</summary>
        int ReadLevels();
    }
}
