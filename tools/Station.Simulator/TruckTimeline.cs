using Station.Core;
using Station.Core.Swap.Truck;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>Records, tick by tick, what the truck bay does into a run's timeline: each booked block's window (from
    /// the robot setting off for it to the empty fork out again), the robot's travel, height and fork, each block's
    /// latches and connector, the shuttle and exchange rollers, the rack handler, the truck, and the interlocks. The
    /// block rows beside the shuttle and handler rows show the overlap: the next block is staged while the robot works.</summary>
    public static class TruckTimeline
    {
        /// <summary>Sets every row of <paramref name="t"/> from <paramref name="bay"/> and the swap in hand
        /// (<paramref name="swap"/>, null: none) at <paramref name="now"/>.</summary>
        public static void Record(Timeline t, SimTruckBay bay, SwapRecord swap, long now)
        {
            for (int p = 1; p <= TruckPorts.Positions; p++)
            {
                string label = null;
                if (swap != null && swap.Outcome == SwapOutcome.InProgress)
                    for (int b = 0; b < swap.BlockCount; b++)
                    {
                        BlockSwap k = swap.Blocks[b];
                        if (k.Position == p && k.StartMs >= 0 && k.EndMs < 0) label = $"block {p}";
                    }
                t.Row($"block {p}", "sequencer").Set(now, label, "block");
            }
            Axis(t, "robot travel", bay.Travel.VelocityMmS, now);
            Axis(t, "robot height", bay.Bay.LiftVelocityMmS, now);
            Axis(t, "robot fork", bay.Fork.VelocityMmS, now);
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                Locks(t, $"block {i + 1} latches", bay.Latches[i], now);
                Locks(t, $"block {i + 1} connector", bay.Connectors[i], now);
            }
            t.Row("shuttle", "actuator").Set(now, bay.Bay.StagingRunning ? "run" : null, "run");
            t.Row("exchange rollers", "actuator").Set(now, bay.Bay.TransferRunning ? "run" : null, "run");
            CarTimeline.RecordRack(t, bay.Bay, now);
            t.Row("truck", "actuator").Set(now, bay.TruckIsPositioned ? "positioned" : bay.TruckArriving ? "arriving" : bay.TruckLeaving ? "leaving" : null,
                bay.TruckIsPositioned ? "ok" : "wait");
            CarTimeline.RecordSafety(t, bay.Bay, bay.TruckPositioned, now);
            t.Row("anti-tipping", "interlock").Set(now, bay.Upright.Read() ? null : "tipping", "alarm");
            t.Row("load cell", "interlock").Set(now, bay.LoadWithinLimit.Read() ? null : "overload", "alarm");
        }

        /// <summary>True when any output of the truck's plant, a drive's speed reference or the permit is on.</summary>
        public static bool AnyActuatorOn(SimTruckBay bay)
        {
            if (CarTimeline.AnyActuatorOn(bay.Bay) || bay.Travel.Drive.Duty > 0 || bay.Fork.Drive.Duty > 0) return true;
            foreach (var o in bay.Outputs) if (o.State) return true;
            return false;
        }

        private static void Axis(Timeline t, string name, double v, long now)
        {
            t.Row(name, "actuator").Set(now, v > 0.5 ? "away" : v < -0.5 ? "back" : null, v > 0 ? "up" : "down");
        }

        private static void Locks(Timeline t, string name, SimLockSet set, long now)
        {
            bool e = false, r = false;
            foreach (var o in set.Engage) e |= o.State;
            foreach (var o in set.Release) r |= o.State;
            t.Row(name, "actuator").Set(now, e && !r ? "engage" : r && !e ? "release" : null, e ? "engage" : "release");
        }
    }
}
