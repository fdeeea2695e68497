using System;
using Station.Core.Journal;
using Station.Core.Motion;
using Station.Core.Safety;
using Station.Core.Swap;
using Station.Hal;

namespace Station.Core
{
    /// <summary>The station as the rest of the firmware sees it: one object over one bay. Device wiring, simulator,
    /// console, cloud and CAN code talk to this façade; the decisions live in <see cref="SwapSequencer"/>.</summary>
    /// <remarks>
    /// Use: construct with the bay's ports and a validated configuration, call <see cref="Start"/> once after power-up
    /// (it reads the journal and never moves), then <see cref="Tick"/> every <see cref="StationConfig.TickMs"/>.
    /// After power-up the lift must be homed (<see cref="Home"/>) before the first swap; after a power loss during a
    /// swap the station waits in Recovery for <see cref="ConfirmRecovery"/>.
    /// </remarks>
    public sealed class StationController
    {
        private readonly SwapSequencer _seq;
        private readonly StationIo _io;
        private readonly ResetJournal _resets;

        /// <summary>Builds the controller: registers every output of <paramref name="io"/> (the guards take the ports'
        /// places), then the sequencer. Throws ArgumentException when <paramref name="config"/> does not validate or a
        /// port is not wired.</summary>
        public StationController(StationIo io, StationConfig config)
        {
            Config = config;
            _io = io;
            // The profile's port groups before the output registry: a missing group is named as such, not as its
            // first unwired output.
            BayProfile profile = BayProfiles.Checked(io, config);
            OutputRegistry outputs = profile.RegisterOutputs(io, config);
            if (outputs.Problem != null) throw new System.ArgumentException(outputs.Problem);
            _seq = new SwapSequencer(io, config, profile);
            _resets = new ResetJournal(io.Storage);
        }

        /// <summary>Every output of the bay (all off, self-test, supervision).</summary>
        public OutputRegistry Outputs { get { return _seq.Interlocks.Outputs; } }

        /// <summary>The board's watchdog, fed at the end of every tick that completed (or whose exception was contained
        /// with every output off); null = none. Set before <see cref="Start"/>: its reset reason is journaled there.</summary>
        public IWatchdog Watchdog { get { return _watchdog; } set { _watchdog = value; } }

        // Read by the tick as a field: on the interpreter a property read is a call.
        private IWatchdog _watchdog;

        /// <summary>Why the board last started (journaled by <see cref="Start"/>).</summary>
        public ResetReason LastReset { get { return _resets.LastReason; } }

        /// <summary>The journal of starts and their reasons.</summary>
        public ResetJournal Resets { get { return _resets; } }

        /// <summary>Exceptions that escaped the tick since start (each stopped every output).</summary>
        public int TickExceptions { get; private set; }

        /// <summary>Message of the last exception that escaped the tick, or null.</summary>
        public string LastTickException { get; private set; }

        /// <summary>The configuration in use.</summary>
        public StationConfig Config { get; private set; }

        /// <summary>The sequencer behind the façade (table, journal, diagnostics).</summary>
        public SwapSequencer Sequencer { get { return _seq; } }

        /// <summary>Power-up: all outputs off, reads the journal; ends in NotHomed, Recovery (interrupted swap) or Faulted (fault latched before the power loss).</summary>
        public CommandResult Start()
        {
            ResetReason reason = _resets.Record(Watchdog != null ? Watchdog.TargetResetReason : ResetReason.Unknown);
            if (_io.Log != null) _io.Log.Write(reason == ResetReason.Watchdog ? LogLevel.Warning : LogLevel.Info, "start " + _resets.Starts + ", reset reason " + ResetReasons.Name(reason));
            return _seq.Start();
        }

        /// <summary>One control period: sample inputs, check interlocks, dispatch, write outputs; then feeds the watchdog.
        /// Allocation-free. An exception escaping the sequencer stops every output and latches ControlException
        /// (journaled) instead of ending the loop: console and cloud stay served.</summary>
        public void Tick()
        {
            try
            {
                _seq.Tick();
            }
            catch (Exception e)
            {
                if (!Contain(e)) return; // outputs may still be on: no feed, the watchdog restarts the board
            }
            if (_watchdog != null) _watchdog.Feed();
        }

        private bool Contain(Exception e)
        {
            TickExceptions++;
            LastTickException = e.Message;
            try
            {
                _seq.ContainException(FaultCode.ControlException);
            }
            catch (Exception)
            {
                // The fault handler threw too (a journal or event subscriber): the outputs still go off below.
            }
            // Every port written to its safe level through the output registry, whatever the devices and the guards
            // believe they last wrote (they write only on a change, so a port whose write threw would never be retried):
            // only when every port took it are the outputs known off and the watchdog fed.
            bool off;
            try { Outputs.AllOff(); off = true; }
            catch (Exception) { off = false; }
            if (_io.Log != null && TickExceptions < 4) _io.Log.Write(LogLevel.Error, "control tick stopped by an exception, " + (off ? "outputs off: " : "outputs not confirmed off, watchdog not fed: ") + e.Message);
            return off;
        }

        /// <summary>Authorises a swap (vehicle id, charged pack serial or null = the station picks the highest-SOC ready pack).</summary>
        /// <remarks>Every check is the admission chain's (<see cref="Station.Core.Admission.AdmissionChain"/>), the same
        /// for the cloud, the console and local operators.</remarks>
        public CommandResult Authorize(SwapAuthorization auth) { return _seq.Authorize(auth); }

