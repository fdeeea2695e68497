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
    }
}
