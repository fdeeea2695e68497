namespace Station.Core.Swap.Truck
{
    /// <summary>The truck's release gate: every swapped block latched, mated and in its cradle; the robot parked with an
    /// empty fork; the bay clear; then every swapped block's own check passed on fresh data.</summary>
    public sealed class TruckReleaseGateStep : TruckStep
    {
        /// <summary>The step stored as <see cref="SwapState.ReleaseGate"/>.</summary>
        public TruckReleaseGateStep() : base(SwapState.ReleaseGate) { }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            TruckBayProfile.Of(s).BlockGate.Entered(s.Now);
            s.StepJournal();
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            TruckRobot r = Robot(s);
            SwapRecord swap = s.CurrentSwap;
            FaultCode refusal = FaultCode.None;
            for (int b = 0; b < swap.BlockCount && refusal == FaultCode.None; b++)
            {
                int p = swap.Blocks[b].Position;
                if (!r.BlockSecured(p)) refusal = FaultCode.GateBlockNotSecured;
                else if (!r.BlockPresent(p)) refusal = FaultCode.BlockNotInCradle;
            }
            if (refusal == FaultCode.None)
            {
                if (!s.Lift.IsHome || !r.Travel.IsHome || !r.Fork.IsHome) refusal = FaultCode.GateLiftNotHome;
                else if (!s.Interlocks.BayClear) refusal = FaultCode.GateBayNotClear;
                else if (s.PackOnLiftSensed) refusal = FaultCode.UnexpectedPack;
            }
            if (refusal == FaultCode.None)
            {
                // The fork's sensor must be settled empty: a reading still inside its debounce time waits.
                if (s.PackOnLiftRaw) return;
                bool passed;
                refusal = TruckBayProfile.Of(s).BlockGate.Decide(swap, s.Now, out passed);
                if (refusal == FaultCode.None)
                {
                    if (!passed) return;
                    TruckBayProfile.Of(s).BlockGate.Finish(s.Now);
                    swap.BmsVerified = AllVerified(swap);
                    s.Dispatch(SwapSignal.GatePassed);
                    return;
                }
            }
            s.RaiseFault(refusal);
        }

        private static bool AllVerified(SwapRecord swap)
        {
            for (int b = 0; b < swap.BlockCount; b++) if (!swap.Blocks[b].BmsVerified) return false;
            return swap.BlockCount > 0;
        }
    }
}
