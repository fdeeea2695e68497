namespace Station.Core.Swap.Truck
{
    /// <summary>The fork lifts the freed block off its cradle.</summary>
    public sealed class LiftBlockStep : TruckStep
    {
        /// <summary>The step stored as <see cref="SwapState.LiftBlock"/>.</summary>
        public LiftBlockStep() : base(SwapState.LiftBlock) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s)
        {
            int i = Position(s) - 1;
            return Needs(ForkOut(s) && Robot(s).Latches[i].AllUnlocked() && Robot(s).Connectors[i].AllUnlocked());
        }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            if (!s.StepJournal()) return;
            s.StartLift(TruckFigures.CarryMm);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (!s.Lift.TakeArrived()) return;
            if (!s.PackOnLiftSensed)
            {
                s.RaiseFault(FaultCode.PackNotOnLift);
                return;
            }
            s.Dispatch(SwapSignal.LiftArrived);
        }
    }
}
