using System;
using System.Linq;
using System.Text.Json;
using Station.Core;
using Station.Core.Cloud;
using Station.Core.Console;
using Station.Hal.Sim;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>What a technician sees of the cloud link at the console (status, log tail) and what the audit trail
    /// keeps of a command nobody could parse.</summary>
    public class CloudLinkReportTests
    {
        static (SimClock clock, FakeLink link, CloudLink cl, LogRing log) Build()
        {
            var plant = new PlantParameters();
            var clock = new SimClock();
            var bay = new SimBay(plant, clock, new MemoryStorage());
            var controller = new StationController(bay.Io, plant.ControllerConfig());
            controller.Start();
            var link = new FakeLink();
            var sc = new StationCloud(controller, clock);
            var cl = new CloudLink(link, new TestStorage(), clock, sc, new CloudLinkConfig { StationId = "bay7" });
            sc.Attach(cl);
            var log = new LogRing(16, clock, null);
            cl.Log = log;
            cl.Start();
            return (clock, link, cl, log);
        }

        [Fact]
        public void Describe_says_online_or_offline_and_what_waits_in_the_outbox()
        {
            var (clock, link, cl, log) = Build();
            link.SetConnected(true);
            cl.Tick();
            Assert.StartsWith("online as bay7; outbox ", cl.Describe());
            Assert.Contains("commands 0 accepted, 0 refused", cl.Describe());
            Assert.Contains("I cloud: online", log.Tail(16));

            link.SetConnected(false);
            clock.Advance(10);
            cl.Tick();
            Assert.StartsWith("offline (records wait in the outbox) as bay7; outbox ", cl.Describe());
            Assert.Contains("W cloud: offline; records wait in the outbox", log.Tail(16));
            // The log line carries the wall-clock time in UTC (the simulated clock is set), not ms since boot.
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ W cloud: offline", log.Tail(1));
        }

        [Theory]
        [InlineData("{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.explode\"}", "unknown:swap.explode mid=a")]
        [InlineData("{\"v\":1,\"mid\":\"b\",\"cmd\":\"rm\\u0007 -rf\"}", "unknown:rm? -rf mid=b")]
        [InlineData("not json at all", "(unparsed)")]
        public void An_unparseable_command_is_audited_with_the_verb_as_typed_sanitised(string payload, string what)
        {
            var (clock, link, cl, _) = Build();
            link.SetConnected(true);
            cl.Tick();
            link.Receive("stations/bay7/cmd", payload);
            clock.Advance(10);
            cl.Tick();
            clock.Advance(10);
            cl.Tick();
            var audit = link.Sent.Where(s => s.topic == "stations/bay7/audit").Select(s => JsonDocument.Parse(s.payload).RootElement).Single();
            Assert.Equal(what, audit.GetProperty("what").GetString());
            Assert.False(audit.GetProperty("ok").GetBoolean());
        }
    }
}
