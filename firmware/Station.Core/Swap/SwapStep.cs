namespace Station.Core.Swap
{
    /// <summary>One step of a bay profile's swap, with everything it does in one place (as Zephyr's SMF or QP keep a
    /// state's entry, run and exit together): what it needs before it acts, what it records and starts on entry, what it
    /// watches every tick until it completes, and what it does on exit.</summary>
    /// <remarks>The engine (<see cref="SwapSequencer"/>) calls these from its run-to-completion dispatch: it times the
    /// step in the swap record, checks <see cref="Precondition"/> (latching the fault it names), then calls
    /// <see cref="Enter"/>; every tick it calls <see cref="Run"/>, which turns a completion into a signal; on leaving it
    /// calls <see cref="Exit"/>. Entry journals before it acts. Run is on the control tick: no allocation.</remarks>
    public abstract class SwapStep
    {
        /// <summary>A step stored in the journal as <paramref name="number"/>.</summary>
        protected SwapStep(SwapState number) { Number = number; }

        /// <summary>The step's state number: written to the journal, never renumbered.</summary>
        public readonly SwapState Number;

        /// <summary>The fault that forbids entering now (checked on entry, not only by the step before), or None.</summary>
        public virtual FaultCode Precondition(SwapSequencer s) { return FaultCode.None; }

        /// <summary>Entry: update the inventory, journal, and only then act.</summary>
        public virtual void Enter(SwapSequencer s) { }

        /// <summary>Every tick while current: turns a completion into a signal (allocation-free).</summary>
        public virtual void Run(SwapSequencer s) { }

        /// <summary>Exit: what the step leaves behind when it ends (most steps leave nothing).</summary>
        public virtual void Exit(SwapSequencer s) { }

        /// <summary>None when <paramref name="met"/>, else the precondition fault every step latches.</summary>
        protected static FaultCode Needs(bool met) { return met ? FaultCode.None : FaultCode.StepPreconditionFailed; }

        /// <summary>True when the lift stands at the vehicle's pack height.</summary>
        protected static bool LiftAtVehicle(SwapSequencer s) { return s.Lift.IsAt(s.Config.VehicleHeightMm); }
    }
}
