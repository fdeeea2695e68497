using Station.Core.Motion;

namespace Station.Core.Swap
{
    /// <summary>Guard evaluation: plain conditions on inputs, inventory and journal, no side effects.</summary>
    public sealed partial class SwapSequencer
    {
        /// <summary>Evaluates <paramref name="guard"/> now (public so tests can drive every table row).</summary>
        public bool Holds(SwapGuard guard)
        {
            switch (guard)
            {
                case SwapGuard.Always: return true;
                case SwapGuard.SwapInterrupted: return _interruptedAtStart;
                case SwapGuard.FaultWasLatched: return LatchedFault != FaultCode.None;
                case SwapGuard.Staged: return IsStaged();
                case SwapGuard.NotStaged: return !IsStaged();
                case SwapGuard.InputsHealthy: return Interlocks.HealthyForReset(_now);
                case SwapGuard.SwapAllowed:
                    return Interlocks.BayClear && Interlocks.VehiclePositioned && CurrentSwap != null
                        && LatchedFault == FaultCode.None && Lift.IsHomed;
                default: return false;
            }
        }

        // A pack sensor sees a pack where the inventory has none.
        private bool StraySensed(PackPlace place, DebouncedInput sensor)
        {
            return sensor.Value && Inventory.At(place).IsEmpty;
        }

        private bool IsStaged()
        {
            PackRecord s = Inventory.At(PackPlace.Staging);
            return !s.IsEmpty && !s.InTransit;
        }
    }
}
