namespace Station.Core.Swap.Truck
{
    /// <summary>The fork reaches into the empty cradle with the charged block, clear above it.</summary>
    public sealed class ForkInLoadedStep : TruckStep
    {
        /// <summary>The step stored as <see cref="SwapState.ForkInLoaded"/>.</summary>
        public ForkInLoadedStep() : base(SwapState.ForkInLoaded) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s)
        {
            if (Robot(s).BlockPresent(Position(s))) return FaultCode.BlockNotInCradle;
            return Needs(AtBlock(s, TruckFigures.CarryMm) && ForkIn(s) && s.PackOnLiftSensed);
        }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s) { JournalThenMove(s, BlockMm(s), TruckFigures.CarryMm, TruckFigures.ForkReachMm); }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s) { DispatchOnArrival(s); }
    }
}
