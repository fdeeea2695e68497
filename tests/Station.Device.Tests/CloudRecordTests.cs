using nanoFramework.TestFramework;
using Station.Core;
using Station.Core.Cloud;
using Station.Device.Tests.Fakes;

namespace Station.Device.Tests
{
    /// <summary>Swap records through the outbox to a fake broker link, and cloud commands back, on the target.</summary>
    [TestClass]
    public class CloudRecordTests
    {
        private static TinyStation Swapped(bool online)
        {
            TinyStation s = TinyStation.Whole();
            if (!online) s.Mqtt.Drop();
            s.Mqtt.WatchTopic = "/events";
            s.HomeToIdle();
            s.Authorize();
            if (!s.RunUntil(SwapState.Released, 120000)) throw new System.Exception("stuck in " + SwapStates.Name(s.C.State));
            s.Run(200);
            return s;
        }

        private static void AckAll(TinyStation s)
        {
            for (int token = 1; token <= s.Mqtt.LastToken; token++) s.Mqtt.Ack(token);
            s.Run(100);
        }

        [TestMethod]
        public void A_completed_swap_reaches_the_broker_as_an_event_record()
        {
            TinyStation s = Swapped(true);
            Assert.IsTrue(s.Mqtt.Watched > 0, "events published");
            Assert.IsTrue(s.Mqtt.WatchedPayload.IndexOf("PK0003") >= 0, s.Mqtt.WatchedPayload);
        }

        [TestMethod]
        public void Acknowledged_records_leave_the_outbox()
        {
            TinyStation s = Swapped(true);
            Assert.IsTrue(s.Cloud.Outbox.Pending > 0, "records wait for their acknowledgement");
            AckAll(s);
            Assert.AreEqual(0, s.Cloud.Outbox.Pending);
        }

        [TestMethod]
        public void With_the_link_down_records_wait_in_the_outbox_and_go_out_after_reconnecting()
        {
            TinyStation s = Swapped(false);
            Assert.AreEqual(0, s.Mqtt.Watched);
            int waiting = s.Cloud.Outbox.Pending;
            Assert.IsTrue(waiting > 0, "the swap's records are kept");
            s.Mqtt.Connect();
            s.Run(500);
            Assert.IsTrue(s.Mqtt.Watched > 0, "sent after the reconnect");
        }

        [TestMethod]
        public void The_outbox_survives_a_power_cut()
        {
            TinyStation s = Swapped(false);
            int waiting = s.Cloud.Outbox.Pending;
            var mqtt = new FakeMqttLink();
            var station = new StationCloud(s.C, s.Bay.Clock);
            var link = new CloudLink(mqtt, s.Bay.Storage, s.Bay.Clock, station, new CloudLinkConfig());
            link.Start();
            Assert.AreEqual(waiting, link.Outbox.Pending);
        }

        [TestMethod]
        public void A_status_command_gets_a_reply_carrying_its_message_id()
        {
            TinyStation s = TinyStation.Whole();
            s.HomeToIdle();
            s.Mqtt.WatchTopic = "/reply";
            s.Mqtt.Receive(s.Cloud.Topics.Command, "{\"v\":1,\"mid\":\"m-42\",\"cmd\":\"station.status\",\"by\":\"ops\"}");
            s.Run(50);
            Assert.IsTrue(s.Mqtt.Watched > 0, "a reply was published");
            Assert.IsTrue(s.Mqtt.WatchedPayload.IndexOf("m-42") >= 0, s.Mqtt.WatchedPayload);
        }

        [TestMethod]
        public void A_malformed_command_is_refused_and_moves_nothing()
        {
            TinyStation s = TinyStation.Whole();
            s.HomeToIdle();
            s.Mqtt.Receive(s.Cloud.Topics.Command, "{\"v\":1,\"cmd\":");
            s.Run(50);
            Assert.AreEqual((int)SwapState.Idle, (int)s.C.State);
            Assert.IsFalse(s.Bay.AnyOutputOn());
        }
    }
}
