namespace Station.Core.Swap
{
    /// <summary>Conditions on transition rows (evaluated by SwapSequencer.Holds; no delegates, so the table is plain data).</summary>
    public enum SwapGuard
    {
        /// <summary>No condition.</summary>
        Always = 0,
        /// <summary>The journal holds a swap that was not finished.</summary>
        SwapInterrupted = 1,
        /// <summary>The journal holds a latched fault (and no unfinished swap).</summary>
        FaultWasLatched = 2,
        /// <summary>The charged pack is confirmed at the staging point.</summary>
        Staged = 3,
        /// <summary>The charged pack is not yet at the staging point.</summary>
        NotStaged = 4,
        /// <summary>Bay clear and the safety relay agrees with no permit: a reset or confirmation may proceed.</summary>
        InputsHealthy = 5,
        /// <summary>Bay clear, vehicle positioned, a charged pack chosen.</summary>
        SwapAllowed = 6,
        /// <summary>Truck: the fork carries no block.</summary>
        ForkEmpty = 7,
        /// <summary>Truck: the fork carries a block.</summary>
        ForkLoaded = 8,
        /// <summary>Truck: a booked block position is still to be swapped.</summary>
        MoreBlocks = 9,
        /// <summary>Truck: every booked block position has been swapped.</summary>
        LastBlock = 10,
        /// <summary>Truck: SwapAllowed, and the robot's travel and fork axes are homed too.</summary>
        RobotReady = 11,
    }
}
