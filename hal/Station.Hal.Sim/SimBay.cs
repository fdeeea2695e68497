using System;
using System.Collections.Generic;
using Station.Core;

namespace Station.Hal.Sim
{
    /// <summary>The simulated swap bay: a plant model behind every port of <see cref="StationIo"/>.</summary>
    /// <remarks>
    /// The simulator advances <see cref="SimClock"/> by one control tick, calls <see cref="Step"/> (physics, rack handler,
    /// vehicle, scheduled faults) and then the controller's Tick. The plant also models the hard-wired safety chain:
    /// the safety relay only energises when the motion permit is requested and the e-stop, light curtain and doors are
    /// healthy, and without it no drive, conveyor or lock tool has power — as on a real bay, independent of firmware.
    /// Physics is split by concern: SimBay.Lift.cs, SimBay.Locks.cs, SimBay.Conveyors.cs, SimBay.Faults.cs.
    /// </remarks>
    public sealed partial class SimBay
    {
        private readonly List<SimPack> _packs = new List<SimPack>();
        private readonly List<PlantHazard> _hazards = new List<PlantHazard>();
        private readonly List<SimInput> _inputs = new List<SimInput>();
        private readonly List<SimOutput> _outputs = new List<SimOutput>();
        private readonly List<SimVehicle> _departed = new List<SimVehicle>();

        /// <summary>A bay with parameters <paramref name="p"/> (validated), a rack filled with charged packs, no vehicle,
        /// the lift at home and the locks locked.</summary>
        public SimBay(PlantParameters p, SimClock clock, MemoryStorage storage)
        {
            if (p == null) throw new ArgumentNullException(nameof(p));
            p.Validate();
            Parameters = p;
            Clock = clock ?? throw new ArgumentNullException(nameof(clock));
            Storage = storage ?? throw new ArgumentNullException(nameof(storage));
            Log = new SimLog(clock);
            Rack = new Rack(this, p);

            LiftDrive = new SimPwm("LiftDrive", p.LiftPwmHz);
            LiftDirectionUp = Out("LiftDirectionUp");
            LiftEnable = Out("LiftEnable");
            LiftBrakeRelease = Out("LiftBrakeRelease");
            Encoder = new SimEncoder(() => LiftPositionMm, p.EncoderCountsPerMm, clock);
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
            LiftAxis = new SimLinearAxis(p, LiftDrive, LiftDirectionUp, LiftEnable, LiftBrakeRelease, LiftHomeLimit, LiftTopLimit, LiftPackContact,
                Hazard, m => Log.Write(LogLevel.Debug, m));
            SafetyChain = new SimSafetyChain(EStopReleased, LightCurtainClear, DoorsClosed, SafetyRelayOk, MotionPermit, PermitWatchdogKick,
                p.SafetyRelayPickupMs, p.PermitWatchdogMs);
            LockSet = new SimLockSet(LockEngage, LockRelease, LockLocked, LockUnlocked, p.LockTravelMs, p.LockJamFraction);
            StagingDrive = new SimConveyorDrive(StagingConveyorRun, StagingConveyorRunning);
            TransferDrive = new SimConveyorDrive(TransferConveyorRun, TransferConveyorRunning);
            // The core reads the counter through the injectable signal path (slip, offset, scale, wrap).
            EncoderPath = new EncoderFaults(Encoder);
            Io = WireIo();

            PackStandard[] standards = RackStandardsOf(p.RackStandards);
            for (int i = 0; i < p.RackPacks; i++)
                Rack.Place(i, new SimPack($"PK{i + 1:0000}", p.RackInitialSocPct, p.PackType) { Standard = standards[i % standards.Length] });
            UpdateSensors();
        }

        // PlantParameters.RackStandards as standards (a figure from a scenario file: an unknown name is refused clearly).
        private static PackStandard[] RackStandardsOf(string names)
        {
            if (string.IsNullOrWhiteSpace(names)) return new[] { PackStandard.Unspecified };
            string[] parts = names.Split(',');
            var standards = new PackStandard[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                int code = PackStandards.CodeOf(parts[i]);
                if (code < 0) throw new ArgumentException($"RackStandards: \"{parts[i].Trim()}\" is not a pack standard (known: {string.Join(", ", PackStandards.Names())})");
                standards[i] = (PackStandard)code;
            }
            return standards;
        }

