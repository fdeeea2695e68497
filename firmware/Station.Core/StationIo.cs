using Station.Hal;

namespace Station.Core
{
    /// <summary>Every port of the car bay that the core reads or drives, as one port group per device, handed to it by
    /// the device wiring (<c>firmware/Station.Device</c>) or by the simulator. This is the whole contract between plant
    /// and core.</summary>
    /// <remarks>
    /// Bay layout this models (a bottom-swap car bay):
    /// a lift platform (a <see cref="LinearAxisPorts"/>) moves between its home (bottom, the conveyor's transfer
    /// height) and the vehicle's pack; a staging conveyor brings a charged pack from the rack feed point to the staging
    /// point beside the lift; a transfer conveyor runs across the lift platform, so one run moves the depleted pack off
    /// the lift to the rack return point and the staged charged pack onto the lift. Locks hold the pack in the vehicle.
    /// Inputs are "active = true": a limit switch made, a beam clear, a contact closed.
    /// The groups are created with the bay; the wiring fills their ports. See docs/devices.md.
    /// </remarks>
    public sealed class StationIo
    {
        /// <summary>The lift axis.</summary>
        public readonly LinearAxisPorts Lift = new LinearAxisPorts();
        /// <summary>The locks that hold the pack in the vehicle.</summary>
        public readonly LockSetPorts Locks = new LockSetPorts();
        /// <summary>Staging conveyor (rack feed point to staging point).</summary>
        public readonly ConveyorPorts StagingConveyor = new ConveyorPorts();
        /// <summary>Transfer conveyor (staging to lift to rack return point).</summary>
        public readonly ConveyorPorts TransferConveyor = new ConveyorPorts();
        /// <summary>E-stop, light curtain, doors, motion permit and safety relay feedback.</summary>
        public readonly SafetyChainPorts Safety = new SafetyChainPorts();
        /// <summary>Vehicle and pack presence sensors.</summary>
        public readonly BaySensorPorts Sensors = new BaySensorPorts();

        /// <summary>The truck bay's own groups (robot travel and fork, block latches and connectors, overload and
        /// anti-tipping), null on a car bay's board.</summary>
        public TruckPorts Truck;

        /// <summary>Time source.</summary>
        public IClock Clock;
        /// <summary>Persistent storage for the journal and configuration.</summary>
        public IStorage Storage;
        /// <summary>Log sink.</summary>
        public ILog Log;

        /// <summary>Every output of the bay, once <see cref="RegisterOutputs"/> has run (null before).</summary>
        public OutputRegistry Outputs;

        /// <summary>How long a conveyor contactor's auxiliary contact may disagree with its command, ms (pick-up and
        /// drop-out of a motor contactor take tens of ms; this allows for a debounce and one missed tick).</summary>
        public const int ContactorReadBackMs = 300;

        /// <summary>Registers every output of the car bay with its name, safe level, maximum on-time and read-back, and
        /// puts each guard in its port's place, so everything built afterwards writes through the registry. Run again
        /// (a controller rebuilt on the same ports), it registers the raw ports afresh.</summary>
        public OutputRegistry RegisterOutputs(StationConfig config)
        {
            var r = new OutputRegistry();
            // Lift: its moves carry their own deadlines (LiftAxis); the registry keeps it for all-off and the self-test.
            r.RegisterAxis("Lift", Lift);
            // Lock coils: twice the travel time the lock set allows itself (a coil left on burns out or fights the latch).
            r.RegisterLockSet("Locks", Locks, 2 * config.LockTravelMs);
            // Conveyors: twice their run timeout; the contactor's auxiliary contact where it is wired.
            StagingConveyor.Run = r.Register("StagingConveyor.Run", StagingConveyor.Run, false, 2 * config.StagingTimeoutMs,
                StagingConveyor.Running, ContactorReadBackMs);
            TransferConveyor.Run = r.Register("TransferConveyor.Run", TransferConveyor.Run, false, 2 * config.TransferTimeoutMs,
                TransferConveyor.Running, ContactorReadBackMs);
            // The permit stays on through a whole swap; its read-back (the safety relay) is Interlocks' own check.
            Safety.MotionPermit = r.Register("Safety.MotionPermit", Safety.MotionPermit, false, 0, null, 0);
            // The watchdog kick toggles every tick (Interlocks.KickAndSample): a level held longer than a late tick means the
            // toggling stopped while the port stayed on; the relay's own watchdog drops the permit, the registry names it.
            Safety.PermitWatchdogKick = r.Register("Safety.PermitWatchdogKick", Safety.PermitWatchdogKick, false,
                config.TickLateMs, null, 0);
            Outputs = r;
            return r;
        }
    }
}
