namespace Station.Core.Swap.Truck
{
    /// <summary>The robot returns to its park position (the exchange, home height, fork in) before the truck may leave.</summary>
    public sealed class ParkRobotStep : TruckStep
    {
        /// <summary>The step stored as <see cref="SwapState.ParkRobot"/>.</summary>
        public ParkRobotStep() : base(SwapState.ParkRobot) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s) { return Needs(ForkIn(s)); }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s) { JournalThenMove(s, 0, 0, 0); }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s) { DispatchOnArrival(s); }
    }
}
