using System.Device.Gpio;
using System.Threading;
using Station.Boards;
using Station.Core;
using Station.Core.Can;
using Station.Hal;

namespace Station.Device
{
    /// <summary>The nanoFramework application: checks the board's pin map, opens the adapters, builds the core on
    /// them and runs the control loop. Which board is compiled in is chosen by the project's Board property
    /// (Station.Device.nfproj), which includes that board's BoardWiring.</summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            var log = new DebugLog();
            BoardPinMap map = BoardWiring.PinMap();
            string problem = map.Validate();
            var config = new StationConfig();
            if (problem == null) problem = config.Validate();
            if (problem == null && config.LockCount != map.LockCount)
            {
                problem = "the board wires " + map.LockCount + " locks, the configuration expects " + config.LockCount;
            }
            if (problem != null)
            {
                // Nothing is opened: every output stays at its reset level (off).
                log.Write(LogLevel.Error, "board " + map.Name + ": " + problem + ". The station does not start.");
                Thread.Sleep(Timeout.Infinite);
            }

            var gpio = new GpioController();
            WiredBoard board = BoardWiring.Wire(map, gpio);
            var clock = new DeviceClock();
            board.Io.Clock = clock;
            board.Io.Storage = new FlashStorage(board.StorageFolder, log);
            board.Io.Log = log;

            var controller = new StationController(board.Io, config);
            CommandResult started = controller.Start();
            log.Write(LogLevel.Info, "station " + config.StationId + " on " + map.Name + ": " + started.Message);

            var loop = new ControlLoop(controller, board, clock, log, config.TickMs);
            if (board.CanProblem != null) log.Write(LogLevel.Error, "pack CAN: " + board.CanProblem + "; the BMS gate will refuse releases");
            if (board.PackCan != null)
            {
                // Issue 3: the release gate talks GB/T 27930 to the installed pack; without a CAN port the core keeps its
                // inventory-only check (which says the BMS was not verified).
                var session = new PackSession(board.PackCan, GbT27930Profile.Instance, GbT27930Profile.BmsAddress);
                var check = new BmsPackCheck(session, new BmsCheckConfig(), config.MinSocPct, config.BmsTimeoutMs);
                controller.PackCheck = check;
                loop.PackCheck = check;
            }
            var thread = new Thread(loop.Run);
            thread.Priority = ThreadPriority.Highest;
            thread.Start();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
