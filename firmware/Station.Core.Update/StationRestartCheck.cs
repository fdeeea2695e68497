namespace Station.Core.Update
{
    /// <summary>The restart check from the controller's own state: a restart is safe only when the station is idle or
    /// not homed, no swap is in hand, no pack is in transit, and the outbox says every record is durable. The outbox
    /// belongs to the cloud assembly, so the device wiring reports it through <see cref="OutboxDurable"/>.</summary>
    public sealed class StationRestartCheck : IRestartCheck
    {
        readonly StationController _controller;

        /// <summary>Checks <paramref name="controller"/>.</summary>
        public StationRestartCheck(StationController controller) { _controller = controller; }

        /// <summary>Set by the device wiring each pass: true when no outbox record is still only in memory.</summary>
        public bool OutboxDurable { get; set; }

        /// <inheritdoc />
        public UpdateReason RestartBlocker()
        {
            SwapState s = _controller.State;
            if ((s != SwapState.Idle && s != SwapState.NotHomed) || _controller.CurrentSwap != null || _controller.Inventory.AnyInTransit())
                return UpdateReason.StationBusy;
            return OutboxDurable ? UpdateReason.None : UpdateReason.OutboxNotDurable;
        }
    }
}
