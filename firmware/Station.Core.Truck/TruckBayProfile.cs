using Station.Core.Swap.Car;

namespace Station.Core.Swap.Truck
{
    /// <summary>The heavy-truck bay (QIJI-style chassis swap): a truck positioned beside a side-swap robot whose travel
    /// axis runs along the truck to each block position, whose height axis (the engine's lift) sets the fork's level and
    /// whose fork reaches into the chassis cradle under a block. Each block position has its own latches, connector and
    /// block-present sensor; a rack shuttle stages the next charged block at the exchange point while the robot works,
    /// and the exchange rollers swap the depleted block on the fork for the staged one. The booking names which
    /// positions to swap (1-3, any subset); the robot swaps exactly those, one after another, and the truck leaves only
    /// when every swapped block passed its own release check. docs/swap-states-truck.md is generated from this table.</summary>
    public sealed class TruckBayProfile : BayProfile
    {
        /// <summary>The truck bay's swap rows (between the engine's head and fault rows).</summary>
        public static readonly TransitionRow[] Rows =
        {
            new TransitionRow(SwapState.Idle, SwapSignal.Authorize, SwapGuard.RobotReady, SwapState.Arming),
            new TransitionRow(SwapState.Arming, SwapSignal.Cancel, SwapGuard.Always, SwapState.Idle),
            new TransitionRow(SwapState.Arming, SwapSignal.DrivesReady, SwapGuard.Always, SwapState.RobotToBlock),
            new TransitionRow(SwapState.RobotToBlock, SwapSignal.AxesArrived, SwapGuard.ForkEmpty, SwapState.ForkUnderBlock),
            new TransitionRow(SwapState.RobotToBlock, SwapSignal.AxesArrived, SwapGuard.ForkLoaded, SwapState.ForkInLoaded),
            new TransitionRow(SwapState.ForkUnderBlock, SwapSignal.AxesArrived, SwapGuard.Always, SwapState.UnlatchBlock),
            new TransitionRow(SwapState.UnlatchBlock, SwapSignal.LocksDone, SwapGuard.Always, SwapState.LiftBlock),
            new TransitionRow(SwapState.LiftBlock, SwapSignal.LiftArrived, SwapGuard.Always, SwapState.ForkOutLoaded),
            new TransitionRow(SwapState.ForkOutLoaded, SwapSignal.AxesArrived, SwapGuard.Always, SwapState.RobotToExchange),
            new TransitionRow(SwapState.RobotToExchange, SwapSignal.AxesArrived, SwapGuard.Staged, SwapState.Transfer),
            new TransitionRow(SwapState.RobotToExchange, SwapSignal.AxesArrived, SwapGuard.NotStaged, SwapState.WaitStaged),
            new TransitionRow(SwapState.WaitStaged, SwapSignal.StagingDone, SwapGuard.Always, SwapState.Transfer),
            new TransitionRow(SwapState.Transfer, SwapSignal.TransferDone, SwapGuard.Always, SwapState.RobotToBlock),
            new TransitionRow(SwapState.ForkInLoaded, SwapSignal.AxesArrived, SwapGuard.Always, SwapState.SetDownBlock),
            new TransitionRow(SwapState.SetDownBlock, SwapSignal.LiftArrived, SwapGuard.Always, SwapState.LatchBlock),
            new TransitionRow(SwapState.LatchBlock, SwapSignal.LocksDone, SwapGuard.Always, SwapState.ForkOutEmpty),
            new TransitionRow(SwapState.ForkOutEmpty, SwapSignal.AxesArrived, SwapGuard.MoreBlocks, SwapState.RobotToBlock),
            new TransitionRow(SwapState.ForkOutEmpty, SwapSignal.AxesArrived, SwapGuard.LastBlock, SwapState.ParkRobot),
            new TransitionRow(SwapState.ParkRobot, SwapSignal.AxesArrived, SwapGuard.Always, SwapState.ReleaseGate),
            new TransitionRow(SwapState.ReleaseGate, SwapSignal.GatePassed, SwapGuard.Always, SwapState.Released),
            new TransitionRow(SwapState.Released, SwapSignal.VehicleLeft, SwapGuard.Always, SwapState.Idle),
        };

        // Place numbers 0..3 keep the car's meaning (staging = the shuttle's pick point, lift = the fork, return point =
        // the exchange's drop point); the truck's block positions are Vehicle (1), VehicleBlock2 and VehicleBlock3.
        private static readonly string[] Places = { "staging", "fork", "block 1", "return point", "block 2", "block 3" };
        private static readonly PackPlace[] TruckPlaces = { PackPlace.Vehicle, PackPlace.VehicleBlock2, PackPlace.VehicleBlock3 };
        private static readonly string[] Actuators =
        {
            "robot travel", "robot height", "robot fork", "block latches", "block connectors", "rack shuttle", "exchange rollers", "motion permit",
        };
        private static readonly string[] Ports =
        {
            BoardPorts.LinearAxis, BoardPorts.RobotAxes, BoardPorts.BlockPositions, BoardPorts.RobotInterlocks,
            BoardPorts.StagingConveyor, BoardPorts.TransferConveyor, BoardPorts.SafetyChain,
        };

