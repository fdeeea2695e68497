namespace Station.Core.Swap.Car
{
    /// <summary>RaiseCharged: the lift raises the charged pack into the vehicle. Needs the lift at home and every latch
    /// open to take the pack.</summary>
    public sealed class RaiseChargedStep : SwapStep
    {
        /// <summary>The step stored as RaiseCharged.</summary>
        public RaiseChargedStep() : base(SwapState.RaiseCharged) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s)
        {
            return Needs(s.Lift.IsHome && s.Locks.AllUnlocked());
        }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            if (!s.StepJournal()) return;
            s.StartLift(s.Config.VehicleHeightMm);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (s.Actuators.Lift.TakeArrived()) s.Dispatch(SwapSignal.LiftArrived); // fields: Run is on every tick
        }
    }
}
