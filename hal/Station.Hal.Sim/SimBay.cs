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
    /// The bay composes one simulator per device (lift axis, lock set, conveyor drives, safety chain) and collaborators with domain names: the conveyor line (<see cref="ConveyorLine"/>), the swap position and its vehicle (<see cref="SwapPosition"/>), injected events (<see cref="PlantSchedule"/>), the commissioned controller figures (<see cref="CommissionedConfig"/>).
    /// </remarks>
    public sealed class SimBay
    {
        private readonly List<SimPack> _packs = new List<SimPack>();
        private readonly List<PlantHazard> _hazards = new List<PlantHazard>();
        private readonly PlantPorts _ports;

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
            _ports = new PlantPorts(clock);
            Rack = new Rack(this, p);
            Line = new ConveyorLine(this);
            Schedule = new PlantSchedule(clock, Log);
            Position = new SwapPosition(this);

            Wiring = new CarBayPorts(p, _ports, clock, () => LiftPositionMm);
            LiftAxis = new SimLinearAxis(p, LiftDrive, LiftDirectionUp, LiftEnable, LiftBrakeRelease, LiftHomeLimit, LiftTopLimit, LiftPackContact,
                Hazard, m => Log.Write(LogLevel.Debug, m));
            SafetyChain = new SimSafetyChain(EStopReleased, LightCurtainClear, DoorsClosed, SafetyRelayOk, MotionPermit, PermitWatchdogKick,
                p.SafetyRelayPickupMs, p.PermitWatchdogMs);
            LockSet = new SimLockSet(LockEngage, LockRelease, LockLocked, LockUnlocked, p.LockTravelMs, p.LockJamFraction);
            StagingDrive = new SimConveyorDrive(StagingConveyorRun, StagingConveyorRunning);
            TransferDrive = new SimConveyorDrive(TransferConveyorRun, TransferConveyorRunning);
            // The core reads the counter through the injectable signal path (slip, offset, scale, wrap).
            EncoderPath = new EncoderFaults(Encoder);
            Io = Wiring.Wire(clock, storage, Log, EncoderPath);

            RackCommissioning.Fill(Rack, p);
            UpdateSensors();
        }

        /// <summary>The bay's ports and their wiring into <see cref="Io"/>.</summary>
        public CarBayPorts Wiring { get; }
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

        /// <summary>The swap position: the vehicle that arrives, hands its pack over and leaves.</summary>
        public SwapPosition Position { get; }
        /// <summary>The events and faults injected at a time or on a condition.</summary>
        public PlantSchedule Schedule { get; }
        /// <summary>The conveyor line (feed, staging, lift, return) and the packs on it.</summary>
        public ConveyorLine Line { get; }
        /// <summary>Conveyor line coordinate of the rack feed point, mm (the line runs feed → staging → lift → return).</summary>
        public double FeedPointMm => Line.FeedPointMm;
        /// <summary>Coordinate of the staging point, mm.</summary>
        public double StagingPointMm => Line.StagingPointMm;
        /// <summary>Coordinate of the lift centre, mm.</summary>
        public double LiftPointMm => Line.LiftPointMm;
        /// <summary>Coordinate of the rack return point, mm.</summary>
        public double ReturnPointMm => Line.ReturnPointMm;
        /// <summary>True while the staging conveyor turns (commanded and powered).</summary>
        public bool StagingRunning => Line.StagingRunning;
        /// <summary>True while the transfer conveyor turns (commanded and powered).</summary>
        public bool TransferRunning => Line.TransferRunning;
        /// <summary>Packs on the conveyor line, front (highest coordinate) first.</summary>
        public IReadOnlyList<SimPack> PacksOnConveyor => Line.PacksOnConveyor;
        /// <summary>Puts a pack at the staging point (test set-up).</summary>
        public void PlaceAtStaging(SimPack pack) => Line.PlaceAtStaging(pack);
        /// <summary>Puts a pack on the lift platform (test set-up).</summary>
        public void PlaceOnPlatform(SimPack pack) => Line.PlaceOnPlatform(pack);
        /// <summary>A technician pushes the packs of a transfer stopped part-way on (<see cref="ConveyorLine.FinishTransferByHand"/>).</summary>
        public void FinishTransferByHand() => Line.FinishTransferByHand();
        /// <summary>The pack standing at conveyor coordinate <paramref name="mm"/>, or null.</summary>
        public SimPack PackStandingAt(double mm) => Line.PackStandingAt(mm);

        /// <summary>The lift drive's speed reference.</summary>
        public SimPwm LiftDrive => Wiring.LiftDrive;
        /// <summary>Lift direction output.</summary>
        public SimOutput LiftDirectionUp => Wiring.LiftDirectionUp;
        /// <summary>Lift drive enable output.</summary>
        public SimOutput LiftEnable => Wiring.LiftEnable;
        /// <summary>Lift brake release output.</summary>
        public SimOutput LiftBrakeRelease => Wiring.LiftBrakeRelease;
        /// <summary>Lift encoder.</summary>
        public SimEncoder Encoder => Wiring.Encoder;
        /// <summary>What the core reads of the encoder: the counter behind injectable signal faults.</summary>
        public EncoderFaults EncoderPath { get; }
        /// <summary>Top limit switch.</summary>
        public SimInput LiftTopLimit => Wiring.LiftTopLimit;
        /// <summary>Home (bottom) limit switch.</summary>
        public SimInput LiftHomeLimit => Wiring.LiftHomeLimit;
        /// <summary>Per lock: engage output.</summary>
        public SimOutput[] LockEngage => Wiring.LockEngage;
        /// <summary>Per lock: release output.</summary>
        public SimOutput[] LockRelease => Wiring.LockRelease;
        /// <summary>Per lock: locked sensor.</summary>
        public SimInput[] LockLocked => Wiring.LockLocked;
        /// <summary>Per lock: unlocked sensor.</summary>
        public SimInput[] LockUnlocked => Wiring.LockUnlocked;
        /// <summary>Staging conveyor motor.</summary>
        public SimOutput StagingConveyorRun => Wiring.StagingConveyorRun;
        /// <summary>Staging conveyor contactor's auxiliary contact (read-back).</summary>
        public SimInput StagingConveyorRunning => Wiring.StagingConveyorRunning;
        /// <summary>Transfer conveyor contactor's auxiliary contact (read-back).</summary>
        public SimInput TransferConveyorRunning => Wiring.TransferConveyorRunning;
        /// <summary>Pack at the staging point.</summary>
        public SimInput PackAtStaging => Wiring.PackAtStaging;
        /// <summary>Transfer conveyor motor.</summary>
        public SimOutput TransferConveyorRun => Wiring.TransferConveyorRun;
        /// <summary>Pack on the lift platform.</summary>
        public SimInput PackOnLift => Wiring.PackOnLift;
        /// <summary>Pack at the return point.</summary>
        public SimInput PackAtReturn => Wiring.PackAtReturn;
        /// <summary>E-stop circuit released.</summary>
        public SimInput EStopReleased => Wiring.EStopReleased;
        /// <summary>Light curtain clear.</summary>
        public SimInput LightCurtainClear => Wiring.LightCurtainClear;
        /// <summary>Doors closed.</summary>
        public SimInput DoorsClosed => Wiring.DoorsClosed;
        /// <summary>Vehicle at the swap position.</summary>
        public SimInput VehiclePositioned => Wiring.VehiclePositioned;
        /// <summary>Safety relay feedback.</summary>
        public SimInput SafetyRelayOk => Wiring.SafetyRelayOk;
        /// <summary>Motion permit request output.</summary>
        public SimOutput MotionPermit => Wiring.MotionPermit;
        /// <summary>The safety relay's permit watchdog input (<see cref="PlantParameters.PermitWatchdogMs"/>).</summary>
        public SimOutput PermitWatchdogKick => Wiring.PermitWatchdogKick;
        /// <summary>The platform's pack-contact sensor.</summary>
        public SimInput LiftPackContact => Wiring.LiftPackContact;
        /// <summary>True while the permit watchdog has seen the controller toggle its input recently.</summary>
        public bool PermitWatchdogAlive => SafetyChain.WatchdogAlive;

        /// <summary>Every input, by its StationIo name.</summary>
        public IReadOnlyList<SimInput> Inputs => _ports.Inputs;
        /// <summary>Every digital output, by its StationIo name.</summary>
        public IReadOnlyList<SimOutput> Outputs => _ports.Outputs;
        /// <summary>Every pack the bay has seen (rack packs and those vehicles brought).</summary>
        public IReadOnlyList<SimPack> Packs => _packs;
        /// <summary>Hazards seen so far (empty on a correct run).</summary>
        public IReadOnlyList<PlantHazard> Hazards => _hazards;
        /// <summary>Vehicles that have left, in order.</summary>
        public IReadOnlyList<SimVehicle> DepartedVehicles => Position.Departed;

        /// <summary>The vehicle in the bay (arriving, positioned or leaving), or null.</summary>
        public SimVehicle Vehicle => Position.Vehicle;
        /// <summary>True while the safety relay is energised (drives have power).</summary>
        public bool SafetyRelayEnergised => SafetyChain.Energised;
        /// <summary>True between <see cref="PowerLoss"/> and <see cref="PowerRestore"/>.</summary>
        public bool PowerIsOff { get; private set; }

        /// <summary>The input called <paramref name="name"/> (StationIo field name, locks as "LockLocked[i]"/"LockUnlocked[i]"), or null.</summary>
        public SimInput Input(string name) => _ports.Input(name);

        /// <summary>The output called <paramref name="name"/>, or null.</summary>
        public SimOutput Output(string name) => _ports.Output(name);

        /// <summary>Advances the plant by <paramref name="ms"/> of simulated time (the clock has already been advanced).</summary>
        public void Step(int ms)
        {
            if (ms < 0) throw new ArgumentOutOfRangeException(nameof(ms));
            Schedule.RunDue();
            SafetyChain.Step(ms, !PowerIsOff);
            StepLift(ms);
            StepLocks(ms);
            Position.ExchangePack();
            Line.Step(ms);
            Rack.Step(ms);
            Position.Step(ms);
            Position.CheckMoving();
            UpdateSensors();
        }

        /// <summary>A vehicle drives in with a pack of its own (<see cref="SwapPosition.Arrive"/>).</summary>
        public SimVehicle ArriveVehicle(string id, string packSerial = null, double socPct = -1) => Position.Arrive(id, packSerial, socPct);

        /// <summary>The positioned vehicle drives off (the station released it); departure hazards are recorded.</summary>
        public void DepartVehicle() => Position.Depart();

        /// <summary>The vehicle rolls out of the swap position mid-swap (<see cref="SwapPosition.RollAway"/>).</summary>
        public void VehicleRollsAway() => Position.RollAway();

        /// <summary>A vehicle that rolled away comes back to the swap position.</summary>
        public void VehicleRepositions() => Position.Reposition();

        /// <summary>The vehicle in the bay drives off now, unreleased (a driver who does not wait).</summary>
        public void VehicleLeavesNow() => Position.LeaveNow();

        /// <summary>The pack a BMS link would talk to: the pack held in (or docked to) the vehicle, or null.</summary>
        public SimPack PackAtVehicle => Vehicle?.Pack;

        internal void Register(SimPack pack)
        {
            if (!_packs.Contains(pack)) _packs.Add(pack);
        }

        private const string PressedIntoVehicle = "lift drove the pack into the vehicle past the seal compression ({0:0} mm)";
        private const string RanIntoEndStop = "lift drive ran the platform into its top end stop ({0:0} mm)";

        /// <summary>The lift axis device.</summary>
        public SimLinearAxis LiftAxis { get; private set; }

        /// <summary>Lift platform height, mm: 0 is the bottom of the home switch's zone (which reaches up to
        /// <see cref="PlantParameters.HomeSwitchMm"/>); the mechanical stops lie beyond the switches.</summary>
        public double LiftPositionMm => LiftAxis.PositionMm;

        /// <summary>Lift velocity, mm/s (positive = up).</summary>
        public double LiftVelocityMmS => LiftAxis.VelocityMmS;

        /// <summary>Simulated ms during which the drive was enabled with a speed reference against the closed brake.</summary>
        public long LiftDrivenAgainstBrakeMs => LiftAxis.DrivenAgainstBrakeMs;

        /// <summary>True while the drive has torque: safety relay energised, enabled and brake released.</summary>
        public bool LiftPowered => LiftAxis.Powered(!PowerIsOff && SafetyRelayEnergised);

        /// <summary>True when the platform touches the underside of the vehicle's pack position.</summary>
        public bool AtContact => Vehicle != null && LiftPositionMm >= VehiclePackHeightMm - Parameters.ContactWindowMm;

        /// <summary>True when something above the platform stops it at the vehicle: the vehicle's pack, or the pack the
        /// platform carries meeting the vehicle's pack bay.</summary>
        public bool VehicleCeilingPresent => Vehicle != null && (Vehicle.Pack != null || PackOnPlatform != null);

        /// <summary>Where the vehicles' pack really sits, mm: the configured height plus <see cref="PlantParameters.VehicleHeightErrorMm"/>.</summary>
        public double VehiclePackHeightMm => Parameters.VehicleHeightMm + Parameters.VehicleHeightErrorMm;

        /// <summary>True when the platform lines up with the conveyors (at home).</summary>
        public bool LiftAligned => LiftPositionMm <= Parameters.TransferAlignMm;

        /// <summary>The pack standing on the lift platform, or null.</summary>
        public SimPack PackOnPlatform
        {
            get
            {
                foreach (var p in _packs) if (p.Place == SimPackPlace.Lift) return p;
                return null;
            }
        }

        /// <summary>Sets the lift position directly (test set-up; velocity becomes 0). The encoder keeps its reference.</summary>
        public void PlaceLift(double mm)
        {
            LiftAxis.Place(mm);
            UpdateSensors();
        }

        /// <summary>Time in seconds for a trapezoidal move of <paramref name="distanceMm"/> at the plant's top speed and
        /// acceleration (from rest to rest). Used for the critical path.</summary>
        public static double MoveSeconds(double distanceMm, double maxSpeed, double accel)
        {
            distanceMm = Math.Abs(distanceMm);
            double accelDist = maxSpeed * maxSpeed / accel; // to top speed and back down
            if (distanceMm <= accelDist) return 2 * Math.Sqrt(distanceMm / accel);
            return 2 * maxSpeed / accel + (distanceMm - accelDist) / maxSpeed;
        }

        // The vehicle's pack (or the pack on the platform under a vehicle) is the lift's ceiling: pressing past the
        // seal compression is a hazard; without a vehicle the top end stop is.
        private void StepLift(int ms)
        {
            var p = Parameters;
            double ceiling = p.LiftTravelMm + p.LiftOvertravelMm;
            bool vehicleCeiling = VehicleCeilingPresent;
            if (vehicleCeiling) ceiling = Math.Min(ceiling, VehiclePackHeightMm + p.ContactComplianceMm);
            LiftAxis.Step(ms, !PowerIsOff && SafetyRelayEnergised, ceiling, vehicleCeiling ? PressedIntoVehicle : RanIntoEndStop);
        }

        /// <summary>Per lock, travel position: 0 = unlocked end, 1 = locked end (the lock set device's).</summary>
        public double[] Locks => LockSet.Positions;

        /// <summary>True when every lock reads its locked end.</summary>
        public bool AllLocksLocked => LockSet.AllLocked;

        /// <summary>True when every lock is fully unlocked (the vehicle no longer holds its pack).</summary>
        public bool AllLocksUnlocked => LockSet.AllUnlocked;

        // The lock tools sit on the lift platform: they only turn a vehicle's latches while the platform touches the
        // pack and the safety relay gives them power.
        private void StepLocks(int ms) => LockSet.Step(ms, !PowerIsOff && SafetyRelayEnergised && AtContact);

        /// <summary>The e-stop is pressed (the safety relay drops; EStopReleased reads false).</summary>
        public bool EStopPressed { get => SafetyChain.EStopPressed; set => SafetyChain.EStopPressed = value; }
        /// <summary>Someone or something is in the light curtain (the safety relay drops).</summary>
        public bool LightCurtainBroken { get => SafetyChain.LightCurtainBroken; set => SafetyChain.LightCurtainBroken = value; }
        /// <summary>A bay door is open (the safety relay drops).</summary>
        public bool DoorsOpen { get => SafetyChain.DoorsOpen; set => SafetyChain.DoorsOpen = value; }
        /// <summary>The safety relay will not energise (coil or contact failure).</summary>
        public bool SafetyRelayFailed { get => SafetyChain.RelayFailed; set => SafetyChain.RelayFailed = value; }
        /// <summary>Position at which the lift jams (NaN = none).</summary>
        public double JamAtMm => LiftAxis.JamAtMm;
        /// <summary>True once the lift has reached the jam position and is stuck there.</summary>
        public bool LiftJammed => LiftAxis.Jammed;

        /// <summary>The lift will jam when it reaches <paramref name="mm"/> (an obstruction, a seized guide): the drive
        /// keeps pushing but the encoder stops.</summary>
        public void StallLiftAt(double mm) => LiftAxis.JamAt(mm);

        /// <summary>Removes the obstruction.</summary>
        public void ClearLiftStall() => LiftAxis.ClearJam();

        /// <summary>Lock <paramref name="index"/> jams part-way (at <see cref="PlantParameters.LockJamFraction"/>) when engaging:
        /// neither sensor is made.</summary>
        public void FailLockEngage(int index, bool fails = true) => LockSet.FailEngage(index, fails);

        /// <summary>Supply lost: every output drops, the brake falls in, the safety relay opens. When
        /// <paramref name="tearLastAppend"/> is set and a journal append happened in this very tick (the write was in
        /// progress when the supply failed), that append is cut short; an append from an earlier tick is already on the
        /// medium and cannot be torn. Returns true when an append was torn.</summary>
        public bool PowerLoss(bool tearLastAppend = false)
        {
            bool torn = false;
            PowerIsOff = true;
            _ports.PowerOff();
            LiftDrive.PowerOff();
            SafetyChain.PowerOff();
            if (tearLastAppend && (Storage.LastAppendMs < 0 || Storage.LastAppendMs == Clock.NowMs)) torn = Storage.TearLastAppend();
            UpdateSensors();
            Log.Write(Station.Hal.LogLevel.Warning, torn ? "plant: POWER LOST during a journal write (torn)" : "plant: POWER LOST");
            return torn;
        }

        /// <summary>Supply back: the incremental encoder restarts counting from zero where the lift stands.</summary>
        public void PowerRestore()
        {
            PowerIsOff = false;
            Encoder.ZeroHere();
            EncoderPath.Restart();
            UpdateSensors();
            Log.Write(Station.Hal.LogLevel.Info, "plant: power restored");
        }

        /// <summary>Runs <paramref name="action"/> at the first step at or after simulated time <paramref name="atMs"/>.</summary>
        public void At(long atMs, string description, Action action) => Schedule.At(atMs, description, action);

        /// <summary>Runs <paramref name="action"/> at the first step where <paramref name="condition"/> holds
        /// (<see cref="PlantSchedule.When"/>).</summary>
        public void When(Func<bool> condition, string description, Action action) => Schedule.When(condition, description, action);

        /// <summary>Events scheduled with <see cref="At"/> or <see cref="When"/> that have not run yet.</summary>
        public int PendingEvents => Schedule.Pending;

        /// <summary>Lift drive runaway: +1 up, -1 down, 0 healthy. The drive then runs at full speed whatever its enable
        /// and reference say, as long as the safety relay gives it power and the brake is open.</summary>
        public int LiftRunaway { get => LiftAxis.Runaway; set => LiftAxis.Runaway = value; }

        /// <summary>A brake that does not hold: the unpowered platform sinks at this speed, mm/s (0 = the brake holds).</summary>
        public double BrakeSlipMmS { get => LiftAxis.BrakeSlipMmS; set => LiftAxis.BrakeSlipMmS = value; }

        /// <summary>Enters every pack of <see cref="Rack"/> into <paramref name="controller"/>'s inventory as ready, slot
        /// by slot, as a commissioning technician would on a new station. Returns the first refusal, or Ok.</summary>
        public CommandResult SeedInventory(StationController controller) => RackCommissioning.SeedInventory(Rack, controller);

        internal void Hazard(string what)
        {
            _hazards.Add(new PlantHazard(Clock.NowMs, what));
            Log.Write(LogLevel.Warning, "PLANT HAZARD: " + what);
        }

        internal void UpdateSensors()
        {
            LiftAxis.UpdateSensors(VehicleCeilingPresent && AtContact);
            LockSet.UpdateSensors();
            PackAtStaging.Truth = Line.PackStandingAt(StagingPointMm) != null;
            PackAtReturn.Truth = Line.PackStandingAt(ReturnPointMm) != null;
            PackOnLift.Truth = PackOnPlatform != null || (AtContact && Vehicle?.Pack != null);
            VehiclePositioned.Truth = Vehicle != null && Vehicle.State == VehicleState.Positioned;
            SafetyChain.UpdateSensors();
            StagingDrive.UpdateSensors(SafetyRelayEnergised);
            TransferDrive.UpdateSensors(SafetyRelayEnergised);
        }
    }
}
