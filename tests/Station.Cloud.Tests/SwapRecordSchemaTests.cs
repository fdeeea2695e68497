using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Station.Core;
using Station.Core.Cloud;
using Station.Fleet;
using Station.Hal.Host;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>Schema 2 of the swap record: a truck swap's record carries its 1-3 block swaps, a car's keeps every
    /// member of schema 1; commands of schema 1 are still taken; the fleet mixes car and truck stations.</summary>
    public class SwapRecordSchemaTests
    {
        static readonly string[] SchemaOneSwapMembers = { "no", "vehicle", "packOut", "packIn", "socOut", "socIn", "slot", "start", "steps", "faults", "outcome", "end", "bmsVerified" };

        // A station (car or truck) over an in-memory link, homed, one vehicle through a complete swap; the end record.
        static JsonElement CompletedRecord(bool truck)
        {
            var bay = new CloudBay(truck);
            bay.Arrive();
            Assert.True(bay.St.FleetBay.Authorize(bay.St.Controller, bay.Sc));
            bay.Step(60000, () => bay.St.Controller.State == SwapState.Released);
            for (int i = 0; i < 2000 && bay.Cl.Outbox.Pending > 0; i++) { bay.St.Clock.Advance(10); bay.Cl.Tick(); bay.Link.AckAll(); }
            Assert.Equal(0, bay.Cl.Outbox.Pending);
            var sent = bay.Link.Sent.Where(m => m.topic == "stations/unit/events").Select(m => JsonDocument.Parse(m.payload).RootElement).ToList();
            return sent.Single(e => e.GetProperty("type").GetString() == "swap.completed");
        }

        [Fact]
        public void A_truck_swap_record_holds_each_block_swap_and_its_first_block_in_the_schema_1_members()
        {
            var e = CompletedRecord(truck: true);
            Assert.Equal(CommandParser.SchemaVersion, e.GetProperty("v").GetInt32());
            Assert.Equal(2, e.GetProperty("v").GetInt32());
            var swap = e.GetProperty("swap");
            Assert.Equal("truck", swap.GetProperty("bay").GetString());
            var blocks = swap.GetProperty("blocks").EnumerateArray().ToArray();
            Assert.Equal(new[] { 1, 2, 3 }, blocks.Select(b => b.GetProperty("pos").GetInt32()));
            foreach (var b in blocks)
            {
                Assert.Equal("passed", b.GetProperty("verdict").GetString());
                Assert.StartsWith("PK", b.GetProperty("packIn").GetString());
                Assert.False(string.IsNullOrEmpty(b.GetProperty("packOut").GetString()));
                Assert.True(b.GetProperty("socIn").GetInt32() >= 0);
                Assert.True(b.GetProperty("endMs").GetInt64() > b.GetProperty("startMs").GetInt64());
            }
            // Blocks follow each other on the one robot.
            Assert.True(blocks[1].GetProperty("startMs").GetInt64() >= blocks[0].GetProperty("endMs").GetInt64());
            // The schema-1 members still parse: the first block's packs, and bmsVerified over every block.
            Assert.Equal(blocks[0].GetProperty("packOut").GetString(), swap.GetProperty("packOut").GetString());
            Assert.Equal(blocks[0].GetProperty("packIn").GetString(), swap.GetProperty("packIn").GetString());
            Assert.Equal(blocks.All(b => b.GetProperty("bmsVerified").GetBoolean()), swap.GetProperty("bmsVerified").GetBoolean());
            foreach (var m in SchemaOneSwapMembers) Assert.True(swap.TryGetProperty(m, out _), $"member {m} missing");
        }

        [Fact]
        public void A_car_swap_record_keeps_every_schema_1_member_and_adds_only_bay()
        {
            var e = CompletedRecord(truck: false);
            Assert.Equal(2, e.GetProperty("v").GetInt32());
            var swap = e.GetProperty("swap");
            var names = swap.EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Equal(SchemaOneSwapMembers.Append("bay").OrderBy(n => n), names.OrderBy(n => n));
            Assert.Equal("car", swap.GetProperty("bay").GetString());
            Assert.True(swap.GetProperty("bmsVerified").ValueKind is JsonValueKind.True or JsonValueKind.False);
        }

        [Theory]
        [InlineData(1, CloudReason.Accepted)]
        [InlineData(2, CloudReason.Accepted)]
        [InlineData(0, CloudReason.UnsupportedVersion)]
        [InlineData(3, CloudReason.UnsupportedVersion)]
        public void Commands_of_schema_1_and_2_are_taken_others_refused(int v, CloudReason expected)
        {
            var p = new CommandParser("stations/unit/cmd");
            var c = new CloudCommand();
            var bytes = System.Text.Encoding.UTF8.GetBytes("{\"v\":" + v + ",\"mid\":\"m" + v + "\",\"cmd\":\"swap.cancel\"}");
            Assert.Equal(expected, p.Parse("stations/unit/cmd", bytes, 0, bytes.Length, new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc), true, c));
        }

        [Fact]
        public void The_fleet_mixes_car_and_truck_stations_on_a_real_broker_and_counts_both()
        {
            var settings = new FleetSettings { TruckPercent = 50 };
            Assert.Equal(new[] { false, true, false, true }, Enumerable.Range(0, 4).Select(settings.IsTruck));
            using var broker = Mosquitto.Start();
            var report = FleetUntil.Run(new FleetSettings
            {
                Broker = $"mqtt://127.0.0.1:{broker.Port}", Stations = 4, Prefix = "mix", SwapsPerHour = 360, Speed = 50, TruckPercent = 50,
            }, broker, c => FleetUntil.Completed(c, "truck") >= 1 && FleetUntil.Completed(c, "car") >= 2, "one truck and two car swaps completed at the consumer");
            Assert.True(report.Online == 4, report.ToText() + "\nbroker:\n" + broker.Log);
            Assert.Equal(2, report.TruckStations);
            Assert.Equal(0, report.Faulted);
            Assert.True(report.TruckSwapsDone >= 1, report.ToText());
            Assert.True(report.SwapsDone - report.TruckSwapsDone >= 2, report.ToText());
            Assert.Contains("(2 car, 2 truck)", report.ToText());
        }
    
        [Fact]
        public void A_fleet_with_cloud_authorize_swaps_a_trucks_blocks_the_cloud_booked_on_a_real_broker()
        {
            using var broker = Mosquitto.Start();
            string uri = $"mqtt://127.0.0.1:{broker.Port}";
            // Stopped once the consumer has the truck's record; the bound of WaitFor only ends a hung run.
            using var fleet = new RunningFleet(new FleetSettings
            {
                Broker = uri, Stations = 2, Prefix = "ctr", SwapsPerHour = 360, Speed = 50, TruckPercent = 50, CloudAuthorize = true,
            }, broker);
            // ctr-0002 is the truck station: without positions the station refuses (a truck booking names them), with them
            // it takes the booking. Retried until a truck waits there.
            string Authorize(params string[] extra)
            {
                var o = new StringWriter();
                Station.FleetMonitor.Program.Run(new[] { "authorize", "--broker", uri, "--station", "ctr-0002", "--vehicle", "TRK-7" }.Concat(extra).ToArray(), o, new StringWriter(), new StringReader(""));
                return o.ToString();
            }
            string seen = "";
            var bound = Stopwatch.StartNew();
            while (!seen.Contains("\"ok\":true") && fleet.IsAlive && bound.Elapsed < TimeSpan.FromMinutes(3))
            {
                string bare = Authorize();
                if (bare.Contains("names the block positions")) seen = Authorize("--positions", "1,2,3");
                else Thread.Sleep(200);
            }
            Assert.Contains("\"positions\":[1,2,3]", seen);
            Assert.Contains("\"ok\":true", seen);
            // The booked three-block swap takes about 190 simulated seconds, a few wall seconds at --speed 50 on an idle
            // machine; the run stops once the consumer has its record (the bound only ends a hung run).
            fleet.WaitFor(c => FleetUntil.Completed(c, "truck") >= 1, "the truck's swap record at the consumer");
            FleetReport report = fleet.Stop();
            Assert.Equal(1, report.TruckStations);
            Assert.Equal(0, report.Faulted);
            Assert.True(report.TruckSwapsDone >= 1, report.ToText());
        }
}
}
