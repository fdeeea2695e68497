namespace Station.Core.Swap
{
    /// <summary>Run-to-completion dispatch over the table with hierarchical lookup and exit/entry along the state tree.</summary>
    public sealed partial class SwapSequencer
    {
        private readonly SwapState[] _entryPath = new SwapState[4];

        /// <summary>True when a row for <paramref name="signal"/> exists in the current state or a parent and its guard holds.</summary>
        public bool Accepts(SwapSignal signal) { return FindRow(signal) >= 0; }

        /// <summary>Dispatches one signal; false when no row took it (nothing changed).</summary>
        public bool Dispatch(SwapSignal signal)
        {
            int row = FindRow(signal);
            if (row < 0) return false;
            Transition(Table[row].To);
            // A fault raised inside an entry action is handled after the transition completed (run to completion).
            if (_deferredFault != FaultCode.None)
            {
                FaultCode f = _deferredFault;
                _deferredFault = FaultCode.None;
                RaiseFault(f);
            }
            return true;
        }

        private int FindRow(SwapSignal signal)
        {
            SwapState s = _state;
            for (int depth = 0; depth < 4; depth++)
            {
                for (int i = 0; i < Table.Length; i++)
                {
                    if (Table[i].From == s && Table[i].Signal == signal && Holds(Table[i].Guard)) return i;
                }
                SwapState p = SwapStates.Parent(s);
                if (p == SwapState.Off) return -1;
                s = p;
            }
            return -1;
        }

        private void Transition(SwapState target)
        {
            _inTransition = true;
            SwapState from = _state;
            if (target == SwapState.Faulted && CurrentSwap != null && CurrentSwap.Outcome == SwapOutcome.InProgress)
            {
                CurrentSwap.InterruptedStep = from;
            }
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
            for (SwapState s = from; s != lca && s != SwapState.Off; s = SwapStates.Parent(s)) Exit(s);
            int n = 0;
            for (SwapState s = target; s != lca && s != SwapState.Off; s = SwapStates.Parent(s)) _entryPath[n++] = s;
            _state = target;
            for (int i = n - 1; i >= 0; i--) Enter(_entryPath[i]);
            _inTransition = false;
        }
    }
}
