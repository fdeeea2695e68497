namespace Station.Core.Swap
{
    /// <summary>The transition table. Rows are tried in order from the current state outwards through its parents;
    /// the first row whose guard holds wins. A signal no row takes is refused (commands) or ignored (completions).</summary>
    public sealed partial class SwapSequencer
    {
        /// <summary>Every transition of the swap state machine (the diagram in docs/swap-states.md is generated from it).</summary>
        public static readonly TransitionRow[] Table =
        {
            // Power-up: never moves by itself (GB/T 29772).
            new TransitionRow(SwapState.Off, SwapSignal.PowerUp, SwapGuard.SwapInterrupted, SwapState.Recovery),
            new TransitionRow(SwapState.Off, SwapSignal.PowerUp, SwapGuard.FaultWasLatched, SwapState.Faulted),
            new TransitionRow(SwapState.Off, SwapSignal.PowerUp, SwapGuard.Always, SwapState.NotHomed),
            new TransitionRow(SwapState.Recovery, SwapSignal.ConfirmRecovery, SwapGuard.InputsHealthy, SwapState.Homing),

            // Homing.
            new TransitionRow(SwapState.NotHomed, SwapSignal.Home, SwapGuard.InputsHealthy, SwapState.Homing),
            new TransitionRow(SwapState.Idle, SwapSignal.Home, SwapGuard.InputsHealthy, SwapState.Homing),
            new TransitionRow(SwapState.Homing, SwapSignal.LiftArrived, SwapGuard.Always, SwapState.Idle),
            // A stop asked for by a person is not a fault: the lift stops where it is and its position is unknown again.
            new TransitionRow(SwapState.Homing, SwapSignal.StopHoming, SwapGuard.Always, SwapState.NotHomed),

            // The swap: raise, unlock, lower, transfer, raise, lock, lower, release (README.md, "The swap").
            new TransitionRow(SwapState.Idle, SwapSignal.Authorize, SwapGuard.SwapAllowed, SwapState.Arming),
            new TransitionRow(SwapState.Arming, SwapSignal.Cancel, SwapGuard.Always, SwapState.Idle),
            new TransitionRow(SwapState.Arming, SwapSignal.DrivesReady, SwapGuard.Always, SwapState.RaiseToPack),
            new TransitionRow(SwapState.RaiseToPack, SwapSignal.LiftArrived, SwapGuard.Always, SwapState.Unlock),
            new TransitionRow(SwapState.Unlock, SwapSignal.LocksDone, SwapGuard.Always, SwapState.LowerDepleted),
            new TransitionRow(SwapState.LowerDepleted, SwapSignal.LiftArrived, SwapGuard.Staged, SwapState.Transfer),
            new TransitionRow(SwapState.LowerDepleted, SwapSignal.LiftArrived, SwapGuard.NotStaged, SwapState.WaitStaged),
            new TransitionRow(SwapState.WaitStaged, SwapSignal.StagingDone, SwapGuard.Always, SwapState.Transfer),
            new TransitionRow(SwapState.Transfer, SwapSignal.TransferDone, SwapGuard.Always, SwapState.RaiseCharged),
            new TransitionRow(SwapState.RaiseCharged, SwapSignal.LiftArrived, SwapGuard.Always, SwapState.Lock),
            new TransitionRow(SwapState.Lock, SwapSignal.LocksDone, SwapGuard.Always, SwapState.LowerEmpty),
            new TransitionRow(SwapState.LowerEmpty, SwapSignal.LiftArrived, SwapGuard.Always, SwapState.ReleaseGate),
            new TransitionRow(SwapState.ReleaseGate, SwapSignal.GatePassed, SwapGuard.Always, SwapState.Released),
            new TransitionRow(SwapState.Released, SwapSignal.VehicleLeft, SwapGuard.Always, SwapState.Idle),

            // Faults: one handler for every motion state (parent Motion), plus the resting states.
            new TransitionRow(SwapState.Motion, SwapSignal.Fault, SwapGuard.Always, SwapState.Faulted),
            new TransitionRow(SwapState.Idle, SwapSignal.Fault, SwapGuard.Always, SwapState.Faulted),
            new TransitionRow(SwapState.NotHomed, SwapSignal.Fault, SwapGuard.Always, SwapState.Faulted),
            new TransitionRow(SwapState.Released, SwapSignal.Fault, SwapGuard.Always, SwapState.Faulted),
            new TransitionRow(SwapState.Faulted, SwapSignal.ResetFault, SwapGuard.InputsHealthy, SwapState.NotHomed),
        };
    }
}
