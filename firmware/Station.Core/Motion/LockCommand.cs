namespace Station.Core.Motion
{
    /// <summary>What the lock set was last told to do.</summary>
    public enum LockCommand
    {
        /// <summary>No command: outputs off.</summary>
        None = 0,
        /// <summary>Driving every lock towards locked.</summary>
        Engage = 1,
        /// <summary>Driving every lock towards unlocked.</summary>
        Release = 2,
    }
}
