namespace Station.Core.Config
{
    /// <summary>How a configuration value is written, checked and shown.</summary>
    public enum ConfigKind
    {
        /// <summary>A whole number with a unit and an inclusive range.</summary>
        Integer = 0,
        /// <summary>A name that becomes an MQTT client id or topic level: <see cref="StationName"/>'s rule.</summary>
        Word = 1,
        /// <summary>A comma-separated list of words (no spaces), with a bound on the number of entries.</summary>
        WordList = 2,
        /// <summary>A host name or IPv4 address (letters, digits, '.', '-').</summary>
        Host = 3,
        /// <summary>A PIN: set as 4 to 8 digits, stored only as a salted SHA-256 hash, never shown.</summary>
        PinHash = 4,
    }
}
