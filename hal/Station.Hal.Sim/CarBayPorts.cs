using System;
using Station.Core;

namespace Station.Hal.Sim
{
    /// <summary>The car bay's simulated ports, each made in the bay's <see cref="PlantPorts"/> under its StationIo field
    /// name (locks as "LockEngage[i]"…), and their wiring into the port groups the core reads.</summary>
    public sealed class CarBayPorts
    {
        /// <summary>The lift drive's speed reference.</summary>
        public readonly SimPwm LiftDrive;
        /// <summary>Lift direction output.</summary>
        public readonly SimOutput LiftDirectionUp;
        /// <summary>Lift drive enable output.</summary>
        public readonly SimOutput LiftEnable;
        /// <summary>Lift brake release output.</summary>
        public readonly SimOutput LiftBrakeRelease;
        /// <summary>Lift encoder.</summary>
        public readonly SimEncoder Encoder;
        /// <summary>Top limit switch.</summary>
        public readonly SimInput LiftTopLimit;
        /// <summary>Home (bottom) limit switch.</summary>
        public readonly SimInput LiftHomeLimit;
        /// <summary>Per lock: engage output.</summary>
        public readonly SimOutput[] LockEngage;
        /// <summary>Per lock: release output.</summary>
        public readonly SimOutput[] LockRelease;
        /// <summary>Per lock: locked sensor.</summary>
        public readonly SimInput[] LockLocked;
        /// <summary>Per lock: unlocked sensor.</summary>
        public readonly SimInput[] LockUnlocked;
        /// <summary>Staging conveyor motor.</summary>
        public readonly SimOutput StagingConveyorRun;
        /// <summary>Staging conveyor contactor's auxiliary contact (read-back).</summary>
        public readonly SimInput StagingConveyorRunning;
        /// <summary>Transfer conveyor contactor's auxiliary contact (read-back).</summary>
        public readonly SimInput TransferConveyorRunning;
        /// <summary>Pack at the staging point.</summary>
        public readonly SimInput PackAtStaging;
        /// <summary>Transfer conveyor motor.</summary>
        public readonly SimOutput TransferConveyorRun;
        /// <summary>Pack on the lift platform.</summary>
        public readonly SimInput PackOnLift;
        /// <summary>Pack at the return point.</summary>
        public readonly SimInput PackAtReturn;
        /// <summary>E-stop circuit released.</summary>
        public readonly SimInput EStopReleased;
        /// <summary>Light curtain clear.</summary>
        public readonly SimInput LightCurtainClear;
        /// <summary>Doors closed.</summary>
        public readonly SimInput DoorsClosed;
        /// <summary>Vehicle at the swap position.</summary>
        public readonly SimInput VehiclePositioned;
        /// <summary>Safety relay feedback.</summary>
        public readonly SimInput SafetyRelayOk;
        /// <summary>Motion permit request output.</summary>
        public readonly SimOutput MotionPermit;
        /// <summary>The safety relay's permit watchdog input (<see cref="PlantParameters.PermitWatchdogMs"/>).</summary>
        public readonly SimOutput PermitWatchdogKick;
        /// <summary>The platform's pack-contact sensor.</summary>
        public readonly SimInput LiftPackContact;

        private readonly PlantPorts _ports;

