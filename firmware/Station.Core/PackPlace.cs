namespace Station.Core
{
    /// <summary>Places in the bay, outside the rack slots, where a pack can be.</summary>
    public enum PackPlace
    {
        /// <summary>Staging point beside the lift.</summary>
        Staging = 0,
        /// <summary>On the lift platform.</summary>
        Lift = 1,
        /// <summary>In the vehicle standing in the bay (truck bay: the block at position 1).</summary>
        Vehicle = 2,
        /// <summary>Rack return point, where the depleted pack waits for the rack handler.</summary>
        ReturnPoint = 3,
        /// <summary>Truck bay: the truck's second block position (the first is <see cref="Vehicle"/>).</summary>
        VehicleBlock2 = 4,
        /// <summary>Truck bay: the truck's third block position.</summary>
        VehicleBlock3 = 5,
    }
}
