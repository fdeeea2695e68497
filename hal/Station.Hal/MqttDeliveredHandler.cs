namespace Station.Hal
{
    /// <summary>Called when the broker has acknowledged a QoS 1 publish (PUBACK).</summary>
    public delegate void MqttDeliveredHandler(int token);
}
