namespace Station.Core.Swap.Car
{
    /// <summary>LowerEmpty: the empty lift returns home while the pack check starts. Needs every latch locked and the
    /// lift at the vehicle height.</summary>
    public sealed class LowerEmptyStep : SwapStep
    {
        /// <summary>The step stored as LowerEmpty.</summary>
        public LowerEmptyStep() : base(SwapState.LowerEmpty) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s)
        {
            return Needs(LiftAtVehicle(s) && s.Locks.AllLocked());
        }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            if (!s.StepJournal() || !s.StartLift(0)) return;
            s.Gate.Start(s.CurrentSwap, s.Now);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (!s.Actuators.Lift.TakeArrived()) return; // fields: Run is on every tick
            // The locks reached their end position, but if the lift came home still carrying a pack the charged pack
            // never went into the vehicle: hold the vehicle.
            if (s.PackOnLiftSensed && s.Inventory.At(PackPlace.Lift).IsEmpty)
            {
                s.RaiseFault(FaultCode.UnexpectedPack);
                return;
            }
            s.Dispatch(SwapSignal.LiftArrived);
        }
    }
}
