using Station.Core;
using Station.Core.Cloud;
using Station.Hal.Sim;

namespace Station.Fleet
{
    /// <summary>The bay behind a fleet station, car or truck: its simulated plant and the people in it (vehicles that
    /// drive in, the local booking, a released vehicle driving off). <see cref="SimStation"/> owns what both share:
    /// the controller, the cloud link, homing, the chargers' reports and the arrival rate.</summary>
    public interface IFleetBay
    {
        /// <summary>"car" or "truck".</summary>
        string Kind { get; }
        /// <summary>The car plant, or the truck bay's shared devices (safety chain, height axis, rack).</summary>
        SimBay Shared { get; }
        /// <summary>The ports the controller drives.</summary>
        StationIo Io { get; }
        /// <summary>A configuration matched to the plant.</summary>
        StationConfig Config { get; }
        /// <summary>True when no vehicle is in the bay (none arriving, standing or leaving).</summary>
        bool Empty { get; }
        /// <summary>True while an authorised vehicle stands in the bay and is not yet leaving.</summary>
        bool VehicleHeld { get; }
        /// <summary>Advances the plant by <paramref name="ms"/>.</summary>
        void Step(int ms);
        /// <summary>The board's power drops and returns (a restart): outputs fall to their reset level, the plant stays.</summary>
        void PowerCycle();
        /// <summary>Vehicle number <paramref name="n"/> of station <paramref name="id"/> drives in; the rack handler
        /// fetches what the controller will choose.</summary>
        void Arrive(string id, int n, StationController c);
        /// <summary>The local booking authorises the positioned vehicle once; true when accepted.</summary>
        bool Authorize(StationController c, StationCloud cloud);
        /// <summary>True when the vehicle stands positioned, ready for a booking or to leave.</summary>
        bool Positioned { get; }
        /// <summary>The released vehicle drives off.</summary>
        void Depart();
        /// <summary>The controller started a swap whose record is <paramref name="r"/> (the handler may fetch now).</summary>
        void SwapStarted(SwapRecord r);
    }
}
