using Station.Hal;

namespace Station.Core
{
    /// <summary>Every port of one swap bay that the core reads or drives, handed to it by the device wiring
    /// (<c>firmware/Station.Device</c>) or by the simulator. This is the whole contract between plant and core.</summary>
    /// <remarks>
    /// Bay layout this models (a bottom-swap car bay):
    /// a lift platform moves between its home (bottom, the conveyor's transfer height) and the vehicle's pack;
    /// a staging conveyor brings a charged pack from the rack feed point to the staging point beside the lift;
    /// a transfer conveyor runs across the lift platform, so one run moves the depleted pack off the lift to the
    /// rack return point and the staged charged pack onto the lift. Locks hold the pack in the vehicle.
    /// Inputs are "active = true": a limit switch made, a beam clear, a contact closed.
    /// </remarks>
    public sealed class StationIo
    {
        /// <summary>Lift drive speed reference (duty 0..1 of maximum speed).</summary>
        public IPwmOutput LiftDrive;
        /// <summary>Lift direction: true = up (away from home).</summary>
        public IDigitalOutput LiftDirectionUp;
        /// <summary>Lift drive enable (released only while a move is commanded).</summary>
        public IDigitalOutput LiftEnable;
        /// <summary>Lift holding brake: true = brake released (the brake holds when unpowered).</summary>
        public IDigitalOutput LiftBrakeRelease;
        /// <summary>Lift encoder, counts increase going up.</summary>
        public IPositionInput LiftEncoder;
        /// <summary>Top overtravel limit switch.</summary>
        public IDigitalInput LiftTopLimit;
        /// <summary>Bottom limit switch, also the home reference.</summary>
        public IDigitalInput LiftHomeLimit;
        /// <summary>Pack-contact sensor on the lift platform: made while the platform (or the pack it carries) touches the
        /// vehicle's pack or pack bay. Second position channel near contact, beside the encoder.</summary>
        public IDigitalInput LiftPackContact;

        /// <summary>Per lock: energise to drive the lock towards locked.</summary>
        public IDigitalOutput[] LockEngage;
        /// <summary>Per lock: energise to drive the lock towards unlocked.</summary>
        public IDigitalOutput[] LockRelease;
        /// <summary>Per lock: sensor that reads the locked end position.</summary>
        public IDigitalInput[] LockLockedSensor;
        /// <summary>Per lock: sensor that reads the unlocked end position.</summary>
        public IDigitalInput[] LockUnlockedSensor;

        /// <summary>Staging conveyor motor (rack feed point to staging point).</summary>
        public IDigitalOutput StagingConveyorRun;
        /// <summary>A pack sits at the staging point.</summary>
        public IDigitalInput PackAtStaging;
        /// <summary>Transfer conveyor motor (staging to lift to rack return point).</summary>
        public IDigitalOutput TransferConveyorRun;
        /// <summary>A pack sits on the lift platform.</summary>
        public IDigitalInput PackOnLift;
        /// <summary>A pack sits at the rack return point.</summary>
        public IDigitalInput PackAtReturn;

        /// <summary>Emergency stop circuit is released (true = no e-stop pressed).</summary>
        public IDigitalInput EStopReleased;
        /// <summary>Bay light curtain beams are clear.</summary>
        public IDigitalInput LightCurtainClear;
        /// <summary>Bay doors are closed.</summary>
        public IDigitalInput DoorsClosed;
        /// <summary>A vehicle stands in the bay at the swap position.</summary>
        public IDigitalInput VehiclePositioned;
        /// <summary>Safety relay / safe-torque-off feedback: true = the relay is energised and drives may run.</summary>
        public IDigitalInput SafetyRelayOk;
        /// <summary>Request to the safety relay to permit motion (the relay decides; the firmware reads it back).</summary>
        public IDigitalOutput MotionPermit;
        /// <summary>Toggled once every control tick: the safety relay's permit watchdog (a retriggerable timer in series
        /// with MotionPermit) drops the permit when it stops toggling, so a control loop that stalls cannot leave a drive
        /// running on its last command.</summary>
        public IDigitalOutput PermitWatchdogKick;

        /// <summary>Time source.</summary>
        public IClock Clock;
        /// <summary>Persistent storage for the journal and configuration.</summary>
        public IStorage Storage;
        /// <summary>Log sink.</summary>
        public ILog Log;
    }
}
