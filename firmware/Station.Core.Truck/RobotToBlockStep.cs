namespace Station.Core.Swap.Truck
{
    /// <summary>The robot travels to the block position at the fork height for what it carries: under the block with an
    /// empty fork, clear of the cradle with a charged block. The shuttle stages the next charged block meanwhile.</summary>
    public sealed class RobotToBlockStep : TruckStep
    {
        /// <summary>The step stored as <see cref="SwapState.RobotToBlock"/>.</summary>
        public RobotToBlockStep() : base(SwapState.RobotToBlock) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s) { return Needs(ForkIn(s) && Robot(s).Homed); }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            BlockSwap block = Block(s);
            if (block.StartMs < 0) block.StartMs = s.Now - s.CurrentSwap.StartMs;
            bool shuttle = TakeNextFromRack(s);
            if (!s.StepJournal()) return;
            if (shuttle) s.StagingConveyor.Start(s.Now);
            Move(s, BlockMm(s), ForkLoaded(s) ? TruckFigures.CarryMm : TruckFigures.UnderBlockMm, 0);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s) { DispatchOnArrival(s); }
    }
}
