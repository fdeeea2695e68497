namespace Station.Core.Update
{
    /// <summary>The update agent's background pass, the same on the board (its low-priority worker thread) and in the
    /// fleet simulator: one verification slice or safe-moment check, the probation verdict of a trial image from the
    /// station's own state, and whether the station must restart now.</summary>
    /// <remarks>A trial image starts on probation (<see cref="ProbationMonitor"/>); passing it confirms the image,
    /// failing it (a latched fault, the cloud not reached in time) rolls back at the restart this asks for. A reset
    /// before either — crash, hang, watchdog, power cut — is counted by the loader at the next start instead.</remarks>
    public sealed class UpdateSupervisor
    {
        readonly UpdateAgent _agent;
        readonly StationRestartCheck _check;
        readonly int _ladderBits;
        readonly ProbationMonitor _probation;

        /// <summary>Supervises <paramref name="agent"/> (already started), whose restart check is <paramref name="check"/>
        /// (given the outbox's state each pass; null when the agent's check knows it by itself);
        /// a trial image must run <paramref name="probationMs"/> and reach the cloud within <paramref name="cloudDeadlineMs"/>;
        /// <paramref name="ladderBits"/> bounds each verification slice.</summary>
        public UpdateSupervisor(UpdateAgent agent, StationRestartCheck check, long probationMs, long cloudDeadlineMs, int ladderBits)
        {
            _agent = agent;
            _check = check;
            _ladderBits = ladderBits;
            if (agent.State == UpdateState.Installed) _probation = new ProbationMonitor(probationMs, cloudDeadlineMs);
        }

        /// <summary>The agent supervised.</summary>
        public UpdateAgent Agent { get { return _agent; } }

        /// <summary>True while the running image is on probation.</summary>
        public bool OnProbation { get { return _probation != null && _agent.State == UpdateState.Installed; } }

        /// <summary>One pass at <paramref name="nowMs"/> with the station's state; true when the station must restart
        /// now (the new image was handed to the loader at a safe moment, or probation failed and restarting now
        /// interrupts nothing).</summary>
        public bool Pass(long nowMs, bool outboxDurable, bool selfChecksPassed, bool faultLatched, bool cloudOnline)
        {
            if (_check != null) _check.OutboxDurable = outboxDurable;
            _agent.Step(_ladderBits);
            if (OnProbation)
            {
                UpdateState verdict = _probation.Observe(nowMs, selfChecksPassed, faultLatched, cloudOnline);
                if (verdict == UpdateState.ProbationPassed) _agent.ConfirmProbation();
                else if (verdict == UpdateState.RolledBack) _agent.FailProbation(_probation.Reason);
            }
            if (!_agent.RestartRequested) return false;
            if (_agent.State != UpdateState.RolledBack || faultLatched) return true;
            // A rollback for the cloud not reached can fall in the middle of a swap started on probation: like an
            // install it waits until a restart interrupts no work. A latched fault has already stopped every output,
            // so restarting then moves nothing (the station comes back in Recovery from its journal).
            return _agent.RestartBlocker() == UpdateReason.None;
        }
    }
}
