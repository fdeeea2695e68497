namespace Station.Core.Swap
{
    /// <summary>The sequencer's transition table walked for it: which row takes a signal (the state's own rows, then its
    /// parents'), and what entering or leaving a state does (the engine's own states, or the profile's steps, timed in
    /// the swap record and checked before they act). The sequencer keeps the state and runs the transition.</summary>
    public sealed class StateTable
    {
        private readonly SwapSequencer _s;
        private readonly TransitionRow[] _table;
        private readonly BayProfile _profile;
        private readonly EngineStates _engine;

        /// <summary>The table of <paramref name="profile"/> for <paramref name="s"/>, whose common states
        /// <paramref name="engine"/> enters.</summary>
        public StateTable(SwapSequencer s, BayProfile profile, EngineStates engine)
        {
            _s = s;
            _table = profile.Table;
            _profile = profile;
            _engine = engine;
        }

        /// <summary>The first row for <paramref name="signal"/> in <paramref name="state"/> or a parent whose guard
        /// holds at <paramref name="now"/>, or -1. Allocation-free.</summary>
        public int Find(SwapState state, SwapSignal signal, long now)
        {
            SwapState s = state;
            for (int depth = 0; depth < 4; depth++)
            {
                for (int i = 0; i < _table.Length; i++)
                {
                    if (_table[i].From == s && _table[i].Signal == signal && Holds(_table[i].Guard, now)) return i;
                }
                SwapState p = SwapStates.Parent(s);
                if (p == SwapState.Off) return -1;
                s = p;
            }
            return -1;
        }

        /// <summary>Evaluates <paramref name="guard"/> at <paramref name="now"/>: the engine's guards here, the bay's
        /// own from its profile.</summary>
        public bool Holds(SwapGuard guard, long now)
        {
            switch (guard)
            {
                case SwapGuard.Always: return true;
                case SwapGuard.SwapInterrupted: return _s.InterruptedAtStart;
                case SwapGuard.FaultWasLatched: return _s.LatchedFault != FaultCode.None;
                case SwapGuard.InputsHealthy: return _s.Interlocks.HealthyForReset(now);
                case SwapGuard.SwapAllowed:
                    return _s.Interlocks.BayClear && _s.Interlocks.VehiclePositioned && _s.CurrentSwap != null
                        && _s.LatchedFault == FaultCode.None && _s.Lift.IsHomed;
                default: return _profile.Holds(guard, _s);
            }
        }

        // A step is timed in the swap record, its precondition checked (latching the fault it names before the step
        // changes the inventory or drives anything), then entered; an engine state does its own entry.
        /// <summary>Enters <paramref name="state"/> at <paramref name="now"/>.</summary>
        public void Enter(SwapState state, long now)
        {
            SwapStep step = _profile.StepAt(state);
            if (step == null)
            {
                _engine.Enter(state);
                return;
            }
            SwapRecord swap = _s.CurrentSwap;
            if (swap != null) swap.StepStartMs[(int)state] = now - swap.StartMs;
            FaultCode refused = step.Precondition(_s);
            if (refused != FaultCode.None)
            {
                _s.RaiseFault(refused);
                return;
            }
            step.Enter(_s);
        }

        /// <summary>Leaves <paramref name="state"/> at <paramref name="now"/>.</summary>
        public void Exit(SwapState state, long now)
        {
            SwapStep step = _profile.StepAt(state);
            if (step == null)
            {
                _engine.Exit(state);
                return;
            }
            SwapRecord swap = _s.CurrentSwap;
            if (swap != null) swap.StepEndMs[(int)state] = now - swap.StartMs;
            step.Exit(_s);
        }
    }
}
