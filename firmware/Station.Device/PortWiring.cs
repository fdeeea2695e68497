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
        /// <summary>Wires every digital port of <paramref name="map"/>; the caller sets Lift.Drive and Lift.Encoder.</summary>
        public static WiredBoard Wire(BoardPinMap map, GpioController gpio, Mcp23s17[] expanders, string storageFolder)
        {
            var io = new StationIo();
            io.Lift.DirectionAway = Output(map.Lift.DirectionAway, gpio, expanders);
            io.Lift.Enable = Output(map.Lift.Enable, gpio, expanders);
            io.Lift.BrakeRelease = Output(map.Lift.BrakeRelease, gpio, expanders);
            io.Lift.FarLimit = Input(map, map.Lift.FarLimit, gpio, expanders);
            io.Lift.HomeSwitch = Input(map, map.Lift.HomeSwitch, gpio, expanders);
            io.Lift.FarContact = Input(map, map.Lift.FarContact, gpio, expanders);

            io.Locks.Size(map.LockCount);
            for (int i = 0; i < map.LockCount; i++)
            {
                io.Locks.Engage[i] = Output(map.Locks.Engage[i], gpio, expanders);
                io.Locks.Release[i] = Output(map.Locks.Release[i], gpio, expanders);
                io.Locks.LockedSensor[i] = Input(map, map.Locks.LockedSensor[i], gpio, expanders);
                io.Locks.UnlockedSensor[i] = Input(map, map.Locks.UnlockedSensor[i], gpio, expanders);
            }

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

            var board = new WiredBoard();
            board.Io = io;
            board.Expanders = expanders;
            board.StatusLed = Output(map.StatusLed, gpio, expanders);
            board.StorageFolder = storageFolder;
            for (int i = 0; i < expanders.Length; i++) expanders[i].Configure();
            return board;
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
