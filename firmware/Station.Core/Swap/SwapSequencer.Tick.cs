using Station.Core.Motion;

namespace Station.Core.Swap
{
    /// <summary>One control period: sample, check interlocks (stop in this tick), update actuators, turn completions
    /// into signals. Allocation-free.</summary>
    public sealed partial class SwapSequencer
    {
        private long _lastTickMs = -1;

        /// <summary>Control ticks that came later than <c>TickLateMs</c> after the one before, since power-up (counted
        /// whether or not anything moved).</summary>
        public int LateTicks { get; private set; }

        /// <summary>The longest gap between two control ticks since power-up, ms.</summary>
        public long LongestTickGapMs { get; private set; }

        /// <summary>Runs one control period.</summary>
        public void Tick()
        {
            _now = _io.Clock.NowMs;
            Interlocks.KickWatchdog();
            bool late = TrackTickGap();
            Interlocks.Sample(_now);
            _packAtStaging.Sample(_now);
            _packOnLift.Sample(_now);
            _packAtReturn.Sample(_now);
            PollPackCheck();
            if (_state == SwapState.Off) return;
            if (_state == SwapState.Recovery)
            {
                // Report only: sensors are read (for the confirmation), nothing is driven, nothing in the inventory changes.
                Lift.Update(_now);
                Locks.Update(_now);
                return;
            }
            // A late tick: the firmware watched nothing in between (the relay's permit watchdog dropped the drives' power
            // meanwhile); whatever was driven is stopped and the station faulted, whatever it may look like now.
            if (late && AnythingDriven() && _state != SwapState.Faulted)
            {
                RaiseFault(FaultCode.ControlTickLate);
                return;
            }
            TrackDeparture();

            // Also while a console maintenance motion holds the permit outside the Motion states: an open interlock must
            // be reported as itself, before the safety relay it also drops reads as a relay fault.
            if (SwapStates.IsIn(_state, SwapState.Motion) || (Interlocks.PermitRequested && _state != SwapState.Recovery && _state != SwapState.Faulted))
            {
                FaultCode open = Interlocks.MotionFault(SwapStates.IsIn(_state, SwapState.Swapping));
                if (open != FaultCode.None)
                {
                    RaiseFault(open);
                    return;
                }
            }
            if (_state != SwapState.Recovery && _state != SwapState.Faulted)
            {
                FaultCode relay = Interlocks.RelayFault(_now);
                if (relay != FaultCode.None)
                {
                    RaiseFault(relay);
                    return;
                }
            }

            Lift.Update(_now);
            if (Lift.Fault != FaultCode.None) { RaiseFault(Lift.Fault); return; }
            Locks.MonitorHold = SwapStates.IsIn(_state, SwapState.Swapping);
            Locks.Update(_now);
            if (Locks.Fault != FaultCode.None) { RaiseFault(Locks.Fault); return; }
            StagingConveyor.Update(_now);
            if (StagingConveyor.Fault != FaultCode.None) { RaiseFault(StagingConveyor.Fault); return; }
            TransferConveyor.Update(_now);
            if (TransferConveyor.Fault != FaultCode.None) { RaiseFault(TransferConveyor.Fault); return; }

            if (StagingConveyor.TakeDone()) OnStaged();
            if (_state == SwapState.Faulted) return;
            TrackReturnPoint();

            switch (_state)
            {
                case SwapState.Homing:
                    if (_homingPending && Interlocks.DrivesReady)
                    {
                        _homingPending = false;
                        if (!Lift.StartHoming(_now)) RaiseFault(FaultCode.LiftMoveRefused);
                    }
                    if (Lift.TakeArrived()) Dispatch(SwapSignal.LiftArrived);
                    break;
                case SwapState.Arming:
                    if (Interlocks.DrivesReady) Dispatch(SwapSignal.DrivesReady);
                    break;
                case SwapState.RaiseToPack:
                case SwapState.RaiseCharged:
                    if (Lift.TakeArrived()) Dispatch(SwapSignal.LiftArrived);
                    break;
                case SwapState.LowerEmpty:
                    if (!Lift.TakeArrived()) break;
                    // The locks reached their end position, but if the lift came home still carrying a pack the charged
                    // pack never went into the vehicle: hold the vehicle.
                    if (StraySensed(PackPlace.Lift, _packOnLift))
                    {
                        RaiseFault(FaultCode.UnexpectedPack);
                        break;
                    }
                    Dispatch(SwapSignal.LiftArrived);
                    break;
                case SwapState.LowerDepleted:
                    if (Lift.TakeArrived()) OnDepletedLowered();
                    break;
                case SwapState.Unlock:
                    if (Locks.TakeDone()) Dispatch(SwapSignal.LocksDone);
                    break;
                case SwapState.Lock:
                    if (Locks.TakeDone())
                    {
                        Inventory.Arrived(PackPlace.Vehicle);
                        Dispatch(SwapSignal.LocksDone);
                    }
                    break;
                case SwapState.WaitStaged:
                    if (IsStaged() && !ReturnBlocked()) Dispatch(SwapSignal.StagingDone);
                    break;
                case SwapState.Transfer:
                    if (TransferConveyor.TakeDone())
                    {
                        Inventory.Arrived(PackPlace.ReturnPoint);
                        Inventory.Arrived(PackPlace.Lift);
                        Dispatch(SwapSignal.TransferDone);
                    }
                    break;
                case SwapState.ReleaseGate:
                    EvaluateGate();
                    break;
                case SwapState.Released:
                    if (!Interlocks.VehiclePositioned) Dispatch(SwapSignal.VehicleLeft);
                    break;
            }
        }

