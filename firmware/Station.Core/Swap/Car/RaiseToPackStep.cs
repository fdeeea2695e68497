namespace Station.Core.Swap.Car
{
    /// <summary>RaiseToPack: the lift rises to the vehicle's pack; the staging conveyor brings the charged pack in
    /// parallel. Needs the lift at home (encoder and home switch).</summary>
    public sealed class RaiseToPackStep : SwapStep
    {
        /// <summary>The step stored as RaiseToPack.</summary>
        public RaiseToPackStep() : base(SwapState.RaiseToPack) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s)
        {
            return Needs(s.Lift.IsHome);
        }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            if (s.Inventory.At(PackPlace.Staging).IsEmpty && s.CurrentSwap.SourceSlot >= 0)
            {
                s.Inventory.MoveFromSlot(s.CurrentSwap.SourceSlot, PackPlace.Staging);
            }
            s.StagingConveyor.Reset();
            if (!s.StepJournal() || !s.StartLift(s.Config.VehicleHeightMm)) return;
            if (!CarBayProfile.IsStaged(s)) s.StagingConveyor.Start(s.Now);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (s.Actuators.Lift.TakeArrived()) s.Dispatch(SwapSignal.LiftArrived); // fields: Run is on every tick
        }
    }
}
