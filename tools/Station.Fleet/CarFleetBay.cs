using Station.Core;
using Station.Core.Cloud;
using Station.Hal.Sim;

namespace Station.Fleet
{
    /// <summary>A fleet station's car bay: the car plant, a car with one pack, the rack pack the controller would
    /// choose fetched at drive-in.</summary>
    public sealed class CarFleetBay : IFleetBay
    {
        /// <summary>A car bay on <paramref name="clock"/> and <paramref name="storage"/>; the chargers charge at 20 %/min.</summary>
        public CarFleetBay(SimClock clock, MemoryStorage storage)
        {
            var plant = new PlantParameters { ChargePctPerMin = 20 };
            Shared = new SimBay(plant, clock, storage);
            Config = plant.ControllerConfig();
        }

        /// <inheritdoc/>
        public string Kind => "car";
        /// <inheritdoc/>
        public SimBay Shared { get; }
        /// <inheritdoc/>
        public StationIo Io => Shared.Io;
        /// <inheritdoc/>
        public StationConfig Config { get; }
        /// <inheritdoc/>
        public bool Empty => Shared.Vehicle == null;
        /// <inheritdoc/>
        public bool Positioned => Shared.Vehicle?.State == VehicleState.Positioned;
        /// <inheritdoc/>
        public bool VehicleHeld => Shared.Vehicle != null && Shared.Vehicle.State != VehicleState.Departing;

        /// <inheritdoc/>
        public void Step(int ms) => Shared.Step(ms);

        /// <inheritdoc/>
        public void PowerCycle() { Shared.PowerLoss(); Shared.PowerRestore(); }

        /// <inheritdoc/>
        public void Arrive(string id, int n, StationController c)
        {
            Shared.ArriveVehicle(id + "-CAR" + n, id + "-VP" + n);
            int slot = c.Inventory.ChooseReady(c.Config.MinSocPct);
            if (slot >= 0) Shared.Rack.Fetch(c.Inventory.Slot(slot).Serial);
        }

        /// <inheritdoc/>
        public bool Authorize(StationController c, StationCloud cloud)
        {
            var veh = Shared.Vehicle;
            int slot = c.Inventory.ChooseReady(c.Config.MinSocPct);
            var auth = new SwapAuthorization(veh.Id, slot >= 0 ? c.Inventory.Slot(slot).Serial : null)
            {
                VehiclePackSerial = veh.Pack?.Serial,
                VehiclePackSocPct = veh.Pack == null ? -1 : (int)veh.Pack.SocPct,
            };
            return cloud.AuthorizeLocal(auth, "operator").Accepted;
        }

        /// <inheritdoc/>
        public void Depart() => Shared.DepartVehicle();

        /// <inheritdoc/>
        public void SwapStarted(SwapRecord r)
        {
            // The rack handler fetches the pack the controller chose (a cloud booking may not have named one).
            if (r?.PackInSerial != null && !Shared.Rack.HandlerBusy && Shared.Rack.SlotOf(r.PackInSerial) >= 0) Shared.Rack.Fetch(r.PackInSerial);
        }
    }
}