        // Measures the gap since the tick before; true when it passed TickLateMs.
        private bool TrackTickGap()
        {
            long gap = _lastTickMs < 0 ? 0 : _now - _lastTickMs;
            _lastTickMs = _now;
            if (gap > LongestTickGapMs) LongestTickGapMs = gap;
            if (gap <= _c.TickLateMs) return false;
            LateTicks++;
            return true;
        }

        // True while any actuator is commanded: the lift, a lock, a conveyor.
        private bool AnythingDriven()
        {
            LiftMode m = Lift.Mode;
            return m == LiftMode.Moving || m == LiftMode.Homing || Locks.Command != LockCommand.None
                || StagingConveyor.IsRunning || TransferConveyor.IsRunning;
        }

        private void OnStaged()
        {
            if (Inventory.At(PackPlace.Staging).IsEmpty) return;
            Inventory.Arrived(PackPlace.Staging);
            WriteJournal();
        }

        private void OnDepletedLowered()
        {
            if (!_packOnLift.Value)
            {
                RaiseFault(FaultCode.PackNotOnLift);
                return;
            }
            Inventory.Arrived(PackPlace.Lift);
            if (ReturnBlocked()) return;
            Dispatch(SwapSignal.LiftArrived);
        }

        // The transfer would push the depleted pack into a return point the sensor says is taken by a pack the inventory
        // does not know about.
        private bool ReturnBlocked()
        {
            if (!StraySensed(PackPlace.ReturnPoint, _packAtReturn)) return false;
            RaiseFault(FaultCode.UnexpectedPack);
            return true;
        }

        // The rack handler takes the depleted pack from the return point into the slot the charged pack left.
        private void TrackReturnPoint()
        {
            PackRecord r = Inventory.At(PackPlace.ReturnPoint);
            if (r.IsEmpty || r.InTransit || _packAtReturn.Value) return;
            int slot = Inventory.ReturnSlot;
            if (slot < 0 || !Inventory.Slot(slot).IsEmpty) slot = Inventory.FirstEmptySlot();
            if (slot < 0) return;
            Inventory.MoveToSlot(PackPlace.ReturnPoint, slot, PackState.Charging);
            Inventory.ReturnSlot = -1;
            WriteJournal();
        }

