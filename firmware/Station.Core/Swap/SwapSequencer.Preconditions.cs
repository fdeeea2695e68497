namespace Station.Core.Swap
{
    /// <summary>What each swap step needs before it acts, checked on entry - not only by the completion of the step
    /// before - so a sensor that changed in between, or a completion judged on one channel, cannot start a motion in the
    /// wrong place.</summary>
    /// <remarks>
    /// | step | needs | channels | else |
    /// |---|---|---|---|
    /// | RaiseToPack, RaiseCharged | lift at home (RaiseCharged: every lock open to take the pack) | encoder + home switch; lock sensors | StepPreconditionFailed |
    /// | Unlock, Lock | lift at the vehicle height | encoder + home switch released | StepPreconditionFailed |
    /// | LowerDepleted / LowerEmpty | every lock unlocked / locked, lift at the vehicle height | lock sensors; encoder | StepPreconditionFailed |
    /// | Transfer | lift at transfer height (home) | encoder within HomeWindowMm + home switch | LiftNotAtTransferHeight |
    /// A failed precondition latches its fault before the step changes the inventory or drives anything.
    /// </remarks>
    public sealed partial class SwapSequencer
    {
        private bool PreconditionHolds(SwapState s)
        {
            double h = _c.VehicleHeightMm;
            bool ok;
            switch (s)
            {
                case SwapState.RaiseToPack: ok = Lift.IsHome; break;
                case SwapState.Unlock: ok = Lift.IsAt(h); break;
                case SwapState.LowerDepleted: ok = Lift.IsAt(h) && Locks.AllUnlocked(); break;
                case SwapState.Transfer:
                    if (Lift.IsHome) return true;
                    RaiseFault(FaultCode.LiftNotAtTransferHeight);
                    return false;
                case SwapState.RaiseCharged: ok = Lift.IsHome && Locks.AllUnlocked(); break;
                case SwapState.Lock: ok = Lift.IsAt(h); break;
                case SwapState.LowerEmpty: ok = Lift.IsAt(h) && Locks.AllLocked(); break;
                default: return true;
            }
            if (!ok) RaiseFault(FaultCode.StepPreconditionFailed);
            return ok;
        }
    }
}
