namespace Station.Boards
{
    /// <summary>STM32F769I-DISCOVERY wiring of one bay (Arduino connector); see boards/stm32f769i-discovery/README.md.</summary>
    public static class Stm32F769IDiscovery
    {
        /// <summary>The pin map of the STM32F769I-DISCOVERY board.</summary>
        public static BoardPinMap PinMap()
        {
            var map = new BoardPinMap();
            map.Name = "stm32f769i-discovery";
            map.Chip = BoardChip.Stm32F7;
            map.FirmwareTarget = "ST_STM32F769I_DISCOVERY";
            map.ExpanderCount = 2;
            map.LockCount = 4;
            map.InputsActiveLow = true;
            // The Arduino connector (CN9..CN14) and the two user LEDs: everything else drives the board's own SDRAM,
            // display, USB PHY, Ethernet, QSPI flash and SD card.
            map.UsablePins = new int[]
            {
                BoardPinMap.Stm32Pin('C', 7), BoardPinMap.Stm32Pin('C', 6), BoardPinMap.Stm32Pin('J', 1), BoardPinMap.Stm32Pin('F', 6),   // D0..D3
                BoardPinMap.Stm32Pin('J', 0), BoardPinMap.Stm32Pin('C', 8), BoardPinMap.Stm32Pin('F', 7), BoardPinMap.Stm32Pin('J', 3),   // D4..D7
                BoardPinMap.Stm32Pin('J', 4), BoardPinMap.Stm32Pin('H', 6), BoardPinMap.Stm32Pin('A', 11), BoardPinMap.Stm32Pin('B', 15), // D8..D11
                BoardPinMap.Stm32Pin('B', 14), BoardPinMap.Stm32Pin('A', 12), BoardPinMap.Stm32Pin('B', 9), BoardPinMap.Stm32Pin('B', 8), // D12..D15
                BoardPinMap.Stm32Pin('A', 6), BoardPinMap.Stm32Pin('A', 4), BoardPinMap.Stm32Pin('C', 2), BoardPinMap.Stm32Pin('F', 10),  // A0..A3
                BoardPinMap.Stm32Pin('F', 8), BoardPinMap.Stm32Pin('F', 9),                                                               // A4, A5
                BoardPinMap.Stm32Pin('J', 13), BoardPinMap.Stm32Pin('J', 5),                                                              // LD1 red, LD2 green
            };

            map.Lift.Drive = BoardPinMap.Stm32Pin('H', 6);            // D9, TIM12_CH1
            map.Lift.DriveFrequencyHz = 2000;
            map.Lift.EncoderA = BoardPinMap.Stm32Pin('J', 1);         // D2 (EXTI1)
            map.Lift.EncoderB = BoardPinMap.Stm32Pin('F', 6);         // D3 (EXTI6)
            map.Lift.DirectionAway = BoardPinMap.Stm32Pin('J', 0);      // D4
            map.Lift.Enable = BoardPinMap.Stm32Pin('C', 8);           // D5
            map.Lift.BrakeRelease = BoardPinMap.Stm32Pin('F', 7);     // D6
            map.Lift.FarLimit = BoardPinMap.Stm32Pin('J', 3);         // D7
            map.Lift.HomeSwitch = BoardPinMap.Stm32Pin('J', 4);        // D8
            map.Safety.EStopReleased = BoardPinMap.Stm32Pin('A', 6);        // A0
            map.Safety.LightCurtainClear = BoardPinMap.Stm32Pin('A', 4);    // A1
            map.Safety.RelayFeedback = BoardPinMap.Stm32Pin('C', 2);        // A2
            map.Safety.MotionPermit = BoardPinMap.Stm32Pin('F', 10);        // A3
            map.StatusLed = BoardPinMap.Stm32Pin('J', 5);            // LD2, green user LED on the board

            // Native CAN1 as the nanoFramework target configures it: TX PB9 (D14), RX PB8 (D15), to a 3.3 V transceiver.
            map.CanController = "CAN1";
            map.CanTx = BoardPinMap.Stm32Pin('B', 9);
            map.CanRx = BoardPinMap.Stm32Pin('B', 8);

            // SPI2 as the target configures it, for the two MCP23S17 expanders.
            map.SpiBus = 2;
            map.SpiClock = BoardPinMap.Stm32Pin('A', 12);            // D13
            map.SpiMiso = BoardPinMap.Stm32Pin('B', 14);             // D12
            map.SpiMosi = BoardPinMap.Stm32Pin('B', 15);             // D11
            map.ExpanderChipSelect = BoardPinMap.Stm32Pin('A', 11);  // D10

            // Technician console on USART6 (COM6): TX PC6 (D1), RX PC7 (D0).
            map.ConsolePort = "COM6";
            map.ConsoleTx = BoardPinMap.Stm32Pin('C', 6);
            map.ConsoleRx = BoardPinMap.Stm32Pin('C', 7);

            // Locks, conveyors, pack and bay sensors: the shared I/O board (two MCP23S17 expanders on SPI).
            map.WireSharedIoBoard();
            return map;
        }
    }
}
