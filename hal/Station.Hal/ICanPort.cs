namespace Station.Hal
{
    /// <summary>A CAN controller: native CAN on STM32, an MCP2515 on SPI on ESP32, a virtual bus in the simulator.</summary>
    public interface ICanPort
    {
        /// <summary>Takes the next received frame, if any. Never blocks.</summary>
        bool TryRead(ref CanFrame frame);

        /// <summary>Queues a frame for sending. False when the transmit path is full or the bus is off.</summary>
        bool TrySend(ref CanFrame frame);
    }
}
