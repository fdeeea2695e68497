using Station.Core.Config;
using Station.Hal;

namespace Station.Core.Cloud
{
    /// <summary>Decides, at boot, whether and how the cloud link starts: the <c>mqtt.*</c> and <c>station.id</c> keys of
    /// the stored configuration plus the files provisioned into the station's storage (docs/cloud.md, "Provisioning a
    /// station"). Everything is checked here, portably; the device adapter only reads bytes.</summary>
    /// <remarks>
    /// Files (in the same storage folder as the configuration, <c>I:\station</c> on the ESP32):
    /// | file | needed | content |
    /// |---|---|---|
    /// | cloud-ca.pem | with mqtt.tls 1 | the fleet CA certificate that signed the broker's certificate |
    /// | cloud-client.pem + cloud-client.key | optional, both or neither, TLS only | client certificate and unencrypted key |
    /// | cloud-password.txt | optional, TLS only | broker password (one line) |
    /// | wifi.txt | boards with Wi-Fi | line 1 the SSID, line 2 the passphrase (empty for an open network) |
    /// Any problem leaves the station offline with the reason in <see cref="CloudProvision.Problem"/>: it never stops
    /// the station, and no secret is ever put into a message.
    /// </remarks>
    public static class CloudProvisioning
    {
        /// <summary>CA certificate file.</summary>
        public const string CaFile = "cloud-ca.pem";
        /// <summary>Client certificate file.</summary>
        public const string ClientCertificateFile = "cloud-client.pem";
        /// <summary>Client key file.</summary>
        public const string ClientKeyFile = "cloud-client.key";
        /// <summary>Broker password file.</summary>
        public const string PasswordFile = "cloud-password.txt";
        /// <summary>Wi-Fi credentials file.</summary>
        public const string WifiFile = "wifi.txt";
        /// <summary>Largest certificate or key file accepted (a chain of a few certificates).</summary>
        public const int MaxPemBytes = 8192;
        /// <summary>Largest password or Wi-Fi file accepted.</summary>
        public const int MaxSecretBytes = 128;

        /// <summary>Reads and checks everything the link needs. <paramref name="needsWifi"/> is true on boards that
        /// join Wi-Fi (ESP32), false on wired ones.</summary>
        public static CloudProvision Load(ConfigValues values, IStorage storage, bool needsWifi)
        {
            var p = new CloudProvision();
            p.Enabled = values.Number(ConfigTable.MqttEnabled) == 1;
            p.StationId = values.Text(ConfigTable.StationId);
            p.TopicPrefix = values.Text(ConfigTable.MqttTopicPrefix);
            p.Host = values.Text(ConfigTable.MqttHost);
            p.Port = values.Number(ConfigTable.MqttPort);
            p.KeepAliveSeconds = values.Number(ConfigTable.MqttKeepAliveS);
            p.UseTls = values.Number(ConfigTable.MqttTls) == 1;
            if (!p.Enabled)
            {
                p.Summary = "cloud link off (mqtt.enabled 0): the station runs without a broker";
                return p;
            }
            p.Summary = "cloud link " + p.StationId + " -> " + p.Host + ":" + p.Port.ToString() + (p.UseTls ? " TLS" : " without TLS");
            p.Problem = Check(p, storage, needsWifi);
            return p;
        }

