namespace Station.Core.Swap
{
    /// <summary>Entry and exit actions. Each swap step updates the inventory, journals, and only then acts.</summary>
    public sealed partial class SwapSequencer
    {
        private void Enter(SwapState s)
        {
            if (CurrentSwap != null && SwapStates.IsIn(s, SwapState.Swapping) && !SwapStates.IsComposite(s))
            {
                CurrentSwap.StepStartMs[(int)s] = _now - CurrentSwap.StartMs;
            }
            if (!PreconditionHolds(s)) return;
            switch (s)
            {
                case SwapState.Recovery:
                    StopAllOutputs();
                    break;
                case SwapState.NotHomed:
                    StopAllOutputs();
                    Lift.ForgetHome();
                    WriteJournal();
                    break;
                case SwapState.Motion:
                    Interlocks.SetPermit(true, _now);
                    break;
                case SwapState.Homing:
                    _homingPending = true;
                    WriteJournal();
                    break;
                case SwapState.Idle:
                    EnterIdle();
                    break;
                case SwapState.Arming:
                    if (!WriteJournal()) return;
                    RaiseSwapEvent(SwapEventKind.Started);
                    break;
                case SwapState.RaiseToPack:
                    if (Inventory.At(PackPlace.Staging).IsEmpty && CurrentSwap.SourceSlot >= 0)
                    {
                        Inventory.MoveFromSlot(CurrentSwap.SourceSlot, PackPlace.Staging);
                    }
                    StagingConveyor.Reset();
                    if (!StepJournal() || !StartLift(_c.VehicleHeightMm)) return;
                    if (!IsStaged()) StagingConveyor.Start(_now);
                    break;
                case SwapState.Unlock:
                    // Record before act: once a latch opens, the depleted pack may be on the lift at any instant, so it is
                    // journaled as "on the lift, in transit" before the first latch moves. A cut anywhere from here on
                    // leaves it unconfirmed, never confidently in the vehicle while it sits on the lift.
                    Inventory.Move(PackPlace.Vehicle, PackPlace.Lift);
                    if (!StepJournal()) return;
                    Locks.ReleaseAll(_now);
                    break;
                case SwapState.LowerDepleted:
                    if (!StepJournal()) return;
                    StartLift(0);
                    break;
                case SwapState.WaitStaged:
                    StepJournal();
                    break;
                case SwapState.Transfer:
                    Inventory.Move(PackPlace.Lift, PackPlace.ReturnPoint);
                    Inventory.Move(PackPlace.Staging, PackPlace.Lift);
                    if (!StepJournal()) return;
                    TransferConveyor.Start(_now);
                    break;
                case SwapState.RaiseCharged:
                    if (!StepJournal()) return;
                    StartLift(_c.VehicleHeightMm);
                    break;
                case SwapState.Lock:
                    Inventory.Move(PackPlace.Lift, PackPlace.Vehicle);
                    if (!StepJournal()) return;
                    Locks.EngageAll(_now);
                    break;
                case SwapState.LowerEmpty:
                    if (!StepJournal() || !StartLift(0)) return;
                    StartPackCheck();
                    break;
                case SwapState.ReleaseGate:
                    _gateEnteredMs = _now;
                    StepJournal();
                    break;
                case SwapState.Released:
                    CurrentSwap.Outcome = SwapOutcome.Completed;
                    CurrentSwap.EndUtc = _io.Clock.UtcNow;
                    CurrentSwap.StepStartMs[(int)SwapState.Released] = _now - CurrentSwap.StartMs;
                    CurrentSwap.StepEndMs[(int)SwapState.Released] = _now - CurrentSwap.StartMs;
                    WriteJournal();
                    RaiseSwapEvent(SwapEventKind.Completed);
                    break;
                case SwapState.Faulted:
                    EnterFaulted();
                    break;
            }
        }

        private void Exit(SwapState s)
        {
            if (CurrentSwap != null && SwapStates.IsIn(s, SwapState.Swapping) && !SwapStates.IsComposite(s))
            {
                CurrentSwap.StepEndMs[(int)s] = _now - CurrentSwap.StartMs;
            }
            switch (s)
            {
                case SwapState.Swapping:
                    // Released, held or cancelled: the pack check has nothing more to decide.
                    FinishPackCheck();
                    break;
                case SwapState.Motion:
                    StopAllOutputs();
                    break;
                case SwapState.Homing:
                    _homingPending = false;
                    break;
                case SwapState.Recovery:
                    ExitRecovery();
                    break;
                case SwapState.Released:
                    // The vehicle drove off with the pack: it leaves the station's inventory.
                    Inventory.Empty(PackPlace.Vehicle);
                    LastSwap = CurrentSwap;
                    CurrentSwap = null;
                    break;
                case SwapState.Faulted:
                    ExitFaulted();
                    break;
            }
        }

        private void EnterIdle()
        {
            if (CurrentSwap != null && CurrentSwap.Outcome == SwapOutcome.InProgress)
            {
                // Only Arming can reach Idle with a swap in progress: a cancel before anything moved.
                Inventory.Empty(PackPlace.Vehicle);
                EndSwap(SwapOutcome.Cancelled);
                return;
            }
            WriteJournal();
        }

