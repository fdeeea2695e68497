using System.Device.Gpio;
using Station.Boards;
using Station.Hal;
using Station.Hal.Nano;
using Station.Hal.Nano.Stm32;

namespace Station.Device
{
    /// <summary>Device wiring of the STM32F769I-DISCOVERY: pins are routed by the firmware target (CAN1, SPI2, USART6,
    /// the PWM timer), the lift encoder is decoded in GPIO interrupts, two MCP23S17 on SPI2, storage on the SD card.
    /// Compiled into Station.Device only when its Board property is stm32f769i-discovery.</summary>
    internal static class BoardWiring
    {
        /// <summary>The board's pin map.</summary>
        public static BoardPinMap PinMap()
        {
            return Stm32F769IDiscovery.PinMap();
        }

        /// <summary>Folder of the station's files (configuration, journals, the release key) on the SD card.</summary>
        public const string StationFolder = CardFolders.Station;

        /// <summary>The update images' folder on the SD card (the firmware mounts it as D:\), beside the station's files.</summary>
        public static string ImageFolder(BoardPinMap map, GpioController gpio, ILog log)
        {
            return CardFolders.Images;
        }

        /// <summary>Opens every adapter.</summary>
        public static WiredBoard Wire(BoardPinMap map, GpioController gpio, ILog log)
        {
            Mcp23s17[] expanders = PortWiring.OpenExpanders(map);

            WiredBoard board = PortWiring.Wire(map, gpio, expanders, StationFolder);
            PortWiring.OpenInterruptAxis(board.Io.Lift, map.Lift, gpio);

            // Pack CAN: native CAN1 at 250 kbit/s from the 54 MHz APB1 (timing arithmetic in NativeCanPort).
            board.PackCan = new NativeCanPort(map.CanController, 54000000, 250000);

            // The firmware mounts the board's own SD slot as D:\ and every file lives there, the cloud outbox too.
            board.OutboxCardSlot = true;
            board.OutboxCardFolder = board.StorageFolder;
            return board;
        }
    }
}
