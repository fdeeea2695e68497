using System;
using System.Linq;
using Station.Fleet;

namespace Station.Cloud.Tests
{
    /// <summary>Runs a fleet until an outside consumer on the broker has seen what a test waits for, then stops it.
    /// A fixed wall-clock run is not enough: on a loaded machine the fleet falls behind its speed and a run of a few
    /// seconds simulates too little to finish a swap. The bound only ends a hung run.</summary>
    public static class FleetUntil
    {
        /// <summary>Runs <paramref name="settings"/> against <paramref name="broker"/> until <paramref name="done"/> holds
        /// for the consumer's records (or the bound passes: the test fails saying <paramref name="what"/>), then stops
        /// the fleet cleanly and returns its report.</summary>
        public static FleetReport Run(FleetSettings settings, Mosquitto broker, Func<Consumer, bool> done, string what, int boundMs = 240000)
        {
            using var fleet = new RunningFleet(settings, broker);
            fleet.WaitFor(done, what, boundMs);
            return fleet.Stop();
        }

        /// <summary>The completed-swap records the consumer saw from bays of <paramref name="bay"/> ("car" or "truck").</summary>
        public static int Completed(Consumer c, string bay) =>
            c.RecordsOfType("swap.completed").Count(r => r.GetProperty("swap").GetProperty("bay").GetString() == bay);
    }
}
