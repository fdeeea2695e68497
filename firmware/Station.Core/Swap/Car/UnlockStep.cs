namespace Station.Core.Swap.Car
{
    /// <summary>Unlock: every latch releases the depleted pack. Needs the lift at the vehicle height.</summary>
    public sealed class UnlockStep : SwapStep
    {
        /// <summary>The step stored as Unlock.</summary>
        public UnlockStep() : base(SwapState.Unlock) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s)
        {
            return Needs(LiftAtVehicle(s));
        }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            // Record before act: once a latch opens, the depleted pack may be on the lift at any instant, so it is
            // journaled as "on the lift, in transit" before the first latch moves. A cut anywhere from here on leaves it
            // unconfirmed, never confidently in the vehicle while it sits on the lift.
            s.Inventory.Move(PackPlace.Vehicle, PackPlace.Lift);
            if (!s.StepJournal()) return;
            s.Locks.ReleaseAll(s.Now);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (s.Actuators.Locks.TakeDone()) s.Dispatch(SwapSignal.LocksDone); // fields: Run is on every tick
        }
    }
}
