namespace Station.Core.Swap
{
    /// <summary>The engine's own transition rows, the same for every bay profile: power-up (never moves by itself),
    /// recovery, homing, and the one fault handler. A profile's swap rows go between them.</summary>
    public static class EngineRows
    {
        private static readonly TransitionRow[] Head =
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
        };

        private static readonly TransitionRow[] Tail =
        {
            // Faults: one handler for every motion state (parent Motion), plus the resting states.
            new TransitionRow(SwapState.Motion, SwapSignal.Fault, SwapGuard.Always, SwapState.Faulted),
            new TransitionRow(SwapState.Idle, SwapSignal.Fault, SwapGuard.Always, SwapState.Faulted),
            new TransitionRow(SwapState.NotHomed, SwapSignal.Fault, SwapGuard.Always, SwapState.Faulted),
            new TransitionRow(SwapState.Released, SwapSignal.Fault, SwapGuard.Always, SwapState.Faulted),
            new TransitionRow(SwapState.Faulted, SwapSignal.ResetFault, SwapGuard.InputsHealthy, SwapState.NotHomed),
        };

        /// <summary>The engine's head rows, then <paramref name="swapRows"/>, then the fault rows (row order is the
        /// order guards are tried in).</summary>
        public static TransitionRow[] Around(TransitionRow[] swapRows)
        {
            TransitionRow[] all = new TransitionRow[Head.Length + swapRows.Length + Tail.Length];
            int n = 0;
            for (int i = 0; i < Head.Length; i++) all[n++] = Head[i];
            for (int i = 0; i < swapRows.Length; i++) all[n++] = swapRows[i];
            for (int i = 0; i < Tail.Length; i++) all[n++] = Tail[i];
            return all;
        }
    }
}
