using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Station.Core.Cloud;
using Station.Hal;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>The board's M2Mqtt path for commands over the 1 KiB contract limit: the adapter hands the whole
    /// message to the portable cloud link, whose parser answers <c>oversized</c> (docs/cloud.md, "Message size").
    /// The board cannot do better for packets its heap cannot hold (M2Mqtt allocates each packet whole), so the
    /// documented broker limit decides which sizes reach it; every size up to that limit must be answered here.</summary>
    public class BoardMessageSizeTests
    {
        static int BrokerPacketLimit()
        {
            string conf = File.ReadAllText(AclTests.RepoFile("docs/mosquitto/mosquitto.conf"));
            return int.Parse(conf.Split('\n').Single(l => l.StartsWith("max_packet_size ")).Substring("max_packet_size ".Length).Trim());
        }

        [Fact]
        public void Every_oversized_command_the_documented_broker_passes_is_answered_oversized_without_a_drop()
        {
            int limit = BrokerPacketLimit();
            const string topic = "stations/bay1/cmd";
            // Largest payload in a PUBLISH of `limit` bytes: fixed header (1 + up to 3 length bytes), topic (2 + n), packet id (2).
            int largest = limit - 4 - 2 - topic.Length - 2;
            var link = new FakeLink { IsConnected = false };
            var clock = new TestClock();
            var cl = new CloudLink(link, new TestStorage(), clock, new FakeStation(), new CloudLinkConfig { StationId = "bay1" });
            cl.Start();
            link.SetConnected(true);
            cl.Tick();
            foreach (int size in new[] { CommandParser.MaxCommandBytes + 1, 4096, largest })
            {
                string head = "{\"v\":1,\"mid\":\"big" + size + "\",\"cmd\":\"station.status\",\"by\":\"";
                byte[] payload = Encoding.ASCII.GetBytes(head + new string('x', size - head.Length - 2) + "\"}");
                Assert.Equal(size, payload.Length);
                // As M2MqttLink does: the whole message, from M2Mqtt's receive thread.
                var receiver = new Thread(() => link.Receive(topic, payload));
                receiver.Start();
                receiver.Join();
                cl.Tick();
                var reply = JsonDocument.Parse(link.Sent.Last(s => s.topic == "stations/bay1/reply").payload).RootElement;
                Assert.Equal(("oversized", 1), (reply.GetProperty("reason").GetString(), reply.GetProperty("code").GetInt32()));
            }
            link.Receive(topic, "{\"v\":1,\"mid\":\"after\",\"cmd\":\"station.status\"}");
            cl.Tick();
            var last = JsonDocument.Parse(link.Sent.Last(s => s.topic == "stations/bay1/reply").payload).RootElement;
            Assert.Equal(("after", "accepted"), (last.GetProperty("re").GetString(), last.GetProperty("reason").GetString()));
            Assert.Equal(0, link.Disconnects);
            Assert.True(cl.Online);
        }

        [Fact]
        public void The_board_adapter_hands_every_received_message_whole_to_the_portable_link()
        {
            // The device kit compiles hal/Station.Hal.Nano.Mqtt; this pins what its receive handler does, so a size
            // filter, a drop or a copy of part of the payload in the adapter (deciding outside the portable code,
            // silently for the cloud) fails here.
            string source = File.ReadAllText(AclTests.RepoFile("hal/Station.Hal.Nano.Mqtt/M2MqttLink.cs"));
            var m = Regex.Match(source, @"void OnPublishReceived\(object sender, MqttMsgPublishEventArgs e\)\s*\{(?<body>[^}]*)\}");
            Assert.True(m.Success, "M2MqttLink.OnPublishReceived not found");
            string body = Regex.Replace(m.Groups["body"].Value, @"\s+", " ").Trim();
            Assert.Equal("lock (_gate) _poison.MessageDelivered(); MqttMessageHandler h = MessageReceived; if (h != null) h(e.Topic, e.Message);", body);
            // The clean-session decision for a message too large for M2Mqtt is the portable breaker's, fed by the adapter.
            foreach (string line in new[]
            {
                "c.MqttMsgPublishReceived += OnPublishReceived;", "clean = _poison.NextConnectClean;",
                "willTopic != null, willTopic, willMessage, clean, _s.KeepAliveSeconds);",
                "_poison.SessionUp(Environment.TickCount64, clean);", "_poison.SessionDown(Environment.TickCount64);",
            })
                Assert.Contains(line, source);
        }

        [Fact]
        public void Sessions_dropped_while_a_message_is_read_make_the_next_connect_clean_once()
        {
            var b = new PoisonSessionBreaker();
            long t = 1000;
            for (int i = 0; i < PoisonSessionBreaker.Limit; i++)
            {
                Assert.False(b.NextConnectClean);
                b.SessionUp(t, false);
                t += 300;                 // the queued message drops the connection while M2Mqtt reads it
                b.SessionDown(t);
                t += 1000;                // back-off
            }
            Assert.True(b.NextConnectClean);
            b.SessionUp(t, true);         // the broker discards the session and the message
            Assert.False(b.NextConnectClean);
            b.SessionDown(t + 100_000);
            Assert.Equal(0, b.ShortSessions);
        }

        [Fact]
        public void Sessions_that_deliver_a_message_or_last_do_not_count()
        {
            var b = new PoisonSessionBreaker();
            long t = 0;
            for (int i = 0; i < 10; i++)
            {
                b.SessionUp(t, false);
                if (i % 2 == 0) b.MessageDelivered(); else t += PoisonSessionBreaker.ShortMs; // delivered, or long enough
                b.SessionDown(t + 1);
                Assert.False(b.NextConnectClean);
                Assert.Equal(0, b.ShortSessions);
                t += 1000;
            }
            b.SessionDown(t);             // a drop without a session (failed connect) changes nothing
            Assert.Equal(0, b.ShortSessions);
            b.SessionUp(t, false); b.SessionDown(t + 10);
            b.SessionUp(t, false); b.SessionDown(t + 10);
            b.SessionUp(t, false); b.MessageDelivered(); b.SessionDown(t + 10); // a message got through: start again
            Assert.Equal(0, b.ShortSessions);
        }
    }
}
