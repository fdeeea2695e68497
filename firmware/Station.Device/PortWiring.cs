using System.Device.Gpio;
using Station.Boards;
using Station.Core;
using Station.Hal;
using Station.Hal.Nano;

namespace Station.Device
{
    /// <summary>Opens an adapter for every port of a pin map: native pins through GPIO, expander pins through their
    /// MCP23S17. The board files (boards/&lt;board&gt;/Device) add what differs per chip: routing, PWM and encoder.</summary>
    public static class PortWiring
    {
        /// <summary>Opens an axis whose encoder is decoded in GPIO interrupts (the STM32 boards): its PWM speed reference
        /// and its quadrature encoder.</summary>
        public static void OpenInterruptAxis(LinearAxisPorts ports, LinearAxisPins pins, GpioController gpio)
        {
            ports.Drive = new PwmSpeedOutput(pins.Drive, pins.DriveFrequencyHz);
            ports.Encoder = new InterruptQuadratureEncoder(gpio, pins.EncoderA, pins.EncoderB, false);
        }

        /// <summary>Opens the board's MCP23S17 expanders on its SPI bus (one shared chip select, hardware addresses 0..n-1).</summary>
        public static Mcp23s17[] OpenExpanders(BoardPinMap map)
        {
            var bus = Mcp23s17.OpenBus(map.SpiBus, map.ExpanderChipSelect);
            var expanders = new Mcp23s17[map.ExpanderCount];
            for (int i = 0; i < expanders.Length; i++) expanders[i] = new Mcp23s17(bus, i);
            return expanders;
        }

        /// <summary>Wires every digital port of <paramref name="map"/>; the caller sets Lift.Drive and Lift.Encoder.</summary>
        public static WiredBoard Wire(BoardPinMap map, GpioController gpio, Mcp23s17[] expanders, string storageFolder)
        {
            var io = new StationIo();
            WireAxis(io.Lift, map.Lift, map, gpio, expanders);
            WireLocks(io.Locks, map.Locks, map, gpio, expanders);

            WireConveyor(io.StagingConveyor, map.StagingConveyor, map, gpio, expanders);
            WireConveyor(io.TransferConveyor, map.TransferConveyor, map, gpio, expanders);
            io.Sensors.PackAtStaging = Input(map, map.Sensors.PackAtStaging, gpio, expanders);
            io.Sensors.PackOnLift = Input(map, map.Sensors.PackOnLift, gpio, expanders);
            io.Sensors.PackAtReturn = Input(map, map.Sensors.PackAtReturn, gpio, expanders);
            io.Sensors.VehiclePositioned = Input(map, map.Sensors.VehiclePositioned, gpio, expanders);

            io.Safety.EStopReleased = Input(map, map.Safety.EStopReleased, gpio, expanders);
            io.Safety.LightCurtainClear = Input(map, map.Safety.LightCurtainClear, gpio, expanders);
            io.Safety.DoorsClosed = Input(map, map.Safety.DoorsClosed, gpio, expanders);
            io.Safety.RelayFeedback = Input(map, map.Safety.RelayFeedback, gpio, expanders);
            io.Safety.MotionPermit = Output(map.Safety.MotionPermit, gpio, expanders);
            io.Safety.PermitWatchdogKick = Output(map.Safety.PermitWatchdogKick, gpio, expanders);

            if (map.Truck != null) io.Truck = WireTruck(map, gpio, expanders);

            var board = new WiredBoard();
            board.Io = io;
            board.Expanders = expanders;
            board.StatusLed = Output(map.StatusLed, gpio, expanders);
            board.StorageFolder = storageFolder;
            for (int i = 0; i < expanders.Length; i++) expanders[i].Configure();
            return board;
        }

        // The truck's own devices; the caller sets the travel and fork axes' Drive and Encoder (board-specific adapters).
        private static TruckPorts WireTruck(BoardPinMap map, GpioController gpio, Mcp23s17[] expanders)
        {
            var t = new TruckPorts();
            WireAxis(t.Travel, map.Truck.Travel, map, gpio, expanders);
            WireAxis(t.Fork, map.Truck.Fork, map, gpio, expanders);
            for (int p = 0; p < TruckPorts.Positions; p++)
            {
                WireLocks(t.BlockLocks[p], map.Truck.BlockLocks[p], map, gpio, expanders);
                WireLocks(t.Connectors[p], map.Truck.Connectors[p], map, gpio, expanders);
                t.BlockPresent[p] = Input(map, map.Truck.BlockPresent[p], gpio, expanders);
            }
            t.LoadWithinLimit = Input(map, map.Truck.LoadWithinLimit, gpio, expanders);
            t.Upright = Input(map, map.Truck.Upright, gpio, expanders);
            return t;
        }

        private static void WireAxis(LinearAxisPorts ports, LinearAxisPins pins, BoardPinMap map, GpioController gpio, Mcp23s17[] expanders)
        {
            ports.DirectionAway = Output(pins.DirectionAway, gpio, expanders);
            ports.Enable = Output(pins.Enable, gpio, expanders);
            ports.BrakeRelease = Output(pins.BrakeRelease, gpio, expanders);
            ports.FarLimit = Input(map, pins.FarLimit, gpio, expanders);
            ports.HomeSwitch = Input(map, pins.HomeSwitch, gpio, expanders);
            ports.FarContact = Input(map, pins.FarContact, gpio, expanders);
        }

        private static void WireLocks(LockSetPorts ports, LockSetPins pins, BoardPinMap map, GpioController gpio, Mcp23s17[] expanders)
        {
            ports.Size(pins.Engage.Length);
            for (int i = 0; i < pins.Engage.Length; i++)
            {
                ports.Engage[i] = Output(pins.Engage[i], gpio, expanders);
                ports.Release[i] = Output(pins.Release[i], gpio, expanders);
                ports.LockedSensor[i] = Input(map, pins.LockedSensor[i], gpio, expanders);
                ports.UnlockedSensor[i] = Input(map, pins.UnlockedSensor[i], gpio, expanders);
            }
        }

        private static void WireConveyor(ConveyorPorts ports, ConveyorPins pins, BoardPinMap map, GpioController gpio, Mcp23s17[] expanders)
        {
            ports.Run = Output(pins.Run, gpio, expanders);
            if (pins.Running != BoardPinMap.NoPin) ports.Running = Input(map, pins.Running, gpio, expanders);
        }

        /// <summary>An input on a native or expander pin, active level from the map.</summary>
        public static IDigitalInput Input(BoardPinMap map, int pin, GpioController gpio, Mcp23s17[] expanders)
        {
            if (BoardPinMap.IsExpanderPin(pin))
            {
                int index = pin - BoardPinMap.ExpanderPinBase;
                return expanders[index / BoardPinMap.ExpanderPinsEach].OpenInput(index % BoardPinMap.ExpanderPinsEach, map.InputsActiveLow);
            }
            return new GpioDigitalInput(gpio, pin, map.InputsActiveLow);
        }

        /// <summary>An output (active high: it drives a transistor or relay driver) on a native or expander pin.</summary>
        public static IDigitalOutput Output(int pin, GpioController gpio, Mcp23s17[] expanders)
        {
            if (BoardPinMap.IsExpanderPin(pin))
            {
                int index = pin - BoardPinMap.ExpanderPinBase;
                return expanders[index / BoardPinMap.ExpanderPinsEach].OpenOutput(index % BoardPinMap.ExpanderPinsEach);
            }
            return new GpioDigitalOutput(gpio, pin, false);
        }
    }
}
