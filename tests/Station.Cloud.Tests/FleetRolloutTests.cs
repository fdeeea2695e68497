using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Station.Fleet;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>The fleet simulator's rollout on a real Mosquitto: every station runs the real update agent and restart
    /// check; the rollout's driver offers a signed bundle wave by wave over MQTT; a share of stations get an image that
    /// crashes at start and must come back through the loader's boot count alone. The JSON line is counted from the
    /// stations' agents, loader records and outboxes and from the records the consumer received.</summary>
    public class FleetRolloutTests
    {
        static JsonElement Rollout(params string[] extra)
        {
            using var broker = Mosquitto.Start();
            var output = new StringWriter();
            var args = new[] { "--broker", $"mqtt://127.0.0.1:{broker.Port}", "--rollout", "--seconds", "600", "--quiet" }.Concat(extra).ToArray();
            // --seconds only bounds a hung run: a rollout ends when its last wave finished or it halted.
            int exit = FleetCommand.Run(args, output, new StringWriter(), CancellationToken.None);
            Assert.Equal(0, exit);
            string last = output.ToString().TrimEnd().Split('\n').Last();
            return JsonDocument.Parse(last).RootElement.Clone();
        }

        // The whole line in the message: a count that differs says little without the others and the outcomes.
        static void Is(JsonElement r, string member, int expected) =>
            Assert.True(r.GetProperty(member).GetInt32() == expected, $"{member}: expected {expected} in {r.GetRawText()}");

        [Fact]
        public void A_rollout_in_waves_updates_the_good_stations_and_the_bad_image_rolls_back_by_itself_with_no_swap_interrupted_and_no_record_lost()
        {
            // 10 stations, 2 with the crashing image; a vehicle every 6 simulated seconds, so later waves' restarts must wait for swaps.
            var r = Rollout("--stations", "10", "--wave-percent", "30", "--bad-percent", "20", "--halt-failure-percent", "50",
                "--probation-s", "15", "--speed", "10", "--swaps-per-hour", "600");
            Is(r, "stations", 10);
            Is(r, "updated", 8);
            Is(r, "rolled_back", 2);
            Is(r, "failed", 0);
            Is(r, "not_offered", 0);
            Is(r, "waves", 4); // 3 + 3 + 3 + 1
            Assert.False(r.GetProperty("halted").GetBoolean(), r.GetRawText());
            Is(r, "swaps_interrupted", 0);
            Assert.True(r.GetProperty("waited_for_safe_moment").GetInt32() >= 1, "no restart had to wait for a swap: the run proves nothing about interruptions: " + r.GetRawText());
            Is(r, "records_lost", 0);
            // Each good station booted its new image once; each bad one crashed through its 3 trial boots, then the loader
            // returned to the confirmed image: 8 × 1 + 2 × 4.
            Is(r, "boots", 16);
            // Each offered station restarted once as a board reboots: a new controller from its journal, a new cloud link
            // over its stored outbox and a new MQTT connection, a new agent from its record. The good ones then passed
            // probation on that new connection, and no record was lost across it (above).
            Is(r, "restarts", 10);
            Is(r, "records_pending", 0);
            // The two bad images came back by the loader's boot count, not by probation failing.
            Assert.True(r.GetProperty("outcomes").GetRawText() == "{\"rolled_back/boots_exhausted\":2}", "outcomes in " + r.GetRawText());
        }

        [Fact]
        public void A_rollout_halts_after_the_wave_whose_failures_pass_the_threshold_and_offers_no_more()
        {
            // Every second station gets the crashing image: the first wave (2 stations) fails at 50 % > 25 %.
            var r = Rollout("--stations", "10", "--wave-percent", "20", "--bad-percent", "50", "--halt-failure-percent", "25",
                "--probation-s", "5", "--speed", "5", "--swaps-per-hour", "0");
            Assert.True(r.GetProperty("halted").GetBoolean());
            Assert.Equal(1, r.GetProperty("waves").GetInt32());
            Assert.Equal(1, r.GetProperty("updated").GetInt32());
            Assert.Equal(1, r.GetProperty("rolled_back").GetInt32());
            Assert.Equal(8, r.GetProperty("not_offered").GetInt32());
            Assert.Equal(0, r.GetProperty("records_lost").GetInt32());
        }
    }
}
