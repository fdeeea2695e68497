namespace Station.Boards
{
    /// <summary>The microcontroller family of a board; decides which pin numbers are valid and how they are routed.</summary>
    public enum BoardChip
    {
        /// <summary>ESP32 (ESP32-D0WD in a WROOM-32 module): GPIO numbers as the chip names them.</summary>
        Esp32 = 0,
        /// <summary>STM32F7 under nanoFramework: pin = port index × 16 + pin (PA0 = 0, PB0 = 16, … PK7 = 167).</summary>
        Stm32F7 = 1,
    }
}
