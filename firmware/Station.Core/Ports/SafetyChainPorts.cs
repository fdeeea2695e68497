using Station.Hal;

namespace Station.Core
{
    /// <summary>The hard-wired safety chain as the firmware sees it: e-stop, light curtain and doors feedback, the
    /// request for motion to the safety relay (safe torque off) and the relay's feedback.</summary>
    /// <remarks>The relay and its chain are the real safety function; the firmware only asks and reads back.</remarks>
    public sealed class SafetyChainPorts
    {
        /// <summary>Emergency stop circuit is released (true = no e-stop pressed).</summary>
        public IDigitalInput EStopReleased;
        /// <summary>Bay light curtain beams are clear.</summary>
        public IDigitalInput LightCurtainClear;
        /// <summary>Bay doors are closed.</summary>
        public IDigitalInput DoorsClosed;
        /// <summary>Request to the safety relay to permit motion (the relay decides; the firmware reads it back).</summary>
        public IDigitalOutput MotionPermit;
        /// <summary>Safety relay / safe-torque-off feedback: true = the relay is energised and drives may run.</summary>
        public IDigitalInput RelayFeedback;
        /// <summary>Toggled once every control tick: the safety relay's permit watchdog (a retriggerable timer in series
        /// with MotionPermit) drops the permit when it stops toggling, so a control loop that stalls cannot leave a drive
        /// running on its last command.</summary>
        public IDigitalOutput PermitWatchdogKick;
    }
}
