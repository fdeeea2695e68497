namespace Station.Hal
{
    /// <summary>A raw digital input (limit switch, lock sensor, interlock contact). True means the contact is active.</summary>
    /// <remarks>
    /// Adapters return the raw electrical level mapped to "active", nothing more: no debounce. Debouncing and
    /// plausibility (a flickering sensor is a fault) live in the core (<c>DebouncedInput</c>), where tests and the
    /// simulator reach them and where the same rules apply on every board.
    /// </remarks>
    public interface IDigitalInput
    {
        /// <summary>Reads the input now. True = active (switch made, beam clear, sensor sees its target).</summary>
        bool Read();
    }
}
