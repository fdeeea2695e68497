using Station.Core.Swap.Car;

namespace Station.Core.Swap.Truck
{
    /// <summary>The exchange rollers move the depleted block off the fork to the return point and the staged charged
    /// block onto the fork: the car's transfer (the same step behaviour) with the robot at the exchange.</summary>
    public sealed class ExchangeStep : TruckStep
    {
        private readonly TransferStep _transfer = new TransferStep();

        /// <summary>The step stored as <see cref="SwapState.Transfer"/>.</summary>
        public ExchangeStep() : base(SwapState.Transfer) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s)
        {
            TruckRobot r = Robot(s);
            return s.Lift.IsHome && r.Travel.IsHome && r.Fork.IsHome ? FaultCode.None : FaultCode.LiftNotAtTransferHeight;
        }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            // The rack handler stores the depleted block in the slot this block's charged one left.
            s.Inventory.ReturnSlot = Block(s).SourceSlot >= 0 ? Block(s).SourceSlot : s.Inventory.FirstEmptySlot();
            _transfer.Enter(s);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s) { _transfer.Run(s); }
    }
}