        /// <summary>The figures this bay was built with.</summary>
        public PlantParameters Parameters { get; }
        /// <summary>Simulated time.</summary>
        public SimClock Clock { get; }
        /// <summary>The storage handed to the core (kept across a simulated power loss).</summary>
        public MemoryStorage Storage { get; }
        /// <summary>The log handed to the core.</summary>
        public SimLog Log { get; }
        /// <summary>The port bundle to hand to a StationController.</summary>
        public StationIo Io { get; }
        /// <summary>The rack and its handler.</summary>
        public Rack Rack { get; }
        /// <summary>The safety chain device (e-stop, curtain, doors, safety relay).</summary>
        public SimSafetyChain SafetyChain { get; }
        /// <summary>The pack locks device.</summary>
        public SimLockSet LockSet { get; }
        /// <summary>The staging conveyor's drive.</summary>
        public SimConveyorDrive StagingDrive { get; }
        /// <summary>The transfer conveyor's drive.</summary>
        public SimConveyorDrive TransferDrive { get; }

        /// <summary>The lift drive's speed reference.</summary>
        public SimPwm LiftDrive { get; }
        /// <summary>Lift direction output.</summary>
        public SimOutput LiftDirectionUp { get; }
        /// <summary>Lift drive enable output.</summary>
        public SimOutput LiftEnable { get; }
        /// <summary>Lift brake release output.</summary>
        public SimOutput LiftBrakeRelease { get; }
        /// <summary>Lift encoder.</summary>
        public SimEncoder Encoder { get; }
        /// <summary>What the core reads of the encoder: the counter behind injectable signal faults.</summary>
        public EncoderFaults EncoderPath { get; }
        /// <summary>Top limit switch.</summary>
        public SimInput LiftTopLimit { get; }
        /// <summary>Home (bottom) limit switch.</summary>
        public SimInput LiftHomeLimit { get; }
        /// <summary>Per lock: engage output.</summary>
        public SimOutput[] LockEngage { get; }
        /// <summary>Per lock: release output.</summary>
        public SimOutput[] LockRelease { get; }
        /// <summary>Per lock: locked sensor.</summary>
        public SimInput[] LockLocked { get; }
        /// <summary>Per lock: unlocked sensor.</summary>
        public SimInput[] LockUnlocked { get; }
        /// <summary>Staging conveyor motor.</summary>
        public SimOutput StagingConveyorRun { get; }
        /// <summary>Staging conveyor contactor's auxiliary contact (read-back).</summary>
        public SimInput StagingConveyorRunning { get; }
        /// <summary>Transfer conveyor contactor's auxiliary contact (read-back).</summary>
        public SimInput TransferConveyorRunning { get; }
        /// <summary>Pack at the staging point.</summary>
        public SimInput PackAtStaging { get; }
        /// <summary>Transfer conveyor motor.</summary>
        public SimOutput TransferConveyorRun { get; }
        /// <summary>Pack on the lift platform.</summary>
        public SimInput PackOnLift { get; }
        /// <summary>Pack at the return point.</summary>
        public SimInput PackAtReturn { get; }
        /// <summary>E-stop circuit released.</summary>
        public SimInput EStopReleased { get; }
        /// <summary>Light curtain clear.</summary>
        public SimInput LightCurtainClear { get; }
        /// <summary>Doors closed.</summary>
        public SimInput DoorsClosed { get; }
        /// <summary>Vehicle at the swap position.</summary>
        public SimInput VehiclePositioned { get; }
        /// <summary>Safety relay feedback.</summary>
        public SimInput SafetyRelayOk { get; }
        /// <summary>Motion permit request output.</summary>
        public SimOutput MotionPermit { get; }
        /// <summary>The safety relay's permit watchdog input (<see cref="PlantParameters.PermitWatchdogMs"/>).</summary>
        public SimOutput PermitWatchdogKick { get; }
        /// <summary>The platform's pack-contact sensor.</summary>
        public SimInput LiftPackContact { get; }
        /// <summary>True while the permit watchdog has seen the controller toggle its input recently.</summary>
        public bool PermitWatchdogAlive => SafetyChain.WatchdogAlive;

