namespace Station.Hal.Sim
{
    /// <summary>Where the simulated vehicle is in its visit.</summary>
    public enum VehicleState
    {
        /// <summary>No vehicle in the bay.</summary>
        Absent = 0,
        /// <summary>Driving in and being positioned.</summary>
        Arriving = 1,
        /// <summary>Standing at the swap position (the vehicle-position sensor is made).</summary>
        Positioned = 2,
        /// <summary>Driving out after release.</summary>
        Departing = 3,
        /// <summary>Rolled out of the swap position mid-swap (driver, handbrake): still in the bay, the sensor not made.</summary>
        Moving = 4,
    }
}
