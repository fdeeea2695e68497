namespace Station.Hal
{
    /// <summary>A digital input that is one bit of an <see cref="IInputBank"/>: the core reads its bank instead of it.
    /// Its own <see cref="IDigitalInput.Read"/> still answers alone (self-test, console, read-back).</summary>
    public interface IBankedInput : IDigitalInput
    {
        /// <summary>The bank this input is read with, or null when it is read alone.</summary>
        IInputBank Bank { get; }

        /// <summary>This input's bit in <see cref="IInputBank.ReadLevels"/>, 0..31.</summary>
        int Bit { get; }
    }
}