        private void EnterFaulted()
        {
            StopAllOutputs();
            if (_pendingFault != FaultCode.None) LatchedFault = _pendingFault;
            _pendingFault = FaultCode.None;
            if (CurrentSwap != null && CurrentSwap.Outcome == SwapOutcome.InProgress)
            {
                CurrentSwap.AddFault(LatchedFault);
            }
            WriteJournal();
            RaiseFaultChanged(LatchedFault, true);
            if (CurrentSwap != null) RaiseSwapEvent(SwapEventKind.Held);
        }

        private void ExitFaulted()
        {
            FaultCode cleared = LatchedFault;
            LatchedFault = FaultCode.None;
            Lift.ClearFault();
            Locks.ClearFault();
            StagingConveyor.ClearFault();
            TransferConveyor.ClearFault();
            if (CurrentSwap != null)
            {
                // A swap already completed (fault latched in Released) stays completed: its record was made then.
                if (CurrentSwap.Outcome == SwapOutcome.InProgress) EndSwap(SwapOutcome.Aborted);
                else
                {
                    LastSwap = CurrentSwap;
                    CurrentSwap = null;
                }
            }
            RaiseFaultChanged(cleared, false);
        }

        private void ExitRecovery()
        {
            FaultCode cleared = LatchedFault;
            LatchedFault = FaultCode.None;
            _interruptedAtStart = false;
            ReconcileInTransit();
            if (CurrentSwap != null) EndSwap(SwapOutcome.Interrupted);
            if (cleared != FaultCode.None) RaiseFaultChanged(cleared, false);
        }

        // After a confirmed recovery, a move that was in flight is believed finished only when the sensors leave no doubt
        // about which pack is where; otherwise the pack stays marked in transit for the technician (SetPlace / SetRackSlot),
        // and Authorize refuses until it is settled.
        private void ReconcileInTransit()
        {
            bool staging = _packAtStaging.Value, lift = _packOnLift.Value, ret = _packAtReturn.Value;
            PackRecord r = Inventory.At(PackPlace.ReturnPoint);
            if (!r.IsEmpty && r.InTransit)
            {
                // Transfer in flight: both moves finished only if the run visibly completed.
                if (ret && lift && !staging)
                {
                    Inventory.Arrived(PackPlace.ReturnPoint);
                    Inventory.Arrived(PackPlace.Lift);
                }
            }
            else if (!Inventory.At(PackPlace.Lift).IsEmpty && Inventory.At(PackPlace.Lift).InTransit && lift && Locks.AllUnlocked())
            {
                // The lift's sensor may see the vehicle's pack at contact: only with every latch open is it on the lift.
                Inventory.Arrived(PackPlace.Lift);
            }
            if (!Inventory.At(PackPlace.Staging).IsEmpty && Inventory.At(PackPlace.Staging).InTransit && staging)
            {
                Inventory.Arrived(PackPlace.Staging);
            }
            if (!Inventory.At(PackPlace.Vehicle).IsEmpty && Inventory.At(PackPlace.Vehicle).InTransit && Locks.AllLocked() && !lift)
            {
                Inventory.Arrived(PackPlace.Vehicle);
            }
        }

        // A move the axis refuses must never leave the step waiting with the permit on and no deadline running.
        private bool StartLift(double targetMm)
        {
            if (Lift.MoveTo(targetMm, _now)) return true;
            Log(Station.Hal.LogLevel.Error, "lift refused the move");
            RaiseFault(FaultCode.LiftMoveRefused);
            return false;
        }

        private bool StepJournal()
        {
            if (WriteJournal())
            {
                RaiseSwapEvent(SwapEventKind.Step);
                return true;
            }
            return false;
        }

        // Ends the current swap with exactly one record: the ended swap is journaled first (as the last swap, so a cut
        // after this never reopens it as interrupted), then reported with its record (cloud outbox, console history).
        // Both happen in this one call: a power cut between ticks sees either the swap still running (recovered and
        // recorded as interrupted later) or ended and reported.
        private void EndSwap(SwapOutcome outcome)
        {
            SwapRecord ended = CurrentSwap;
            ended.Outcome = outcome;
            ended.EndUtc = _io.Clock.UtcNow;
            LastSwap = ended;
            CurrentSwap = null;
            WriteJournal();
            RaiseSwapEvent(SwapEventKind.Aborted, ended);
        }

        // The swap the journal carries: the one under way, else the last that ended (its outcome survives a cut).
        private SwapRecord JournalSwap { get { return CurrentSwap != null ? CurrentSwap : LastSwap; } }

        private bool WriteJournal()
        {
            if (_journal.Write(_state, LatchedFault, _swapCounter, JournalSwap, Inventory)) return true;
            Log(Station.Hal.LogLevel.Error, "journal write failed");
            RaiseFault(FaultCode.JournalWriteFailed);
            return false;
        }

        /// <summary>Every actuator output off and MotionPermit withdrawn, at once.</summary>
        public void StopAllOutputs()
        {
            Lift.Stop();
            Locks.Stop();
            StagingConveyor.Stop();
            TransferConveyor.Stop();
            Interlocks.SetPermit(false, _now);
        }
    }
}
