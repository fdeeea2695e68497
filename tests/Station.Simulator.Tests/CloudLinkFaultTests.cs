using System.Collections.Generic;
using System.IO;
using Station.Cloud.Tests;
using Station.Hal.Sim;
using Xunit;

namespace Station.Simulator.Tests
{
    /// <summary>The scenario's cloud-link fault on a real Mosquitto broker: the link is cut mid-swap and comes back;
    /// the swap does not wait for the cloud, and every record still reaches the broker.</summary>
    public class CloudLinkFaultTests
    {
        [Fact]
        public void A_cloud_link_cut_during_a_swap_neither_stops_the_swap_nor_loses_a_record()
        {
            using var broker = Mosquitto.Start();
            var events = new List<ScenarioEvent>
            {
                new ScenarioEvent { Index = 0, AtStep = "Unlock", Do = "cloud_link_drop" },
                new ScenarioEvent { Index = 1, AtStep = "LowerEmpty", Do = "cloud_link_restore" },
            };
            var run = new BayRun(new PlantParameters(), 1, 0, events);
            var output = new StringWriter();
            var seen = new List<bool>();
            using (var cloud = new SimulatorCloud(run, $"mqtt://127.0.0.1:{broker.Port}", "bay-cut", output))
            {
                run.AfterTick += () => { if (cloud.Link != null && (seen.Count == 0 || seen[^1] != cloud.Link.Online)) seen.Add(cloud.Link.Online); };
                run.Run();
                cloud.Drain();
                Assert.True(cloud.Link.Births >= 2, $"the link was born {cloud.Link.Births} time(s): no reconnect after the cut\n{output}\n{broker.Log}");
                Assert.Equal(0, cloud.Link.Outbox.Pending);
            }
            Assert.Equal(1, run.SwapsCompleted);
            Assert.Empty(run.Bay.Hazards);
            Assert.Contains(false, seen.GetRange(1, seen.Count - 1)); // offline after having been online
            Assert.Contains("every record delivered", output.ToString());
        }
    }
}
