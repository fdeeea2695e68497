namespace Station.Hal
{
    /// <summary>A connection to the cloud's MQTT broker (M2Mqtt on the device, MQTTnet on a desktop).</summary>
    /// <remarks>Reconnecting is the adapter's job; what to send again after a reconnect is the core's.
    /// Events may be raised on the adapter's own thread: the core only records them and acts in its tick.</remarks>
    public interface IMqttLink
    {
        /// <summary>True while the session with the broker is up.</summary>
        bool IsConnected { get; }

        /// <summary>Publishes a message. Returns a delivery token (&gt; 0) for QoS 1, 0 for QoS 0, or -1 when it could not be sent.</summary>
        /// <remarks>A QoS 1 message that got a token stays the adapter's until <see cref="Delivered"/> reports it or the
        /// session drops. After a drop the adapter forgets it (no resend, no Delivered): the core sends again what was
        /// not acknowledged, flagged late (docs/cloud.md, "Reconnect"). The payload is copied before the call returns.</remarks>
        int Publish(string topic, byte[] payload, int offset, int count, int qos, bool retain);

        /// <summary>Subscribes to a topic filter (restored by the adapter after a reconnect).</summary>
        bool Subscribe(string topicFilter, int qos);

        /// <summary>Sets the last-will message the adapter registers with the broker on its next connect
        /// (Sparkplug-style death certificate). The payload is copied.</summary>
        void SetWill(string topic, byte[] payload, int offset, int count, int qos, bool retain);

        /// <summary>Clean disconnect: sends DISCONNECT (the broker then discards the will) after what was published
        /// before it, and stops reconnecting. Safe to call when not connected.</summary>
        void Disconnect();

        /// <summary>Raised for each message received.</summary>
        event MqttMessageHandler MessageReceived;

        /// <summary>Raised when a QoS 1 publish has been acknowledged by the broker.</summary>
        event MqttDeliveredHandler Delivered;

        /// <summary>Raised when the session comes up (after CONNACK and restored subscriptions) or goes down.</summary>
        event MqttConnectionHandler ConnectionChanged;
    }
}
