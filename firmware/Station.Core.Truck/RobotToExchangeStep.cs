using Station.Core.Swap.Car;

namespace Station.Core.Swap.Truck
{
    /// <summary>The robot brings the depleted block to the rack exchange at exchange height (travel and height home).</summary>
    public sealed class RobotToExchangeStep : TruckStep
    {
        /// <summary>The step stored as <see cref="SwapState.RobotToExchange"/>.</summary>
        public RobotToExchangeStep() : base(SwapState.RobotToExchange) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s) { return Needs(ForkIn(s)); }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s) { JournalThenMove(s, 0, 0, 0); }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            if (!Robot(s).TakeArrived(s)) return;
            if (CarBayProfile.ReturnBlocked(s)) return;
            s.Dispatch(SwapSignal.AxesArrived);
        }
    }
}
