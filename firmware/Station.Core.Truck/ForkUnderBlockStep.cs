namespace Station.Core.Swap.Truck
{
    /// <summary>The empty fork reaches under the depleted block in its cradle.</summary>
    public sealed class ForkUnderBlockStep : TruckStep
    {
        /// <summary>The step stored as <see cref="SwapState.ForkUnderBlock"/>.</summary>
        public ForkUnderBlockStep() : base(SwapState.ForkUnderBlock) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s)
        {
            if (!Robot(s).BlockPresent(Position(s))) return FaultCode.BlockNotInCradle;
            return Needs(AtBlock(s, TruckFigures.UnderBlockMm) && ForkIn(s));
        }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s) { JournalThenMove(s, BlockMm(s), TruckFigures.UnderBlockMm, TruckFigures.ForkReachMm); }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s) { DispatchOnArrival(s); }
    }
}
