using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Station.Core;
using Station.Fleet;
using Station.Hal.Host;
using Xunit;
using Xunit.Sdk;

namespace Station.Cloud.Tests
{
    /// <summary>The real controller on a simulated bay, wired to a real broker through StationCloud and CloudLink.</summary>
    public class SimStationBrokerTests
    {
        static string Get(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.String ? e.GetProperty(name).GetString() : e.GetProperty(name).ToString();

        static void Run(SimStation st, Func<bool> done, string what, int timeoutMs = 30000)
        {
            var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (!done())
            {
                for (int i = 0; i < 20; i++) st.Step(10);
                System.Threading.Thread.Sleep(1);
                if (DateTime.UtcNow > deadline) throw new XunitException($"timed out waiting for {what}; state {SwapStates.Name(st.Controller.State)}, fault {st.Controller.LatchedFault}, why: {st.Controller.WhyNotSwapping()}");
            }
        }

        [Fact]
        public void A_swap_authorised_over_mqtt_runs_on_the_simulated_bay_and_every_event_reaches_the_cloud_with_the_full_record()
        {
            using var broker = Mosquitto.Start();
            using var consumer = new Consumer(broker.Port);
            var mqtt = new MqttLinkOptions { Port = broker.Port, ClientId = "sim1", ReconnectMinMs = 50, ReconnectMaxMs = 200 };
            using var st = new SimStation("sim1", mqtt, new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc), swapsPerHour: 0, selfAuthorize: false, firstArrivalMs: 0);
            st.Start();
            Run(st, () => st.Link.Online && st.Controller.State == SwapState.Idle, "homed and online");
            // A vehicle drives in (the operator lets one in when the rate allows; here by hand).
            st.Bay.ArriveVehicle("LSV-TEST-1", "VP-1");
            Run(st, () => st.Controller.Interlocks.VehiclePositioned, "vehicle positioned");

            string exp = st.Clock.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ssZ");
            var cmd = Encoding.UTF8.GetBytes($"{{\"v\":1,\"mid\":\"bk-1\",\"cmd\":\"swap.authorize\",\"exp\":\"{exp}\",\"vehicle\":\"LSV-TEST-1\",\"by\":\"booking\"}}");
            consumer.Client.Publish("stations/sim1/cmd", cmd, 0, cmd.Length, 1, false);
            Run(st, () => consumer.On("/reply").Length > 0, "reply");
            Assert.Equal("accepted", Get(consumer.On("/reply")[0], "reason"));
            Run(st, () => st.SwapsDone == 1, "released (the operator lets the vehicle go)", 60000);
            Run(st, () => consumer.RecordsOfType("swap.completed").Length == 1, "completed record at the cloud");

            var events = consumer.Records.Where(r => Get(r, "type").StartsWith("swap.")).ToArray();
            Assert.Equal("swap.started", Get(events[0], "type"));
            Assert.True(events.Count(e => Get(e, "type") == "swap.step") >= 8);
            var done = consumer.RecordsOfType("swap.completed")[0].GetProperty("swap");
            Assert.Equal("LSV-TEST-1", Get(done, "vehicle"));
            Assert.Equal("completed", Get(done, "outcome"));
            Assert.True(done.GetProperty("socIn").GetInt32() >= 80);
            Assert.True(done.GetProperty("steps").GetArrayLength() >= 8);
            Assert.False(string.IsNullOrEmpty(Get(done, "packIn")));
            var audit = consumer.RecordsOfType("audit");
            Assert.Contains(audit, a => Get(a, "by") == "booking" && Get(a, "what").Contains("LSV-TEST-1"));
            Assert.Contains(consumer.On("/state"), s => Get(s, "type") == "state" && Get(s, "state") == "Released");
            Run(st, () => consumer.On("/telemetry").Any(t => t.GetProperty("rack").GetArrayLength() > 0 && t.GetProperty("swapsToday").GetInt32() == 1), "telemetry after the swap");
        }

        [Fact]
        public void A_motion_command_is_refused_with_the_interlock_named_when_the_bay_is_not_safe()
        {
            using var broker = Mosquitto.Start();
            using var consumer = new Consumer(broker.Port);
            var mqtt = new MqttLinkOptions { Port = broker.Port, ClientId = "sim2", ReconnectMinMs = 50, ReconnectMaxMs = 200 };
            using var st = new SimStation("sim2", mqtt, new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc), 0, false, 0);
            st.Start();
            Run(st, () => st.Link.Online && st.Controller.State == SwapState.Idle, "homed and online");
            // No vehicle in the bay: the controller refuses; the reason reaches the cloud.
            string exp = st.Clock.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ssZ");
            var cmd = Encoding.UTF8.GetBytes($"{{\"v\":1,\"mid\":\"bk-2\",\"cmd\":\"swap.authorize\",\"exp\":\"{exp}\",\"vehicle\":\"LSV-X\"}}");
            consumer.Client.Publish("stations/sim2/cmd", cmd, 0, cmd.Length, 1, false);
            Run(st, () => consumer.On("/reply").Length > 0, "reply");
            var r = consumer.On("/reply")[0];
            Assert.Equal("unsafe_state", Get(r, "reason"));
            Assert.Contains("vehicle", Get(r, "msg"));
            Assert.Equal(SwapState.Idle, st.Controller.State);
        }
    }
}