        private readonly SwapStep[] _steps =
        {
            new ArmingStep(), new RobotToBlockStep(), new ForkUnderBlockStep(), new UnlatchBlockStep(), new LiftBlockStep(),
            new ForkOutLoadedStep(), new RobotToExchangeStep(), new WaitStagedStep(), new ExchangeStep(), new ForkInLoadedStep(),
            new SetDownBlockStep(), new LatchBlockStep(), new ForkOutEmptyStep(), new ParkRobotStep(), new TruckReleaseGateStep(),
        };

        private TruckRobot _robot;
        private TruckBlockGate _gate;

        /// <summary>Makes the truck profile available to <see cref="BayProfiles.Create"/> (call once at start-up; again is harmless).</summary>
        public static void Register() { BayProfiles.Register(new TruckBayProfile()); }

        /// <inheritdoc/>
        public override BayProfile Fresh() { return new TruckBayProfile(); }

        /// <inheritdoc/>
        public override string Name { get { return Station.Core.Config.BayProfileNames.Truck; } }
        /// <inheritdoc/>
        public override SwapStep[] Steps { get { return _steps; } }
        /// <inheritdoc/>
        public override TransitionRow[] SwapRows { get { return Rows; } }
        /// <inheritdoc/>
        public override string[] PlaceNames { get { return Places; } }
        /// <inheritdoc/>
        public override string[] ActuatorGroups { get { return Actuators; } }
        /// <inheritdoc/>
        public override string[] PortGroups { get { return Ports; } }
        /// <inheritdoc/>
        public override string ReleaseGate
        {
            get { return "every swapped block latched with its connector mated and in its cradle, robot parked with an empty fork, bay clear, every swapped block's own check passed and confirmed fresh"; }
        }

        /// <summary>The robot, latches, connectors and interlock inputs (after the sequencer is built).</summary>
        public TruckRobot Robot { get { return _robot; } }

        /// <summary>The per-block release checks.</summary>
        public TruckBlockGate BlockGate { get { return _gate; } }

        /// <summary>The inventory place of block <paramref name="position"/> (1..3).</summary>
        public static PackPlace PlaceOf(int position) { return TruckPlaces[position - 1]; }

        /// <summary>The truck profile of <paramref name="s"/>.</summary>
        public static TruckBayProfile Of(SwapSequencer s) { return (TruckBayProfile)s.Profile; }

        /// <inheritdoc/>
        public override StationConfig EngineConfig(StationConfig config) { return TruckFigures.EngineConfig(config); }

        /// <inheritdoc/>
        public override PackInventory NewInventory(int slotCount) { return new PackInventory(slotCount, Places, TruckPlaces); }

        /// <inheritdoc/>
        public override OutputRegistry RegisterOutputs(StationIo io, StationConfig config)
        {
            // The shared groups as the car bay registers them (the height axis as "Lift", no engine lock set), then the
            // truck's own: robot axes, each position's latches and connector.
            OutputRegistry r = io.RegisterOutputs(config);
            TruckPorts t = io.Truck;
            if (t == null) return r;
            r.RegisterAxis("Truck.Travel", t.Travel);
            r.RegisterAxis("Truck.Fork", t.Fork);
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                r.RegisterLockSet(string.Concat("Truck.BlockLocks[", i.ToString(), "]"), t.BlockLocks[i], 2 * TruckFigures.LatchTravelMs);
                r.RegisterLockSet(string.Concat("Truck.Connectors[", i.ToString(), "]"), t.Connectors[i], 2 * TruckFigures.ConnectorTravelMs);
            }
            return r;
        }

        /// <inheritdoc/>
        public override void Build(SwapSequencer s)
        {
            _robot = new TruckRobot(s.Io.Truck, s.Config);
            _robot.JoinScan(s.Inputs);
            _gate = new TruckBlockGate(s.Inventory, s.Config);
        }

