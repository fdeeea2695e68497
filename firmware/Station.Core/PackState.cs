namespace Station.Core
{
    /// <summary>Condition of a pack (or of an empty place). Stored in the journal: never renumber.</summary>
    public enum PackState
    {
        /// <summary>No pack here.</summary>
        Empty = 0,
        /// <summary>In the rack, charging.</summary>
        Charging = 1,
        /// <summary>In the rack, charged and available.</summary>
        Ready = 2,
        /// <summary>Marked faulty: never installed.</summary>
        Faulty = 3,
        /// <summary>Out of the rack: in a vehicle or on its way through the bay.</summary>
        InUse = 4,
    }
}
