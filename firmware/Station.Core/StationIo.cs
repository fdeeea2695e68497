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

        /// <summary>Time source.</summary>
        public IClock Clock;
        /// <summary>Persistent storage for the journal and configuration.</summary>
        public IStorage Storage;
        /// <summary>Log sink.</summary>
        public ILog Log;
    }
}
