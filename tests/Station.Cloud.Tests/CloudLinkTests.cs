using System.Linq;
using System.Text.Json;
using Station.Core.Cloud;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>CloudLink over an in-memory link: the Sparkplug-style sequence numbers.</summary>
    public class CloudLinkTests
    {
        static JsonElement[] States(FakeLink link) =>
            link.Sent.Where(s => s.topic == "stations/bay1/state").Select(s => JsonDocument.Parse(s.payload).RootElement).ToArray();

        [Fact]
        public void Birth_and_telemetry_carry_the_builds_version_and_the_birth_its_commit()
        {
            var link = new FakeLink { IsConnected = false };
            var clock = new TestClock();
            var cl = new CloudLink(link, new TestStorage(), clock, new FakeStation(), new CloudLinkConfig { StationId = "bay1", TelemetryPeriodMs = 1000 });
            cl.Start();
            link.SetConnected(true);
            cl.Tick();
            var birth = States(link).Last();
            Assert.Equal(Station.Core.FirmwareVersion.Text, birth.GetProperty("fw").GetString());
            Assert.Equal(Station.Core.FirmwareVersion.Commit, birth.GetProperty("commit").GetString());
            Assert.Matches(@"^\d+\.\d+\.\d+$", birth.GetProperty("fw").GetString());
            var telemetry = link.Sent.Where(s => s.topic == "stations/bay1/telemetry").Select(s => JsonDocument.Parse(s.payload).RootElement).Last();
            Assert.Equal(Station.Core.FirmwareVersion.Text, telemetry.GetProperty("fw").GetString());
        }

        [Fact]
        public void Rebirth_keeps_the_sessions_bdseq_and_restarts_seq_while_a_reconnect_starts_the_next_bdseq()
        {
            var link = new FakeLink { IsConnected = false };
            var clock = new TestClock();
            var storage = new TestStorage();
            var cl = new CloudLink(link, storage, clock, new FakeStation(), new CloudLinkConfig { StationId = "bay1", TelemetryPeriodMs = 1000 });
            cl.Start();
            Assert.Contains("\"bdSeq\":0", link.Will);
            link.SetConnected(true);
            cl.Tick();
            var birth = States(link).Last();
            Assert.Equal(("birth", 0, 0), (birth.GetProperty("type").GetString(), birth.GetProperty("bdSeq").GetInt32(), birth.GetProperty("seq").GetInt32()));
            Assert.Contains("\"bdSeq\":1", link.Will); // registered for the next connect

            for (int i = 0; i < 300; i++) { clock.Advance(10); cl.Tick(); } // telemetry moves seq on
            link.Receive("stations/bay1/cmd", "{\"v\":1,\"mid\":\"rb\",\"cmd\":\"station.rebirth\"}");
            cl.Tick();
            var rebirth = States(link).Last();
            Assert.Equal(("birth", 0, 0), (rebirth.GetProperty("type").GetString(), rebirth.GetProperty("bdSeq").GetInt32(), rebirth.GetProperty("seq").GetInt32()));
            Assert.Contains("\"bdSeq\":1", link.Will);

            link.SetConnected(false);
            cl.Tick();
            link.SetConnected(true);
            cl.Tick();
            var birth2 = States(link).Last();
            Assert.Equal(1, birth2.GetProperty("bdSeq").GetInt32());
            Assert.Contains("\"bdSeq\":2", link.Will);

            // A reboot continues from the persisted number.
            var link2 = new FakeLink { IsConnected = false };
            var cl2 = new CloudLink(link2, storage, clock, new FakeStation(), new CloudLinkConfig { StationId = "bay1" });
            cl2.Start();
            Assert.Contains("\"bdSeq\":2", link2.Will);
        }
    
        [Fact]
        public void A_clean_stop_publishes_the_sessions_death_retained_then_disconnects_and_stays_silent()
        {
            var link = new FakeLink { IsConnected = false };
            var clock = new TestClock();
            var cl = new CloudLink(link, new TestStorage(), clock, new FakeStation(), new CloudLinkConfig { StationId = "bay1", TelemetryPeriodMs = 1000, BootNonce = 0xA1B2C3D4 });
            cl.Start();
            link.SetConnected(true);
            cl.Tick();
            link.SetConnected(false); cl.Tick();
            link.SetConnected(true); cl.Tick(); // second session: bdSeq 1, the will registered for the next connect says 2
            Assert.Contains("\"bdSeq\":2", link.Will);

            cl.Stop();
            var last = link.Sent.Last();
            Assert.Equal(("stations/bay1/state", 1, true), (last.topic, last.qos, last.retain));
            var death = JsonDocument.Parse(last.payload).RootElement;
            Assert.Equal(("death", false, 1, "da1b2c3d4-1"), (death.GetProperty("type").GetString(), death.GetProperty("online").GetBoolean(), death.GetProperty("bdSeq").GetInt32(), death.GetProperty("mid").GetString()));
            Assert.Equal(1, link.Disconnects);
            Assert.False(cl.Online);

            int sent = link.Sent.Count;
            link.IsConnected = true; // even if the adapter were still up: a stopped link publishes nothing more
            for (int i = 0; i < 300; i++) { clock.Advance(10); cl.Tick(); }
            cl.Stop();
            Assert.Equal(sent, link.Sent.Count);
            Assert.Equal(1, link.Disconnects);
        }

        [Fact]
        public void A_clean_stop_while_offline_publishes_nothing_and_still_disconnects()
        {
            var link = new FakeLink { IsConnected = false };
            var cl = new CloudLink(link, new TestStorage(), new TestClock(), new FakeStation(), new CloudLinkConfig { StationId = "bay1" });
            cl.Start();
            cl.Tick();
            cl.Stop();
            Assert.Empty(link.Sent);
            Assert.Equal(1, link.Disconnects);
        }
}
}
