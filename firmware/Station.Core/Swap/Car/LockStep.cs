namespace Station.Core.Swap.Car
{
    /// <summary>Lock: every latch engages the charged pack. Needs the lift at the vehicle height.</summary>
    public sealed class LockStep : SwapStep
    {
        /// <summary>The step stored as Lock.</summary>
        public LockStep() : base(SwapState.Lock) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s)
        {
            return Needs(LiftAtVehicle(s));
        }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            s.Inventory.Move(PackPlace.Lift, PackPlace.Vehicle);
            if (!s.StepJournal()) return;
            s.Locks.EngageAll(s.Now);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (!s.Actuators.Locks.TakeDone()) return; // fields: Run is on every tick
            s.Inventory.Arrived(PackPlace.Vehicle);
            s.Dispatch(SwapSignal.LocksDone);
        }
    }
}
