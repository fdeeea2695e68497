namespace Station.Hal.Nano.Mqtt
{
    /// <summary>What the device needs to reach its broker; provisioned per station (docs/cloud.md, "Provisioning").</summary>
    public sealed class MqttLinkSettings
    {
        /// <summary>Broker host name (must match the broker certificate's name when TLS is on).</summary>
        public string Host;
        /// <summary>Broker port: 8883 with TLS, 1883 without.</summary>
        public int Port = 8883;
        /// <summary>TLS 1.2 with server certificate validation (leave on outside a lab).</summary>
        public bool UseTls = true;
        /// <summary>Fleet CA certificate (PEM) that signed the broker certificate.</summary>
        public string CaCertificatePem;
        /// <summary>Client certificate (PEM) for mutual TLS, or null.</summary>
        public string ClientCertificatePem;
        /// <summary>Client private key (PEM) for mutual TLS, or null.</summary>
        public string ClientKeyPem;
        /// <summary>Station id: MQTT client id and user name.</summary>
        public string StationId;
        /// <summary>Broker password, or null (mutual TLS only).</summary>
        public string Password;
        /// <summary>Keep-alive in seconds.</summary>
        public ushort KeepAliveSeconds = 30;
        /// <summary>First reconnect delay, ms (doubles to <see cref="ReconnectMaxMs"/>, with jitter).</summary>
        public int ReconnectMinMs = 1000;
        /// <summary>Longest reconnect delay, ms.</summary>
        public int ReconnectMaxMs = 60000;
        /// <summary>Most QoS 1 publishes awaiting PUBACK.</summary>
        public int MaxInflight = 16;
    }
}
