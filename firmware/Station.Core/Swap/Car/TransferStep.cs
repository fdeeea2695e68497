namespace Station.Core.Swap.Car
{
    /// <summary>Transfer: the transfer conveyor moves the depleted pack off to the return point and the charged pack
    /// onto the lift. Needs the lift at transfer height (encoder within the home window and the home switch).</summary>
    public sealed class TransferStep : SwapStep
    {
        /// <summary>The step stored as Transfer.</summary>
        public TransferStep() : base(SwapState.Transfer) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s)
        {
            return s.Lift.IsHome ? FaultCode.None : FaultCode.LiftNotAtTransferHeight;
        }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            s.Inventory.Move(PackPlace.Lift, PackPlace.ReturnPoint);
            s.Inventory.Move(PackPlace.Staging, PackPlace.Lift);
            if (!s.StepJournal()) return;
            s.TransferConveyor.Start(s.Now);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (!s.Actuators.Transfer.TakeDone()) return; // fields: Run is on every tick
            s.Inventory.Arrived(PackPlace.ReturnPoint);
            s.Inventory.Arrived(PackPlace.Lift);
            s.Dispatch(SwapSignal.TransferDone);
        }
    }
}
