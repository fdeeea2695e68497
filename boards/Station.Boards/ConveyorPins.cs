namespace Station.Boards
{
    /// <summary>Pins of one conveyor (see <c>Station.Core.ConveyorPorts</c>).</summary>
    public sealed class ConveyorPins
    {
        /// <summary>Motor contactor output.</summary>
        public int Run = BoardPinMap.NoPin;
        /// <summary>Contactor auxiliary contact (read-back), or <see cref="BoardPinMap.NoPin"/> when not wired.</summary>
        public int Running = BoardPinMap.NoPin;

        internal void AddTo(PinList pins, string group)
        {
            pins.Add(group + ".Run", Run, PinRole.Output);
            if (Running != BoardPinMap.NoPin) pins.Add(group + ".Running", Running, PinRole.Input);
        }
    }
}
