using System.Device.Gpio;
using Station.Boards;
using Station.Hal;
using Station.Hal.Nano;
using Station.Hal.Nano.Stm32;

namespace Station.Device
{
    /// <summary>Device wiring of the STM32F769I-DISCOVERY as a truck bay: the three axes' PWM references and
    /// interrupt-decoded encoders on native pins, five MCP23S17 on SPI2, block position 1's CAN segment on native CAN1
    /// and positions 2-3 on an MCP2515 each (polled, no interrupt line), storage on the SD card. Compiled into
    /// Station.Device only when its Board property is stm32f769i-discovery-truck.</summary>
    internal static class BoardWiring
    {
        /// <summary>The board's pin map.</summary>
        public static BoardPinMap PinMap()
        {
            return Stm32F769IDiscoveryTruck.PinMap();
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
            PortWiring.OpenInterruptAxis(board.Io.Truck.Travel, map.Truck.Travel, gpio);
            PortWiring.OpenInterruptAxis(board.Io.Truck.Fork, map.Truck.Fork, gpio);

            // Each block position's own CAN segment (docs/truck-bay.md): position 1 on CAN1, 2 and 3 on MCP2515s.
            board.BlockCan = new ICanPort[TruckPins.Positions];
            board.BlockCan[0] = new NativeCanPort(map.CanController, 54000000, 250000);
            for (int p = 1; p < TruckPins.Positions; p++)
            {
                var can = new Mcp2515CanPort(Mcp2515CanPort.OpenBus(map.SpiBus, map.Truck.BlockCanChipSelect[p]), null, map.CanCrystalHz, 250000);
                if (can.Start()) board.BlockCan[p] = can;
                else board.CanProblem = "a block segment's MCP2515 did not answer on SPI: that position's blocks are not BMS-verified";
            }

            board.OutboxCardSlot = true;
            board.OutboxCardFolder = board.StorageFolder;
            return board;
        }
    }
}
