using System;
using System.Collections.Generic;
using Station.Core;
using Station.Core.Swap.Truck;

namespace Station.Hal.Sim
{
    /// <summary>The simulated heavy-truck bay, composed from the per-device simulators: the car bay's plant supplies the
    /// safety chain, the robot's height axis (its lift), the rack with its handler, the shuttle (staging conveyor) and the
    /// exchange rollers (transfer conveyor, across the fork deck at the exchange); this class adds the robot's travel and
    /// fork axes (<see cref="SimLinearAxis"/>), each block position's latches and connector (<see cref="SimLockSet"/>),
    /// the cradle sensors, the overload and anti-tipping inputs, and the truck with its blocks.</summary>
    /// <remarks>Physics of a block: it rides the fork (the car plant's "on the lift platform") from the moment the fork,
    /// standing out under its cradle, rises to carry height with the block's latches and connector open; it rests in
    /// the cradle again when the fork lowers it to under-block height. Lifting a latched block is a hazard and trips the
    /// load cell (overload); travelling with the fork out, running the exchange rollers away from the exchange, or the
    /// truck leaving with a block not latched are hazards.</remarks>
    public sealed class SimTruckBay
    {
        private readonly PlantPorts _ports;
        private readonly SimPack[] _cradle = new SimPack[TruckPorts.Positions];
        private readonly SimEncoder _travelEncoder;
        private readonly SimEncoder _forkEncoder;
        private bool _travelledWithForkOut;
        private int _arriveRemainingMs = -1;
        private bool _offPosition; // rolled off its position during a swap (TruckMoves): still in the bay
        private int _departRemainingMs = -1;

        /// <summary>A truck bay with the default truck plant, a rack of charged blocks, no truck, the robot parked.</summary>
        public SimTruckBay(SimClock clock, MemoryStorage storage) : this(DefaultPlant(), clock, storage) { }

        /// <summary>A truck bay whose shared devices (height axis, conveyors, rack) follow <paramref name="p"/>.</summary>
        public SimTruckBay(PlantParameters p, SimClock clock, MemoryStorage storage)
        {
            TruckBayProfile.Register();
            Bay = new SimBay(p, clock, storage);
            Clock = clock;
            _ports = new PlantPorts(clock);
            TravelPlant = AxisPlant(p, TruckFigures.TravelLengthMm, TruckFigures.TravelSpeedMmS, TruckFigures.TravelAccelMmS2);
            ForkPlant = AxisPlant(p, TruckFigures.ForkReachMm + 100, TruckFigures.ForkSpeedMmS, TruckFigures.ForkAccelMmS2);
            Travel = Axis("Truck.Travel", TravelPlant);
            Fork = Axis("Truck.Fork", ForkPlant);
            _travelEncoder = new SimEncoder(() => Travel.PositionMm, p.EncoderCountsPerMm, clock);
            _forkEncoder = new SimEncoder(() => Fork.PositionMm, p.EncoderCountsPerMm, clock);
            // Latch and connector figures from the firmware's own allowance: the plant needs 60 % of the time allowed.
            int latchMs = TruckFigures.LatchTravelMs * 6 / 10, connectorMs = TruckFigures.ConnectorTravelMs * 6 / 10;
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                Latches[i] = Locks($"Truck.BlockLocks[{i}]", TruckFigures.LatchesPerBlock, latchMs, p.LockJamFraction);
                Connectors[i] = Locks($"Truck.Connectors[{i}]", 1, connectorMs, p.LockJamFraction);
                BlockPresent[i] = In($"Truck.BlockPresent[{i}]");
            }
            LoadWithinLimit = In("Truck.LoadWithinLimit");
            Upright = In("Truck.Upright");
            TruckPositioned = In("TruckPositioned");
            Io = WireIo();
            Config = p.ControllerConfig();
            Config.BayProfile = Station.Core.Config.BayProfileNames.Truck;
            UpdateSensors();
        }

