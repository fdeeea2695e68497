using System;

namespace Station.Hal.Host
{
    /// <summary>The broker sent bytes that are not valid MQTT 3.1.1 (or that this client never asked for); the
    /// connection is dropped and re-established.</summary>
    public sealed class MqttProtocolException : Exception
    {
        /// <summary>Creates the exception with what was wrong.</summary>
        public MqttProtocolException(string message) : base(message) { }
    }
}
