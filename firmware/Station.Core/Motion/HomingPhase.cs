namespace Station.Core.Motion
{
    /// <summary>Where homing is: the home reference is taken only from a switch edge found twice at the same height.</summary>
    public enum HomingPhase
    {
        /// <summary>Down at homing speed until the home switch is made (first edge).</summary>
        Seek = 0,
        /// <summary>Up at approach speed until the switch reads released, then a little further.</summary>
        BackOff = 1,
        /// <summary>Down at approach speed until the switch is made again: its edge must agree with the first.</summary>
        Confirm = 2,
    }
}
