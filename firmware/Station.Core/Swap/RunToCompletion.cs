namespace Station.Core.Swap
{
    /// <summary>The engine's run-to-completion dispatch and its one way to latch a fault. A signal is looked up from the
    /// current state outwards through its parents (first row whose guard holds wins); the transition exits up to the
    /// common ancestor and enters down to the target; a fault raised inside an entry or exit action waits until the
    /// transition has completed and then goes through the table's Fault row like any other.</summary>
    internal sealed class RunToCompletion
    {
        private readonly SwapSequencer _s;
        private readonly StateTable _states;
        private readonly TransitionRow[] _table;
        private readonly SwapState[] _entryPath = new SwapState[4];
        private FaultCode _pendingFault;
        private FaultCode _deferredFault;
        private bool _inTransition;

        /// <summary>Dispatch over <paramref name="states"/> for the sequencer <paramref name="s"/>.</summary>
        public RunToCompletion(SwapSequencer s, StateTable states, TransitionRow[] table)
        {
            _s = s;
            _states = states;
            _table = table;
        }

        /// <summary>Dispatches one signal; false when no row took it (nothing changed).</summary>
        public bool Dispatch(SwapSignal signal)
        {
            int row = _states.Find(_s.State, signal, _s.Now);
            if (row < 0) return false;
            Transition(_table[row].To);
            if (_deferredFault != FaultCode.None)
            {
                FaultCode f = _deferredFault;
                _deferredFault = FaultCode.None;
                RaiseFault(f);
            }
            return true;
        }

        /// <summary>Stops every output now and latches <paramref name="code"/> (the first fault wins until reset).</summary>
        public void RaiseFault(FaultCode code)
        {
            if (code == FaultCode.None) return;
            _s.StopAllOutputs();
            if (DrivesNothing(_s.State)) return;
            if (_inTransition)
            {
                if (_deferredFault == FaultCode.None) _deferredFault = code;
                return;
            }
            _pendingFault = code;
            if (!Dispatch(SwapSignal.Fault)) _pendingFault = FaultCode.None;
        }

        /// <summary>After an exception escaped a tick: the half-done transition's bookkeeping dropped and
        /// <paramref name="code"/> latched through the Fault row (see <see cref="SwapSequencer.ContainException"/>).</summary>
        public void ContainException(FaultCode code)
        {
            _s.StopAllOutputs();
            _inTransition = false;
            _deferredFault = FaultCode.None;
            _pendingFault = FaultCode.None;
            if (DrivesNothing(_s.State)) return;
            _pendingFault = code;
            if (!Dispatch(SwapSignal.Fault)) Transition(SwapState.Faulted);
        }

        /// <summary>Faulted's entry: the fault being handled becomes the latched one.</summary>
        public void LatchPendingFault()
        {
            if (_pendingFault != FaultCode.None) _s.LatchedFault = _pendingFault;
            _pendingFault = FaultCode.None;
        }

        // Faulted already holds its first fault; Recovery and Off drive nothing and keep what they know.
        private static bool DrivesNothing(SwapState state)
        {
            return state == SwapState.Faulted || state == SwapState.Recovery || state == SwapState.Off;
        }

        private void Transition(SwapState target)
        {
            _inTransition = true;
            SwapState from = _s.State;
            SwapRecord swap = _s.CurrentSwap;
            if (target == SwapState.Faulted && swap != null && swap.Outcome == SwapOutcome.InProgress) swap.InterruptedStep = from;
            SwapState lca = SwapState.Off;
            if (from != target)
            {
                for (SwapState a = from; ; a = SwapStates.Parent(a))
                {
                    if (a != SwapState.Off && SwapStates.IsIn(target, a)) { lca = a; break; }
                    if (a == SwapState.Off) break;
                }
            }
            else
            {
                lca = SwapStates.Parent(from);
            }
            long now = _s.Now;
            for (SwapState s = from; s != lca && s != SwapState.Off; s = SwapStates.Parent(s)) _states.Exit(s, now);
            int n = 0;
            for (SwapState s = target; s != lca && s != SwapState.Off; s = SwapStates.Parent(s)) _entryPath[n++] = s;
            _s.EnterLeaf(target);
            for (int i = n - 1; i >= 0; i--) _states.Enter(_entryPath[i], now);
            _inTransition = false;
        }
    }
}
