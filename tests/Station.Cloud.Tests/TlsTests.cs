using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Station.Hal.Host;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>The host client over TLS to a real Mosquitto with certificates made by the test: server validation
    /// against the fleet CA, refusal of an untrusted broker, and mutual TLS with a client certificate.</summary>
    public class TlsTests
    {
        sealed class Pki
        {
            public X509Certificate2 Ca, Server, Client;
            public RSA CaKey;
        }

        static Pki Make(string dir)
        {
            var p = new Pki { CaKey = RSA.Create(2048) };
            var caReq = new CertificateRequest("CN=Station Fleet Test CA", p.CaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            caReq.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caReq.PublicKey, false));
            p.Ca = caReq.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            p.Server = Issue(p, "CN=localhost", true, out var serverKey);
            p.Client = Issue(p, "CN=bay1", false, out var clientKey);
            File.WriteAllText(Path.Combine(dir, "ca.crt"), p.Ca.ExportCertificatePem());
            File.WriteAllText(Path.Combine(dir, "server.crt"), p.Server.ExportCertificatePem());
            File.WriteAllText(Path.Combine(dir, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
            p.Client = X509Certificate2.CreateFromPem(p.Client.ExportCertificatePem(), clientKey.ExportPkcs8PrivateKeyPem());
            return p;
        }

        static X509Certificate2 Issue(Pki p, string subject, bool server, out RSA key)
        {
            key = RSA.Create(2048);
            var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") }, false));
            if (server)
            {
                var san = new SubjectAlternativeNameBuilder();
                san.AddDnsName("localhost");
                san.AddIpAddress(IPAddress.Loopback);
                req.CertificateExtensions.Add(san.Build());
            }
            var serial = new byte[8];
            RandomNumberGenerator.Fill(serial);
            serial[0] &= 0x7F;
            using var cert = req.Create(p.Ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), serial);
            return X509CertificateLoader.LoadCertificate(cert.RawData);
        }

        static string TlsConfig(bool requireClientCert) =>
            "allow_anonymous true\ncafile {DIR}/ca.crt\ncertfile {DIR}/server.crt\nkeyfile {DIR}/server.key\ntls_version tlsv1.2\n" +
            (requireClientCert ? "require_certificate true\n" : "");

        static MqttNetLink Client(int port, Pki pki, bool trustCa, bool withClientCert)
        {
            var c = new MqttNetLink(new MqttLinkOptions
            {
                Port = port, ClientId = "bay1", UseTls = true, TlsTargetHost = "localhost",
                CaCertificate = trustCa ? pki.Ca : null, ClientCertificate = withClientCert ? pki.Client : null,
                ReconnectMinMs = 50, ReconnectMaxMs = 200,
            });
            c.Start();
            return c;
        }

        [Fact]
        public void Tls_to_a_broker_signed_by_the_fleet_ca_works_and_an_untrusted_broker_is_refused()
        {
            Pki pki = null;
            using var broker = Mosquitto.Start(TlsConfig(false), dir => pki = Make(dir));
            using (var c = Client(broker.Port, pki, trustCa: true, withClientCert: false))
            {
                Assert.True(c.WaitConnected(10000), c.LastError);
                var got = new BlockingCollection<string>();
                c.MessageReceived += (t, p) => got.Add(Encoding.UTF8.GetString(p));
                c.Subscribe("tls/#", 1);
                Wait.Until(() => { c.Publish("tls/x", Encoding.UTF8.GetBytes("secret"), 0, 6, 1, false); return got.TryTake(out var s, 200) && s == "secret"; }, "round trip over TLS");
            }
            using var untrusting = Client(broker.Port, pki, trustCa: false, withClientCert: false);
            Wait.Until(() => untrusting.LastError != null, "TLS refusal");
            Assert.False(untrusting.IsConnected);
            Assert.Equal(0, untrusting.ConnectCount);
        }

        [Fact]
        public void Mutual_tls_needs_the_client_certificate()
        {
            Pki pki = null;
            using var broker = Mosquitto.Start(TlsConfig(true), dir => pki = Make(dir));
            using (var c = Client(broker.Port, pki, trustCa: true, withClientCert: true))
                Assert.True(c.WaitConnected(10000), c.LastError);
            using var without = Client(broker.Port, pki, trustCa: true, withClientCert: false);
            Wait.Until(() => without.LastError != null, "refusal without a client certificate");
            Assert.False(without.IsConnected);
            Assert.Equal(0, without.ConnectCount);
        }
    }
}
