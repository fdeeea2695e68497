namespace Station.Core.Swap.Car
{
    /// <summary>Arming: MotionPermit requested (by the Motion parent's entry); waits for the safety relay.</summary>
    public sealed class ArmingStep : SwapStep
    {
        /// <summary>The step stored as Arming.</summary>
        public ArmingStep() : base(SwapState.Arming) { }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            if (!s.WriteJournal()) return;
            s.RaiseSwapEvent(SwapEventKind.Started);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (s.Interlocks.DrivesReady) s.Dispatch(SwapSignal.DrivesReady);
        }
    }
}
