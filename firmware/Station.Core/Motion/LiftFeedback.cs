using Station.Hal;

namespace Station.Core.Motion
{
    /// <summary>What a lift axis knows of where it is: its three switches (top limit, home, pack contact), debounced and
    /// read as one group, and its incremental encoder, with the checks that belong to every sample.</summary>
    /// <remarks>
    /// Sampled once per tick by <see cref="LiftAxis.Update"/> and once at every start. A sample reads the switches (one
    /// bank read while nothing changes), reads the count, checks it against the lift's top speed (a change larger than
    /// 1.5 × top speed × (elapsed + one tick) + 2 counts since the last sample is a jump: counter wrap, noise, preset)
    /// and keeps the count where the home switch's raw level last rose (homing's edge). The axis's tick reads these
    /// fields directly: on nanoFramework's interpreter a property is a call. Allocation-free; one instance per axis.
    /// </remarks>
    public sealed class LiftFeedback
    {
        private readonly IPositionInput _encoder;
        private readonly StationConfig _c;
        internal readonly DebouncedInput Top;
        internal readonly DebouncedInput Home;
        internal readonly DebouncedInput Contact;
        // The three, sampled in one group.
        private readonly InputGroup _switches;
        // The count now, and the count that is 0 mm (the home reference).
        internal int Counts;
        internal int ZeroCounts;
        // A jump seen by a sample and not yet judged by the axis's tick.
        internal bool JumpSeen;
        // When the count last changed, the commanded travel no count has confirmed since (the axis adds to it), and where
        // that change put the lift.
        internal long LastChangeMs;
        internal double UnseenMm;
        internal double LastSeenMm;
        // The count where the home switch's raw level last rose: the edge a debounced "made" started from.
        internal int HomeEdgeCounts;
        private bool _homeRawBefore;
        // The time of the last sample (with Counts before it is rewritten, the jump check's reference), and whether
        // there was one.
        private long _lastSampleMs;
        private bool _sampled;

        /// <summary>The feedback of the axis on <paramref name="ports"/>, debounced and scaled by <paramref name="config"/>.</summary>
        public LiftFeedback(LinearAxisPorts ports, StationConfig config)
        {
            _encoder = ports.Encoder;
            _c = config;
            Top = new DebouncedInput(ports.FarLimit, config.InputDebounceMs, false);
            Home = new DebouncedInput(ports.HomeSwitch, config.InputDebounceMs, false);
            Contact = new DebouncedInput(ports.FarContact, config.InputDebounceMs, false);
            _switches = new InputGroup(new DebouncedInput[] { Top, Home, Contact });
        }

        /// <summary>Position in mm above home by the configured scale (meaningful when homed).</summary>
        public double PositionMm { get { return (Counts - ZeroCounts) / _c.CountsPerMm; } }

        /// <summary>Makes the switches read their bank from <paramref name="scan"/> in the tick.</summary>
        internal void JoinScan(InputScan scan) { scan.Join(_switches); }

        /// <summary>Reads the switches and the encoder once (every tick, and at every start): <paramref name="inTick"/>,
        /// the switches' bank word from the tick's <see cref="InputScan"/> once joined, otherwise the bank afresh.
        /// Allocation-free.</summary>
        public void Sample(long nowMs, bool inTick)
        {
            // The group's common case inline (a call per tick is dear on the interpreter): the scan's word, and nothing
            // more while it reads as at the last sample and every switch has settled.
            InputGroup g = _switches;
            bool switched = true;
            if (inTick && g.Reading != null && g.Settled)
            {
                int levels = g.Reading.Levels & g.Mask;
                if (levels != g.Levels) g.Take(levels, nowMs);
                else switched = false;
            }
            else g.Sample(nowMs);
            int counts = _encoder.ReadCounts();
            int before = Counts;
            Counts = counts;
            if (counts != before)
            {
                // An unchanged count is never a jump: the allowance is at least 2 counts.
                StationConfig c = _c;
                long elapsed = nowMs - _lastSampleMs;
                if (_sampled && elapsed >= 0)
                {
                    double jump = counts - before;
                    if ((jump < 0 ? -jump : jump) > 1.5 * c.MaxSpeedMmS * (elapsed + c.TickMs) / 1000.0 * c.CountsPerMm + 2) JumpSeen = true;
                }
                LastChangeMs = nowMs;
                UnseenMm = 0;
                LastSeenMm = (counts - ZeroCounts) / c.CountsPerMm; // PositionMm, without a call
            }
            _sampled = true;
            _lastSampleMs = nowMs;
            // A raw level changes only when the bank's word did.
            if (!switched) return;
            bool raw = Home.RawLevel;
            if (raw && !_homeRawBefore) HomeEdgeCounts = counts;
            _homeRawBefore = raw;
        }
    }
}
