using System;
using System.Linq;
using System.Threading;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary><c>Station.Simulator --bay truck --broker</c> through a real Mosquitto: every truck swap record reaches the
    /// cloud as schema 2 with its blocks, and the exit is a clean stop.</summary>
    public class TruckSimulatorBrokerTests
    {
        [Fact]
        public void The_truck_bay_with_broker_publishes_each_swap_record_with_its_blocks()
        {
            using var broker = Mosquitto.Start();
            using var consumer = new Consumer(broker.Port);
            var stdout = new System.IO.StringWriter();
            var stderr = new System.IO.StringWriter();
            int code = Station.Simulator.Program.Run(new[] { "--bay", "truck", "--positions", "1,3", "--quiet", "--broker", $"mqtt://127.0.0.1:{broker.Port}", "--station-id", "truckA" }, stdout, stderr);
            Assert.True(code == 0, stdout + "\n" + stderr);
            Assert.Contains("every record delivered", stdout.ToString());
            Wait.Until(() => consumer.RecordsOfType("swap.completed").Length == 1, "the completed truck swap at the consumer");
            var record = consumer.RecordsOfType("swap.completed")[0];
            Assert.Equal(2, record.GetProperty("v").GetInt32());
            var swap = record.GetProperty("swap");
            Assert.Equal("truck", swap.GetProperty("bay").GetString());
            Assert.Equal("TRK001", swap.GetProperty("vehicle").GetString());
            var blocks = swap.GetProperty("blocks").EnumerateArray().ToArray();
            Assert.Equal(new[] { 1, 3 }, blocks.Select(b => b.GetProperty("pos").GetInt32()).ToArray());
            Assert.All(blocks, b => Assert.Equal("passed", b.GetProperty("verdict").GetString()));
            Assert.All(blocks, b => Assert.True(b.GetProperty("bmsVerified").GetBoolean()));
            Assert.NotEmpty(consumer.RecordsOfType("swap.step"));
            Assert.All(consumer.Records, r => Assert.Equal("truckA", r.GetProperty("sid").GetString()));
            int bd = consumer.On("/state").Last(s => s.GetProperty("type").GetString() == "birth").GetProperty("bdSeq").GetInt32();
            var retained = System.Text.Json.JsonDocument.Parse(Mosquitto.Run("mosquitto_sub", $"-h 127.0.0.1 -p {broker.Port} -t stations/truckA/state -C 1 -W 5")).RootElement;
            Assert.Equal(("death", false, bd), (retained.GetProperty("type").GetString(), retained.GetProperty("online").GetBoolean(), retained.GetProperty("bdSeq").GetInt32()));
        }

        [Fact]
        public void With_cloud_authorize_the_truck_waits_for_the_fleet_monitors_block_booking_and_swaps_those_blocks()
        {
            using var broker = Mosquitto.Start();
            string uri = $"mqtt://127.0.0.1:{broker.Port}";
            var simOut = new System.IO.StringWriter();
            var simErr = new System.IO.StringWriter();
            int simExit = -1;
            var sim = new Thread(() => simExit = Station.Simulator.Program.Run(new[] { "--bay", "truck", "--quiet", "--json", "--broker", uri, "--station-id", "truckC", "--cloud-authorize", "--speed", "50" },
                System.IO.TextWriter.Synchronized(simOut), simErr));
            sim.Start();
            string reply = null;
            int code = -1;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (code != 0 && DateTime.UtcNow < deadline)
            {
                var o = new System.IO.StringWriter();
                code = Station.FleetMonitor.Program.Run(new[] { "authorize", "--broker", uri, "--station", "truckC", "--vehicle", "TRK001", "--positions", "2" }, o, new System.IO.StringWriter(), System.IO.TextReader.Null);
                reply = o.ToString();
                if (code != 0) Thread.Sleep(500);
            }
            Assert.True(code == 0, reply + "\n" + simOut);
            Assert.True(sim.Join(120000), "the simulator did not finish: " + simOut);
            Assert.True(simExit == 0, simOut + "\n" + simErr);
            string last = simOut.ToString().TrimEnd().Split('\n')[^1];
            var blocks = System.Text.Json.JsonDocument.Parse(last).RootElement.GetProperty("swaps")[0].GetProperty("blocks");
            Assert.Equal(2, blocks.EnumerateArray().Single().GetProperty("position").GetInt32());
        }
    }
}
