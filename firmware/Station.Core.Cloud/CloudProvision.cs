namespace Station.Core.Cloud
{
    /// <summary>What the boot path found for the cloud link: the settings from the stored configuration and the
    /// provisioned files, and whether they can be used (<see cref="CloudProvisioning.Load"/>).</summary>
    public sealed class CloudProvision
    {
        /// <summary>True when <c>mqtt.enabled</c> is 1.</summary>
        public bool Enabled;
        /// <summary>Why the link cannot start (the station then runs offline), or null when it can.</summary>
        public string Problem;
        /// <summary>Station id: MQTT client id, user name and second topic level.</summary>
        public string StationId;
        /// <summary>First topic level (<c>mqtt.topic_prefix</c>).</summary>
        public string TopicPrefix;
        /// <summary>Broker host.</summary>
        public string Host;
        /// <summary>Broker port.</summary>
        public int Port;
        /// <summary>MQTT keep-alive, seconds.</summary>
        public int KeepAliveSeconds;
        /// <summary>TLS 1.2 with server certificate validation.</summary>
        public bool UseTls;
        /// <summary>The CA certificate (PEM) that signed the broker's certificate; null without TLS.</summary>
        public string CaCertificatePem;
        /// <summary>Client certificate (PEM) for mutual TLS, or null.</summary>
        public string ClientCertificatePem;
        /// <summary>Client private key (PEM, unencrypted), or null.</summary>
        public string ClientKeyPem;
        /// <summary>Broker password, or null.</summary>
        public string Password;
        /// <summary>Wi-Fi network name (boards with Wi-Fi), or null.</summary>
        public string WifiSsid;
        /// <summary>Wi-Fi passphrase ("" for an open network), or null.</summary>
        public string WifiPassword;
        /// <summary>Words for the boot log about what was found (never a secret).</summary>
        public string Summary;

        /// <summary>True when the link should be started.</summary>
        public bool Usable { get { return Enabled && Problem == null; } }

        /// <summary>The portable link's settings for this station; <paramref name="bootNonce"/> is the number the
        /// adapter drew at this boot (part of every message id).</summary>
        public CloudLinkConfig LinkConfig(uint bootNonce)
        {
            var c = new CloudLinkConfig();
            c.StationId = StationId;
            c.TopicPrefix = TopicPrefix;
            c.BootNonce = bootNonce;
            return c;
        }
    }
}
