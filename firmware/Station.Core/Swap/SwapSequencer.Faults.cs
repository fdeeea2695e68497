namespace Station.Core.Swap
{
    /// <summary>Fault latching: outputs off in the calling tick, then the Fault signal to the one handler.</summary>
    public sealed partial class SwapSequencer
    {
        /// <summary>Stops every output now and latches <paramref name="code"/> (the first fault wins until reset).</summary>
        public void RaiseFault(FaultCode code)
        {
            if (code == FaultCode.None) return;
            StopAllOutputs();
            if (_state == SwapState.Faulted || _state == SwapState.Recovery || _state == SwapState.Off) return;
            if (_inTransition)
            {
                if (_deferredFault == FaultCode.None) _deferredFault = code;
                return;
            }
            _pendingFault = code;
            if (!Dispatch(SwapSignal.Fault)) _pendingFault = FaultCode.None;
        }

        /// <summary>After an exception escaped a tick: every output off, the half-done transition's bookkeeping dropped,
        /// <paramref name="code"/> latched through the one fault handler (journaled). Already Faulted: outputs off only, so
        /// an exception repeating every tick neither re-journals nor changes the first fault; Recovery and Off drive nothing
        /// and keep what they know.</summary>
        public void ContainException(FaultCode code)
        {
            StopAllOutputs();
            _inTransition = false;
            _deferredFault = FaultCode.None;
            _pendingFault = FaultCode.None;
            if (_state == SwapState.Faulted || _state == SwapState.Recovery || _state == SwapState.Off) return;
            _pendingFault = code;
            if (!Dispatch(SwapSignal.Fault)) Transition(SwapState.Faulted);
        }
    }
}
