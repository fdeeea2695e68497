using System.Device.Gpio;
using Station.Boards;
using Station.Hal;
using Station.Hal.Nano;
using Station.Hal.Nano.Esp32;

namespace Station.Device
{
    /// <summary>Device wiring of the ESP32-DevKitC: pin routing through the GPIO matrix, the lift encoder on the
    /// pulse-count hardware, two MCP23S17 and the microSD card on SPI1; the station's files in internal flash, the
    /// cloud outbox on the card. Compiled into Station.Device only when its Board property is esp32-devkitc.</summary>
    internal static class BoardWiring
    {
        /// <summary>The board's pin map.</summary>
        public static BoardPinMap PinMap()
        {
            return Esp32DevKitC.PinMap();
        }

        /// <summary>Folder of the station's files (configuration, journals, the release key) in internal flash.</summary>
        public const string StationFolder = "I:\\station";

        /// <summary>The update images' folder on the microSD card, for the loader before the board is wired; null when
        /// the board has no card or it does not mount. The card is mounted here, with the other devices on the bus
        /// deselected (their chip selects driven high, then released for their drivers), as its power-up needs.</summary>
        public static string ImageFolder(BoardPinMap map, GpioController gpio, ILog log)
        {
            if (map.SdCardChipSelect == BoardPinMap.NoPin) return null;
            Esp32Routing.Spi1(map.SpiMosi, map.SpiMiso, map.SpiClock);
            GpioPin expanders = gpio.OpenPin(map.ExpanderChipSelect, PinMode.Output);
            GpioPin can = gpio.OpenPin(map.CanChipSelect, PinMode.Output);
            expanders.Write(PinValue.High);
            can.Write(PinValue.High);
            SpiSdCard card = SpiSdCard.Mount(map.SpiBus, map.SdCardChipSelect, log);
            expanders.Dispose();
            can.Dispose();
            return card.Mounted ? SpiSdCard.Root + "images" : null;
        }

        /// <summary>Routes the pins and opens every adapter.</summary>
        public static WiredBoard Wire(BoardPinMap map, GpioController gpio, ILog log)
        {
            Esp32Routing.Spi1(map.SpiMosi, map.SpiMiso, map.SpiClock);
            Esp32Routing.Com2(map.ConsoleTx, map.ConsoleRx);
            Esp32Routing.Pwm1(map.Lift.Drive);

            Mcp23s17[] expanders = PortWiring.OpenExpanders(map);

            WiredBoard board = PortWiring.Wire(map, gpio, expanders, StationFolder);
            board.Io.Lift.Drive = new PwmSpeedOutput(map.Lift.Drive, map.Lift.DriveFrequencyHz);
            board.Io.Lift.Encoder = new PulseCounterEncoder(map.Lift.EncoderA, map.Lift.EncoderB, false);

            // Pack CAN: MCP2515 on the same SPI bus (own chip select), INT active low with an external pull-up.
            var can = new Mcp2515CanPort(Mcp2515CanPort.OpenBus(map.SpiBus, map.CanChipSelect),
                                         gpio.OpenPin(map.CanInterrupt, PinMode.Input), map.CanCrystalHz, 250000);
            if (!can.Start()) board.CanProblem = "the MCP2515 did not answer on SPI (or cannot make 250 kbit/s with its crystal)";
            board.PackCan = can;
            board.CanChip = can;

            // The cloud outbox's microSD card, last on the shared bus: the MCP2515 and the expanders are set up and
            // deselected. Configuration and journals stay in internal flash (Program decides with StorageLayout).
            if (map.SdCardChipSelect != BoardPinMap.NoPin)
            {
                board.OutboxCardSlot = true;
                SpiSdCard card = SpiSdCard.Mount(map.SpiBus, map.SdCardChipSelect, log);
                if (card.Mounted) board.OutboxCardFolder = SpiSdCard.Root + "station";
                else board.OutboxCardProblem = card.Problem;
            }
            return board;
        }
    }
}
