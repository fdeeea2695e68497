namespace Station.Core.Motion
{
    /// <summary>Homing's judgement of the home reference: a switch edge counts only when a second, slow approach finds it
    /// again at the same encoder count (channel A: the first edge; channel B: the repeat).</summary>
    /// <remarks>
    /// | phase | lift | ends |
    /// |---|---|---|
    /// | Seek | down at homing speed | switch made: first edge kept, BackOff |
    /// | BackOff | up at approach speed | switch released, then 2 × HomingRepeatMm further: Confirm; still made after HomingBackoffMm (or made again): not confirmed |
    /// | Confirm | down at approach speed | switch made within HomingRepeatMm (or one seek tick's travel + half of it, when longer) of the first edge: homed at this edge; otherwise, or past the first edge by that much without it: not confirmed |
    /// Homing that starts on a made switch skips Seek; Confirm then expects the edge where the switch released. A glitch of
    /// the switch far from home passes Seek but is never found again by Confirm (LiftHomingNotConfirmed). Counts are raw
    /// encoder counts: there is no reference yet. Allocation-free; one instance per axis.
    /// </remarks>
    public sealed class HomeReference
    {
        /// <summary>Step result: homing goes on.</summary>
        public const int Continue = 0;
        /// <summary>Step result: the edge is confirmed (<see cref="ZeroCounts"/>).</summary>
        public const int Homed = 1;
        /// <summary>Step result: the edge could not be confirmed.</summary>
        public const int NotConfirmed = 2;
        /// <summary>Step result: homing goes on in a new phase (<see cref="Phase"/>; the drive restarts from rest).</summary>
        public const int Turned = 3;

        private readonly StationConfig _c;
        private bool _hasFirstEdge;
        private int _firstEdgeCounts;
        private int _phaseStartCounts;
        private bool _released;
        private int _releaseCounts;

        /// <summary>Judges homing with the figures of <paramref name="config"/> (read at each step).</summary>
        public HomeReference(StationConfig config) { _c = config; }

        /// <summary>Where homing is.</summary>
        public HomingPhase Phase { get; private set; }

        /// <summary>True while the phase drives the lift up.</summary>
        public bool Up { get { return Phase == HomingPhase.BackOff; } }

        /// <summary>Speed cap of the phase, mm/s.</summary>
        public double SpeedCapMmS { get { return Phase == HomingPhase.Seek ? _c.HomingSpeedMmS : _c.ApproachSpeedMmS; } }

        /// <summary>The confirmed edge, in raw counts (valid after <see cref="Homed"/>).</summary>
        public int ZeroCounts { get; private set; }

        /// <summary>Starts homing at <paramref name="counts"/>; <paramref name="switchMade"/>: the debounced home switch.</summary>
        public void Begin(int counts, bool switchMade)
        {
            _hasFirstEdge = false;
            Enter(switchMade ? HomingPhase.BackOff : HomingPhase.Seek, counts);
        }

        /// <summary>One tick: <paramref name="edgeCounts"/> is the count where the switch's raw level last rose. Returns
        /// Continue, Turned (a new phase, in <see cref="Phase"/>), Homed or NotConfirmed.</summary>
        public int Step(int counts, bool switchMade, int edgeCounts)
        {
            int repeat = (int)(_c.HomingRepeatMm * _c.CountsPerMm);
            switch (Phase)
            {
                case HomingPhase.Seek:
                    if (!switchMade) return Continue;
                    _hasFirstEdge = true;
                    _firstEdgeCounts = edgeCounts;
                    Enter(HomingPhase.BackOff, counts);
                    return Turned;
                case HomingPhase.BackOff:
                    if (switchMade)
                    {
                        // Still (or again) made: it must release within the back-off, or it is not a switch edge.
                        bool tooFar = counts - _phaseStartCounts > _c.HomingBackoffMm * _c.CountsPerMm;
                        return _released || tooFar ? NotConfirmed : Continue;
                    }
                    if (!_released)
                    {
                        _released = true;
                        _releaseCounts = counts;
                    }
                    if (counts - _releaseCounts < 2 * repeat) return Continue;
                    Enter(HomingPhase.Confirm, counts);
                    return Turned;
                default:
                    int expected = _hasFirstEdge ? _firstEdgeCounts : _releaseCounts;
                    if (!switchMade) return counts >= expected - repeat ? Continue : NotConfirmed; // passed the first edge: no switch there
                    int agree = FirstEdgeToleranceCounts();
                    if (_hasFirstEdge && (edgeCounts - _firstEdgeCounts > agree || _firstEdgeCounts - edgeCounts > agree)) return NotConfirmed;
                    ZeroCounts = edgeCounts;
                    return Homed;
            }
        }

        // How far the repeat may lie from the first edge, in counts. The first edge is sampled once a tick while the axis
        // seeks at homing speed, so its count lies up to one tick's travel past the switch: HomingRepeatMm, or that
        // travel plus half of it where a tick's travel is longer (a truck's 250 mm/s travel seek after a power cut
        // mid-travel never confirmed its edge; the lift's 1 mm a tick keeps its 2 mm).
        private int FirstEdgeToleranceCounts()
        {
            double mm = _c.HomingSpeedMmS * _c.TickMs / 1000.0 + _c.HomingRepeatMm / 2;
            if (mm < _c.HomingRepeatMm) mm = _c.HomingRepeatMm;
            return (int)(mm * _c.CountsPerMm);
        }

        private void Enter(HomingPhase phase, int counts)
        {
            Phase = phase;
            _released = false;
            _phaseStartCounts = counts;
        }
    }
}
