namespace Station.Core.Update
{
    /// <summary>Whether the station can restart right now without interrupting work: idle or not homed, no swap
    /// running, no pack in transit, every outbox record durable. Implemented by the device wiring from the core's state.</summary>
    public interface IRestartCheck
    {
        /// <summary><see cref="UpdateReason.None"/> when a restart is safe now, else what it waits for
        /// (<see cref="UpdateReason.StationBusy"/> or <see cref="UpdateReason.OutboxNotDurable"/>).</summary>
        UpdateReason RestartBlocker();
    }
}
