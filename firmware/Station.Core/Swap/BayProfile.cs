namespace Station.Core.Swap
{
    /// <summary>What makes a bay this kind of bay: its swap steps and their transitions, its pack places, its actuator
    /// groups, the port groups it needs from the board and its release gate. The engine (<see cref="SwapSequencer"/>)
    /// owns the common states (power-up, recovery, not homed, homing, idle, faulted, released, the Motion and Swapping
    /// parents), the one fault handler and the journal; a profile is data plus one <see cref="SwapStep"/> per step.</summary>
    public abstract class BayProfile
    {
        private readonly SwapStep[] _stepAt = new SwapStep[SwapStates.Count];
        private TransitionRow[] _table;

        /// <summary>The bay's devices as the technician knows them (console status, jog, homing, self-test), built once
        /// the sequencer is; the engine's lift, locks and conveyors under the car's names unless the profile says otherwise.</summary>
        public virtual BayDevices Devices(SwapSequencer s) { return BayDevices.Car(s); }

        /// <summary>The profile's name as the configuration key bay.profile spells it.</summary>
        public abstract string Name { get; }

        /// <summary>The swap steps in order (the first is entered from Idle on Authorize).</summary>
        public abstract SwapStep[] Steps { get; }

        /// <summary>The swap's transition rows, from Idle's Authorize to Released's VehicleLeft.</summary>
        public abstract TransitionRow[] SwapRows { get; }

        /// <summary>Names of the places outside the rack where a pack can be (index = place number in the journal).</summary>
        public abstract string[] PlaceNames { get; }

        /// <summary>The actuator groups the steps drive (what "all outputs off" stops).</summary>
        public abstract string[] ActuatorGroups { get; }

        /// <summary>The port groups the board must wire for this profile (see <see cref="BoardPorts"/>).</summary>
        public abstract string[] PortGroups { get; }

        /// <summary>One sentence: what the release gate checks before the vehicle may leave.</summary>
        public abstract string ReleaseGate { get; }

        /// <summary>Profile guards (the engine answers Always, SwapInterrupted, FaultWasLatched, InputsHealthy and
        /// SwapAllowed itself); false for a guard the profile does not know.</summary>
        public virtual bool Holds(SwapGuard guard, SwapSequencer s) { return false; }

        /// <summary>Work that runs every tick beside the current step (e.g. a conveyor that runs across steps, a rack
        /// handler); false when it latched a fault and the tick must stop. Allocation-free.</summary>
        public virtual bool EveryTick(SwapSequencer s) { return true; }

        /// <summary>After a confirmed recovery: marks a move that was in flight as finished where the sensors leave no
        /// doubt which pack is where; anything else stays in transit for the technician.</summary>
        public virtual void Reconcile(SwapSequencer s) { }

        /// <summary>Why homing must not start now, in words naming what to settle and the command that settles it, or
        /// null when it may. Homing moves the vertical axis (and backs it off its switch first): a transfer that a cut or
        /// fault stopped part-way may leave a pack across the platform's edge, which any lift move drops into the pit.
        /// The transfer is settled when its record is confirmed or the sensors show the run visibly complete (what
        /// <see cref="Reconcile"/> accepts). Commands only: allocates.</summary>
        public virtual string HomingHold(SwapSequencer s)
        {
            if (TransferSettled(s)) return null;
            PackInventory inv = s.Inventory;
            PackRecord ret = inv.At(PackPlace.ReturnPoint);
            PackRecord lift = inv.At(PackPlace.Lift);
            string packs = lift.IsEmpty ? ret.Serial : string.Concat(ret.Serial, " (to the return point) and ", lift.Serial, " (to the ", inv.NameOf(PackPlace.Lift), ")");
            return string.Concat("the transfer was interrupted: pack ", packs,
                " may stand across the platform's edge, where any lift move drops it; homing is refused until it is settled:"
                + " push each pack fully onto the platform or the return point (or take it off), then record what stands where with"
                + " 'pack place " + inv.NameOf(PackPlace.Lift) + "|staging|return <serial> <soc>' or 'pack place <place> none'");
        }

        /// <summary>True unless a transfer is recorded in flight (a pack in transit to the return point) and the sensors
        /// do not show it visibly complete (both packs arrived, staging empty).</summary>
        public static bool TransferSettled(SwapSequencer s)
        {
            PackRecord r = s.Inventory.At(PackPlace.ReturnPoint);
            if (r.IsEmpty || !r.InTransit) return true;
            return s.PackAtReturnSensed && s.PackOnLiftSensed && !s.PackAtStagingSensed;
        }

        /// <summary>A new instance of this profile for another station (a registered profile, <see cref="BayProfiles.Register"/>).</summary>
        public virtual BayProfile Fresh() { return null; }

        /// <summary>The figures the engine's own devices run on (the lift axis it homes, the lock set it builds): the
        /// configuration as it is for the car bay; a profile whose vertical axis or latches differ gives its own copy.</summary>
        public virtual StationConfig EngineConfig(StationConfig config) { return config; }

        /// <summary>A new inventory with this profile's places (the car bay's four by default).</summary>
        public virtual PackInventory NewInventory(int slotCount) { return new PackInventory(slotCount); }

        /// <summary>Registers every output the profile drives, each guard taking its port's place (the car bay: the
        /// outputs of <see cref="StationIo.RegisterOutputs"/>).</summary>
        public virtual OutputRegistry RegisterOutputs(StationIo io, StationConfig config) { return io.RegisterOutputs(config); }

        /// <summary>Builds the profile's own devices over the board's ports, once, after the engine built its own.</summary>
        public virtual void Build(SwapSequencer s) { }

        /// <summary>Starts homing every axis the profile has (the car bay: the lift); false when an axis refused.</summary>
        public virtual bool StartHoming(SwapSequencer s) { return s.Lift.StartHoming(s.Now); }

        /// <summary>True once when homing has finished on every axis (reading clears it). Allocation-free.</summary>
        public virtual bool TakeHomed(SwapSequencer s) { return s.Lift.TakeArrived(); }

        /// <summary>Every output of the profile's own devices off at once (the engine stops its own). Allocation-free.</summary>
        public virtual void StopDevices(SwapSequencer s) { }

        /// <summary>Clears the latched faults of the profile's own devices (a reset; they must home again).</summary>
        public virtual void ClearDeviceFaults(SwapSequencer s) { }

        /// <summary>In Recovery: samples the profile's own sensors (for the report and the reconciliation), drives nothing.</summary>
        public virtual void SampleDevices(SwapSequencer s) { }

        /// <summary>Starts a swap the profile's own way once the admission chain admitted it, or null to let the engine
        /// start the car-shaped swap (one pack out, one pack in).</summary>
        public virtual CommandResult Authorize(SwapSequencer s, SwapAuthorization auth) { return null; }

        /// <summary>Words refusing <paramref name="auth"/> for a profile's own admission check (the block booking and
        /// its packs), or null when it passes. The car bay refuses any block booking.</summary>
        public virtual string Refusal(Station.Core.Admission.AdmissionCheck check, SwapSequencer s, SwapAuthorization auth)
        {
            if (check == Station.Core.Admission.AdmissionCheck.BlockBooking && (auth.BlockPositions != 0 || auth.BlockCount != 0))
                return string.Concat("this bay swaps one pack (profile ", Name, "): a booking of blocks is for a truck bay");
            return null;
        }

        /// <summary>The whole transition table: the engine's rows around the profile's swap rows.</summary>
        public TransitionRow[] Table
        {
            get
            {
                if (_table == null) _table = EngineRows.Around(SwapRows);
                return _table;
            }
        }

        /// <summary>The step stored as <paramref name="state"/>, or null for an engine state.</summary>
        public SwapStep StepAt(SwapState state)
        {
            int i = (int)state;
            if (i < 0 || i >= _stepAt.Length) return null;
            if (_stepAt[i] == null && !_indexed) Index();
            return _stepAt[i];
        }

        private bool _indexed;

        private void Index()
        {
            SwapStep[] steps = Steps;
            for (int i = 0; i < steps.Length; i++) _stepAt[(int)steps[i].Number] = steps[i];
            _indexed = true;
        }
    }
}
