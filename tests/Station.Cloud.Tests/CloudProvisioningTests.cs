using System.Text;
using Station.Core.Cloud;
using Station.Core.Config;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>The boot path's decisions about the cloud link: which stored keys and provisioned files it needs, and
    /// a clear reason (the station then runs offline) for every missing or bad one.</summary>
    public class CloudProvisioningTests
    {
        const string Ca = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";
        const string Cert = "-----BEGIN CERTIFICATE-----\nMIIBclient\n-----END CERTIFICATE-----\n";
        const string Key = "-----BEGIN PRIVATE KEY-----\nMIIEkey\n-----END PRIVATE KEY-----\n";

        static ConfigValues Values(string enabled = "1", string tls = "1", string id = "CN-SH-0001-bay1")
        {
            var v = new ConfigValues();
            Assert.Null(v.TrySet(ConfigTable.MqttEnabled, enabled, 0));
            Assert.Null(v.TrySet(ConfigTable.MqttTls, tls, 0));
            Assert.Null(v.TrySet(ConfigTable.StationId, id, 0));
            Assert.Null(v.TrySet(ConfigTable.MqttHost, "broker.fleet.example", 0));
            return v;
        }

        static TestStorage Files(params (string name, string text)[] files)
        {
            var s = new TestStorage();
            foreach (var (name, text) in files) { var b = Encoding.ASCII.GetBytes(text); s.Replace(name, b, 0, b.Length); }
            return s;
        }

        [Fact]
        public void A_fully_provisioned_station_gets_every_setting_and_secret()
        {
            var s = Files((CloudProvisioning.CaFile, Ca), (CloudProvisioning.ClientCertificateFile, Cert), (CloudProvisioning.ClientKeyFile, Key),
                          (CloudProvisioning.PasswordFile, "s3cret\r\n"), (CloudProvisioning.WifiFile, "Depot Wi-Fi\r\npassphrase1\r\n"));
            var p = CloudProvisioning.Load(Values(), s, needsWifi: true);
            Assert.True(p.Usable, p.Problem);
            Assert.Equal(("CN-SH-0001-bay1", "broker.fleet.example", 8883, true, 60), (p.StationId, p.Host, p.Port, p.UseTls, p.KeepAliveSeconds));
            Assert.Equal((Ca, Cert, Key, "s3cret"), (p.CaCertificatePem, p.ClientCertificatePem, p.ClientKeyPem, p.Password));
            Assert.Equal(("Depot Wi-Fi", "passphrase1"), (p.WifiSsid, p.WifiPassword));
            Assert.DoesNotContain("s3cret", p.Summary);
            var c = p.LinkConfig(0xABCDu);
            Assert.Equal(("CN-SH-0001-bay1", "stations", 0xABCDu), (c.StationId, c.TopicPrefix, c.BootNonce));
        }

        [Fact]
        public void Disabled_by_default_so_an_unprovisioned_station_runs_offline_without_an_error()
        {
            var p = CloudProvisioning.Load(new ConfigValues(), new TestStorage(), needsWifi: true);
            Assert.False(p.Enabled);
            Assert.False(p.Usable);
            Assert.Null(p.Problem);
            Assert.Contains("mqtt.enabled 0", p.Summary);
        }

        [Fact]
        public void The_ca_certificate_alone_is_enough_on_a_wired_board()
        {
            var p = CloudProvisioning.Load(Values(), Files((CloudProvisioning.CaFile, Ca)), needsWifi: false);
            Assert.True(p.Usable, p.Problem);
            Assert.Null(p.ClientCertificatePem);
            Assert.Null(p.Password);
            Assert.Null(p.WifiSsid);
        }

        public static TheoryData<string, string, (string, string)[], string> Bad => new()
        {
            { "1", "bay1", new (string, string)[0], "cloud-ca.pem is missing" },
            { "1", "bay1", new[] { (CloudProvisioning.CaFile, "") }, "cloud-ca.pem is empty" },
            { "1", "bay1", new[] { (CloudProvisioning.CaFile, "hello") }, "cloud-ca.pem is not a PEM certificate" },
            { "1", "bay1", new[] { (CloudProvisioning.CaFile, Key) }, "cloud-ca.pem is not a PEM certificate" },
            { "1", "bay1", new[] { (CloudProvisioning.CaFile, new string('A', 9000)) }, "cloud-ca.pem is 9000 bytes, more than 8192" },
            { "1", "bay1", new[] { (CloudProvisioning.CaFile, Ca + "\u0001") }, "cloud-ca.pem has a byte that is not printable ASCII" },
            { "1", "bay1", new[] { (CloudProvisioning.CaFile, Ca), (CloudProvisioning.ClientCertificateFile, Cert) }, "cloud-client.pem is there without cloud-client.key" },
            { "1", "bay1", new[] { (CloudProvisioning.CaFile, Ca), (CloudProvisioning.ClientKeyFile, Key) }, "cloud-client.key is there without cloud-client.pem" },
            { "1", "bay1", new[] { (CloudProvisioning.CaFile, Ca), (CloudProvisioning.ClientCertificateFile, Key), (CloudProvisioning.ClientKeyFile, Key) }, "cloud-client.pem is not a PEM certificate" },
            { "1", "bay1", new[] { (CloudProvisioning.CaFile, Ca), (CloudProvisioning.ClientCertificateFile, Cert), (CloudProvisioning.ClientKeyFile, Cert) }, "cloud-client.key is not a PEM private key" },
            { "1", "bay1", new[] { (CloudProvisioning.CaFile, Ca), (CloudProvisioning.ClientCertificateFile, Cert), (CloudProvisioning.ClientKeyFile, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nx\n-----END ENCRYPTED PRIVATE KEY-----\n") }, "cloud-client.key is encrypted" },
            { "1", "bay1", new[] { (CloudProvisioning.CaFile, Ca), (CloudProvisioning.PasswordFile, "\n") }, "cloud-password.txt is empty" },
            { "0", "bay1", new[] { (CloudProvisioning.PasswordFile, "pw") }, "mqtt.tls is 0 but credentials are provisioned (cloud-password.txt)" },
            { "0", "bay1", new[] { (CloudProvisioning.ClientCertificateFile, Cert), (CloudProvisioning.ClientKeyFile, Key) }, "mqtt.tls is 0 but credentials are provisioned (cloud-client.pem)" },
        };

        [Theory]
        [MemberData(nameof(Bad))]
        public void Missing_or_bad_provisioning_is_a_clear_problem_never_a_crash(string tls, string id, (string, string)[] files, string problem)
        {
            var p = CloudProvisioning.Load(Values(tls: tls, id: id), Files(files), needsWifi: false);
            Assert.True(p.Enabled);
            Assert.False(p.Usable);
            Assert.StartsWith(problem, p.Problem);
        }

        [Theory]
        [InlineData(null, "wifi.txt is missing")]
        [InlineData("\npassphrase1", "wifi.txt: the SSID on line 1 must be 1..32 characters")]
        [InlineData("depot\nshort", "wifi.txt: the passphrase on line 2 must be 8..63 characters")]
        public void A_wifi_board_needs_its_network_file(string wifi, string problem)
        {
            var files = wifi == null ? new[] { (CloudProvisioning.CaFile, Ca) } : new[] { (CloudProvisioning.CaFile, Ca), (CloudProvisioning.WifiFile, wifi) };
            var p = CloudProvisioning.Load(Values(), Files(files), needsWifi: true);
            Assert.StartsWith(problem, p.Problem);
        }

        [Fact]
        public void An_open_network_and_a_lab_broker_without_tls_need_no_secrets()
        {
            var p = CloudProvisioning.Load(Values(tls: "0"), Files((CloudProvisioning.WifiFile, "lab\n")), needsWifi: true);
            Assert.True(p.Usable, p.Problem);
            Assert.Equal(("lab", ""), (p.WifiSsid, p.WifiPassword));
            Assert.Null(p.CaCertificatePem);
        }
    
        [Fact]
        public void The_topic_prefix_key_names_the_first_topic_level_and_must_be_usable_in_a_topic()
        {
            var v = Values();
            Assert.Null(v.TrySet(ConfigTable.MqttTopicPrefix, "fleet-eu", 0));
            var p = CloudProvisioning.Load(v, Files((CloudProvisioning.CaFile, Ca)), needsWifi: false);
            Assert.True(p.Usable, p.Problem);
            var link = new FakeLink { IsConnected = false };
            var cl = new CloudLink(link, new TestStorage(), new TestClock(), new FakeStation(), p.LinkConfig(1));
            cl.Start();
            Assert.Equal(("fleet-eu/CN-SH-0001-bay1/state", "fleet-eu/CN-SH-0001-bay1/cmd"), (link.WillTopic, cl.Topics.Command));

            // One rule for both names, refused where they are set (before, the console took a '.' that the link then refused).
            Assert.Equal("mqtt.topic_prefix: 'fleet.eu' is not valid; expected 1 to 32 characters of A-Z a-z 0-9 - _ (it is an MQTT client id or topic level)",
                v.TrySet(ConfigTable.MqttTopicPrefix, "fleet.eu", 0));
            Assert.StartsWith("station.id: 'bay.1' is not valid; expected 1 to 32 characters of A-Z a-z 0-9 - _", v.TrySet(ConfigTable.StationId, "bay.1", 0));
            Assert.Equal("fleet-eu", v.Text(ConfigTable.MqttTopicPrefix));
        }
    }
}