        /// <summary>Every input, by its StationIo name.</summary>
        public IReadOnlyList<SimInput> Inputs => _inputs;
        /// <summary>Every digital output, by its StationIo name.</summary>
        public IReadOnlyList<SimOutput> Outputs => _outputs;
        /// <summary>Every pack the bay has seen (rack packs and those vehicles brought).</summary>
        public IReadOnlyList<SimPack> Packs => _packs;
        /// <summary>Hazards seen so far (empty on a correct run).</summary>
        public IReadOnlyList<PlantHazard> Hazards => _hazards;
        /// <summary>Vehicles that have left, in order.</summary>
        public IReadOnlyList<SimVehicle> DepartedVehicles => _departed;

        /// <summary>The vehicle in the bay (arriving, positioned or leaving), or null.</summary>
        public SimVehicle Vehicle { get; private set; }
        /// <summary>True while the safety relay is energised (drives have power).</summary>
        public bool SafetyRelayEnergised => SafetyChain.Energised;
        /// <summary>True between <see cref="PowerLoss"/> and <see cref="PowerRestore"/>.</summary>
        public bool PowerIsOff { get; private set; }

        /// <summary>The input called <paramref name="name"/> (StationIo field name, locks as "LockLocked[i]"/"LockUnlocked[i]"), or null.</summary>
        public SimInput Input(string name)
        {
            foreach (var i in _inputs) if (string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)) return i;
            return null;
        }

