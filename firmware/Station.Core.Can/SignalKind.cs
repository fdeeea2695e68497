namespace Station.Core.Can
{
    /// <summary>How a signal's bytes become a value.</summary>
    public enum SignalKind
    {
        /// <summary>Unsigned little-endian bit field, physical = raw × resolution + offset.</summary>
        Number = 0,
        /// <summary>Unsigned code with a name table; prints the code and its name.</summary>
        Enumeration = 1,
        /// <summary>ASCII text of a fixed number of bytes.</summary>
        Text = 2,
        /// <summary>Protocol version: byte minor, then major as 16-bit LE; prints "V1.1".</summary>
        Version = 3,
        /// <summary>Date: year byte (with the signal's offset), month, day; prints "YYYY-MM-DD".</summary>
        Date = 4,
        /// <summary>GB/T BMS software version: serial, day, month, year u16 LE, 3 reserved; prints {serial, date}.</summary>
        SoftwareVersion = 5,
        /// <summary>Packed BCD time: seconds, minutes, hours, day, month, year in century, century.</summary>
        BcdTime = 6,
    }
}
