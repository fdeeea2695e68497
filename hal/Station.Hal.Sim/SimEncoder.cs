using System;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>A simulated incremental encoder on the lift: counts = (position − position at power-up) × counts per mm.
    /// Incremental, so a power cycle loses the reference and the core must home.</summary>
    public sealed class SimEncoder : IPositionInput
    {
        private readonly Func<double> _positionMm;
        private readonly double _countsPerMm;
        private double _zeroMm;

        /// <summary>An encoder reading <paramref name="positionMm"/> at <paramref name="countsPerMm"/>.</summary>
        public SimEncoder(Func<double> positionMm, double countsPerMm)
        {
            _positionMm = positionMm;
            _countsPerMm = countsPerMm;
        }

        /// <summary>When set, the count no longer changes (a slipped coupling or dead encoder).</summary>
        public bool Frozen { get; set; }

        private int _frozenAt;

        /// <summary>Makes the current position read as zero, as the counter does at power-up.</summary>
        public void ZeroHere() => _zeroMm = _positionMm();

        /// <inheritdoc />
        public int ReadCounts()
        {
            int now = (int)Math.Round((_positionMm() - _zeroMm) * _countsPerMm);
            if (Frozen) return _frozenAt;
            _frozenAt = now;
            return now;
        }
    }
}
