namespace Station.Core.Swap.Truck
{
    /// <summary>The fork retracts with the depleted block; the cradle must then read empty.</summary>
    public sealed class ForkOutLoadedStep : TruckStep
    {
        /// <summary>The step stored as <see cref="SwapState.ForkOutLoaded"/>.</summary>
        public ForkOutLoadedStep() : base(SwapState.ForkOutLoaded) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s) { return Needs(s.Lift.IsAt(TruckFigures.CarryMm) && s.PackOnLiftSensed); }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s) { JournalThenMove(s, BlockMm(s), TruckFigures.CarryMm, 0); }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (!Robot(s).TakeArrived(s)) return;
            if (!s.PackOnLiftSensed)
            {
                s.RaiseFault(FaultCode.PackNotOnLift);
                return;
            }
            if (Robot(s).BlockPresent(Position(s)))
            {
                s.RaiseFault(FaultCode.BlockNotInCradle);
                return;
            }
            s.Inventory.Arrived(PackPlace.Lift);
            s.Dispatch(SwapSignal.AxesArrived);
        }
    }
}
