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
        /// <summary>Wires every digital port of <paramref name="map"/>; the caller sets LiftDrive and LiftEncoder.</summary>
        public static WiredBoard Wire(BoardPinMap map, GpioController gpio, Mcp23s17[] expanders, string storageFolder)
        {
            var io = new StationIo();
            io.LiftDirectionUp = Output(map.LiftDirectionUp, gpio, expanders);
            io.LiftEnable = Output(map.LiftEnable, gpio, expanders);
            io.LiftBrakeRelease = Output(map.LiftBrakeRelease, gpio, expanders);
            io.LiftTopLimit = Input(map, map.LiftTopLimit, gpio, expanders);
            io.LiftHomeLimit = Input(map, map.LiftHomeLimit, gpio, expanders);
            io.LiftPackContact = Input(map, map.LiftPackContact, gpio, expanders);

            io.LockEngage = new IDigitalOutput[map.LockCount];
            io.LockRelease = new IDigitalOutput[map.LockCount];
            io.LockLockedSensor = new IDigitalInput[map.LockCount];
            io.LockUnlockedSensor = new IDigitalInput[map.LockCount];
            for (int i = 0; i < map.LockCount; i++)
            {
                io.LockEngage[i] = Output(map.LockEngage[i], gpio, expanders);
                io.LockRelease[i] = Output(map.LockRelease[i], gpio, expanders);
                io.LockLockedSensor[i] = Input(map, map.LockLockedSensor[i], gpio, expanders);
                io.LockUnlockedSensor[i] = Input(map, map.LockUnlockedSensor[i], gpio, expanders);
            }

            io.StagingConveyorRun = Output(map.StagingConveyorRun, gpio, expanders);
            io.PackAtStaging = Input(map, map.PackAtStaging, gpio, expanders);
            io.TransferConveyorRun = Output(map.TransferConveyorRun, gpio, expanders);
            io.PackOnLift = Input(map, map.PackOnLift, gpio, expanders);
            io.PackAtReturn = Input(map, map.PackAtReturn, gpio, expanders);

            io.EStopReleased = Input(map, map.EStopReleased, gpio, expanders);
            io.LightCurtainClear = Input(map, map.LightCurtainClear, gpio, expanders);
            io.DoorsClosed = Input(map, map.DoorsClosed, gpio, expanders);
            io.VehiclePositioned = Input(map, map.VehiclePositioned, gpio, expanders);
            io.SafetyRelayOk = Input(map, map.SafetyRelayOk, gpio, expanders);
            io.MotionPermit = Output(map.MotionPermit, gpio, expanders);
            io.PermitWatchdogKick = Output(map.PermitWatchdogKick, gpio, expanders);

            var board = new WiredBoard();
            board.Io = io;
            board.Expanders = expanders;
            board.StatusLed = Output(map.StatusLed, gpio, expanders);
            board.StorageFolder = storageFolder;
            for (int i = 0; i < expanders.Length; i++) expanders[i].Configure();
            return board;
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
