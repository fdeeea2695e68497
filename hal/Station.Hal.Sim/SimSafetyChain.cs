namespace Station.Hal.Sim
{
    /// <summary>The simulated hard-wired safety chain: e-stop, light curtain, doors and the safety relay (safe torque
    /// off) that energises only when the motion permit is requested and the chain is healthy, after its pick-up time.
    /// Without it no drive, conveyor or lock tool has power — as on a real bay, independent of firmware. Its permit
    /// watchdog (a retriggerable timer in series with the permit) drops the relay when the controller stops toggling
    /// the kick input for longer than the watchdog time.</summary>
    public sealed class SimSafetyChain
    {
        private readonly int _pickupMs;
        private int _pickupRemainingMs;
        private readonly int _watchdogMs;
        private int _kickEdges = -1;
        private long _sinceKickMs = long.MaxValue / 2;

        /// <summary>A chain over its ports (created by the bay, which keeps their names and order).</summary>
        public SimSafetyChain(SimInput eStopReleased, SimInput lightCurtainClear, SimInput doorsClosed, SimInput relayFeedback,
            SimOutput motionPermit, SimOutput permitWatchdogKick, int pickupMs, int watchdogMs)
        {
            PermitWatchdogKick = permitWatchdogKick;
            _watchdogMs = watchdogMs;
            EStopReleased = eStopReleased;
            LightCurtainClear = lightCurtainClear;
            DoorsClosed = doorsClosed;
            RelayFeedback = relayFeedback;
            MotionPermit = motionPermit;
            _pickupMs = pickupMs;
        }

        /// <summary>E-stop circuit released.</summary>
        public SimInput EStopReleased { get; }
        /// <summary>Light curtain clear.</summary>
        public SimInput LightCurtainClear { get; }
        /// <summary>Doors closed.</summary>
        public SimInput DoorsClosed { get; }
        /// <summary>Safety relay feedback.</summary>
        public SimInput RelayFeedback { get; }
        /// <summary>Motion permit request output.</summary>
        public SimOutput MotionPermit { get; }
        /// <summary>The permit watchdog's kick input (toggled by the controller every tick).</summary>
        public SimOutput PermitWatchdogKick { get; }
        /// <summary>True while the permit watchdog has seen a kick edge within its time (always, when not fitted).</summary>
        public bool WatchdogAlive => _watchdogMs <= 0 || _sinceKickMs <= _watchdogMs;

        /// <summary>The e-stop is pressed (the safety relay drops).</summary>
        public bool EStopPressed { get; set; }
        /// <summary>Someone or something is in the light curtain (the safety relay drops).</summary>
        public bool LightCurtainBroken { get; set; }
        /// <summary>A bay door is open (the safety relay drops).</summary>
        public bool DoorsOpen { get; set; }
        /// <summary>The safety relay will not energise (coil or contact failure).</summary>
        public bool RelayFailed { get; set; }
        /// <summary>True while the safety relay is energised (drives have power).</summary>
        public bool Energised { get; private set; }

        /// <summary>Advances the relay by <paramref name="ms"/>; <paramref name="supplied"/> false = the bay has no power.</summary>
        public void Step(int ms, bool supplied)
        {
            // Each edge of the kick input restarts the watchdog's timer.
            if (PermitWatchdogKick.Edges != _kickEdges)
            {
                _kickEdges = PermitWatchdogKick.Edges;
                _sinceKickMs = 0;
            }
            else _sinceKickMs += ms;
            bool chainOk = supplied && MotionPermit.State && WatchdogAlive && !EStopPressed && !LightCurtainBroken && !DoorsOpen && !RelayFailed;
            if (!chainOk)
            {
                Energised = false;
                _pickupRemainingMs = _pickupMs;
                return;
            }
            if (Energised) return;
            _pickupRemainingMs -= ms;
            if (_pickupRemainingMs <= 0) Energised = true;
        }

        /// <summary>Supply lost: the relay opens at once.</summary>
        public void PowerOff() => Energised = false;

        /// <summary>Sets what the chain's inputs physically present.</summary>
        public void UpdateSensors()
        {
            EStopReleased.Truth = !EStopPressed;
            LightCurtainClear.Truth = !LightCurtainBroken;
            DoorsClosed.Truth = !DoorsOpen;
            RelayFeedback.Truth = Energised;
        }
    }
}
