namespace Station.Boards
{
    /// <summary>What a pin does, as far as the chip cares: which pins can take it.</summary>
    public enum PinRole
    {
        /// <summary>Digital input (sensor, switch, interrupt line, bus data in).</summary>
        Input = 0,
        /// <summary>Digital output (solenoid, motor enable, lamp, chip select, bus data or clock out).</summary>
        Output = 1,
        /// <summary>PWM output: a native pin (never on an expander).</summary>
        Pwm = 2,
        /// <summary>Encoder channel: a native input (counted by hardware or an interrupt, never on an expander).</summary>
        Encoder = 3,
        /// <summary>SPI chip select: a native output, idle high through an external pull-up (the only role GPIO5 of
        /// an ESP32 may take: its strap is sampled high, the level an idle chip select has).</summary>
        ChipSelect = 4,
    }
}
