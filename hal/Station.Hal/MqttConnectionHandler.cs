namespace Station.Hal
{
    /// <summary>Called when the MQTT session comes up (<paramref name="connected"/> true) or is lost.</summary>
    public delegate void MqttConnectionHandler(bool connected);
}
