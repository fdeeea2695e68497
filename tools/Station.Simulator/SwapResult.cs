namespace Station.Simulator
{
    /// <summary>One vehicle's visit as the simulator saw it.</summary>
    public sealed class SwapResult
    {
        /// <summary>1-based swap number.</summary>
        public int Number;
        /// <summary>Vehicle id.</summary>
        public string VehicleId;
        /// <summary>Pack the vehicle brought.</summary>
        public string PackOut;
        /// <summary>Pack chosen for it.</summary>
        public string PackIn;
        /// <summary>Simulated ms: vehicle started to drive in.</summary>
        public long ArriveMs = -1;
        /// <summary>Simulated ms: the controller accepted the authorisation.</summary>
        public long AuthorizedMs = -1;
        /// <summary>Simulated ms: the controller released the vehicle.</summary>
        public long ReleasedMs = -1;
        /// <summary>Simulated ms: the vehicle had left the bay.</summary>
        public long LeftMs = -1;
        /// <summary>Pack the vehicle left with (plant truth).</summary>
        public string LeftWith;
        /// <summary>The controller's record of the swap, taken at the release (the truck bay lists its blocks from it).</summary>
        public Station.Core.SwapRecord Record;

        /// <summary>True once released by the controller.</summary>
        public bool Completed => ReleasedMs >= 0;
        /// <summary>Authorisation to release, s (the station's swap time), or -1.</summary>
        public double CycleSeconds => Completed && AuthorizedMs >= 0 ? (ReleasedMs - AuthorizedMs) / 1000.0 : -1;
        /// <summary>Drive-in to gone, s, or -1.</summary>
        public double DoorToDoorSeconds => LeftMs >= 0 ? (LeftMs - ArriveMs) / 1000.0 : -1;
    }
}