        /// <inheritdoc/>
        public override BayDevices Devices(SwapSequencer s)
        {
            // Travel and height move only with the fork retracted (it may stand in a cradle): the fork blocks them.
            DeviceAxis fork = new DeviceAxis("fork", _robot.Fork, TruckFigures.AxisConfig(s.Config, false), "reaches out", false);
            DeviceAxis travel = new DeviceAxis("travel", _robot.Travel, TruckFigures.AxisConfig(s.Config, true), "advances", false);
            DeviceAxis height = new DeviceAxis("height", s.Lift, s.Config, "rises", false);
            travel.Blocker = fork;
            height.Blocker = fork;
            DeviceLockSet[] locks = new DeviceLockSet[2 * TruckPorts.Positions];
            DeviceInput[] inputs = new DeviceInput[TruckPorts.Positions + 2];
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                string block = "block " + (i + 1).ToString();
                locks[2 * i] = new DeviceLockSet(block + " latches", block + " latch", _robot.Latches[i], "locked", "unlocked");
                locks[2 * i + 1] = new DeviceLockSet(block + " connector", block + " connector", _robot.Connectors[i], "mated", "unmated");
                inputs[i] = new DeviceInput(block + " cradle", _robot.PresentSensor(i + 1), "holds a block", "empty", false);
            }
            inputs[TruckPorts.Positions] = new DeviceInput("fork load", _robot.LoadSensor, "within limit", "OVERLOAD", true);
            inputs[TruckPorts.Positions + 1] = new DeviceInput("robot", _robot.UprightSensor, "upright", "TIPPING", true);
            string[] untested =
            {
                "block latches and connectors: releasing one under a truck would drop its block",
                "rack shuttle and exchange rollers: running one moves blocks",
            };
            return new BayDevices("robot", "block latches", new DeviceAxis[] { travel, height, fork }, locks,
                new string[] { "rack shuttle", "exchange rollers" }, new string[] { "shuttle pick point", "fork", "return point" }, inputs, untested);
        }

        /// <inheritdoc/>
        public override bool StartHoming(SwapSequencer s) { return _robot.StartHoming(s); }
        /// <inheritdoc/>
        public override bool TakeHomed(SwapSequencer s) { return _robot.TakeHomed(s); }
        /// <inheritdoc/>
        public override void StopDevices(SwapSequencer s) { if (_robot != null) _robot.Stop(); }
        /// <inheritdoc/>
        public override void ClearDeviceFaults(SwapSequencer s) { _robot.ClearFaults(); }
        /// <inheritdoc/>
        public override void SampleDevices(SwapSequencer s) { _robot.Update(s.Now, false); }

        /// <inheritdoc/>
        public override bool Holds(SwapGuard guard, SwapSequencer s)
        {
            switch (guard)
            {
                case SwapGuard.Staged: return CarBayProfile.IsStaged(s);
                case SwapGuard.NotStaged: return !CarBayProfile.IsStaged(s);
                case SwapGuard.ForkEmpty: return s.Inventory.At(PackPlace.Lift).IsEmpty;
                case SwapGuard.ForkLoaded: return !s.Inventory.At(PackPlace.Lift).IsEmpty;
                case SwapGuard.MoreBlocks: return s.CurrentSwap != null && s.CurrentSwap.CurrentBlock < s.CurrentSwap.BlockCount;
                case SwapGuard.LastBlock: return s.CurrentSwap != null && s.CurrentSwap.CurrentBlock >= s.CurrentSwap.BlockCount;
                case SwapGuard.RobotReady: return s.Holds(SwapGuard.SwapAllowed) && _robot.Homed;
                default: return false;
            }
        }

        /// <inheritdoc/>
        public override bool EveryTick(SwapSequencer s)
        {
            long now = s.Now;
            bool swapping = SwapStates.IsIn(s.State, SwapState.Swapping);
            FaultCode f = _robot.Update(now, swapping);
            // Overload and anti-tipping are interlocks: checked whenever anything may move, stopping it in this tick.
            if (f == FaultCode.None && (SwapStates.IsIn(s.State, SwapState.Motion) || s.Interlocks.PermitRequested)) f = _robot.InterlockFault();
            if (f != FaultCode.None)
            {
                s.RaiseFault(f);
                return false;
            }
            // The shuttle runs across steps (from the step that takes a block from the rack until it is staged).
            if (s.StagingConveyor.TakeDone()) CarBayProfile.OnStaged(s);
            if (s.State == SwapState.Faulted) return false;
            CarBayProfile.TrackReturnPoint(s);
            if (swapping) _gate.Poll(now);
            else _gate.Finish(now);
            return true;
        }

        /// <inheritdoc/>
        public override CommandResult Authorize(SwapSequencer s, SwapAuthorization auth) { return TruckBooking.Start(s, auth); }

        /// <inheritdoc/>
        public override string Refusal(Station.Core.Admission.AdmissionCheck check, SwapSequencer s, SwapAuthorization auth)
        {
            return TruckBooking.Refusal(check, s, auth, _robot);
        }

        /// <inheritdoc/>
        public override void Reconcile(SwapSequencer s) { TruckRecovery.Reconcile(s, _robot); }
    }
}
