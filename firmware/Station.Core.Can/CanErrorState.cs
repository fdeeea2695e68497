namespace Station.Core.Can
{
    /// <summary>CAN fault confinement state (ISO 11898-1): from the error counters and the controller's flags.</summary>
    public enum CanErrorState
    {
        /// <summary>Both counters below 96: normal.</summary>
        Active = 0,
        /// <summary>A counter at 96 or above: warning.</summary>
        Warning = 1,
        /// <summary>A counter at 128 or above: error passive (no active error frames).</summary>
        Passive = 2,
        /// <summary>Transmit counter above 255: the node is off the bus.</summary>
        BusOff = 3,
    }
}
