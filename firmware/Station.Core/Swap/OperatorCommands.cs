namespace Station.Core.Swap
{
    /// <summary>The commands a person gives the engine (cancel, reset, recover, home, stop): each checks its
    /// preconditions, answers with a reason, and acts only through the table.</summary>
    public sealed class OperatorCommands
    {
        private readonly SwapSequencer _s;

        /// <summary>The operator commands of <paramref name="s"/>.</summary>
        public OperatorCommands(SwapSequencer s) { _s = s; }

        /// <summary>Cancels an authorised swap before anything moved; later a swap can only be stopped (EmergencyStop).</summary>
        public CommandResult Cancel()
        {
            _s.ReadClock();
            if (_s.State == SwapState.Arming)
            {
                _s.Dispatch(SwapSignal.Cancel);
                return CommandResult.Ok("swap cancelled");
            }
            if (SwapStates.IsIn(_s.State, SwapState.Swapping))
                return CommandResult.Refuse(RejectReason.TooLateToCancel, "the swap is under way: use an emergency stop to halt it");
            return CommandResult.Refuse(RejectReason.WrongState, "no swap to cancel");
        }

        /// <summary>Clears the latched fault when the inputs allow; the station must home next.</summary>
        public CommandResult ResetFault()
        {
            _s.ReadClock();
            if (_s.State != SwapState.Faulted) return CommandResult.Refuse(RejectReason.WrongState, "no fault latched");
            if (!_s.Interlocks.HealthyForReset(_s.Now)) return CommandResult.Refuse(RejectReason.InterlockOpen, _s.Words.InterlockWords());
            _s.Dispatch(SwapSignal.ResetFault);
            return CommandResult.Ok("fault cleared: home the station next");
        }

        /// <summary>Operator confirms the recovery report after a power loss; the station then homes.</summary>
        public CommandResult ConfirmRecovery()
        {
            _s.ReadClock();
            if (_s.State != SwapState.Recovery) return CommandResult.Refuse(RejectReason.WrongState, "no recovery pending");
            // Confirming starts homing: the same refusals as 'home'.
            CommandResult refused = HomingRefusal();
            if (refused != null) return refused;
            _s.Dispatch(SwapSignal.ConfirmRecovery);
            return CommandResult.Ok("recovery confirmed: homing");
        }

        /// <summary>Homes the lift (from NotHomed or Idle).</summary>
        public CommandResult Home()
        {
            _s.ReadClock();
            if (_s.State == SwapState.Recovery) return CommandResult.Refuse(RejectReason.RecoveryPending, "confirm the recovery first");
            if (_s.State == SwapState.Faulted) return CommandResult.Refuse(RejectReason.FaultLatched, "reset the fault first");
            if (_s.State != SwapState.NotHomed && _s.State != SwapState.Idle) return CommandResult.Refuse(RejectReason.WrongState, "cannot home now");
            CommandResult refused = HomingRefusal();
            if (refused != null) return refused;
            _s.Dispatch(SwapSignal.Home);
            return CommandResult.Ok("homing");
        }

        /// <summary>Stops homing at a person's request: every output off in this call, the lift's position forgotten, no
        /// fault (NotHomed; 'home' starts again). Refused outside Homing.</summary>
        public CommandResult StopHoming()
        {
            _s.ReadClock();
            if (_s.State != SwapState.Homing) return CommandResult.Refuse(RejectReason.WrongState, "not homing");
            _s.Dispatch(SwapSignal.StopHoming);
            return CommandResult.Ok("homing stopped: the lift is not homed");
        }

        /// <summary>Software stop: every output off in this call and a SoftwareStop fault latched (unless nothing can move).</summary>
        public CommandResult EmergencyStop()
        {
            _s.ReadClock();
            _s.StopAllOutputs();
            if (_s.State == SwapState.Off || _s.State == SwapState.Recovery)
                return CommandResult.Ok("stopped: nothing was moving");
            if (_s.State == SwapState.Faulted) return CommandResult.Ok("stopped: a fault is already latched");
            _s.RaiseFault(FaultCode.SoftwareStop);
            return CommandResult.Ok("stopped: fault SoftwareStop latched");
        }

        // Homing moves the axis: refused with an open interlock, and while a move a cut or fault stopped would drop a pack.
        private CommandResult HomingRefusal()
        {
            if (!_s.Interlocks.HealthyForReset(_s.Now)) return CommandResult.Refuse(RejectReason.InterlockOpen, _s.Words.InterlockWords());
            string hold = _s.Profile.HomingHold(_s);
            return hold != null ? CommandResult.Refuse(RejectReason.PackInTransit, hold) : null;
        }
    }
}
