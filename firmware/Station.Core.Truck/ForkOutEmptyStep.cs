namespace Station.Core.Swap.Truck
{
    /// <summary>The empty fork retracts from under the latched block; that block's swap is done.</summary>
    public sealed class ForkOutEmptyStep : TruckStep
    {
        /// <summary>The step stored as <see cref="SwapState.ForkOutEmpty"/>.</summary>
        public ForkOutEmptyStep() : base(SwapState.ForkOutEmpty) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s) { return Needs(Robot(s).BlockSecured(Position(s))); }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s) { JournalThenMove(s, BlockMm(s), TruckFigures.UnderBlockMm, 0); }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (!Robot(s).TakeArrived(s)) return;
            SwapRecord swap = s.CurrentSwap;
            swap.Blocks[swap.CurrentBlock].EndMs = s.Now - swap.StartMs;
            swap.CurrentBlock++;
            s.Dispatch(SwapSignal.AxesArrived);
        }
    }
}
