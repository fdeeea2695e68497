namespace Station.Hal.Sim
{
    /// <summary>The simulated hard-wired safety chain: e-stop, light curtain, doors and the safety relay (safe torque
    /// off) that energises only when the motion permit is requested and the chain is healthy, after its pick-up time.
    /// Without it no drive, conveyor or lock tool has power — as on a real bay, independent of firmware.</summary>
    public sealed class SimSafetyChain
    {
        private readonly int _pickupMs;
        private int _pickupRemainingMs;

        /// <summary>A chain over its ports (created by the bay, which keeps their names and order).</summary>
        public SimSafetyChain(SimInput eStopReleased, SimInput lightCurtainClear, SimInput doorsClosed, SimInput relayFeedback,
            SimOutput motionPermit, int pickupMs)
        {
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
            bool chainOk = supplied && MotionPermit.State && !EStopPressed && !LightCurtainBroken && !DoorsOpen && !RelayFailed;
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
