using System.Device.Gpio;
using System.Threading;
using Station.Boards;
using Station.Core;
using Station.Core.Can;
using Station.Core.Cloud;
using Station.Core.Config;
using Station.Core.Console;
using Station.Hal;
using Station.Hal.Nano;

namespace Station.Device
{
    /// <summary>The nanoFramework application: checks the board's pin map, runs the loader (which may hand over to a
    /// signed update image from the SD card), opens the adapters, builds the core on them and runs the control loop.
    /// Which board is compiled in is chosen by the project's Board property (Station.Device.nfproj), which includes that
    /// board's BoardWiring.</summary>
    public static class Program
    {
        /// <summary>Entry point of the image deployed with the board: the loader first, then this image's station.</summary>
        public static void Main()
        {
            Run(true);
        }

        /// <summary>Entry point of an update image the loader loaded (<see cref="AssemblyImageLoader"/>): this start is
        /// already counted and chosen, so the station starts at once.</summary>
        public static void RunLoaded()
        {
            Run(false);
        }

        static void Run(bool asLoader)
        {
            var log = new DebugLog();
            BoardPinMap map = BoardWiring.PinMap();
            string problem = map.Validate();
            var config = new StationConfig();
            // The board decides the kind of bay by its wiring: its profile is the default, and a stored configuration
            // naming another is not used (below).
            config.BayProfile = map.BayProfile;
            if (problem == null) problem = config.Validate();
            if (problem == null) problem = map.CheckProfile(config.BayProfile, config.LockCount);
            if (problem != null)
            {
                // Nothing is opened: every output stays at its reset level (off).
                log.Write(LogLevel.Error, "board " + map.Name + ": " + problem + ". The station does not start.");
                Thread.Sleep(Timeout.Infinite);
            }

            var gpio = new GpioController();
            // The image store on the card, beside the running image (that one is in the deployment flash and is never
            // written); then the loader, before anything else is opened, so a loaded image wires the board itself.
            string imageFolder = BoardWiring.ImageFolder(map, gpio, log);
            IStorage images = imageFolder != null ? new FlashStorage(imageFolder, log) : null;
            if (asLoader && images != null) DeviceLoader.RunChosenImage(images, new FlashStorage(BoardWiring.StationFolder, log), map.Name, log);
            WiredBoard board = BoardWiring.Wire(map, gpio, log);
            var clock = new DeviceClock();
            board.Io.Clock = clock;
            board.Io.Storage = new FlashStorage(board.StorageFolder, log);
            // The console's log ring keeps the last lines for 'log tail' and passes everything on to the debug log.
            var logRing = new LogRing(64, clock, log);
            board.Io.Log = logRing;

            // The stored configuration (console 'config save'), mapped onto the core's figures; a stored set the core
            // refuses, or one for another lock count than the board wires, is not used.
            var settings = new ConfigValues();
            var settingsFile = new ConfigFile(board.Io.Storage);
            logRing.Write(LogLevel.Info, settingsFile.Load(settings));
            StationConfig stored = ConfigMapping.ToStationConfig(settings, config);
            string storedProblem = stored.Validate();
            if (storedProblem == null) storedProblem = map.CheckProfile(stored.BayProfile, stored.LockCount);
            if (storedProblem == null)
            {
                config = stored;
            }
            else
            {
                logRing.Write(LogLevel.Error, "stored configuration not used: " + storedProblem + "; built-in defaults apply");
                ConfigMapping.FromStationConfig(config, settings);
            }

            // The truck bay profile lives in its own assembly: registered so bay.profile truck can be chosen (the boards
            // in boards/ wire the car bay; a truck board fills StationIo.Truck).
            Station.Core.Swap.Truck.TruckBayProfile.Register();
            var controller = new StationController(board.Io, config);
            // The board wiring against the output registry: every output the core drives must have a pin on this board.
            OutputRegistry outputs = controller.Outputs;
            for (int i = 0; i < outputs.Count; i++)
            {
                if (map.PinOf(outputs.At(i).Name) == BoardPinMap.NoPin)
                {
                    outputs.AllOff();
                    log.Write(LogLevel.Error, "board " + map.Name + ": output " + outputs.At(i).Name + " has no pin. The station does not start.");
                    Thread.Sleep(Timeout.Infinite);
                }
            }
            // The watchdog is armed before Start so its reset reason is journaled there; the control loop feeds it
            // through the controller at the end of every tick that completed. 2 s: 200 periods of 10 ms, longer than
            // any tick measured (docs/device.md), short enough that a stuck loop leaves outputs to the restart quickly.
            var watchdog = new LoopWatchdog(clock, board);
            controller.Watchdog = watchdog;
            CommandResult started = controller.Start();
            if (!watchdog.Start(2000)) logRing.Write(LogLevel.Error, "watchdog not armed");
            logRing.Write(LogLevel.Info, "station " + config.StationId + " on " + map.Name + ": " + started.Message);

            var loop = new ControlLoop(controller, board, clock, logRing, config.TickMs);
            if (board.CanProblem != null) logRing.Write(LogLevel.Error, "pack CAN: " + board.CanProblem + "; the BMS gate will refuse releases");
            if (board.PackCan != null)
            {
                // The release gate talks GB/T 27930 to the installed pack; without a CAN port the core keeps its
                // inventory-only check (which says the BMS was not verified).
                var session = new PackSession(board.PackCan, GbT27930Profile.Instance, GbT27930Profile.BmsAddress);
                var check = new BmsPackCheck(session, BmsCheckConfig.From(settings), config.MinSocPct, config.BmsTimeoutMs);
                controller.PackCheck = check; // the sequencer polls it every tick from Begin on
            }
            // A truck bay: one GB/T session per block position on that block's own CAN segment, installed as the
            // position's release check (docs/truck-bay.md, "Each block's BMS"); without it a block is not BMS-verified.
            var truck = controller.Sequencer.Profile as Station.Core.Swap.Truck.TruckBayProfile;
            if (truck != null && board.BlockCan != null)
            {
                BmsCheckConfig blockChecks = BmsCheckConfig.From(settings);
                for (int p = 1; p <= board.BlockCan.Length; p++)
                {
                    if (board.BlockCan[p - 1] == null) continue;
                    var blockSession = new PackSession(board.BlockCan[p - 1], GbT27930Profile.Instance, GbT27930Profile.BmsAddress);
                    var blockCheck = new BmsPackCheck(blockSession, blockChecks, config.MinSocPct, config.BmsTimeoutMs);
                    blockCheck.Position = p;
                    truck.BlockGate.SetCheck(p, blockCheck);
                }
            }
            // Technician console on the board's console UART (pins routed by the board wiring), 115200 8N1.
            var console = new StationConsole(new SerialConsoleLine(map.ConsolePort),
                new ControllerConsoleStation(controller, board.Io), settings, settingsFile, clock, logRing);
            // Every console command goes to the audit journal in flash (and, through the same event, to the cloud).
            var audit = new AuditJournal(board.Io.Storage, clock);
            console.Audit += audit.Record;

            // The cloud link, from the stored mqtt.* keys and the files provisioned beside them (docs/cloud.md,
            // "Provisioning a station"). Missing or bad provisioning leaves the station offline with the reason logged.
            // Its outbox must hold 7 days offline at 800 swaps a day (docs/cloud.md, "Sizing"): StorageLayout puts it on
            // the SD card with the default 64 MiB when the card mounted, else in internal flash at 2 × 64 KiB — and then
            // says so at boot, in telemetry and in every refused swap. Records left in a flash outbox by a boot without
            // the card are sent from there first.
            var linkDefaults = new CloudLinkConfig();
            bool separateCard = board.OutboxCardFolder != board.StorageFolder;
            int flashPending = board.OutboxCardSlot && separateCard ? StorageLayout.PendingIn(board.Io.Storage, linkDefaults) : 0;
            StorageLayout layout = StorageLayout.Decide(board.OutboxCardSlot, board.OutboxCardFolder != null, board.OutboxCardProblem,
                flashPending, linkDefaults.OutboxMaxSegments, linkDefaults.OutboxSegmentBytes);
            IStorage outboxStorage = board.Io.Storage;
            if (layout.OutboxOnCard && separateCard) outboxStorage = new FlashStorage(board.OutboxCardFolder, logRing);
            logRing.Write(layout.Warning != null ? LogLevel.Error : LogLevel.Info, layout.Summary);

            bool esp32 = map.Chip == BoardChip.Esp32;
            CloudProvision provision = CloudProvisioning.Load(settings, board.Io.Storage, esp32);
            DeviceCloud cloud = DeviceCloud.Start(provision, esp32, layout, outboxStorage,
                controller, settings, settingsFile, clock, logRing);
            // The update agent (offers, chunks and verification over the cloud link, probation of a trial image).
            DeviceUpdate update = DeviceUpdate.Start(images, board.Io.Storage, map.Name, controller, board, clock, logRing, started.Accepted);
            if (cloud != null)
            {
                if (update != null) update.Attach(cloud.Link);
                console.Audit += cloud.Station.AuditConsole;
                console.SetCloudReport(cloud.Link.Describe); // link and outbox state in 'status'
                loop.Cloud = cloud.Link;
            }

            console.Start();
            loop.TechnicianConsole = console;
            var thread = new Thread(loop.Run);
            thread.Priority = ThreadPriority.Highest;
            thread.Start();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