        static string Check(CloudProvision p, IStorage storage, bool needsWifi)
        {
            if (!CloudTopics.IsValidStationId(p.StationId))
                return "station.id '" + p.StationId + "' cannot be an MQTT client id: use " + Station.Core.Config.StationName.RuleText;
            if (!CloudTopics.IsValidStationId(p.TopicPrefix))
                return "mqtt.topic_prefix '" + p.TopicPrefix + "' must be " + Station.Core.Config.StationName.RuleText;

            string problem;
            string cert = ReadText(storage, ClientCertificateFile, MaxPemBytes, out problem);
            if (problem != null) return problem;
            string key = ReadText(storage, ClientKeyFile, MaxPemBytes, out problem);
            if (problem != null) return problem;
            string password = ReadText(storage, PasswordFile, MaxSecretBytes, out problem);
            if (problem != null) return problem;

            if (p.UseTls)
            {
                string ca = ReadText(storage, CaFile, MaxPemBytes, out problem);
                if (problem != null) return problem;
                if (ca == null) return CaFile + " is missing: TLS (mqtt.tls 1) needs the CA certificate that signed the broker's";
                if (!IsPem(ca, "CERTIFICATE")) return CaFile + " is not a PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)";
                p.CaCertificatePem = ca;
                if ((cert == null) != (key == null))
                    return cert == null ? ClientKeyFile + " is there without " + ClientCertificateFile + ": provision both or neither"
                                        : ClientCertificateFile + " is there without " + ClientKeyFile + ": provision both or neither";
                if (cert != null)
                {
                    if (!IsPem(cert, "CERTIFICATE")) return ClientCertificateFile + " is not a PEM certificate";
                    if (Find(key, "ENCRYPTED PRIVATE KEY") >= 0) return ClientKeyFile + " is encrypted: the device needs an unencrypted key";
                    if (!IsPem(key, "PRIVATE KEY")) return ClientKeyFile + " is not a PEM private key (-----BEGIN ... PRIVATE KEY-----)";
                    p.ClientCertificatePem = cert;
                    p.ClientKeyPem = key;
                }
            }
            else if (cert != null || key != null || password != null)
            {
                // Credentials over a plain connection would be readable by anyone on the network path.
                return "mqtt.tls is 0 but credentials are provisioned (" + (password != null ? PasswordFile : ClientCertificateFile)
                    + "): set mqtt.tls 1, or remove them for a lab broker";
            }

            if (password != null)
            {
                password = FirstLine(password);
                if (password.Length == 0) return PasswordFile + " is empty: remove it, or write the password on its first line";
                p.Password = password;
            }

            if (needsWifi)
            {
                string wifi = ReadText(storage, WifiFile, MaxSecretBytes, out problem);
                if (problem != null) return problem;
                if (wifi == null) return WifiFile + " is missing: line 1 the Wi-Fi SSID, line 2 its passphrase";
                string ssid = FirstLine(wifi);
                int newline = wifi.IndexOf('\n');
                string pass = newline >= 0 ? FirstLine(wifi.Substring(newline + 1)) : "";
                if (ssid.Length < 1 || ssid.Length > 32) return WifiFile + ": the SSID on line 1 must be 1..32 characters";
                if (pass.Length != 0 && (pass.Length < 8 || pass.Length > 63)) return WifiFile + ": the passphrase on line 2 must be 8..63 characters (or empty for an open network)";
                p.WifiSsid = ssid;
                p.WifiPassword = pass;
            }
            return null;
        }

        /// <summary>The file as text, or null when it does not exist; a problem when it is empty, too large, or not
        /// printable ASCII (PEM, passwords and SSIDs here are ASCII).</summary>
        static string ReadText(IStorage storage, string name, int max, out string problem)
        {
            problem = null;
            int length = storage.Length(name);
            if (length < 0) return null;
            if (length == 0) { problem = name + " is empty"; return null; }
            if (length > max) { problem = name + " is " + length.ToString() + " bytes, more than " + max.ToString(); return null; }
            var bytes = new byte[length];
            if (storage.Read(name, 0, bytes, 0, length) != length) { problem = name + " could not be read"; return null; }
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = bytes[i];
                if ((b < 0x20 || b > 0x7E) && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t')
                {
                    problem = name + " has a byte that is not printable ASCII at offset " + i.ToString();
                    return null;
                }
                chars[i] = (char)b;
            }
            return new string(chars);
        }

        static bool IsPem(string text, string label)
        {
            int begin = Find(text, "-----BEGIN ");
            if (begin < 0) return false;
            int endOfBegin = Find(text, "-----", begin + 11);
            if (endOfBegin < 0 || !EndsWithAt(text, label, endOfBegin)) return false;
            int end = Find(text, "-----END ", endOfBegin + 5);
            return end > endOfBegin + 5 && Find(text, "-----", end + 9) > end;
        }

        // True when text[..at] ends with value.
        static bool EndsWithAt(string text, string value, int at)
        {
            int start = at - value.Length;
            return start >= 0 && Find(text, value, start) == start;
        }

        static int Find(string text, string value) { return Find(text, value, 0); }

        // Ordinal search (string.IndexOf(string) compares by culture on .NET).
        static int Find(string text, string value, int from)
        {
            for (int i = from; i <= text.Length - value.Length; i++)
            {
                int k = 0;
                while (k < value.Length && text[i + k] == value[k]) k++;
                if (k == value.Length) return i;
            }
            return -1;
        }

        static string FirstLine(string text)
        {
            int end = 0;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r') end++;
            return text.Substring(0, end);
        }
    }
}
