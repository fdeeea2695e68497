using Station.Core.Admission;
using Station.Core.Journal;
using Station.Core.Motion;
using Station.Core.Safety;
using Station.Hal;

namespace Station.Core.Swap
{
    /// <summary>The swap sequencer: a hierarchical, table-driven, run-to-completion state machine over the bay's
    /// actuators, performing the swap (README.md, "The swap"; docs/swap-states.md).</summary>
    /// <remarks>
    /// | state | what happens |
    /// |---|---|
    /// | Off | before Start(); nothing driven |
    /// | Recovery | journal shows an unfinished swap; reports step and inventory; waits for ConfirmRecovery (no motion) |
    /// | NotHomed | after power-up or reset; waits for Home |
    /// | Homing (Motion) | lift seeks the home switch once the safety relay confirms MotionPermit |
    /// | Idle | homed; waits for vehicle, clear bay and Authorize |
    /// | Arming (Swapping) | MotionPermit requested; waits for the relay |
    /// | RaiseToPack (Swapping) | lift up to the pack; staging conveyor brings the charged pack in parallel |
    /// | Unlock (Swapping) | all locks release |
    /// | LowerDepleted (Swapping) | lift down to transfer height (home) with the depleted pack |
    /// | WaitStaged (Swapping) | only when staging is slower than the lift |
    /// | Transfer (Swapping) | depleted pack off to the return point, charged pack on |
    /// | RaiseCharged (Swapping) | lift up with the charged pack |
    /// | Lock (Swapping) | all locks engage |
    /// | LowerEmpty (Swapping) | lift home; the pack check starts in parallel |
    /// | ReleaseGate (Swapping) | locks locked, lift home, bay clear, pack check passed |
    /// | Released | vehicle may leave; swap record complete |
    /// | Faulted | fault latched, every output off, vehicle held until ResetFault |
    /// Motion is the parent of every state that drives something (its Fault row is the one fault handler); Swapping is
    /// Motion's child holding the swap steps. Dispatch never blocks or reads the wall clock; time comes from IClock.
    /// Every step is journaled before it acts (SwapJournal).
    /// </remarks>
    public sealed partial class SwapSequencer
    {
        private readonly StationIo _io;
        private readonly StationConfig _c;
        private readonly SwapJournal _journal;
        private readonly InventoryPackCheck _defaultCheck;
        private readonly DebouncedInput _packAtStaging;
        private readonly DebouncedInput _packOnLift;
        private readonly DebouncedInput _packAtReturn;
        private IReleaseGateCheck _check;
        private IReleaseGateCheck _runningCheck;
        private GateVerdict _checkVerdict;
        private SwapState _state = SwapState.Off;
        private FaultCode _pendingFault;
        private FaultCode _deferredFault;
        private bool _inTransition;
        private bool _homingPending;
        private bool _interruptedAtStart;
        private bool _checkFinished;
        private long _gateStartMs;
        private long _gateEnteredMs;
        private long _now;
        private int _swapCounter;

        /// <summary>Builds the sequencer and its actuators over the bay's ports. Throws when the configuration is invalid
        /// (a station must not run on figures it cannot trust).</summary>
        public SwapSequencer(StationIo io, StationConfig config)
        {
            string error = config.Validate();
            if (error != null) throw new System.ArgumentException(error);
            _io = io;
            _c = config;
            Lift = new LiftAxis(io, config);
            Locks = new LockSet(io, config);
            Interlocks = new Interlocks(io, config);
            _packAtStaging = new DebouncedInput(io.PackAtStaging, config.InputDebounceMs, false);
            _packOnLift = new DebouncedInput(io.PackOnLift, config.InputDebounceMs, false);
            _packAtReturn = new DebouncedInput(io.PackAtReturn, config.InputDebounceMs, false);
            StagingConveyor = new Conveyor(io.StagingConveyorRun, new DebouncedInput[] { _packAtStaging }, null,
                FaultCode.StagingTimeout, config.StagingTimeoutMs);
            TransferConveyor = new Conveyor(io.TransferConveyorRun, new DebouncedInput[] { _packAtReturn, _packOnLift },
                _packAtStaging, FaultCode.TransferTimeout, config.TransferTimeoutMs);
            TransferConveyor.ExchangeSensor = _packOnLift;
            Inventory = new PackInventory(config.RackSlots);
            _journal = new SwapJournal(io.Storage, config.RackSlots, config.JournalMaxBytes);
            _defaultCheck = new InventoryPackCheck(Inventory, config.MinSocPct);
            _check = _defaultCheck;
            Admission = new AdmissionChain(this, config, io.Clock);
        }

