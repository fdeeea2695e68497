using Station.Core.Motion;

namespace Station.Core.Swap.Car
{
    /// <summary>The car bay: a car on the bay floor, one pack under it, a lift, a set of latches, a staging conveyor
    /// from the rack and a transfer conveyor across the lift (README.md, "The swap"). Its step numbers are the journal's
    /// (<see cref="SwapState"/> 5..14): never renumber.</summary>
    public sealed class CarBayProfile : BayProfile
    {
        /// <summary>The car bay's swap rows: raise, unlock, lower, transfer, raise, lock, lower, release.</summary>
        public static readonly TransitionRow[] Rows =
        {
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
        };

        private static readonly string[] Places = { "staging", "lift", "vehicle", "return point" };
        private static readonly string[] Actuators = { "lift", "locks", "staging conveyor", "transfer conveyor", "motion permit" };
        private static readonly string[] Ports =
        {
            BoardPorts.LinearAxis, BoardPorts.LockSet, BoardPorts.StagingConveyor, BoardPorts.TransferConveyor, BoardPorts.SafetyChain,
        };

        private readonly SwapStep[] _steps =
        {
            new ArmingStep(), new RaiseToPackStep(), new UnlockStep(), new LowerDepletedStep(), new WaitStagedStep(),
            new TransferStep(), new RaiseChargedStep(), new LockStep(), new LowerEmptyStep(), new ReleaseGateStep(),
        };

        /// <inheritdoc/>
        public override string Name { get { return Station.Core.Config.BayProfileNames.Car; } }
        /// <inheritdoc/>
        public override SwapStep[] Steps { get { return _steps; } }
        /// <inheritdoc/>
        public override TransitionRow[] SwapRows { get { return Rows; } }
        /// <inheritdoc/>
        public override string[] PlaceNames { get { return Places; } }
        /// <inheritdoc/>
        public override string[] ActuatorGroups { get { return Actuators; } }
        /// <inheritdoc/>
        public override string[] PortGroups { get { return Ports; } }
        /// <inheritdoc/>
        public override string ReleaseGate
        {
            get { return "every latch locked, lift home, bay clear, no pack left on the lift, pack check passed and confirmed fresh"; }
        }

        /// <inheritdoc/>
        public override bool Holds(SwapGuard guard, SwapSequencer s)
        {
            if (guard == SwapGuard.Staged) return IsStaged(s);
            if (guard == SwapGuard.NotStaged) return !IsStaged(s);
            return false;
        }

        /// <inheritdoc/>
        public override bool EveryTick(SwapSequencer s)
        {
            // The staging conveyor runs across steps (from RaiseToPack until the pack arrives). This runs in every tick:
            // the sequencer's state, actuators and inventory are read as fields and TakeDone is inline (a call is dear on
            // the interpreter).
            Conveyor staging = s.Actuators.Staging;
            if (staging.Done)
            {
                staging.Done = false;
                OnStaged(s);
            }
            if (s.Leaf == SwapState.Faulted) return false;
            // TrackReturnPoint's own first test, inline: most ticks there is no settled pack to take.
            PackRecord r = s.Packs.PlaceRecords[(int)PackPlace.ReturnPoint];
            if (r.Serial != null && !r.InTransit && !s.Actuators.PackAtReturn.Level) TrackReturnPoint(s);
            return true;
        }

        /// <inheritdoc/>
        public override void Reconcile(SwapSequencer s)
        {
            PackInventory inv = s.Inventory;
            bool staging = s.PackAtStagingSensed, lift = s.PackOnLiftSensed, ret = s.PackAtReturnSensed;
            PackRecord r = inv.At(PackPlace.ReturnPoint);
            if (!r.IsEmpty && r.InTransit)
            {
                // Transfer in flight: both moves finished only if the run visibly completed.
                if (TransferSettled(s))
                {
                    inv.Arrived(PackPlace.ReturnPoint);
                    inv.Arrived(PackPlace.Lift);
                }
            }
            else if (!inv.At(PackPlace.Lift).IsEmpty && inv.At(PackPlace.Lift).InTransit && lift && s.Locks.AllUnlocked())
            {
                // The lift's sensor may see the vehicle's pack at contact: only with every latch open is it on the lift.
                inv.Arrived(PackPlace.Lift);
            }
            if (!inv.At(PackPlace.Staging).IsEmpty && inv.At(PackPlace.Staging).InTransit && staging) inv.Arrived(PackPlace.Staging);
            if (!inv.At(PackPlace.Vehicle).IsEmpty && inv.At(PackPlace.Vehicle).InTransit && s.Locks.AllLocked() && !lift)
            {
                inv.Arrived(PackPlace.Vehicle);
            }
        }

        /// <summary>A charged pack waits at staging, confirmed there.</summary>
        public static bool IsStaged(SwapSequencer s)
        {
            PackRecord p = s.Inventory.At(PackPlace.Staging);
            return !p.IsEmpty && !p.InTransit;
        }

        /// <summary>The transfer would push the depleted pack into a return point the sensor says is taken by a pack the
        /// inventory does not know about: latches UnexpectedPack and answers true.</summary>
        public static bool ReturnBlocked(SwapSequencer s)
        {
            if (!s.PackAtReturnSensed || !s.Inventory.At(PackPlace.ReturnPoint).IsEmpty) return false;
            s.RaiseFault(FaultCode.UnexpectedPack);
            return true;
        }

        /// <summary>The staging conveyor's run finished: the pack at staging is confirmed there (journaled).</summary>
        public static void OnStaged(SwapSequencer s)
        {
            if (s.Inventory.At(PackPlace.Staging).IsEmpty) return;
            s.Inventory.Arrived(PackPlace.Staging);
            s.WriteJournal();
        }

        // The rack handler takes the depleted pack from the return point into the slot the charged pack left.
        /// <summary>The rack handler took the depleted pack from the return point: it goes into its slot (journaled).</summary>
        public static void TrackReturnPoint(SwapSequencer s)
        {
            PackInventory inv = s.Inventory;
            PackRecord r = inv.At(PackPlace.ReturnPoint);
            if (r.Serial == null || r.InTransit || s.PackAtReturnSensed) return; // IsEmpty without the call (every tick)
            int slot = inv.ReturnSlot;
            if (slot < 0 || !inv.Slot(slot).IsEmpty) slot = inv.FirstEmptySlot();
            if (slot < 0) return;
            inv.MoveToSlot(PackPlace.ReturnPoint, slot, PackState.Charging);
            inv.ReturnSlot = -1;
            s.WriteJournal();
        }
    }
}
