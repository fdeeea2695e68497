namespace Station.Core.Swap
{
    /// <summary>Entry and exit of the states every bay has (recovery, not homed, homing, idle, released, faulted and
    /// the Motion and Swapping parents). A profile's steps do their own entry and exit (<see cref="SwapStep"/>).</summary>
    public sealed class EngineStates
    {
        private readonly SwapSequencer _s;

        /// <summary>The common states of <paramref name="s"/>.</summary>
        public EngineStates(SwapSequencer s) { _s = s; }

        /// <summary>Entry action of the engine state <paramref name="state"/>.</summary>
        public void Enter(SwapState state)
        {
            SwapSequencer s = _s;
            switch (state)
            {
                case SwapState.Recovery:
                    s.StopAllOutputs();
                    break;
                case SwapState.NotHomed:
                    s.StopAllOutputs();
                    s.Lift.ForgetHome();
                    s.WriteJournal();
                    break;
                case SwapState.Motion:
                    s.Interlocks.SetPermit(true, s.Now);
                    break;
                case SwapState.Homing:
                    s.HomingPending = true;
                    s.WriteJournal();
                    break;
                case SwapState.Idle:
                    EnterIdle();
                    break;
                case SwapState.Released:
                    SwapRecord swap = s.CurrentSwap;
                    swap.Outcome = SwapOutcome.Completed;
                    swap.EndUtc = s.Io.Clock.UtcNow;
                    swap.StepStartMs[(int)SwapState.Released] = s.Now - swap.StartMs;
                    swap.StepEndMs[(int)SwapState.Released] = s.Now - swap.StartMs;
                    s.WriteJournal();
                    s.RaiseSwapEvent(SwapEventKind.Completed);
                    break;
                case SwapState.Faulted:
                    EnterFaulted();
                    break;
            }
        }

        /// <summary>Exit action of the engine state <paramref name="state"/>.</summary>
        public void Exit(SwapState state)
        {
            SwapSequencer s = _s;
            switch (state)
            {
                case SwapState.Swapping:
                    // Released, held or cancelled: the pack check has nothing more to decide.
                    s.Gate.Finish(s.Now);
                    break;
                case SwapState.Motion:
                    s.StopAllOutputs();
                    break;
                case SwapState.Homing:
                    s.HomingPending = false;
                    break;
                case SwapState.Recovery:
                    ExitRecovery();
                    break;
                case SwapState.Released:
                    // The vehicle drove off with the pack: it leaves the station's inventory.
                    s.Inventory.EmptyVehicle();
                    s.LastSwap = s.CurrentSwap;
                    s.CurrentSwap = null;
                    break;
                case SwapState.Faulted:
                    ExitFaulted();
                    break;
            }
        }

        private void EnterIdle()
        {
            SwapSequencer s = _s;
            if (s.CurrentSwap != null && s.CurrentSwap.Outcome == SwapOutcome.InProgress)
            {
                // Only the first step (before anything moved) can reach Idle with a swap in progress: a cancel.
                s.Inventory.EmptyVehicle();
                EndSwap(SwapOutcome.Cancelled);
                return;
            }
            s.WriteJournal();
        }

        private void EnterFaulted()
        {
            SwapSequencer s = _s;
            s.StopAllOutputs();
            s.LatchPendingFault();
            if (s.CurrentSwap != null && s.CurrentSwap.Outcome == SwapOutcome.InProgress) s.CurrentSwap.AddFault(s.LatchedFault);
            s.WriteJournal();
            s.RaiseFaultChanged(s.LatchedFault, true);
            if (s.CurrentSwap != null) s.RaiseSwapEvent(SwapEventKind.Held);
        }

        private void ExitFaulted()
        {
            SwapSequencer s = _s;
            FaultCode cleared = s.LatchedFault;
            s.LatchedFault = FaultCode.None;
            s.ClearActuatorFaults();
            if (s.CurrentSwap != null)
            {
                // A swap already completed (fault latched in Released) stays completed: its record was made then.
                if (s.CurrentSwap.Outcome == SwapOutcome.InProgress) EndSwap(SwapOutcome.Aborted);
                else
                {
                    s.LastSwap = s.CurrentSwap;
                    s.CurrentSwap = null;
                }
            }
            s.RaiseFaultChanged(cleared, false);
        }

        private void ExitRecovery()
        {
            SwapSequencer s = _s;
            FaultCode cleared = s.LatchedFault;
            s.LatchedFault = FaultCode.None;
            s.InterruptedAtStart = false;
            s.Profile.Reconcile(s);
            if (s.CurrentSwap != null) EndSwap(SwapOutcome.Interrupted);
            if (cleared != FaultCode.None) s.RaiseFaultChanged(cleared, false);
        }

        // Ends the current swap with exactly one record: the ended swap is journaled first (as the last swap, so a cut
        // after this never reopens it as interrupted), then reported with its record (cloud outbox, console history).
        // Both happen in this one call: a power cut between ticks sees either the swap still running (recovered and
        // recorded as interrupted later) or ended and reported.
        private void EndSwap(SwapOutcome outcome)
        {
            SwapSequencer s = _s;
            SwapRecord ended = s.CurrentSwap;
            ended.Outcome = outcome;
            ended.EndUtc = s.Io.Clock.UtcNow;
            s.LastSwap = ended;
            s.CurrentSwap = null;
            s.WriteJournal();
            s.RaiseSwapEvent(SwapEventKind.Aborted, ended);
        }
    }
}