        /// <summary>Asked before every authorisation (the cloud outbox plugs in here); null = no extra condition.</summary>
        public ISwapAdmission Admission
        {
            get { return _seq.Admission.Outbox; }
            set { _seq.Admission.Outbox = value; }
        }

        /// <summary>True while a technician holds the station in maintenance (console): Authorize, Home, ResetFault and
        /// ConfirmRecovery through this façade (cloud, operator) are refused; the console acts on the Sequencer itself.
        /// Cancel and EmergencyStop always work. Set and cleared by the console only.</summary>
        public bool MaintenanceHold
        {
            get { return _seq.Admission.ConsoleHold; }
            set { _seq.Admission.ConsoleHold = value; }
        }

        /// <summary>True while remote maintenance (cloud) is on: no new swaps from any caller. Set by the cloud side only.</summary>
        public bool RemoteMaintenance
        {
            get { return _seq.Admission.RemoteHold; }
            set { _seq.Admission.RemoteHold = value; }
        }

        private static CommandResult Held()
        {
            return CommandResult.Refuse(RejectReason.WrongState, "the station is in maintenance (console): the technician must leave it first");
        }

        /// <summary>Cancels an authorised swap before anything has moved.</summary>
        public CommandResult Cancel() { return _seq.Cancel(); }

        /// <summary>Clears a latched fault when the interlocks allow; the station must home next.</summary>
        public CommandResult ResetFault() { return MaintenanceHold ? Held() : _seq.ResetFault(); }

        /// <summary>After a power loss during a swap: the operator confirms; the station then homes.</summary>
        public CommandResult ConfirmRecovery() { return MaintenanceHold ? Held() : _seq.ConfirmRecovery(); }

        /// <summary>Homes the lift.</summary>
        public CommandResult Home() { return MaintenanceHold ? Held() : _seq.Home(); }

        /// <summary>Stops homing without a fault (a person asked); the lift must home again.</summary>
        public CommandResult StopHoming() { return _seq.StopHoming(); }

        /// <summary>Software emergency stop: all outputs off now, fault SoftwareStop latched.</summary>
        public CommandResult EmergencyStop() { return _seq.EmergencyStop(); }

        /// <summary>Sets one rack slot's pack (rack handler, technician); journaled.</summary>
        public CommandResult SetRackSlot(int slot, string serial, int socPct, PackState state) { return _seq.SetRackSlot(slot, serial, socPct, state); }

        /// <summary>Sets a rack slot to a pack of <paramref name="standard"/>; journaled. Refused during a swap.</summary>
        public CommandResult SetRackSlot(int slot, string serial, int socPct, PackState state, PackStandard standard) { return _seq.SetRackSlot(slot, serial, socPct, state, standard); }

        /// <summary>Technician correction of a bay place's pack outside a swap; journaled.</summary>
        public CommandResult SetPlace(PackPlace place, string serial, int socPct) { return _seq.SetPlace(place, serial, socPct); }

        /// <summary>Current state (<see cref="SwapStates.Name"/> for its name).</summary>
        public SwapState State { get { return _seq.State; } }

        /// <summary>Latched fault, or FaultCode.None.</summary>
        public FaultCode LatchedFault { get { return _seq.LatchedFault; } }

        /// <summary>In Recovery: the step a power loss interrupted.</summary>
        public SwapState InterruptedStep { get { return _seq.InterruptedStep; } }

        /// <summary>The swap in progress (or held, or interrupted), else null.</summary>
        public SwapRecord CurrentSwap { get { return _seq.CurrentSwap; } }

        /// <summary>The last swap that ended, else null.</summary>
        public SwapRecord LastSwap { get { return _seq.LastSwap; } }

        /// <summary>Where every pack is.</summary>
        public PackInventory Inventory { get { return _seq.Inventory; } }

        /// <summary>The lift axis.</summary>
        public LiftAxis Lift { get { return _seq.Lift; } }

        /// <summary>The pack locks.</summary>
        public LockSet Locks { get { return _seq.Locks; } }

        /// <summary>Rack feed point to staging point.</summary>
        public Conveyor StagingConveyor { get { return _seq.StagingConveyor; } }

        /// <summary>Depleted pack off the lift, charged pack on.</summary>
        public Conveyor TransferConveyor { get { return _seq.TransferConveyor; } }

        /// <summary>E-stop, curtain, doors, vehicle position, safety relay.</summary>
        public Interlocks Interlocks { get { return _seq.Interlocks; } }

        /// <summary>The release gate's pack check (the BMS check, BmsPackCheck, plugs in here). Null restores the inventory-only default; the gate cannot be bypassed.</summary>
        public IReleaseGateCheck PackCheck
        {
            get { return _seq.PackCheck; }
            set { _seq.PackCheck = value; }
        }

        /// <summary>Raised when a swap starts, steps, completes, is held or aborted.</summary>
        public event SwapEventHandler SwapEvent
        {
            add { _seq.SwapEvent += value; }
            remove { _seq.SwapEvent -= value; }
        }

        /// <summary>Raised when a fault is latched or cleared.</summary>
        public event FaultEventHandler FaultChanged
        {
            add { _seq.FaultChanged += value; }
            remove { _seq.FaultChanged -= value; }
        }

        /// <summary>Words for the console: which interlock, fault, gate condition or missing pack stops a swap.</summary>
        public string WhyNotSwapping() { return _seq.WhyNotSwapping(); }
    }
}
