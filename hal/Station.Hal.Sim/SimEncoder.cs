using System;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>A simulated incremental encoder on the lift: counts = (position − position at power-up) × counts per mm.
    /// Incremental, so a power cycle loses the reference and the core must home.</summary>
    /// <remarks>Faults (<see cref="Inject"/>): stuck active = the count stops (slipped coupling, dead encoder); stuck
    /// inactive = the counter is lost and reads 0; glitch = the count stops for a while, then catches up (missed pulses
    /// that the counter recovers); flicker = the count stops every other half-period (a loose connector).</remarks>
    public sealed class SimEncoder : IPositionInput
    {
        private readonly Func<double> _positionMm;
        private readonly double _countsPerMm;
        private readonly IClock _clock;
        private double _zeroMm;
        private long _glitchEndMs;
        private int _flickerMs = 50;

        /// <summary>An encoder reading <paramref name="positionMm"/> at <paramref name="countsPerMm"/>; timed faults need
        /// <paramref name="clock"/>.</summary>
        public SimEncoder(Func<double> positionMm, double countsPerMm, IClock clock = null)
        {
            _positionMm = positionMm;
            _countsPerMm = countsPerMm;
            _clock = clock;
        }

        /// <summary>When set, the count no longer changes (a slipped coupling or dead encoder).</summary>
        public bool Frozen { get; set; }

        /// <summary>The injected fault, <see cref="SensorFault.None"/> when healthy (<see cref="Frozen"/> works beside it).</summary>
        public SensorFault Fault { get; private set; }

        private int _frozenAt;

        /// <summary>Makes the current position read as zero, as the counter does at power-up.</summary>
        public void ZeroHere() => _zeroMm = _positionMm();

        /// <summary>Injects <paramref name="fault"/> now (<paramref name="ms"/>: glitch length or flicker half-period);
        /// None heals.</summary>
        public void Inject(SensorFault fault, int ms)
        {
            if ((fault == SensorFault.Glitch || fault == SensorFault.Flicker) && _clock == null)
                throw new InvalidOperationException("timed encoder faults need the encoder built with a clock");
            Fault = fault;
            if (fault == SensorFault.Glitch) _glitchEndMs = _clock.NowMs + Math.Max(1, ms);
            if (fault == SensorFault.Flicker) _flickerMs = Math.Max(1, ms);
        }

        /// <inheritdoc />
        public int ReadCounts()
        {
            int now = (int)Math.Round((_positionMm() - _zeroMm) * _countsPerMm);
            if (Fault == SensorFault.StuckInactive) return 0;
            if (Fault == SensorFault.Glitch && _clock.NowMs >= _glitchEndMs) Fault = SensorFault.None;
            bool hold = Frozen || Fault == SensorFault.StuckActive || Fault == SensorFault.Glitch
                || (Fault == SensorFault.Flicker && ((_clock.NowMs / _flickerMs) & 1) == 1);
            if (hold) return _frozenAt;
            _frozenAt = now;
            return now;
        }
    }
}