        /// <summary>The output called <paramref name="name"/>, or null.</summary>
        public SimOutput Output(string name)
        {
            foreach (var o in _outputs) if (string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)) return o;
            return null;
        }

        /// <summary>Advances the plant by <paramref name="ms"/> of simulated time (the clock has already been advanced).</summary>
        public void Step(int ms)
        {
            if (ms < 0) throw new ArgumentOutOfRangeException(nameof(ms));
            RunScheduled();
            SafetyChain.Step(ms, !PowerIsOff);
            StepLift(ms);
            StepLocks(ms);
            ExchangePackWithVehicle();
            StepConveyors(ms);
            Rack.Step(ms);
            StepVehicle(ms);
            CheckMovingVehicle();
            UpdateSensors();
        }

        /// <summary>A vehicle drives in with a pack of its own (serial <paramref name="packSerial"/>, default "V-" + id).
        /// It is positioned after <see cref="PlantParameters.VehicleArriveMs"/>. Its pack arrives locked.</summary>
        public SimVehicle ArriveVehicle(string id, string packSerial = null, double socPct = -1)
        {
            if (Vehicle != null) throw new InvalidOperationException("a vehicle is already in the bay");
            if (!LiftAligned) Hazard("vehicle drove in over a raised lift");
            var pack = new SimPack(packSerial ?? "V-" + id, socPct < 0 ? Parameters.VehiclePackSocPct : socPct, Parameters.PackType);
            pack.Place = SimPackPlace.Vehicle;
            Register(pack);
            Vehicle = new SimVehicle(id, pack) { ArrivedWith = pack, State = VehicleState.Arriving, RemainingMs = Parameters.VehicleArriveMs };
            LockSet.LockAll();
            if (Parameters.VehicleArriveMs == 0) { Vehicle.State = VehicleState.Positioned; Vehicle.PositionedAtMs = Clock.NowMs; }
            UpdateSensors();
            return Vehicle;
        }

        /// <summary>The positioned vehicle drives off (the station released it). Hazards are recorded when the lift is
        /// not home, the pack is not fully locked or the vehicle has no pack.</summary>
        public void DepartVehicle()
        {
            if (Vehicle == null || Vehicle.State != VehicleState.Positioned)
                throw new InvalidOperationException("no positioned vehicle to leave");
            Leave();
        }

        private void Leave()
        {
            if (!LiftAligned) Hazard("vehicle drove off with the lift raised");
            if (Vehicle.Pack == null) Hazard("vehicle drove off without a pack");
            else if (!AllLocksLocked) Hazard("vehicle drove off with its pack not fully locked");
            Vehicle.State = VehicleState.Departing;
            Vehicle.DepartedAtMs = Clock.NowMs;
            Vehicle.RemainingMs = Parameters.VehicleDepartMs;
            UpdateSensors();
        }

        /// <summary>The pack a BMS link would talk to: the pack held in (or docked to) the vehicle, or null.</summary>
        public SimPack PackAtVehicle => Vehicle?.Pack;

        internal void Register(SimPack pack)
        {
            if (!_packs.Contains(pack)) _packs.Add(pack);
        }

        internal void Hazard(string what)
        {
            _hazards.Add(new PlantHazard(Clock.NowMs, what));
            Log.Write(LogLevel.Warning, "PLANT HAZARD: " + what);
        }

        private void StepVehicle(int ms)
        {
            if (Vehicle == null) return;
            if (Vehicle.State == VehicleState.Arriving)
            {
                Vehicle.RemainingMs -= ms;
                if (Vehicle.RemainingMs <= 0) { Vehicle.State = VehicleState.Positioned; Vehicle.PositionedAtMs = Clock.NowMs; }
            }
            else if (Vehicle.State == VehicleState.Departing)
            {
                Vehicle.RemainingMs -= ms;
                if (Vehicle.RemainingMs <= 0)
                {
                    if (Vehicle.Pack != null) Vehicle.Pack.Place = SimPackPlace.Departed;
                    Vehicle.State = VehicleState.Absent;
                    _departed.Add(Vehicle);
                    Vehicle = null;
                }
            }
        }

        private void UpdateSensors()
        {
            LiftAxis.UpdateSensors(VehicleCeilingPresent && AtContact);
            LockSet.UpdateSensors();
            PackAtStaging.Truth = PackNear(StagingPointMm) != null;
            PackAtReturn.Truth = PackNear(ReturnPointMm) != null;
            PackOnLift.Truth = PackOnPlatform != null || (AtContact && Vehicle?.Pack != null);
            VehiclePositioned.Truth = Vehicle != null && Vehicle.State == VehicleState.Positioned;
            SafetyChain.UpdateSensors();
            StagingDrive.UpdateSensors(SafetyRelayEnergised);
            TransferDrive.UpdateSensors(SafetyRelayEnergised);
        }

        // The car bay's port groups over the simulated devices.
        private StationIo WireIo()
        {
            var io = new StationIo { Clock = Clock, Storage = Storage, Log = Log };
            io.Lift.Drive = LiftDrive;
            io.Lift.DirectionAway = LiftDirectionUp;
            io.Lift.Enable = LiftEnable;
            io.Lift.BrakeRelease = LiftBrakeRelease;
            io.Lift.Encoder = EncoderPath;
            io.Lift.FarLimit = LiftTopLimit;
            io.Lift.HomeSwitch = LiftHomeLimit;
            io.Lift.FarContact = LiftPackContact;
            io.Locks.Size(LockEngage.Length);
            for (int i = 0; i < LockEngage.Length; i++)
            {
                io.Locks.Engage[i] = LockEngage[i];
                io.Locks.Release[i] = LockRelease[i];
                io.Locks.LockedSensor[i] = LockLocked[i];
                io.Locks.UnlockedSensor[i] = LockUnlocked[i];
            }
            io.StagingConveyor.Run = StagingConveyorRun;
            io.StagingConveyor.Running = StagingConveyorRunning;
            io.TransferConveyor.Run = TransferConveyorRun;
            io.TransferConveyor.Running = TransferConveyorRunning;
            io.Sensors.PackAtStaging = PackAtStaging;
            io.Sensors.PackOnLift = PackOnLift;
            io.Sensors.PackAtReturn = PackAtReturn;
            io.Sensors.VehiclePositioned = VehiclePositioned;
            io.Safety.EStopReleased = EStopReleased;
            io.Safety.LightCurtainClear = LightCurtainClear;
            io.Safety.DoorsClosed = DoorsClosed;
            io.Safety.RelayFeedback = SafetyRelayOk;
            io.Safety.MotionPermit = MotionPermit;
            io.Safety.PermitWatchdogKick = PermitWatchdogKick;
            return io;
        }

        private SimInput In(string name)
        {
            var i = new SimInput(name, Clock);
            _inputs.Add(i);
            return i;
        }

        private SimOutput Out(string name)
        {
            var o = new SimOutput(name);
            _outputs.Add(o);
            return o;
        }
    }
}
