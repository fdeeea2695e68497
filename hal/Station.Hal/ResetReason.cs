namespace Station.Hal
{
    /// <summary>Why the board last started, as far as anyone can tell. Stored and sent as its number.</summary>
    public enum ResetReason
    {
        /// <summary>Nothing tells: a power-on, a brown-out, the reset pin or a native watchdog look alike to the managed
        /// code on nanoFramework's ESP32 and STM32 targets (neither publishes the reset cause register).</summary>
        Unknown = 0,
        /// <summary>Power applied (only where the target tells).</summary>
        PowerOn = 1,
        /// <summary>The watchdog restarted the board because the control loop stopped feeding it.</summary>
        Watchdog = 2,
        /// <summary>The firmware restarted the board on purpose (an update, a technician's command).</summary>
        Software = 3,
        /// <summary>Supply voltage dropped below the brown-out threshold (only where the target tells).</summary>
        BrownOut = 4,
    }
}
