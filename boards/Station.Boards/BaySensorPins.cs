namespace Station.Boards
{
    /// <summary>Pins of the car bay's presence sensors (see <c>Station.Core.BaySensorPorts</c>).</summary>
    public sealed class BaySensorPins
    {
        /// <summary>Vehicle at the swap position.</summary>
        public int VehiclePositioned = BoardPinMap.NoPin;
        /// <summary>Pack-at-staging sensor.</summary>
        public int PackAtStaging = BoardPinMap.NoPin;
        /// <summary>Pack-on-lift sensor.</summary>
        public int PackOnLift = BoardPinMap.NoPin;
        /// <summary>Pack-at-return-point sensor.</summary>
        public int PackAtReturn = BoardPinMap.NoPin;

        internal void AddTo(PinList pins, string group)
        {
            pins.Add(group + ".VehiclePositioned", VehiclePositioned, PinRole.Input);
            pins.Add(group + ".PackAtStaging", PackAtStaging, PinRole.Input);
            pins.Add(group + ".PackOnLift", PackOnLift, PinRole.Input);
            pins.Add(group + ".PackAtReturn", PackAtReturn, PinRole.Input);
        }
    }
}
