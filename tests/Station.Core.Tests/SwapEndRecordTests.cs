using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Station.Core.Cloud;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Every swap ends in exactly one record — completed, aborted (with its fault), cancelled, interrupted by a
    /// power loss (recorded at recovery) — carried by the end event, journaled, sent through the cloud outbox and counted
    /// in telemetry.</summary>
    public class SwapEndRecordTests
    {
        private sealed class Rig
        {
            public readonly TestStation S;
            public StationCloud Cloud;
            public CloudLink Link;
            public readonly List<(SwapEventKind kind, SwapRecord record)> Events = new List<(SwapEventKind, SwapRecord)>();

            public Rig()
            {
                S = TestStation.WithRack();
                Wire();
            }

            public void Wire()
            {
                Cloud = new StationCloud(S.C, S.Bay.Clock);
                Link = new CloudLink(new CaptureLink(), S.Bay.Storage, S.Bay.Clock, Cloud, new CloudLinkConfig());
                Cloud.Attach(Link);
                Link.Start();
                S.C.SwapEvent += (kind, state, record) => Events.Add((kind, record));
            }

            public void PowerCycle()
            {
                S.PowerCycle();
                Wire();
            }

            public List<SwapEventKind> Ends => Events.Where(e => e.kind == SwapEventKind.Completed || e.kind == SwapEventKind.Aborted).Select(e => e.kind).ToList();

            /// <summary>The swap event records in the outbox, drained to a connected link: (type, json).</summary>
            public List<(string type, JsonElement swap)> Outbox()
            {
                var capture = new CaptureLink { IsConnected = true };
                var drain = new CloudLink(capture, S.Bay.Storage, S.Bay.Clock, new StationCloud(S.C, S.Bay.Clock), new CloudLinkConfig());
                drain.Start();
                for (int i = 0; i < 100; i++) { S.Bay.Clock.Advance(10); drain.Tick(); capture.AckAll(); }
                return capture.EventJson.Select(j => JsonDocument.Parse(j).RootElement)
                    .Select(r => (r.GetProperty("type").GetString(), r.GetProperty("swap"))).ToList();
            }
        }

        private static readonly string[] EndTypes = { "swap.completed", "swap.aborted", "swap.cancelled", "swap.interrupted" };

        private static (string type, JsonElement swap) OnlyEnd(Rig rig)
        {
            var ends = rig.Outbox().Where(e => EndTypes.Contains(e.type)).ToList();
            Assert.True(ends.Count == 1, "end records: " + string.Join(", ", ends.Select(e => e.type)));
            return ends[0];
        }

        [Fact]
        public void An_aborted_swap_is_recorded_with_its_fault_journaled_and_sent()
        {
            var rig = new Rig();
            rig.S.HomeToIdle();
            rig.S.Bay.StallAtMm = 100;
            rig.S.Authorize();
            Assert.True(rig.S.RunUntil(() => rig.S.C.State == SwapState.Faulted));
            rig.S.Bay.StallAtMm = double.NaN;
            TestStation.Ok(rig.S.C.ResetFault());

            var ended = Assert.Single(rig.Events, e => e.kind == SwapEventKind.Aborted);
            Assert.NotNull(ended.record);
            Assert.Equal(SwapOutcome.Aborted, ended.record.Outcome);
            // Journaled: the last record on storage carries the ended swap (it used to carry none).
            var tail = rig.S.JournalTail();
            Assert.NotNull(tail.Swap);
            Assert.Equal(SwapOutcome.Aborted, tail.Swap.Outcome);
            Assert.Equal(FaultCode.LiftStall, tail.Swap.Faults[0]);

            var (type, swap) = OnlyEnd(rig);
            Assert.Equal("swap.aborted", type);
            Assert.Equal("aborted", swap.GetProperty("outcome").GetString());
            Assert.Equal((int)FaultCode.LiftStall, swap.GetProperty("faults")[0].GetInt32());
            Assert.Equal("RaiseToPack", swap.GetProperty("interruptedStep").GetString());
            Assert.Equal(1, rig.Cloud.EndedToday(SwapOutcome.Aborted));
            // A restart does not reopen it: the journal says it ended.
            rig.PowerCycle();
            Assert.Equal(SwapState.NotHomed, rig.S.C.State);
            Assert.Equal(SwapOutcome.Aborted, rig.S.C.LastSwap.Outcome);
        }

        [Fact]
        public void A_cancelled_swap_is_recorded()
        {
            var rig = new Rig();
            rig.S.Bay.RelayDelayMs = 150;
            rig.S.HomeToIdle();
            rig.S.Authorize();
            Assert.Equal(SwapState.Arming, rig.S.C.State);
            TestStation.Ok(rig.S.C.Cancel());
            Assert.Equal(new[] { SwapEventKind.Aborted }, rig.Ends);
            Assert.Equal(SwapOutcome.Cancelled, rig.Events.Last().record.Outcome);
            Assert.Equal(SwapOutcome.Cancelled, rig.S.JournalTail().Swap.Outcome);
            var (type, swap) = OnlyEnd(rig);
            Assert.Equal("swap.cancelled", type);
            Assert.Equal("cancelled", swap.GetProperty("outcome").GetString());
            Assert.Equal(1, rig.Cloud.EndedToday(SwapOutcome.Cancelled));
        }

        [Fact]
        public void A_swap_cut_by_a_power_loss_is_recorded_once_at_recovery()
        {
            var rig = new Rig();
            rig.S.DriveTo(SwapState.Transfer);
            rig.S.Run(500);
            rig.PowerCycle();
            Assert.Empty(rig.Ends);
            TestStation.Ok(rig.S.ConfirmRecovery());
            Assert.Equal(new[] { SwapEventKind.Aborted }, rig.Ends);
            Assert.Equal(SwapOutcome.Interrupted, rig.Events.Last().record.Outcome);
            Assert.Equal(SwapOutcome.Interrupted, rig.S.JournalTail().Swap.Outcome);
            Assert.True(rig.S.RunUntil(() => rig.S.C.State == SwapState.Idle, 30_000), rig.S.C.State + " " + rig.S.C.LatchedFault);
            var (type, swap) = OnlyEnd(rig);
            Assert.Equal("swap.interrupted", type);
            Assert.Equal("Transfer", swap.GetProperty("interruptedStep").GetString());
            Assert.Equal(1, rig.Cloud.EndedToday(SwapOutcome.Interrupted));
            // Another cut after the recovery does not record it again.
            rig.PowerCycle();
            Assert.NotEqual(SwapState.Recovery, rig.S.C.State);
            Assert.DoesNotContain(rig.Outbox(), e => EndTypes.Contains(e.type)); // the first drain took the only one
        }

        [Fact]
        public void A_completed_swap_is_recorded_once_and_the_departed_pack_leaves_the_inventory()
        {
            var rig = new Rig();
            rig.S.DriveTo(SwapState.Released);
            rig.S.Bay.VehiclePositioned = false;
            rig.S.Run(50);
            Assert.Equal(SwapState.Idle, rig.S.C.State);
            Assert.True(rig.S.C.Inventory.At(PackPlace.Vehicle).IsEmpty);
            var (type, swap) = OnlyEnd(rig);
            Assert.Equal("swap.completed", type);
            Assert.Equal(1, rig.Cloud.SwapsToday);
        }

        [Fact]
        public void After_a_cut_in_Released_the_departed_pack_leaves_the_inventory_durably()
        {
            // The vehicle still stands there at the restart and leaves later, while the station waits to be homed.
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.Released);
            s.PowerCycle();
            Assert.Equal("P3", s.C.Inventory.At(PackPlace.Vehicle).Serial);
            s.Bay.VehiclePositioned = false;
            s.Run(50);
            Assert.True(s.C.Inventory.At(PackPlace.Vehicle).IsEmpty, s.C.Inventory.Describe());
            Assert.True(s.JournalTail().Inventory.At(PackPlace.Vehicle).IsEmpty);

            // Or it left during the outage.
            var t = TestStation.WithRack();
            t.DriveTo(SwapState.Released);
            t.Bay.VehiclePositioned = false;
            t.PowerCycle();
            Assert.True(t.C.Inventory.At(PackPlace.Vehicle).IsEmpty, t.C.Inventory.Describe());
            t.PowerCycle();
            Assert.True(t.C.Inventory.At(PackPlace.Vehicle).IsEmpty);
            Assert.Equal(SwapOutcome.Completed, t.C.LastSwap.Outcome);
        }
    }
}