        /// <summary>The one admission chain every authorisation passes (controller, cloud, console).</summary>
        public AdmissionChain Admission { get; private set; }

        /// <summary>The lift axis.</summary>
        public LiftAxis Lift { get; private set; }
        /// <summary>The pack locks.</summary>
        public LockSet Locks { get; private set; }
        /// <summary>Rack feed point to staging point.</summary>
        public Conveyor StagingConveyor { get; private set; }
        /// <summary>Across the lift: depleted pack off, charged pack on.</summary>
        public Conveyor TransferConveyor { get; private set; }
        /// <summary>E-stop, curtain, doors, vehicle, safety relay.</summary>
        public Interlocks Interlocks { get; private set; }
        /// <summary>Where every pack is.</summary>
        public PackInventory Inventory { get; private set; }
        /// <summary>The journal.</summary>
        public SwapJournal Journal { get { return _journal; } }

        /// <summary>Current (leaf) state.</summary>
        public SwapState State { get { return _state; } }
        /// <summary>Latched fault, or None.</summary>
        public FaultCode LatchedFault { get; private set; }
        /// <summary>Swap in progress (or held by a fault, or interrupted), else null.</summary>
        public SwapRecord CurrentSwap { get; private set; }
        /// <summary>The last swap that ended (completed, cancelled, aborted or interrupted), else null.</summary>
        public SwapRecord LastSwap { get; private set; }
        /// <summary>In Recovery: the step the power loss interrupted.</summary>
        public SwapState InterruptedStep { get; private set; }

        /// <summary>The release gate's pack check. Setting null restores the inventory-only default: the gate cannot be removed.
        /// A check set during a swap applies from the next swap: the gate always decides on the check it started.</summary>
        public IReleaseGateCheck PackCheck
        {
            get { return _check; }
            set { _check = value == null ? _defaultCheck : value; }
        }

        /// <summary>Raised when a swap starts, steps, completes, is held or aborted.</summary>
        public event SwapEventHandler SwapEvent;

        /// <summary>Raised when a fault is latched or cleared.</summary>
        public event FaultEventHandler FaultChanged;

        /// <summary>Debounced PackAtStaging.</summary>
        public bool PackAtStagingSensed { get { return _packAtStaging.Value; } }
        /// <summary>Debounced PackOnLift.</summary>
        public bool PackOnLiftSensed { get { return _packOnLift.Value; } }
        /// <summary>Debounced PackAtReturn.</summary>
        public bool PackAtReturnSensed { get { return _packAtReturn.Value; } }

        private void RaiseSwapEvent(SwapEventKind kind) { RaiseSwapEvent(kind, CurrentSwap); }

        // Every event carries its swap's record (an ended swap's too: listeners must never get null for a swap).
        private void RaiseSwapEvent(SwapEventKind kind, SwapRecord record)
        {
            SwapEventHandler h = SwapEvent;
            if (h != null && record != null) h(kind, _state, record);
        }

        private void RaiseFaultChanged(FaultCode code, bool raised)
        {
            FaultEventHandler h = FaultChanged;
            if (h != null) h(code, raised);
        }

        private void Log(LogLevel level, string message)
        {
            if (_io.Log != null) _io.Log.Write(level, message);
        }
    }
}
