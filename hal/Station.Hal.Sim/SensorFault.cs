namespace Station.Hal.Sim
{
    /// <summary>How a simulated sensor misbehaves.</summary>
    public enum SensorFault
    {
        /// <summary>Reads the plant's truth.</summary>
        None = 0,
        /// <summary>Always reads active, whatever the plant does (welded contact, dirty optic seeing a target).</summary>
        StuckActive = 1,
        /// <summary>Always reads inactive (broken wire, sensor knocked off its bracket).</summary>
        StuckInactive = 2,
        /// <summary>Inverts the truth every flicker period (loose connector, vibration).</summary>
        Flicker = 3,
        /// <summary>Inverts the truth for a short time, then heals by itself (EMI, a bouncing contact, a bird in a beam).
        /// On the encoder: the count stops for that time, then catches up.</summary>
        Glitch = 4,
    }
}
