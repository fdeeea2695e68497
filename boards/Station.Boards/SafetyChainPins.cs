namespace Station.Boards
{
    /// <summary>Pins of the safety chain (see <c>Station.Core.SafetyChainPorts</c>).</summary>
    public sealed class SafetyChainPins
    {
        /// <summary>E-stop circuit released (NC chain).</summary>
        public int EStopReleased = BoardPinMap.NoPin;
        /// <summary>Light curtain clear (OSSD through the safety relay's monitoring contact).</summary>
        public int LightCurtainClear = BoardPinMap.NoPin;
        /// <summary>Bay doors closed.</summary>
        public int DoorsClosed = BoardPinMap.NoPin;
        /// <summary>Motion permit request to the safety relay.</summary>
        public int MotionPermit = BoardPinMap.NoPin;
        /// <summary>Safety relay / STO feedback.</summary>
        public int RelayFeedback = BoardPinMap.NoPin;
        /// <summary>Permit watchdog input of the safety relay, toggled every control tick.</summary>
        public int PermitWatchdogKick = BoardPinMap.NoPin;

        internal void AddTo(PinList pins, string group)
        {
            pins.Add(group + ".EStopReleased", EStopReleased, PinRole.Input);
            pins.Add(group + ".LightCurtainClear", LightCurtainClear, PinRole.Input);
            pins.Add(group + ".DoorsClosed", DoorsClosed, PinRole.Input);
            pins.Add(group + ".MotionPermit", MotionPermit, PinRole.Output);
            pins.Add(group + ".RelayFeedback", RelayFeedback, PinRole.Input);
            pins.Add(group + ".PermitWatchdogKick", PermitWatchdogKick, PinRole.Output);
        }
    }
}
