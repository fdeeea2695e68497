using System;
using System.Collections.Generic;

namespace Station.Hal.Sim
{
    /// <summary>The time of the physically necessary motions of one swap, computed from the plant's figures (not measured):
    /// lift up to the pack, unlock, lower, transfer, raise, lock, lift home, with the charged pack's staging in parallel
    /// with the first three. The rack handler is assumed to have put the chosen pack at the feed point while the vehicle
    /// drove in, and the BMS check is not a motion, so neither is counted. Every move is a rest-to-rest
    /// trapezoid at the plant's top speed and acceleration.</summary>
    public sealed class CriticalPath
    {
        private readonly List<CriticalPathSegment> _segments = new List<CriticalPathSegment>();

        private CriticalPath() { }

        /// <summary>The motions in order, with their start and duration along the path.</summary>
        public IReadOnlyList<CriticalPathSegment> Segments => _segments;

        /// <summary>Total seconds from authorisation to the lift back home.</summary>
        public double TotalSeconds { get; private set; }

        /// <summary>Computes the critical path for <paramref name="p"/>.</summary>
        public static CriticalPath Compute(PlantParameters p)
        {
            var c = new CriticalPath();
            double lift = SimBay.MoveSeconds(p.VehicleHeightMm, p.LiftMaxSpeedMmS, p.LiftAccelMmS2);
            double lockS = p.LockTravelMs / 1000.0;
            double t = 0;
            t = c.Add("lift up to pack", t, lift, true);
            t = c.Add("unlock", t, lockS, true);
            t = c.Add("lower depleted pack", t, lift, true);
            double staging = (p.StagingLengthMm) / p.StagingSpeedMmS;
            c._segments.Add(new CriticalPathSegment("stage charged pack", 0, staging, staging > t));
            if (staging > t)
            {
                foreach (var s in c._segments.ToArray()) if (s.Name != "stage charged pack") c._segments[c._segments.IndexOf(s)] = s with { OnPath = false };
                t = staging;
            }
            t = c.Add("transfer (out and in)", t, p.TransferPitchMm / p.TransferSpeedMmS, true);
            t = c.Add("raise charged pack", t, lift, true);
            t = c.Add("lock", t, lockS, true);
            t = c.Add("lift home", t, lift, true);
            c.TotalSeconds = Math.Round(t, 3);
            return c;
        }

        private double Add(string name, double start, double seconds, bool onPath)
        {
            _segments.Add(new CriticalPathSegment(name, start, seconds, onPath));
            return start + seconds;
        }
    }
}
