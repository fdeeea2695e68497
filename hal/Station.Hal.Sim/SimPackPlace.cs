namespace Station.Hal.Sim
{
    /// <summary>Where a simulated pack physically is.</summary>
    public enum SimPackPlace
    {
        /// <summary>In a rack slot (<see cref="SimPack.Slot"/>).</summary>
        Rack = 0,
        /// <summary>In the rack handler, between a slot and a conveyor.</summary>
        Handler = 1,
        /// <summary>On the conveyor line (<see cref="SimPack.TrackMm"/>: 0 = feed point).</summary>
        Conveyor = 2,
        /// <summary>On the lift platform.</summary>
        Lift = 3,
        /// <summary>Held in the vehicle by its locks.</summary>
        Vehicle = 4,
        /// <summary>Left the station in a departed vehicle.</summary>
        Departed = 5,
        /// <summary>On the floor of the pit: dropped (a hazard the plant reports).</summary>
        Dropped = 6,
    }
}
