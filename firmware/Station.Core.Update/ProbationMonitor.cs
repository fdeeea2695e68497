namespace Station.Core.Update
{
    /// <summary>Decides a trial image's probation: it passes once it has run the configured time with its self-checks
    /// passed, no fault latched and the cloud reached; it fails at the first latched fault (a failed self-check latches one), or when the
    /// cloud was not reached by the deadline. Fed from the loop with primitives only (no allocation).</summary>
    public sealed class ProbationMonitor
    {
        readonly long _runMs, _cloudDeadlineMs;
        long _startMs = -1;
        bool _cloudReached;

        /// <summary>Probation lasting <paramref name="runMs"/>, with the cloud to be reached within <paramref name="cloudDeadlineMs"/>.</summary>
        public ProbationMonitor(long runMs, long cloudDeadlineMs)
        {
            _runMs = runMs;
            _cloudDeadlineMs = cloudDeadlineMs;
        }

        /// <summary>The verdict so far: <see cref="UpdateState.Installed"/> (still on probation),
        /// <see cref="UpdateState.ProbationPassed"/> or <see cref="UpdateState.RolledBack"/> (see <see cref="Reason"/>).</summary>
        public UpdateState Verdict { get; private set; } = UpdateState.Installed;

        /// <summary>Why probation failed.</summary>
        public UpdateReason Reason { get; private set; }

        /// <summary>One observation; returns the verdict.</summary>
        public UpdateState Observe(long nowMs, bool selfChecksPassed, bool faultLatched, bool cloudOnline)
        {
            if (Verdict != UpdateState.Installed) return Verdict;
            if (_startMs < 0) _startMs = nowMs;
            long elapsed = nowMs - _startMs;
            if (cloudOnline) _cloudReached = true;
            if (faultLatched) return Fail(UpdateReason.FaultDuringProbation);
            if (!_cloudReached && elapsed >= _cloudDeadlineMs) return Fail(UpdateReason.CloudNotReached);
            if (selfChecksPassed && _cloudReached && elapsed >= _runMs) Verdict = UpdateState.ProbationPassed;
            return Verdict;
        }

        UpdateState Fail(UpdateReason why)
        {
            Reason = why;
            Verdict = UpdateState.RolledBack;
            return Verdict;
        }
    }
}
