namespace Station.Core
{
    /// <summary>Places in the bay, outside the rack slots, where a pack can be.</summary>
    public enum PackPlace
    {
        /// <summary>Staging point beside the lift.</summary>
        Staging = 0,
        /// <summary>On the lift platform.</summary>
        Lift = 1,
        /// <summary>In the vehicle standing in the bay.</summary>
        Vehicle = 2,
        /// <summary>Rack return point, where the depleted pack waits for the rack handler.</summary>
        ReturnPoint = 3,
    }
}