        /// <summary>Makes every port of a car bay with <paramref name="p"/>'s figures in <paramref name="ports"/>; the
        /// encoder counts <paramref name="liftPositionMm"/>.</summary>
        public CarBayPorts(PlantParameters p, PlantPorts ports, SimClock clock, Func<double> liftPositionMm)
        {
            _ports = ports;
            LiftDrive = new SimPwm("LiftDrive", p.LiftPwmHz);
            LiftDirectionUp = Out("LiftDirectionUp");
            LiftEnable = Out("LiftEnable");
            LiftBrakeRelease = Out("LiftBrakeRelease");
            Encoder = new SimEncoder(liftPositionMm, p.EncoderCountsPerMm, clock);
            LiftTopLimit = In("LiftTopLimit");
            LiftHomeLimit = In("LiftHomeLimit");
            LiftPackContact = In("LiftPackContact");
            StagingConveyorRun = Out("StagingConveyorRun");
            PackAtStaging = In("PackAtStaging");
            TransferConveyorRun = Out("TransferConveyorRun");
            PackOnLift = In("PackOnLift");
            PackAtReturn = In("PackAtReturn");
            EStopReleased = In("EStopReleased");
            LightCurtainClear = In("LightCurtainClear");
            DoorsClosed = In("DoorsClosed");
            VehiclePositioned = In("VehiclePositioned");
            SafetyRelayOk = In("SafetyRelayOk");
            MotionPermit = Out("MotionPermit");
            // Not an actuator (kept out of Outputs): it toggles every tick by design.
            PermitWatchdogKick = new SimOutput("PermitWatchdogKick");
            StagingConveyorRunning = In("StagingConveyorRunning");
            TransferConveyorRunning = In("TransferConveyorRunning");
            LockEngage = new SimOutput[p.LockCount];
            LockRelease = new SimOutput[p.LockCount];
            LockLocked = new SimInput[p.LockCount];
            LockUnlocked = new SimInput[p.LockCount];
            for (int i = 0; i < p.LockCount; i++)
            {
                LockEngage[i] = Out($"LockEngage[{i}]");
                LockRelease[i] = Out($"LockRelease[{i}]");
                LockLocked[i] = In($"LockLocked[{i}]");
                LockUnlocked[i] = In($"LockUnlocked[{i}]");
            }
        }

        /// <summary>The car bay's port groups over these ports; the core reads the lift's counter through
        /// <paramref name="encoder"/> (the injectable signal path).</summary>
        public StationIo Wire(SimClock clock, MemoryStorage storage, SimLog log, EncoderFaults encoder)
        {
            var io = new StationIo { Clock = clock, Storage = storage, Log = log };
            WireShared(io, encoder);
            io.Sensors.VehiclePositioned = VehiclePositioned;
            io.Locks.Size(LockEngage.Length);
            for (int i = 0; i < LockEngage.Length; i++)
            {
                io.Locks.Engage[i] = LockEngage[i];
                io.Locks.Release[i] = LockRelease[i];
                io.Locks.LockedSensor[i] = LockLocked[i];
                io.Locks.UnlockedSensor[i] = LockUnlocked[i];
            }
            return io;
        }

        /// <summary>Wires into <paramref name="io"/> the devices another bay builds on this plant (the truck bay: the lift
        /// is its robot's height axis, the staging and transfer conveyors its shuttle and exchange rollers): the lift,
        /// both conveyors, the three pack sensors and the safety chain. Not the locks nor the vehicle sensor: those are
        /// the car's.</summary>
        public void WireShared(StationIo io, EncoderFaults encoder)
        {
            io.Lift.Drive = LiftDrive;
            io.Lift.DirectionAway = LiftDirectionUp;
            io.Lift.Enable = LiftEnable;
            io.Lift.BrakeRelease = LiftBrakeRelease;
            io.Lift.Encoder = encoder;
            io.Lift.FarLimit = LiftTopLimit;
            io.Lift.HomeSwitch = LiftHomeLimit;
            io.Lift.FarContact = LiftPackContact;
            io.StagingConveyor.Run = StagingConveyorRun;
            io.StagingConveyor.Running = StagingConveyorRunning;
            io.TransferConveyor.Run = TransferConveyorRun;
            io.TransferConveyor.Running = TransferConveyorRunning;
            io.Sensors.PackAtStaging = PackAtStaging;
            io.Sensors.PackOnLift = PackOnLift;
            io.Sensors.PackAtReturn = PackAtReturn;
            io.Safety.EStopReleased = EStopReleased;
            io.Safety.LightCurtainClear = LightCurtainClear;
            io.Safety.DoorsClosed = DoorsClosed;
            io.Safety.RelayFeedback = SafetyRelayOk;
            io.Safety.MotionPermit = MotionPermit;
            io.Safety.PermitWatchdogKick = PermitWatchdogKick;
        }

        private SimInput In(string name) => _ports.In(name);

        private SimOutput Out(string name) => _ports.Out(name);
    }
}
