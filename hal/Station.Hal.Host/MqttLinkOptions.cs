using System;
using System.Security.Cryptography.X509Certificates;

namespace Station.Hal.Host
{
    /// <summary>How <see cref="MqttNetLink"/> reaches and talks to its broker.</summary>
    public sealed class MqttLinkOptions
    {
        /// <summary>Broker host name or address.</summary>
        public string Host = "127.0.0.1";
        /// <summary>Broker port (1883 plain, 8883 TLS by convention).</summary>
        public int Port = 1883;
        /// <summary>MQTT client identifier; a station uses its station id so the broker keeps one session per station.</summary>
        public string ClientId = "station";
        /// <summary>User name, or null for none.</summary>
        public string Username;
        /// <summary>Password, or null for none (only sent with a user name, as MQTT 3.1.1 requires).</summary>
        public string Password;
        /// <summary>Clean-session flag. Off for a station, so the broker keeps its subscription and queued QoS 1 commands.</summary>
        public bool CleanSession;
        /// <summary>Keep-alive period in seconds (0 = off). MQTTnet pings when idle and drops a broker that does not answer
        /// a ping within <see cref="ConnectTimeoutMs"/>.</summary>
        public int KeepAliveSeconds = 30;
        /// <summary>Wrap the TCP stream in TLS (SslStream, TLS 1.2 or newer).</summary>
        public bool UseTls;
        /// <summary>Name the server certificate must carry; defaults to <see cref="Host"/>.</summary>
        public string TlsTargetHost;
        /// <summary>Trust anchor for the server certificate; null = the system store.</summary>
        public X509Certificate2 CaCertificate;
        /// <summary>Client certificate (with private key) for mutual TLS, or null.</summary>
        public X509Certificate2 ClientCertificate;
        /// <summary>Time allowed for TCP connect, TLS handshake and CONNACK together, and for a PINGRESP.</summary>
        public int ConnectTimeoutMs = 5000;
        /// <summary>First reconnect delay; doubles per failed attempt up to <see cref="ReconnectMaxMs"/>, with jitter.</summary>
        public int ReconnectMinMs = 500;
        /// <summary>Longest reconnect delay.</summary>
        public int ReconnectMaxMs = 30000;
        /// <summary>Most QoS 1 publishes awaiting PUBACK; Publish returns -1 beyond it (the caller retries later).</summary>
        public int MaxInflight = 64;
        /// <summary>Resend unacknowledged QoS 1 publishes after a reconnect (DUP set when the broker kept the session;
        /// the resend is a new PUBLISH numbered by the new connection's MQTTnet client, so its packet id need not match the first one). Off by default, as the <see cref="Station.Hal.IMqttLink"/> contract wants: a station's outbox
        /// resends its records itself, flagged late. Turn it on for a general-purpose client (monitor, consumer).</summary>
        public bool ResendAfterReconnect;
        /// <summary>Seed for the reconnect jitter (tests); 0 = from the client id and time.</summary>
        public int RandomSeed;

        /// <summary>Options from a URI: <c>mqtt://host:port</c> or <c>mqtts://host:port</c>, optionally <c>user:pass@</c>.</summary>
        public static MqttLinkOptions FromUri(string uri, string clientId)
        {
            var u = new Uri(uri);
            var o = new MqttLinkOptions { Host = u.Host, ClientId = clientId };
            if (u.Scheme == "mqtts") { o.UseTls = true; o.Port = u.IsDefaultPort || u.Port <= 0 ? 8883 : u.Port; }
            else if (u.Scheme == "mqtt" || u.Scheme == "tcp") o.Port = u.IsDefaultPort || u.Port <= 0 ? 1883 : u.Port;
            else throw new ArgumentException("broker URI must start with mqtt:// or mqtts://: " + uri);
            if (!string.IsNullOrEmpty(u.UserInfo))
            {
                string[] parts = u.UserInfo.Split(':', 2);
                o.Username = Uri.UnescapeDataString(parts[0]);
                if (parts.Length > 1) o.Password = Uri.UnescapeDataString(parts[1]);
            }
            return o;
        }
    }
}
