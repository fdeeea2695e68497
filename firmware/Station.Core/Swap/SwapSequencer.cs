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
    /// The engine's common states: Off (before Start), Recovery (an unfinished swap in the journal: report, no motion,
    /// wait for ConfirmRecovery), NotHomed, Homing, Idle, Faulted (every output off, vehicle held until ResetFault) and
    /// Released (the vehicle may leave). The swap steps between Idle and Released are the profile's: the car bay's in
    /// docs/swap-states.md, the truck bay's in docs/swap-states-truck.md (both generated from the tables).
    /// Motion is the parent of every state that drives something (its Fault row is the one fault handler); Swapping is
    /// Motion's child holding the swap steps. Dispatch never blocks or reads the wall clock; time comes from IClock.
    /// Every step is journaled before it acts (SwapJournal).
    /// The engine owns the common states (<see cref="EngineStates"/>), the table's head and fault rows
    /// (<see cref="EngineRows"/>), the pack check (<see cref="PackCheckGate"/>) and the journal; the bay's steps, their
    /// rows, places and gate come from its <see cref="BayProfile"/> (the car bay: <see cref="Car.CarBayProfile"/>).
    /// </remarks>
    public sealed class SwapSequencer
    {
        private readonly StationIo _io;
        private readonly StationConfig _c;
        private readonly SwapJournal _journal;
        private readonly BayProfile _profile;
        private readonly TransitionRow[] _table;
        private readonly StateTable _states;
        private readonly PackCheckGate _gate;
        // The collaborators the tick reads, as fields: on nanoFramework's interpreter an auto-property read is a call.
        // Read as fields by the car profile's every-tick work too (a property read is a call on the interpreter).
        internal readonly BayActuators Actuators;
        private readonly InputGroup _packSensors;
        private readonly LiftAxis _lift;
        private readonly LockSet _locks;
        private readonly Interlocks _interlocks;
        // The input banks, read once at the start of every tick; the groups above (and the profile's) read them there.
        private readonly InputScan _scan = new InputScan();
        internal readonly PackInventory Packs;
        private SwapRecord _currentSwap;
        // Where Leaf lies, kept with it (EnterLeaf is the only writer): asked in every tick.
        private bool _inMotion;
        private bool _inSwapping;
        // Current (leaf) state, read as a field on the tick path; EnterLeaf is the only writer.
        internal SwapState Leaf = SwapState.Off;
        // The step stored as Leaf (null in an engine state), kept with it: otherwise looked up in every tick.
        private SwapStep _step;
        private readonly RunToCompletion _dispatch;
        private long _now;
        // The control loop's watch (ticks later than TickLateMs after the one before, the longest gap since power-up),
        // kept by the tick itself: a call per tick is dear on the interpreter.
        private long _lastTickMs = -1;
        private long _longestGapMs;
        private int _lateTicks;
        private int _swapCounter;
        // The collaborators the commands and the words live in (built once; none is on the tick path).
        private readonly PowerUp _powerUp;
        private readonly SwapStarter _starter;
        private readonly OperatorCommands _commands;
        private readonly InventoryCorrections _corrections;
        private readonly SwapWords _words;

        /// <summary>Every transition of the car bay's state machine (the engine's rows around
        /// <see cref="Car.CarBayProfile.Rows"/>; docs/swap-states.md is generated from it).</summary>
        /// <remarks>Built on first use: nanoCLR may run static initialisers in another order than .NET, and a static
        /// field initialised from another class's static rows was seen null on the interpreter.</remarks>
        public static TransitionRow[] Table
        {
            get
            {
                if (_carTable == null) _carTable = EngineRows.Around(Car.CarBayProfile.Rows);
                return _carTable;
            }
        }

        private static TransitionRow[] _carTable;

        /// <summary>Builds the sequencer and its actuators over the bay's ports for the profile the configuration names
        /// (bay.profile). Throws when the configuration is invalid or the board does not wire what the profile needs
        /// (a station must not run on figures or wiring it cannot trust).</summary>
        public SwapSequencer(StationIo io, StationConfig config) : this(io, config, BayProfiles.Checked(io, config)) { }

        /// <summary>Builds the sequencer for <paramref name="profile"/>, already checked by <see cref="BayProfiles.Checked"/>.</summary>
        internal SwapSequencer(StationIo io, StationConfig config, BayProfile profile)
        {
            _profile = profile;
            _table = _profile.Table;
            _io = io;
            _c = config;
            Actuators = new BayActuators(io, config, profile.EngineConfig(config));
            _lift = Actuators.Lift;
            _locks = Actuators.Locks;
            _packSensors = Actuators.PackSensors;
            _interlocks = new Interlocks(io, config);
            // Everything the tick samples reads the tick's input scan (a profile's Build joins its own devices).
            _interlocks.JoinScan(_scan);
            _lift.JoinScan(_scan);
            _locks.JoinScan(_scan);
            _scan.Join(_packSensors);
            Packs = profile.NewInventory(config.RackSlots);
            _journal = new SwapJournal(io.Storage, config.RackSlots, config.JournalMaxBytes, Packs);
            _gate = new PackCheckGate(config, new InventoryPackCheck(Packs, config.MinSocPct), PackPlace.Vehicle, 0, false);
            _states = new StateTable(this, profile, new EngineStates(this));
            _dispatch = new RunToCompletion(this, _states, _table);
            Admission = new AdmissionChain(this, config, io.Clock);
            _powerUp = new PowerUp(this);
            _starter = new SwapStarter(this);
            _commands = new OperatorCommands(this);
            _corrections = new InventoryCorrections(this);
            _words = new SwapWords(this);
            profile.Build(this);
        }

        /// <summary>Power-up: all outputs off, read the journal, then Recovery, Faulted or NotHomed. Never moves.</summary>
        public CommandResult Start() { return _powerUp.Start(); }

        /// <summary>Authorises a swap for the vehicle in the bay (see <see cref="SwapAuthorization"/>).</summary>
        public CommandResult Authorize(SwapAuthorization auth) { return _starter.Authorize(auth); }

        /// <summary>Cancels an authorised swap before anything moved (<see cref="OperatorCommands.Cancel"/>).</summary>
        public CommandResult Cancel() { return _commands.Cancel(); }

        /// <summary>Clears the latched fault when the inputs allow; the station must home next.</summary>
        public CommandResult ResetFault() { return _commands.ResetFault(); }

        /// <summary>Operator confirms the recovery report after a power loss; the station then homes.</summary>
        public CommandResult ConfirmRecovery() { return _commands.ConfirmRecovery(); }

        /// <summary>Homes the lift (from NotHomed or Idle).</summary>
        public CommandResult Home() { return _commands.Home(); }

        /// <summary>Stops homing at a person's request (<see cref="OperatorCommands.StopHoming"/>).</summary>
        public CommandResult StopHoming() { return _commands.StopHoming(); }

        /// <summary>Software stop: every output off in this call and a SoftwareStop fault latched (unless nothing can move).</summary>
        public CommandResult EmergencyStop() { return _commands.EmergencyStop(); }

        /// <summary>Sets a rack slot (rack handler or technician); journaled. Refused during a swap.</summary>
        public CommandResult SetRackSlot(int slot, string serial, int socPct, PackState state) { return _corrections.SetRackSlot(slot, serial, socPct, state); }

        /// <summary>Sets a rack slot to a pack of <paramref name="standard"/> (rack handler, technician, simulator);
        /// journaled. Refused during a swap.</summary>
        public CommandResult SetRackSlot(int slot, string serial, int socPct, PackState state, PackStandard standard) { return _corrections.SetRackSlot(slot, serial, socPct, state, standard); }

        /// <summary>Technician correction of a place (staging, lift, vehicle, return point) outside a swap; journaled.</summary>
        public CommandResult SetPlace(PackPlace place, string serial, int socPct) { return _corrections.SetPlace(place, serial, socPct); }

        /// <summary>One or more sentences naming every reason the station cannot start (or is not running) a swap.</summary>
        public string WhyNotSwapping() { return _words.WhyNotSwapping(); }

        /// <summary>The disagreements between the inventory and the pack sensors that make Authorize refuse, in words
        /// (<see cref="SwapWords.InventoryConflicts"/>).</summary>
        public string InventoryConflicts() { return _words.InventoryConflicts(); }

        /// <summary>The station's state in words (console, cloud, admission chain). Allocates.</summary>
        public SwapWords Words { get { return _words; } }

        /// <summary>The one admission chain every authorisation passes (controller, cloud, console).</summary>
        public AdmissionChain Admission { get; private set; }

        /// <summary>The lift axis.</summary>
        public LiftAxis Lift { get { return _lift; } }
        /// <summary>The pack locks.</summary>
        public LockSet Locks { get { return _locks; } }
        /// <summary>Rack feed point to staging point.</summary>
        public Conveyor StagingConveyor { get { return Actuators.Staging; } }
        /// <summary>Across the lift: depleted pack off, charged pack on.</summary>
        public Conveyor TransferConveyor { get { return Actuators.Transfer; } }
        /// <summary>E-stop, curtain, doors, vehicle, safety relay.</summary>
        public Interlocks Interlocks { get { return _interlocks; } }
        /// <summary>The input scan every tick starts with: a profile joins the input groups its every-tick work samples
        /// (<see cref="LiftAxis.JoinScan"/>, <see cref="LockSet.JoinScan"/>).</summary>
        public InputScan Inputs { get { return _scan; } }
        /// <summary>Where every pack is.</summary>
        public PackInventory Inventory { get { return Packs; } }
        /// <summary>The journal.</summary>
        public SwapJournal Journal { get { return _journal; } }
        /// <summary>The bay profile this station runs (from bay.profile).</summary>
        public BayProfile Profile { get { return _profile; } }

        /// <summary>Current (leaf) state.</summary>
        public SwapState State { get { return Leaf; } }
        /// <summary>Latched fault, or None.</summary>
        public FaultCode LatchedFault { get; internal set; }
        /// <summary>Swap in progress (or held by a fault, or interrupted), else null.</summary>
        public SwapRecord CurrentSwap { get { return _currentSwap; } internal set { _currentSwap = value; } }
        /// <summary>The last swap that ended (completed, cancelled, aborted or interrupted), else null.</summary>
        public SwapRecord LastSwap { get; internal set; }
        /// <summary>In Recovery: the step the power loss interrupted.</summary>
        public SwapState InterruptedStep { get; internal set; }

        /// <summary>The release gate's pack check. Setting null restores the inventory-only default: the gate cannot be removed.
        /// A check set during a swap applies from the next swap: the gate always decides on the check it started.</summary>
        public IReleaseGateCheck PackCheck
        {
            get { return _gate.Check; }
            set { _gate.Check = value; }
        }

        /// <summary>Raised when a swap starts, steps, completes, is held or aborted.</summary>
        public event SwapEventHandler SwapEvent;

        /// <summary>Raised when a fault is latched or cleared.</summary>
        public event FaultEventHandler FaultChanged;

        /// <summary>Control ticks that came later than <c>TickLateMs</c> after the one before, since power-up (counted
        /// whether or not anything moved).</summary>
        public int LateTicks { get { return _lateTicks; } }

        /// <summary>The longest gap between two control ticks since power-up, ms.</summary>
        public long LongestTickGapMs { get { return _longestGapMs; } }

        /// <summary>Debounced PackAtStaging.</summary>
        public bool PackAtStagingSensed { get { return Actuators.PackAtStaging.Level; } }
        /// <summary>Debounced PackOnLift.</summary>
        public bool PackOnLiftSensed { get { return Actuators.PackOnLift.Level; } }
        /// <summary>Debounced PackAtReturn.</summary>
        public bool PackAtReturnSensed { get { return Actuators.PackAtReturn.Level; } }

        // What the engine's collaborators and the profile's steps share with it; public where a profile in its own
        // assembly (Station.Core.Truck) needs it.
        /// <summary>Clock.NowMs of the current tick or command.</summary>
        public long Now { get { return _now; } }
        /// <summary>The station's configuration.</summary>
        public StationConfig Config { get { return _c; } }
        /// <summary>The board's ports.</summary>
        public StationIo Io { get { return _io; } }
        internal PackCheckGate Gate { get { return _gate; } }
        /// <summary>The raw (not yet debounced) PackOnLift input.</summary>
        public bool PackOnLiftRaw { get { return Actuators.PackOnLift.RawLevel; } }
        /// <summary>The number the next swap's record gets.</summary>
        public int NextSwapId { get { return _swapCounter + 1; } }

        /// <summary>For a profile's own Authorize: makes <paramref name="record"/> the current swap and dispatches
        /// Authorize; false (record and counter as before) when no row took it.</summary>
        public bool BeginSwap(SwapRecord record)
        {
            CurrentSwap = record;
            _swapCounter++;
            if (Dispatch(SwapSignal.Authorize)) return true;
            _swapCounter--;
            CurrentSwap = null;
            return false;
        }
        internal bool HomingPending;
        internal bool InterruptedAtStart;

        /// <summary>Runs one control period: sample, check interlocks (stop in this tick), update actuators, let the
        /// profile's background work and the current step turn completions into signals. Allocation-free.</summary>
        public void Tick()
        {
            // The tick's time, state and the collaborators it asks more than once in locals: a field read is dear on the
            // interpreter. Only TrackDeparture and the profile's every-tick work can change the state before the step
            // runs (each may latch a fault): it is read again after them.
            long now = _io.Clock.NowMs;
            _now = now;
            Interlocks interlocks = _interlocks;
            // The input scan first (InputScan.Read, inline: a call per tick is dear on the interpreter): every bank read
            // once, and every group that joined decides on that reading in this tick.
            for (BankReading bank = _scan.First; bank != null; bank = bank.Next) bank.Levels = bank.Bank.ReadLevels();
            // Then the permit watchdog's kick: a loop that stops reaching this line loses the permit in hardware. The
            // interlocks are sampled in the same call (below the loop-gap check before: neither reads the other).
            interlocks.KickAndSample(now);
            // The loop-gap check (the first tick has no gap): a late tick faults below when anything is driven.
            long last = _lastTickMs;
            long gap = last < 0 ? 0 : now - last;
            _lastTickMs = now;
            if (gap > _longestGapMs) _longestGapMs = gap;
            bool late = gap > _c.TickLateMs;
            if (late) _lateTicks++;
            // The pack sensors' group, its common case inline as the lift's feedback takes its bank's word (a call per tick
            // is dear on the interpreter): nothing more while the scan reads as before and every sensor settled.
            InputGroup g = _packSensors;
            if (g.Reading != null && g.Settled)
            {
                int levels = g.Reading.Levels & g.Mask;
                if (levels != g.Levels) g.Take(levels, now);
            }
            else g.Sample(now);
            // The release gate's poll (PackCheckGate.Poll), inline: a call per tick is dear on the interpreter.
            PackCheckGate gate = _gate;
            IReleaseGateCheck check = gate.Polled;
            if (check != null)
            {
                GateVerdict verdict = check.Poll(now);
                if (!gate.Finished && gate.Latest != GateVerdict.Failed) gate.Latest = verdict;
                else if (gate.Finished && check.WoundDown) gate.Polled = null;
            }
            SwapState state = Leaf;
            if (state == SwapState.Off) return;
            if (state == SwapState.Recovery)
            {
                // Report only: sensors are read (for the confirmation), nothing is driven, nothing in the inventory changes.
                _lift.Update(now);
                _locks.Update(now);
                _profile.SampleDevices(this);
                return;
            }
            // A late tick: the firmware watched nothing in between (the relay's permit watchdog dropped the drives' power
            // meanwhile); whatever was driven is stopped and the station faulted, whatever it may look like now.
            if (late && Actuators.AnythingDriven() && state != SwapState.Faulted)
            {
                RaiseFault(FaultCode.ControlTickLate);
                return;
            }
            // Its first test inline: during a swap and while a vehicle stands in the bay it has nothing to do, and a call
            // is dear on the interpreter.
            if (_currentSwap == null && !interlocks.VehiclePositioned)
            {
                TrackDeparture();
                state = Leaf;
            }

            // Also while a console maintenance motion holds the permit outside the Motion states: an open interlock must
            // be reported as itself, before the safety relay it also drops reads as a relay fault. Then the actuators,
            // inline here: each times its own move, and the first fault found (interlock, relay, lift, locks, staging,
            // transfer) is latched. One fault variable through the chain: on the interpreter every if and every call
            // is dear, and this runs in every tick. The interlocks' checks, the relay's read-back and the output
            // registry's supervision are one call.
            FaultCode fault = interlocks.TickFault(_inMotion, state == SwapState.Faulted, _inSwapping, now);
            if (fault == FaultCode.None)
            {
                _lift.Update(now);
                fault = _lift.Tripped;
            }
            if (fault == FaultCode.None)
            {
                // The locks watch their hold while swapping.
                LockSet locks = _locks;
                locks.Update(now, _inSwapping, true);
                fault = locks.Tripped;
            }
            // A conveyor that is stopped with its motor written off returns at once from Update: no call for it.
            Conveyor belt = Actuators.Staging;
            if (fault == FaultCode.None)
            {
                if (belt.Running || belt.Motor != 0) belt.Update(now);
                fault = belt.Tripped;
            }
            belt = Actuators.Transfer;
            if (fault == FaultCode.None)
            {
                if (belt.Running || belt.Motor != 0) belt.Update(now);
                fault = belt.Tripped;
            }
            if (fault != FaultCode.None)
            {
                RaiseFault(fault);
                return;
            }
            if (!_profile.EveryTick(this)) return;
            // A swap step runs its own tick; of the engine's states only Homing and Released watch something. (No
            // profile stores a step as an engine state: _step is null in every engine state.)
            if (_step != null) _step.Run(this);
            else if (Leaf == SwapState.Homing) TickHoming();
            else if (Leaf == SwapState.Released && !_interlocks.VehiclePositioned) Dispatch(SwapSignal.VehicleLeft);
        }

        // Homing: start the profile's homing once the drives are ready; the homed axis is the LiftArrived signal.
        private void TickHoming()
        {
            if (HomingPending && _interlocks.DrivesReady)
            {
                HomingPending = false;
                if (!_profile.StartHoming(this)) RaiseFault(FaultCode.LiftMoveRefused);
            }
            if (_profile.TakeHomed(this)) Dispatch(SwapSignal.LiftArrived);
        }

        internal void ClearActuatorFaults()
        {
            Actuators.ClearFaults();
            _profile.ClearDeviceFaults(this);
        }

        /// <summary>Every actuator output off and MotionPermit withdrawn, at once.</summary>
        public void StopAllOutputs()
        {
            _lift.Stop();
            _locks.Stop();
            Actuators.Staging.Stop();
            Actuators.Transfer.Stop();
            _profile.StopDevices(this);
            Interlocks.SetPermit(false, _now);
        }

        /// <summary>Stops every output now and latches <paramref name="code"/> (the first fault wins until reset).</summary>
        public void RaiseFault(FaultCode code) { _dispatch.RaiseFault(code); }

        /// <summary>After an exception escaped a tick: every output off, the half-done transition's bookkeeping dropped,
        /// <paramref name="code"/> latched through the one fault handler (journaled). Already Faulted: outputs off only, so
        /// an exception repeating every tick neither re-journals nor changes the first fault; Recovery and Off drive nothing
        /// and keep what they know.</summary>
        public void ContainException(FaultCode code) { _dispatch.ContainException(code); }

        internal void LatchPendingFault() { _dispatch.LatchPendingFault(); }

        /// <summary>Evaluates <paramref name="guard"/> now (public so tests can drive every table row).</summary>
        public bool Holds(SwapGuard guard) { return _states.Holds(guard, _now); }

        /// <summary>True when a row for <paramref name="signal"/> exists in the current state or a parent and its guard holds.</summary>
        public bool Accepts(SwapSignal signal) { return _states.Find(Leaf, signal, _now) >= 0; }

        /// <summary>Dispatches one signal (<see cref="RunToCompletion"/>); false when no row took it (nothing changed).</summary>
        public bool Dispatch(SwapSignal signal) { return _dispatch.Dispatch(signal); }

        // The transition's one write of the leaf state, between the exits and the entries.
        internal void EnterLeaf(SwapState target)
        {
            Leaf = target;
            _step = _profile.StepAt(target);
            _inMotion = SwapStates.IsIn(target, SwapState.Motion);
            _inSwapping = SwapStates.IsIn(target, SwapState.Swapping);
        }

        // A move the axis refuses must never leave the step waiting with the permit on and no deadline running.
        /// <summary>Starts a lift move; latches LiftMoveRefused (and answers false) when the axis refuses it.</summary>
        public bool StartLift(double targetMm)
        {
            if (Lift.MoveTo(targetMm, _now)) return true;
            Log(LogLevel.Error, "lift refused the move");
            RaiseFault(FaultCode.LiftMoveRefused);
            return false;
        }

        /// <summary>Journals the step just entered and reports it; false (JournalWriteFailed latched) when storage refused.</summary>
        public bool StepJournal()
        {
            if (!WriteJournal()) return false;
            RaiseSwapEvent(SwapEventKind.Step);
            return true;
        }

        // The swap the journal carries: the one under way, else the last that ended (its outcome survives a cut).
        private SwapRecord JournalSwap { get { return CurrentSwap != null ? CurrentSwap : LastSwap; } }

        // Commands' helpers (PowerUp, SwapStarter, OperatorCommands, InventoryCorrections): never on the tick path.
        internal void ReadClock() { _now = _io.Clock.NowMs; }

        internal void SamplePackSensors() { _packSensors.Sample(_now); }

        internal int SwapCounter { get { return _swapCounter; } set { _swapCounter = value; } }

        // A journal write whose failure the caller undoes and reports (no fault latched): inventory corrections.
        internal bool TryJournal() { return _journal.Write(Leaf, LatchedFault, _swapCounter, JournalSwap, Inventory); }

        internal bool WriteJournal()
        {
            if (_journal.Write(Leaf, LatchedFault, _swapCounter, JournalSwap, Inventory)) return true;
            Log(LogLevel.Error, "journal write failed");
            RaiseFault(FaultCode.JournalWriteFailed);
            return false;
        }

        // A pack confirmed in the vehicle leaves the bay inventory when the vehicle leaves. Released's exit does that in a
        // running swap; after a cut in Released, or a fault and reset with the pack confirmed in the vehicle, the journal
        // still lists it, so whenever no swap runs and the vehicle sensor reads no vehicle, the pack is taken off the
        // inventory and that is journaled. A pack in transit is kept: whether it left is for the technician to say.
        internal void TrackDeparture()
        {
            if (_currentSwap != null || _interlocks.VehiclePositioned) return;
            if (!Packs.VehicleHoldsSettledPack()) return;
            Packs.EmptySettledVehiclePlaces();
            WriteJournal();
        }

        internal void RaiseSwapEvent(SwapEventKind kind) { RaiseSwapEvent(kind, CurrentSwap); }

        // Every event carries its swap's record (an ended swap's too: listeners must never get null for a swap).
        internal void RaiseSwapEvent(SwapEventKind kind, SwapRecord record)
        {
            SwapEventHandler h = SwapEvent;
            if (h != null && record != null) h(kind, Leaf, record);
        }

        internal void RaiseFaultChanged(FaultCode code, bool raised)
        {
            FaultEventHandler h = FaultChanged;
            if (h != null) h(code, raised);
        }

        internal void Log(LogLevel level, string message)
        {
            if (_io.Log != null) _io.Log.Write(level, message);
        }
    }
}
