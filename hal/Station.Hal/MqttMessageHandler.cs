namespace Station.Hal
{
    /// <summary>Called for each message received on a subscribed topic.</summary>
    public delegate void MqttMessageHandler(string topic, byte[] payload);
}
