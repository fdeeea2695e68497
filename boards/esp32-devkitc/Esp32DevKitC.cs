namespace Station.Boards
{
    /// <summary>ESP32-DevKitC (WROOM-32) wiring of one bay; see boards/esp32-devkitc/README.md for the why of each pin.</summary>
    public static class Esp32DevKitC
    {
        /// <summary>The pin map of the ESP32-DevKitC board.</summary>
        public static BoardPinMap PinMap()
        {
            var map = new BoardPinMap();
            map.Name = "esp32-devkitc";
            map.Chip = BoardChip.Esp32;
            map.FirmwareTarget = "ESP32_REV0";
            map.ExpanderCount = 2;
            map.LockCount = 4;
            map.InputsActiveLow = true;

            // Native pins: what must be fast or fail-safe (PWM, encoder, limits, safety chain).
            map.Lift.Drive = 25;
            map.Lift.DriveFrequencyHz = 2000;
            map.Lift.DirectionAway = 26;
            map.Lift.Enable = 27;
            map.Lift.BrakeRelease = 33;
            map.Lift.EncoderA = 32;
            map.Lift.EncoderB = 14;
            map.Lift.FarLimit = 4;
            map.Lift.HomeSwitch = 13;
            // GPIO34..39 are input-only and have no internal pull resistors: inputs with external pull-ups.
            map.Safety.EStopReleased = 34;
            map.Safety.LightCurtainClear = 35;
            map.Safety.RelayFeedback = 36;
            map.CanInterrupt = 39;

            // SPI1 (VSPI's native pins), shared by the MCP2515 and the two MCP23S17 expanders.
            map.SpiBus = 1;
            map.SpiMosi = 23;
            map.SpiMiso = 19;
            map.SpiClock = 18;
            map.CanChipSelect = 21;
            map.ExpanderChipSelect = 22;
            // microSD card on the same bus (the cloud outbox, 64 MiB): every other usable pin is taken, so no second
            // bus and no card-detect pin; GPIO5 is allowed for a chip select only (README, "SD card").
            map.SdCardChipSelect = 5;
            map.CanController = null;
            map.CanCrystalHz = 8000000;

            // Technician console on UART2's usual pins (UART0 is nanoFramework's debug link).
            map.ConsolePort = "COM2";
            map.ConsoleTx = 17;
            map.ConsoleRx = 16;

            // Locks, conveyors, pack and bay sensors: the shared I/O board (two MCP23S17 expanders on SPI).
            map.WireSharedIoBoard();
            // On this board expander 1 also carries the motion permit and the status lamp (no native pins left).
            map.Safety.MotionPermit = BoardPinMap.ExpanderPin(1, false, 2);
            map.StatusLed = BoardPinMap.ExpanderPin(1, false, 3);
            return map;
        }
    }
}
