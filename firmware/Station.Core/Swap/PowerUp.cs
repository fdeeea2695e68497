namespace Station.Core.Swap
{
    /// <summary>Power-up: every output off, the journal read back, then Recovery (an unfinished swap), Faulted (a
    /// latched fault) or NotHomed. Never moves.</summary>
    public sealed class PowerUp
    {
        private readonly SwapSequencer _s;

        /// <summary>The power-up of <paramref name="s"/>.</summary>
        public PowerUp(SwapSequencer s) { _s = s; }

        /// <summary>Power-up: all outputs off, read the journal, then Recovery, Faulted or NotHomed. Never moves.</summary>
        public CommandResult Start()
        {
            if (_s.State != SwapState.Off) return CommandResult.Refuse(RejectReason.WrongState, "already started");
            _s.ReadClock();
            _s.StopAllOutputs();
            _s.Interlocks.Sample(_s.Now);
            _s.SamplePackSensors();
            Journal.JournalSnapshot snap = _s.Journal.Load(_s.Config.RackSlots);
            if (snap != null)
            {
                _s.Inventory.CopyFrom(snap.Inventory);
                _s.SwapCounter = snap.SwapCounter;
                _s.LatchedFault = snap.LatchedFault;
                if (snap.Swap != null && snap.Swap.Outcome == SwapOutcome.InProgress)
                {
                    _s.CurrentSwap = snap.Swap;
                    // A swap held by a fault already names the step the fault stopped; keep it.
                    if (snap.State != SwapState.Faulted || _s.CurrentSwap.InterruptedStep == SwapState.Off) _s.CurrentSwap.InterruptedStep = snap.State;
                    _s.InterruptedStep = snap.State;
                    _s.InterruptedAtStart = true;
                }
                else if (snap.Swap != null)
                {
                    _s.LastSwap = snap.Swap;
                }
            }
            if (_s.Journal.CorruptBytes > 0)
            {
                _s.Log(Station.Hal.LogLevel.Error, string.Concat("journal: ", _s.Journal.CorruptBytes.ToString(),
                    _s.Journal.EvidenceKept ? " damaged bytes skipped, file kept in " : " damaged bytes skipped, could not copy to ",
                    Station.Core.Journal.SwapJournal.EvidenceFileName));
            }
            else if (_s.Journal.DiscardedBytes > 0) _s.Log(Station.Hal.LogLevel.Warning, "journal: torn last record ignored");
            _s.Dispatch(SwapSignal.PowerUp);
            if (_s.State != SwapState.Recovery) _s.TrackDeparture(); // the vehicle may have left during the outage
            return CommandResult.Ok(SwapStates.Name(_s.State));
        }
    }
}
