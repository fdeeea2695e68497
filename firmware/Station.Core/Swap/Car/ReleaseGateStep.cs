namespace Station.Core.Swap.Car
{
    /// <summary>ReleaseGate: the car bay's own conditions (every latch locked, lift home, bay clear, no pack on the
    /// lift, its sensor settled), then the engine's pack-check verdict (<see cref="PackCheckGate"/>).</summary>
    public sealed class ReleaseGateStep : SwapStep
    {
        /// <summary>The step stored as ReleaseGate.</summary>
        public ReleaseGateStep() : base(SwapState.ReleaseGate) { }

        /// <inheritdoc/>
        public override void Enter(SwapSequencer s)
        {
            s.Gate.Entered(s.Now);
            s.StepJournal();
        }

        /// <inheritdoc/>
        public override void Run(SwapSequencer s)
        {
            FaultCode refusal = FaultCode.None;
            if (!s.Locks.AllLocked()) refusal = FaultCode.GateLocksNotLocked;
            else if (!s.Lift.IsHome) refusal = FaultCode.GateLiftNotHome;
            else if (!s.Interlocks.BayClear) refusal = FaultCode.GateBayNotClear;
            else if (s.PackOnLiftSensed) refusal = FaultCode.UnexpectedPack;
            if (refusal != FaultCode.None)
            {
                s.RaiseFault(refusal);
                return;
            }
            PackCheckGate gate = s.Gate;
            if (!gate.Open) gate.Start(s.CurrentSwap, s.Now); // not begun on the way down (cannot happen in the table; never skip it)
            // The lift's pack sensor must be settled empty: a reading still inside its debounce time waits.
            if (s.PackOnLiftRaw) return;
            bool passed;
            refusal = gate.Judge(s.Now, out passed);
            if (refusal != FaultCode.None)
            {
                s.RaiseFault(refusal);
                return;
            }
            if (!passed) return;
            gate.Finish(s.Now);
            gate.Record(s.CurrentSwap, s.Inventory);
            s.Dispatch(SwapSignal.GatePassed);
        }
    }
}
