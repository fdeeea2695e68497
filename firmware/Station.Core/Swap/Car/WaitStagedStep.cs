namespace Station.Core.Swap.Car
{
    /// <summary>WaitStaged: the lift waits at transfer height for the charged pack (only when staging is slower than
    /// the lift).</summary>
    public sealed class WaitStagedStep : SwapStep
    {
        /// <summary>The step stored as WaitStaged.</summary>
        public WaitStagedStep() : base(SwapState.WaitStaged) { }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s) { s.StepJournal(); }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (CarBayProfile.IsStaged(s) && !CarBayProfile.ReturnBlocked(s)) s.Dispatch(SwapSignal.StagingDone);
        }
    }
}
