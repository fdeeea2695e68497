using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Station.Hal.Host;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>The ACL example in docs/mosquitto/stations.acl, loaded into a real Mosquitto with a password file made by
    /// mosquitto_passwd: station A cannot publish into station B's tree nor read B's commands.</summary>
    public class AclTests
    {
        internal static string RepoFile(string relative)
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "StationFirmware.sln"))) dir = dir.Parent;
            Assert.NotNull(dir);
            return Path.Combine(dir.FullName, relative);
        }

        static MqttNetLink Login(int port, string user, string password, string clientId = null)
        {
            var c = new MqttNetLink(new MqttLinkOptions { Port = port, ClientId = clientId ?? user, Username = user, Password = password, CleanSession = true, ReconnectMinMs = 50, ReconnectMaxMs = 200 });
            c.Start();
            Assert.True(c.WaitConnected(5000), user + ": " + c.LastError);
            return c;
        }

        static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

        [Fact]
        public void A_station_is_confined_to_its_own_topics()
        {
            string acl = RepoFile("docs/mosquitto/stations.acl");
            using var broker = Mosquitto.Start("allow_anonymous false\npassword_file {DIR}/passwd\nacl_file {DIR}/stations.acl\n", dir =>
            {
                File.Copy(acl, Path.Combine(dir, "stations.acl"));
                Mosquitto.Run("mosquitto_passwd", $"-b -c {dir}/passwd bayA secretA");
                Mosquitto.Run("mosquitto_passwd", $"-b {dir}/passwd bayB secretB");
                Mosquitto.Run("mosquitto_passwd", $"-b {dir}/passwd cloud secretC");
            });
            using var cloud = Login(broker.Port, "cloud", "secretC");
            var cloudSaw = new System.Collections.Concurrent.ConcurrentQueue<string>();
            cloud.MessageReceived += (t, p) => cloudSaw.Enqueue(t + " " + Encoding.UTF8.GetString(p));
            cloud.Subscribe("stations/#", 1);

            using var a = Login(broker.Port, "bayA", "secretA");
            using var b = Login(broker.Port, "bayB", "secretB");
            var aSaw = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var bSaw = new System.Collections.Concurrent.ConcurrentQueue<string>();
            a.MessageReceived += (t, p) => aSaw.Enqueue(t + " " + Encoding.UTF8.GetString(p));
            b.MessageReceived += (t, p) => bSaw.Enqueue(t + " " + Encoding.UTF8.GetString(p));
            a.Subscribe("stations/bayA/cmd", 1);
            a.Subscribe("stations/bayB/cmd", 1);   // not allowed
            a.Subscribe("stations/#", 1);          // not allowed: would read the whole fleet
            b.Subscribe("stations/bayB/cmd", 1);

            // Make sure the subscriptions are in place: the cloud's command to A reaches A.
            Wait.Until(() => { cloud.Publish("stations/bayA/cmd", B("ping-a"), 0, 6, 1, false); Thread.Sleep(50); return aSaw.Contains("stations/bayA/cmd ping-a"); }, "A's own command");
            Wait.Until(() => { cloud.Publish("stations/bayB/cmd", B("ping-b"), 0, 6, 1, false); Thread.Sleep(50); return bSaw.Contains("stations/bayB/cmd ping-b"); }, "B's own command");

            b.Publish("stations/bayB/state", B("state-b"), 0, 7, 1, true);
            Wait.Until(() => b.InflightCount == 0, "B's retained state stored");

            // A tries to write into B's tree and to forge a command for B; then writes its own event as a marker.
            a.Publish("stations/bayB/events", B("forged-event"), 0, 12, 1, false);
            a.Publish("stations/bayB/state", B("forged-state"), 0, 12, 1, true);
            a.Publish("stations/bayB/cmd", B("forged-cmd"), 0, 10, 1, false);
            a.Publish("stations/bayA/events", B("marker-a"), 0, 8, 1, false);
            b.Publish("stations/bayB/events", B("marker-b"), 0, 8, 1, false);
            Wait.Until(() => cloudSaw.Contains("stations/bayA/events marker-a") && cloudSaw.Contains("stations/bayB/events marker-b"), "markers at the cloud");
            Wait.Until(() => a.InflightCount == 0, "broker answered every publish of A");

            Assert.DoesNotContain(cloudSaw, l => l.Contains("forged"));
            Assert.DoesNotContain(bSaw, l => l.Contains("forged"));
            Assert.DoesNotContain(aSaw, l => l.Contains("ping-b") || l.Contains("marker-b"));
            Assert.True(a.FailedSubscriptions >= 1 || !aSaw.Any(l => l.StartsWith("stations/bayB")), "A was not refused anything");
            string retained = Mosquitto.Run("mosquitto_sub", $"-h 127.0.0.1 -p {broker.Port} -u cloud -P secretC -t stations/bayB/state -W 1 -C 1", 5000).Trim();
            Assert.Equal("state-b", retained);
        }

        [Fact]
        public void A_station_cannot_log_in_as_another_or_without_a_password()
        {
            string acl = RepoFile("docs/mosquitto/stations.acl");
            using var broker = Mosquitto.Start("allow_anonymous false\npassword_file {DIR}/passwd\nacl_file {DIR}/stations.acl\n", dir =>
            {
                File.Copy(acl, Path.Combine(dir, "stations.acl"));
                Mosquitto.Run("mosquitto_passwd", $"-b -c {dir}/passwd bayA secretA");
                Mosquitto.Run("mosquitto_passwd", $"-b {dir}/passwd bayB secretB");
            });
            using var impostor = new MqttNetLink(new MqttLinkOptions { Port = broker.Port, ClientId = "bayB", Username = "bayB", Password = "secretA", ReconnectMinMs = 50, ReconnectMaxMs = 100 });
            impostor.Start();
            Wait.Until(() => impostor.LastError != null, "refusal");
            Assert.False(impostor.IsConnected);
            using var anonymous = new MqttNetLink(new MqttLinkOptions { Port = broker.Port, ClientId = "anon", ReconnectMinMs = 50, ReconnectMaxMs = 100 });
            anonymous.Start();
            Wait.Until(() => anonymous.LastError != null, "refusal");
            Assert.False(anonymous.IsConnected);
        }
    }
}