        // A pack confirmed in the vehicle leaves the bay inventory when the vehicle leaves. Released's exit does that in a
        // running swap; after a cut in Released, or a fault and reset with the pack confirmed in the vehicle, the journal
        // still lists it, so whenever no swap runs and the vehicle sensor reads no vehicle, the pack is taken off the
        // inventory and that is journaled. A pack in transit is kept: whether it left is for the technician to say.
        private void TrackDeparture()
        {
            if (CurrentSwap != null || Interlocks.VehiclePositioned) return;
            PackRecord v = Inventory.At(PackPlace.Vehicle);
            if (v.IsEmpty || v.InTransit) return;
            Inventory.Empty(PackPlace.Vehicle);
            WriteJournal();
        }

        // Starts the pack check on the pack just installed (while the empty lift returns home). The check begun here is
        // the one the gate decides on, even if PackCheck is replaced before the gate.
        private void StartPackCheck()
        {
            _gateStartMs = _now;
            _runningCheck = _check;
            _checkVerdict = GateVerdict.Pending;
            _checkFinished = false;
            _runningCheck.Begin(CurrentSwap, _now);
            _checkVerdict = _runningCheck.Poll(_now);
        }

        // Every tick, in every state, from the first Begin on: the sequencer alone drives the check (nobody outside has
        // to tick it). Until the gate decides, the verdict follows the check (a Passed may still turn Failed: a BMS fault
        // raised between the lock and the release); a Failed is kept. After Finish, polls only let the check end its own
        // exchange (the BMS session's clean end). Allocation-free.
        private void PollPackCheck()
        {
            if (_runningCheck == null) return;
            GateVerdict v = _runningCheck.Poll(_now);
            if (_checkFinished || _checkVerdict == GateVerdict.Failed) return;
            _checkVerdict = v;
        }

        // The gate decided or the swap left its steps: the check stops judging (the BMS session winds down).
        private void FinishPackCheck()
        {
            if (_runningCheck == null || _checkFinished) return;
            _checkFinished = true;
            _runningCheck.Finish(_now);
        }

        private void EvaluateGate()
        {
            FaultCode refusal = FaultCode.None;
            if (!Locks.AllLocked()) refusal = FaultCode.GateLocksNotLocked;
            else if (!Lift.IsHome) refusal = FaultCode.GateLiftNotHome;
            else if (!Interlocks.BayClear) refusal = FaultCode.GateBayNotClear;
            else if (_packOnLift.Value) refusal = FaultCode.UnexpectedPack;
            if (refusal != FaultCode.None)
            {
                RaiseFault(refusal);
                return;
            }
            if (_runningCheck == null) StartPackCheck(); // not begun on the way down (cannot happen in the table; never skip it)
            // The lift's pack sensor must be settled empty: a reading still inside its debounce time waits.
            if (_packOnLift.Raw) return;
            GateVerdict v = _checkVerdict;
            if (v == GateVerdict.Failed)
            {
                FaultCode f = _runningCheck.FailureFault;
                RaiseFault(f == FaultCode.None ? FaultCode.GatePackRejected : f);
                return;
            }
            if (v == GateVerdict.Pending)
            {
                if (_now - _gateStartMs > _c.BmsTimeoutMs) RaiseFault(FaultCode.GatePackCheckTimeout);
                return;
            }
            // Passed, but the release must rest on a verdict confirmed just now, not on one reached seconds ago: wait for
            // the check's next confirmation, and give up as a timeout if none comes.
            if (_now - _runningCheck.ConfirmedAtMs > _c.GateFreshMs)
            {
                if (_now - _gateEnteredMs > _c.BmsTimeoutMs) RaiseFault(FaultCode.GatePackCheckTimeout);
                return;
            }
            FinishPackCheck();
            CurrentSwap.BmsVerified = _runningCheck.VerifiesBms;
            if (_runningCheck.MeasuredSocPct >= 0) CurrentSwap.PackInSocPct = _runningCheck.MeasuredSocPct;
            Dispatch(SwapSignal.GatePassed);
        }
    }
}
