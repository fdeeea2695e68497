using Station.Core;
using Station.Core.Cloud;
using Station.Hal.Sim;

namespace Station.Fleet
{
    /// <summary>A fleet station's heavy-truck bay: the truck plant, a truck with three blocks booked for all three, the
    /// rack handler fetching the readiest blocks at drive-in.</summary>
    public sealed class TruckFleetBay : IFleetBay
    {
        private readonly SimTruckBay _bay;
        private string _truck;

        /// <summary>A truck bay on <paramref name="clock"/> and <paramref name="storage"/>; the chargers charge at 20 %/min.</summary>
        public TruckFleetBay(SimClock clock, MemoryStorage storage)
        {
            var plant = SimTruckBay.DefaultPlant();
            plant.ChargePctPerMin = 20;
            _bay = new SimTruckBay(plant, clock, storage);
        }

        /// <summary>The truck plant.</summary>
        public SimTruckBay Truck => _bay;
        /// <inheritdoc/>
        public string Kind => "truck";
        /// <inheritdoc/>
        public SimBay Shared => _bay.Bay;
        /// <inheritdoc/>
        public StationIo Io => _bay.Io;
        /// <inheritdoc/>
        public StationConfig Config => _bay.Config;
        /// <inheritdoc/>
        public bool Empty => !_bay.TruckInBay;
        /// <inheritdoc/>
        public bool Positioned => _bay.TruckIsPositioned;
        /// <inheritdoc/>
        public bool VehicleHeld => _bay.TruckIsPositioned || _bay.TruckArriving;

        /// <inheritdoc/>
        public void Step(int ms) => _bay.Step(ms);

        /// <inheritdoc/>
        public void PowerCycle() { _bay.PowerLoss(); _bay.PowerRestore(); }

        /// <inheritdoc/>
        public void Arrive(string id, int n, StationController c)
        {
            _truck = id + "-TRK" + n;
            _bay.ArriveTruck(_truck, 7);
            Station.Simulator.BlockPrefetch.Fetch(c, Shared.Rack, 7);
        }

        /// <inheritdoc/>
        public bool Authorize(StationController c, StationCloud cloud)
        {
            var auth = new SwapAuthorization(_truck, null) { BlockPositions = 7, BlockCount = 3 };
            return cloud.AuthorizeLocal(auth, "operator").Accepted;
        }

        /// <inheritdoc/>
        public void Depart() => _bay.DepartTruck();

        /// <inheritdoc/>
        public void SwapStarted(SwapRecord r) { }
    }
}
