using System;
using System.Collections.Generic;
using Station.Core.Swap.Truck;

namespace Station.Hal.Sim
{
    /// <summary>The physically necessary motions of one truck swap of the booked <paramref name="positions"/>, from the
    /// plant's figures (not measured): per block the robot's moves out to the block, under it, the unlatching, the lift
    /// off the cradle, back to the exchange, the exchange, out again, in, down, the latching and mating, out; then the
    /// park. The shuttle stages each next block in parallel (off the path unless it is slower than the robot). Every move
    /// is a rest-to-rest trapezoid at the axis's top speed and acceleration; axes moving together count as the slowest.</summary>
    public static class TruckCriticalPath
    {
        /// <summary>The path's segments (name, start, seconds, on the path) for a swap of <paramref name="positions"/>
        /// (ascending, 1..3) on <paramref name="bay"/>; the total is the last segment's end.</summary>
        public static List<CriticalPathSegment> Compute(SimTruckBay bay, int[] positions)
        {
            var p = bay.Bay.Parameters;
            var tp = bay.TravelPlant;
            var fp = bay.ForkPlant;
            double Travel(double mm) => SimBay.MoveSeconds(mm, tp.LiftMaxSpeedMmS, tp.LiftAccelMmS2);
            double Height(double mm) => SimBay.MoveSeconds(mm, p.LiftMaxSpeedMmS, p.LiftAccelMmS2);
            double fork = SimBay.MoveSeconds(TruckFigures.ForkReachMm, fp.LiftMaxSpeedMmS, fp.LiftAccelMmS2);
            double latch = TruckFigures.LatchTravelMs * 6 / 10 / 1000.0, connector = TruckFigures.ConnectorTravelMs * 6 / 10 / 1000.0;
            double exchange = p.TransferPitchMm / p.TransferSpeedMmS;
            double under = TruckFigures.UnderBlockMm, carry = TruckFigures.CarryMm;
            var s = new List<CriticalPathSegment>();
            double t = 0, at = 0, height = 0;
            double Add(string name, double seconds)
            {
                s.Add(new CriticalPathSegment(name, t, seconds, true));
                t += seconds;
                return t;
            }
            foreach (int pos in positions)
            {
                double x = TruckFigures.BlockMm(pos);
                string b = $"block {pos}: ";
                Add(b + "robot to block", Math.Max(Travel(Math.Abs(x - at)), Height(Math.Abs(under - height))));
                Add(b + "fork under block", fork);
                Add(b + "unlatch and unmate", Math.Max(latch, connector));
                Add(b + "lift block", Height(carry - under));
                Add(b + "fork out loaded", fork);
                Add(b + "robot to exchange", Math.Max(Travel(x), Height(carry)));
                Add(b + "exchange blocks", exchange);
                Add(b + "robot to block", Math.Max(Travel(x), Height(carry)));
                Add(b + "fork in loaded", fork);
                Add(b + "set block down", Height(carry - under));
                Add(b + "latch, then mate", latch + connector);
                Add(b + "fork out empty", fork);
                at = x;
                height = under;
            }
            Add("park robot", Math.Max(Travel(at), Height(height)));
            return s;
        }
    }
}
