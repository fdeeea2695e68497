namespace Station.Core.Motion
{
    /// <summary>What the lift axis is doing.</summary>
    public enum LiftMode
    {
        /// <summary>Stopped, brake holding.</summary>
        Idle = 0,
        /// <summary>Moving to a target position.</summary>
        Moving = 1,
        /// <summary>Seeking the home switch.</summary>
        Homing = 2,
        /// <summary>Stopped by a fault; cleared only by <see cref="LiftAxis.ClearFault"/>.</summary>
        Faulted = 3,
    }
}