        /// <summary>The shared devices' plant (safety chain, height axis as its lift, conveyors, rack, packs, hazards).</summary>
        public SimBay Bay { get; }
        /// <summary>Simulated time.</summary>
        public SimClock Clock { get; }
        /// <summary>The ports to hand to a StationController (bay.profile truck).</summary>
        public StationIo Io { get; }
        /// <summary>A configuration matched to this plant, bay.profile = truck.</summary>
        public StationConfig Config { get; }
        /// <summary>The travel axis's plant figures.</summary>
        public PlantParameters TravelPlant { get; }
        /// <summary>The fork axis's plant figures.</summary>
        public PlantParameters ForkPlant { get; }
        /// <summary>Robot travel along the truck.</summary>
        public SimLinearAxis Travel { get; }
        /// <summary>Robot fork.</summary>
        public SimLinearAxis Fork { get; }
        /// <summary>Per block position: its latches.</summary>
        public SimLockSet[] Latches { get; } = new SimLockSet[TruckPorts.Positions];
        /// <summary>Per block position: its connector actuator.</summary>
        public SimLockSet[] Connectors { get; } = new SimLockSet[TruckPorts.Positions];
        /// <summary>Per block position: the cradle sensor.</summary>
        public SimInput[] BlockPresent { get; } = new SimInput[TruckPorts.Positions];
        /// <summary>Load cell within limit.</summary>
        public SimInput LoadWithinLimit { get; }
        /// <summary>Anti-tipping switch (level).</summary>
        public SimInput Upright { get; }
        /// <summary>Truck at the swap position.</summary>
        public SimInput TruckPositioned { get; }
        /// <summary>Set to tip the robot (the anti-tipping input opens).</summary>
        public bool Tipping { get; set; }
        /// <summary>Set to overload the fork (the load cell input opens); also set by lifting a latched block.</summary>
        public bool Overloaded { get; set; }
        /// <summary>True while a truck stands positioned.</summary>
        public bool TruckIsPositioned { get; private set; }
        /// <summary>True while a truck is anywhere in the bay: arriving, positioned, rolled off its position
        /// (<see cref="TruckMoves"/>: its blocks are still there) or still leaving.</summary>
        public bool TruckInBay => TruckIsPositioned || _offPosition || TruckArriving || TruckLeaving;
        /// <summary>Trucks that left, with the blocks they drove off with.</summary>
        public List<SimPack[]> DepartedTrucks { get; } = new List<SimPack[]>();
        /// <summary>Every input of the truck's own devices.</summary>
        public IReadOnlyList<SimInput> Inputs => _ports.Inputs;
        /// <summary>Every digital output of the truck's own devices.</summary>
        public IReadOnlyList<SimOutput> Outputs => _ports.Outputs;

        /// <summary>The block in the cradle at <paramref name="position"/> (1..3), or null.</summary>
        public SimPack BlockAt(int position) => _cradle[position - 1];

        /// <summary>The default truck plant: the height axis as the bay's lift, a shuttle and exchange rollers sized for
        /// a 1,200 mm block, a rack of 12 blocks. docs/swap-states-truck.md lists the figures and their sources.</summary>
        public static PlantParameters DefaultPlant()
        {
            return new PlantParameters
            {
                LiftTravelMm = 800, VehicleHeightMm = 500, LiftMaxSpeedMmS = 100, LiftAccelMmS2 = 250,
                StagingLengthMm = 3000, StagingSpeedMmS = 300, TransferPitchMm = 1500, TransferSpeedMmS = 300,
                PackLengthMm = 1200, RackSlots = 16, RackPacks = 12, PackType = "LFP-171kWh",
                HandlerFetchMs = 20000, HandlerStoreMs = 20000, VehicleArriveMs = 30000, VehicleDepartMs = 15000,
            };
        }

        /// <summary>A truck drives in carrying blocks at the positions of <paramref name="positions"/> (bit p-1 for
        /// position p), each latched and mated; positioned after the plant's arrival time.</summary>
        public void ArriveTruck(string id, int positions, double socPct = 20)
        {
            if (TruckIsPositioned || _offPosition || _arriveRemainingMs >= 0) throw new InvalidOperationException("a truck is already in the bay");
            for (int p = 1; p <= TruckPorts.Positions; p++)
            {
                int i = p - 1;
                _cradle[i] = null;
                if ((positions & (1 << i)) == 0) continue;
                var block = new SimPack($"T-{id}-{p}", socPct, Bay.Parameters.PackType) { Place = SimPackPlace.Vehicle };
                Bay.Register(block);
                _cradle[i] = block;
                Latches[i].LockAll();
                Connectors[i].LockAll();
            }
            _arriveRemainingMs = Bay.Parameters.VehicleArriveMs;
            if (_arriveRemainingMs == 0) { TruckIsPositioned = true; _arriveRemainingMs = -1; }
            UpdateSensors();
        }

