using Station.Core.Motion;

namespace Station.Core.Swap.Truck
{
    /// <summary>The block's latches engage, then its connector mates; once both read so, the block's own release check
    /// begins (its BMS session overlaps the robot's next moves).</summary>
    public sealed class LatchBlockStep : TruckStep
    {
        /// <summary>The step stored as <see cref="SwapState.LatchBlock"/>.</summary>
        public LatchBlockStep() : base(SwapState.LatchBlock) { }

        /// <inheritdoc/>
        public override FaultCode Precondition(SwapSequencer s)
        {
            if (!Robot(s).BlockPresent(Position(s))) return FaultCode.BlockNotInCradle;
            return Needs(ForkOut(s) && AtBlock(s, TruckFigures.UnderBlockMm));
        }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            if (!s.StepJournal()) return;
            Robot(s).Latches[Position(s) - 1].EngageAll(s.Now);
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            int i = Position(s) - 1;
            TruckRobot r = Robot(s);
            if (!Engaged(r.Latches[i])) return;
            LockSet connector = r.Connectors[i];
            // The connector mates only onto a latched block (it must not carry the block's weight or movement).
            if (!connector.AllLocked())
            {
                if (connector.Command == LockCommand.None) connector.EngageAll(s.Now);
                return;
            }
            if (connector.Command != LockCommand.None) return;
            s.Inventory.Arrived(Place(s));
            TruckBayProfile.Of(s).BlockGate.Start(Position(s), s.CurrentSwap, s.Now);
            s.Dispatch(SwapSignal.LocksDone);
        }

        private static bool Engaged(LockSet l) { return l.Command == LockCommand.None && l.AllLocked(); }
    }
}
