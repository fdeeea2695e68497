namespace Station.Core.Swap.Car
{
    /// <summary>LowerDepleted: the lift lowers the depleted pack to transfer height (home). Needs every latch open and
    /// the lift at the vehicle height; completes only with the pack sensed on the lift.</summary>
    public sealed class LowerDepletedStep : SwapStep
    {
        /// <summary>The step stored as LowerDepleted.</summary>
        public LowerDepletedStep() : base(SwapState.LowerDepleted) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s)
        {
            return Needs(LiftAtVehicle(s) && s.Locks.AllUnlocked());
        }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            if (!s.StepJournal()) return;
            s.StartLift(0);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (!s.Actuators.Lift.TakeArrived()) return; // fields: Run is on every tick
            if (!s.PackOnLiftSensed)
            {
                s.RaiseFault(FaultCode.PackNotOnLift);
                return;
            }
            s.Inventory.Arrived(PackPlace.Lift);
            if (CarBayProfile.ReturnBlocked(s)) return;
            s.Dispatch(SwapSignal.LiftArrived);
        }
    }
}
