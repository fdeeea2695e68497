namespace Station.Hal.Sim
{
    /// <summary>A vehicle visiting the bay with its pack.</summary>
    public sealed class SimVehicle
    {
        /// <summary>A vehicle with an id (VIN or plate) carrying <paramref name="pack"/>.</summary>
        public SimVehicle(string id, SimPack pack)
        {
            Id = id;
            Pack = pack;
        }

        /// <summary>Vehicle id.</summary>
        public string Id { get; }
        /// <summary>The pack the vehicle carries now (null when it has been taken out).</summary>
        public SimPack Pack { get; internal set; }
        /// <summary>The pack it arrived with.</summary>
        public SimPack ArrivedWith { get; internal set; }
        /// <summary>Where the vehicle is in its visit.</summary>
        public VehicleState State { get; internal set; }
        /// <summary>Simulated time the vehicle was positioned, ms (-1 before).</summary>
        public long PositionedAtMs { get; internal set; } = -1;
        /// <summary>Simulated time the vehicle started to leave, ms (-1 before).</summary>
        public long DepartedAtMs { get; internal set; } = -1;
        internal int RemainingMs;
    }
}