        /// <summary>The positioned truck drives off (the station released it); hazards when a block is not latched and
        /// mated or the robot is not parked.</summary>
        public void DepartTruck()
        {
            if (!TruckIsPositioned && !_offPosition) throw new InvalidOperationException("no truck in the bay to leave");
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                if (_cradle[i] == null) continue;
                if (!Latches[i].AllLocked || !Connectors[i].AllLocked) Bay.Hazard($"truck drove off with block {i + 1} not latched and mated");
            }
            if (Fork.PositionMm > ForkPlant.HomeSwitchMm + 20) Bay.Hazard("truck drove off with the fork out");
            TruckIsPositioned = false;
            _offPosition = false;
            _departRemainingMs = Bay.Parameters.VehicleDepartMs;
            var blocks = (SimPack[])_cradle.Clone();
            foreach (var b in blocks) if (b != null) b.Place = SimPackPlace.Departed;
            DepartedTrucks.Add(blocks);
            for (int i = 0; i < _cradle.Length; i++) _cradle[i] = null;
            UpdateSensors();
        }

        /// <summary>The truck rolls off its position during a swap (the positioned sensor drops; its blocks stay).</summary>
        public void TruckMoves()
        {
            if (TruckIsPositioned) _offPosition = true;
            TruckIsPositioned = false;
            UpdateSensors();
        }

        /// <summary>True while an arriving truck is driving in (not yet positioned).</summary>
        public bool TruckArriving => _arriveRemainingMs >= 0;

        /// <summary>True while a departing truck is still in the bay (its sensor already reads it gone).</summary>
        public bool TruckLeaving => _departRemainingMs > 0;

        /// <summary>Advances the plant by <paramref name="ms"/> (the clock has already been advanced).</summary>
        public void Step(int ms)
        {
            Bay.Step(ms);
            bool supplied = !Bay.PowerIsOff && Bay.SafetyRelayEnergised;
            Travel.Step(ms, supplied, TravelPlant.LiftTravelMm + TravelPlant.LiftOvertravelMm, "robot travel ran into its end stop ({0:0} mm)");
            Fork.Step(ms, supplied, ForkPlant.LiftTravelMm + ForkPlant.LiftOvertravelMm, "robot fork ran into its end stop ({0:0} mm)");
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                Latches[i].Step(ms, supplied);
                Connectors[i].Step(ms, supplied);
            }
            MoveBlocks();
            CheckHazards();
            if (_arriveRemainingMs >= 0)
            {
                _arriveRemainingMs -= ms;
                if (_arriveRemainingMs <= 0) { _arriveRemainingMs = -1; TruckIsPositioned = true; }
            }
            if (_departRemainingMs > 0) _departRemainingMs -= ms;
            UpdateSensors();
        }

        /// <summary>Supply lost: every output of the truck's devices drops too.</summary>
        public bool PowerLoss(bool tearLastAppend = false)
        {
            bool torn = Bay.PowerLoss(tearLastAppend);
            _ports.PowerOff();
            Travel.Drive.PowerOff();
            Fork.Drive.PowerOff();
            UpdateSensors();
            return torn;
        }

        /// <summary>Supply back: the robot's incremental encoders restart from zero where their axes stand.</summary>
        public void PowerRestore()
        {
            Bay.PowerRestore();
            _travelEncoder.ZeroHere();
            _forkEncoder.ZeroHere();
            UpdateSensors();
        }

        // Controller coordinates (home = the switch edge) of the robot's axes.
        private double TravelMm => Travel.PositionMm - TravelPlant.HomeSwitchMm;
        private double ForkMm => Fork.PositionMm - ForkPlant.HomeSwitchMm;
        private double HeightMm => Bay.LiftPositionMm - Bay.Parameters.HomeSwitchMm;

        private int PositionUnderRobot()
        {
            for (int p = 1; p <= TruckPorts.Positions; p++)
                if (Math.Abs(TravelMm - TruckFigures.BlockMm(p)) <= 15) return p;
            return 0;
        }

        private void MoveBlocks()
        {
            int p = PositionUnderRobot();
            if (p == 0 || !TruckIsPositioned || ForkMm < TruckFigures.ForkReachMm - 15) return;
            int i = p - 1;
            SimPack onFork = Bay.PackOnPlatform;
            SimPack inCradle = _cradle[i];
            if (inCradle != null && onFork == null && HeightMm >= TruckFigures.UnderBlockMm + 10)
            {
                if (!Latches[i].AllUnlocked || !Connectors[i].AllUnlocked)
                {
                    if (!Overloaded) Bay.Hazard($"fork lifted block {p} against its latches or connector");
                    Overloaded = true; // the load cell sees the truck's weight
                    return;
                }
                _cradle[i] = null;
                inCradle.Place = SimPackPlace.Lift;
            }
            else if (onFork != null && inCradle == null && HeightMm <= TruckFigures.UnderBlockMm + 10)
            {
                _cradle[i] = onFork;
                onFork.Place = SimPackPlace.Vehicle;
            }
        }

        private void CheckHazards()
        {
            bool forkOut = ForkMm > 20;
            bool travelling = Math.Abs(Travel.VelocityMmS) > 1;
            if (forkOut && travelling && !_travelledWithForkOut) Bay.Hazard("robot travelled with the fork out");
            _travelledWithForkOut = forkOut && travelling;
            if (Bay.TransferRunning && (Math.Abs(TravelMm) > 15 || forkOut)) Bay.Hazard("exchange rollers ran with the robot away from the exchange");
        }

        private void UpdateSensors()
        {
            // Nothing stands at the far end of travel or fork to touch: their contact sensors read open.
            Travel.UpdateSensors(false);
            Fork.UpdateSensors(false);
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                Latches[i].UpdateSensors();
                Connectors[i].UpdateSensors();
                BlockPresent[i].Truth = _cradle[i] != null;
            }
            LoadWithinLimit.Truth = !Overloaded;
            Upright.Truth = !Tipping;
            TruckPositioned.Truth = TruckIsPositioned;
        }

        private static PlantParameters AxisPlant(PlantParameters p, double travelMm, double speedMmS, double accelMmS2)
        {
            // The controller ramps at 80 % of what the drive can do (ControllerConfig); the plant follows it.
            return new PlantParameters
            {
                LiftTravelMm = travelMm, LiftMaxSpeedMmS = speedMmS, LiftAccelMmS2 = accelMmS2 / 0.8,
                LiftBrakeDecelMmS2 = p.LiftBrakeDecelMmS2, HomeSwitchMm = p.HomeSwitchMm, LiftOvertravelMm = p.LiftOvertravelMm,
                EncoderCountsPerMm = p.EncoderCountsPerMm, VehicleHeightMm = travelMm / 2,
            };
        }

        private SimLinearAxis Axis(string name, PlantParameters ap)
        {
            var axis = new SimLinearAxis(ap, new SimPwm(name + ".Drive", ap.LiftPwmHz), Out(name + ".DirectionAway"), Out(name + ".Enable"),
                Out(name + ".BrakeRelease"), In(name + ".HomeSwitch"), In(name + ".FarLimit"), In(name + ".FarContact"), Bay.Hazard,
                m => Bay.Log.Write(LogLevel.Debug, m));
            return axis;
        }

        private SimLockSet Locks(string name, int count, int travelMs, double jam)
        {
            var engage = new SimOutput[count];
            var release = new SimOutput[count];
            var locked = new SimInput[count];
            var unlocked = new SimInput[count];
            for (int i = 0; i < count; i++)
            {
                engage[i] = Out($"{name}.Engage[{i}]");
                release[i] = Out($"{name}.Release[{i}]");
                locked[i] = In($"{name}.Locked[{i}]");
                unlocked[i] = In($"{name}.Unlocked[{i}]");
            }
            return new SimLockSet(engage, release, locked, unlocked, travelMs, jam);
        }

        private StationIo WireIo()
        {
            SimBay b = Bay;
            var io = new StationIo { Clock = b.Clock, Storage = b.Storage, Log = b.Log, Truck = new TruckPorts() };
            // The robot's height axis is the bay's lift; the shuttle and exchange rollers its conveyors.
            b.Wiring.WireShared(io, b.EncoderPath);
            io.Sensors.VehiclePositioned = TruckPositioned;
            TruckPorts t = io.Truck;
            Wire(t.Travel, Travel, _travelEncoder);
            Wire(t.Fork, Fork, _forkEncoder);
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                Wire(t.BlockLocks[i], Latches[i]);
                Wire(t.Connectors[i], Connectors[i]);
                t.BlockPresent[i] = BlockPresent[i];
            }
            t.LoadWithinLimit = LoadWithinLimit;
            t.Upright = Upright;
            return io;
        }

        private static void Wire(LinearAxisPorts ports, SimLinearAxis axis, SimEncoder encoder)
        {
            ports.Drive = axis.Drive;
            ports.DirectionAway = axis.DirectionAway;
            ports.Enable = axis.Enable;
            ports.BrakeRelease = axis.BrakeRelease;
            ports.Encoder = encoder;
            ports.HomeSwitch = axis.HomeSwitch;
            ports.FarLimit = axis.FarLimit;
            ports.FarContact = axis.FarContact;
        }

        private static void Wire(LockSetPorts ports, SimLockSet set)
        {
            ports.Size(set.Engage.Length);
            for (int i = 0; i < set.Engage.Length; i++)
            {
                ports.Engage[i] = set.Engage[i];
                ports.Release[i] = set.Release[i];
                ports.LockedSensor[i] = set.Locked[i];
                ports.UnlockedSensor[i] = set.Unlocked[i];
            }
        }

        private SimInput In(string name) => _ports.In(name);

        private SimOutput Out(string name) => _ports.Out(name);
    }
}
