using Station.Core.Motion;

namespace Station.Core.Swap.Truck
{
    /// <summary>The block's connector unmates and its latches release, together (the fork is under the block).</summary>
    public sealed class UnlatchBlockStep : TruckStep
    {
        /// <summary>The step stored as <see cref="SwapState.UnlatchBlock"/>.</summary>
        public UnlatchBlockStep() : base(SwapState.UnlatchBlock) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s) { return Needs(ForkOut(s) && AtBlock(s, TruckFigures.UnderBlockMm)); }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            // Record before act, as the car's unlock: once a latch opens the block may rest on the fork at any instant.
            s.Inventory.Move(Place(s), PackPlace.Lift);
            if (!s.StepJournal()) return;
            int i = Position(s) - 1;
            Robot(s).Connectors[i].ReleaseAll(s.Now);
            Robot(s).Latches[i].ReleaseAll(s.Now);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            int i = Position(s) - 1;
            if (Done(Robot(s).Latches[i]) && Done(Robot(s).Connectors[i])) s.Dispatch(SwapSignal.LocksDone);
        }

        /// <summary>The lock set finished its command (or had none) and reads every latch open.</summary>
        internal static bool Done(LockSet l) { return l.Command == LockCommand.None && l.AllUnlocked(); }
    }
}
