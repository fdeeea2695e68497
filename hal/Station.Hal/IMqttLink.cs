namespace Station.Hal
{
    /// <summary>A connection to the cloud's MQTT broker (M2Mqtt on the device, the project's own client on a desktop).</summary>
    /// <remarks>Reconnecting is the adapter's job; what to send again after a reconnect is the core's.</remarks>
    public interface IMqttLink
    {
        /// <summary>True while the session with the broker is up.</summary>
        bool IsConnected { get; }

        /// <summary>Publishes a message. Returns a delivery token (&gt; 0) for QoS 1, 0 for QoS 0, or -1 when it could not be sent.</summary>
        int Publish(string topic, byte[] payload, int offset, int count, int qos, bool retain);

        /// <summary>Subscribes to a topic filter (restored by the adapter after a reconnect).</summary>
        bool Subscribe(string topicFilter, int qos);

        /// <summary>Raised for each message received.</summary>
        event MqttMessageHandler MessageReceived;

        /// <summary>Raised when a QoS 1 publish has been acknowledged by the broker.</summary>
        event MqttDeliveredHandler Delivered;
    }
}
