namespace Station.Core.Swap.Truck
{
    /// <summary>The fork lowers the charged block onto its cradle; the cradle must then read a block.</summary>
    public sealed class SetDownBlockStep : TruckStep
    {
        /// <summary>The step stored as <see cref="SwapState.SetDownBlock"/>.</summary>
        public SetDownBlockStep() : base(SwapState.SetDownBlock) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s) { return Needs(ForkOut(s) && AtBlock(s, TruckFigures.CarryMm)); }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            // Record before act: from the first millimetre down the block may rest in the cradle.
            s.Inventory.Move(PackPlace.Lift, Place(s));
            if (!s.StepJournal()) return;
            s.StartLift(TruckFigures.UnderBlockMm);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (!s.Lift.TakeArrived()) return;
            if (!Robot(s).BlockPresent(Position(s)))
            {
                s.RaiseFault(FaultCode.BlockNotInCradle);
                return;
            }
            s.Dispatch(SwapSignal.LiftArrived);
        }
    }
}
