using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Station.Core.Cloud;
using Station.Core.Tests.Bay;
using Station.Hal;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Generated: a power cut at every tick of a whole swap (authorisation to the vehicle's departure), then the
    /// restart and the operator's recovery. At every instant the inventory is right or marked unconfirmed, never
    /// confidently wrong, and the swap ends in exactly one record in the cloud outbox (completed, or interrupted when the
    /// recovery closes it).</summary>
    public class PowerCutAtEveryTickTests
    {
        private const int TickMs = 10;

        /// <summary>The ticks a cut is tried at: every tick of the reference swap (<paramref name="stride"/> 1), or every
        /// stride-th tick plus the three ticks either side of every step change.</summary>
        public static IEnumerable<object[]> Cuts()
        {
            var (ticks, changes) = ReferenceSwap();
            const int stride = 1;
            var cuts = new SortedSet<int>();
            for (int t = 0; t <= ticks; t += stride) cuts.Add(t);
            foreach (int c in changes) for (int d = -3; d <= 3; d++) if (c + d >= 0 && c + d <= ticks) cuts.Add(c + d);
            // Batches keep the theory's row count readable; each row runs its cuts one after the other.
            var all = cuts.ToArray();
            for (int i = 0; i < all.Length; i += 100) yield return new object[] { all.Skip(i).Take(100).ToArray() };
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public void A_cut_at_any_tick_leaves_a_truthful_inventory_and_exactly_one_record_of_the_swap(int[] cutTicks)
        {
            foreach (int cut in cutTicks) CutAt(cut);
        }

        [Fact]
        public void The_generator_covers_every_step_of_the_swap_and_the_departure()
        {
            var (ticks, changes) = ReferenceSwap();
            Assert.True(changes.Count >= 10, "step changes seen: " + changes.Count);
            Assert.True(ticks > 1000, "a whole swap is a thousand ticks and more: " + ticks);
        }

        // The reference swap without cuts: how many ticks from the authorisation to the departure, and where the steps change.
        private static (int ticks, List<int> changes) ReferenceSwap()
        {
            var s = NewStation(out _);
            var changes = new List<int>();
            SwapState last = s.C.State;
            int t = 0;
            while (t < 200_000 / TickMs)
            {
                StepSwap(s);
                t++;
                if (s.C.State != last) { changes.Add(t); last = s.C.State; }
                if (s.C.State == SwapState.Idle && !s.Bay.VehiclePositioned) break;
            }
            return (t, changes);
        }

        private static void CutAt(int cutTick)
        {
            var s = NewStation(out _);
            for (int t = 0; t < cutTick; t++) StepSwap(s);
            SwapState cutIn = s.C.State;
            string where = "cut at tick " + cutTick + " in " + cutIn;

            if (cutIn == SwapState.Released)
            {
                // The released vehicle drives off while the station is without power.
                s.Bay.VehiclePositioned = false;
                s.Bay.VehicleHasPack = false;
            }
            s.PowerCycle();
            var cloud = Attach(s, out var link);
            AssertTruthful(s, where + ", after restart");

            if (s.C.State == SwapState.Recovery)
            {
                TestStation.Ok(s.ConfirmRecovery());
                Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle, 30_000), where + ": recovery stuck in " + s.C.State + " " + s.C.LatchedFault);
            }
            link.Tick();
            s.Run(200);
            AssertTruthful(s, where + ", after recovery");
            if (s.C.Inventory.AnyInTransit())
            {
                var r = s.C.Authorize(new SwapAuthorization("VIN2", null));
                Assert.False(r.Accepted, where + ": a swap started with a pack in transit");
                Assert.Equal(RejectReason.PackInTransit, r.Reason);
            }

            // Every record the outbox holds, drained to a connected link.
            var capture = new CaptureLink { IsConnected = true };
            var drain = new CloudLink(capture, s.Bay.Storage, s.Bay.Clock, new StationCloud(s.C, s.Bay.Clock), new CloudLinkConfig());
            drain.Start();
            for (int i = 0; i < 200; i++) { s.Bay.Clock.Advance(TickMs); drain.Tick(); capture.AckAll(); }
            var ends = capture.Events.Where(e => e.type == "swap.completed" || e.type == "swap.aborted"
                || e.type == "swap.cancelled" || e.type == "swap.interrupted").ToList();
            bool swapEnded = s.C.CurrentSwap == null && s.C.LastSwap != null;
            Assert.True(swapEnded, where + ": the swap never ended (state " + s.C.State + ")");
            Assert.True(ends.Count == 1, where + ": " + ends.Count + " end records: " + string.Join(", ", ends.Select(e => e.type + " #" + e.no)));
            Assert.Equal(1, ends[0].no);
            string expected = cutIn == SwapState.Released || (cutIn == SwapState.Idle && cutTick > 0) ? "swap.completed" : "swap.interrupted";
            Assert.True(expected == ends[0].type, where + ": expected " + expected + ", got " + ends[0].type);
        }

        /// <summary>Inside the tick in which the swap ends the core journals the end, then the cloud appends the end
        /// record to its outbox and notes it in its ledger: a cut before, between or after any of those writes, whole or
        /// torn, still leaves exactly one end record after the restart — re-derived from the journal when the outbox
        /// missed it, and with the same message id when it was appended twice.</summary>
        [Fact]
        public void A_cut_at_every_write_of_the_swap_end_leaves_exactly_one_end_record_by_message_id()
        {
            // The reference: the tick the swap ends in, and how many writes that tick makes.
            var r = NewStation(out _);
            int endTick = 0, writes = -1;
            while (endTick < 200_000 / TickMs)
            {
                var st = (TestStorage)r.Bay.Storage;
                int before = st.Appends + st.Replaces;
                StepSwap(r);
                endTick++;
                SwapRecord swap = r.C.CurrentSwap ?? r.C.LastSwap;
                if (swap != null && swap.Outcome == SwapOutcome.Completed) { writes = st.Appends + st.Replaces - before; break; }
            }
            Assert.True(writes >= 3, "the ending tick journals the end, appends the record and notes it: " + writes + " writes");

            for (int k = 0; k <= writes; k++)
                foreach (bool torn in new[] { false, true })
                {
                    string where = "cut at write " + k + " of " + writes + (torn ? " (torn)" : "");
                    var s = NewStation(out _);
                    for (int t = 1; t < endTick; t++) StepSwap(s);
                    var storage = (TestStorage)s.Bay.Storage;
                    storage.WritesBeforeCut = k;
                    storage.CutKeepBytes = torn ? 20 : 0;
                    StepSwap(s);
                    storage.WritesBeforeCut = -1;
                    s.Bay.VehiclePositioned = false; // the released vehicle drives off while the station is without power
                    s.Bay.VehicleHasPack = false;
                    storage.PoweredOff = false;
                    s.PowerCycle();
                    Attach(s, out var link);
                    if (s.C.State == SwapState.Recovery)
                    {
                        TestStation.Ok(s.C.ConfirmRecovery());
                        Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle, 30_000), where + ": recovery stuck in " + s.C.State);
                    }
                    s.Run(200);
                    // A second boot must not add another copy.
                    s.PowerCycle();
                    Attach(s, out link);

                    var capture = new CaptureLink { IsConnected = true };
                    var drain = new CloudLink(capture, s.Bay.Storage, s.Bay.Clock, new StationCloud(s.C, s.Bay.Clock), new CloudLinkConfig());
                    drain.Start();
                    for (int i = 0; i < 200; i++) { s.Bay.Clock.Advance(TickMs); drain.Tick(); capture.AckAll(); }
                    var ends = capture.EventJson.Select(j => JsonDocument.Parse(j).RootElement)
                        .Where(e => e.GetProperty("type").GetString().StartsWith("swap.") && e.GetProperty("type").GetString() != "swap.started"
                            && e.GetProperty("type").GetString() != "swap.step" && e.GetProperty("type").GetString() != "swap.held")
                        .ToList();
                    var mids = ends.Select(e => e.GetProperty("mid").GetString()).Distinct().ToList();
                    Assert.True(mids.Count == 1, where + ": " + ends.Count + " end records with " + mids.Count + " message ids: "
                        + string.Join(", ", ends.Select(e => e.GetProperty("type").GetString() + " " + e.GetProperty("mid").GetString())));
                    Assert.True(ends.Count <= 2, where + ": " + ends.Count + " copies");
                    // The journal's own write lost: the journal never knew the swap completed, recovery ends it interrupted.
                    string expected = k == 0 ? "swap.interrupted" : "swap.completed";
                    foreach (var e in ends)
                    {
                        Assert.True(expected == e.GetProperty("type").GetString(), where + ": " + e.GetProperty("type").GetString());
                        Assert.Equal(1, e.GetProperty("swap").GetProperty("no").GetInt32());
                    }
                }
        }

        // A homed, idle station with a full rack and its cloud side attached (offline), the swap authorised.
        private static TestStation NewStation(out CloudLink link)
        {
            var s = TestStation.WithRack();
            Attach(s, out link);
            s.HomeToIdle();
            s.Authorize();
            return s;
        }

        private static StationCloud Attach(TestStation s, out CloudLink link)
        {
            var cloud = new StationCloud(s.C, s.Bay.Clock);
            link = new CloudLink(new CaptureLink(), s.Bay.Storage, s.Bay.Clock, cloud, new CloudLinkConfig());
            cloud.Attach(link);
            link.Start();
            return cloud;
        }

        // One tick of the swap, with the vehicle leaving shortly after it is released.
        private static void StepSwap(TestStation s)
        {
            if (s.C.State == SwapState.Released && s.C.Sequencer.Interlocks.VehiclePositioned && s.Bay.Clock.NowMs % 1000 == 0)
            {
                s.Bay.VehiclePositioned = false;
                s.Bay.VehicleHasPack = false;
            }
            s.Tick();
        }

        // Never confidently wrong: a place the inventory holds a confirmed pack at really holds one, and a pack the plant
        // holds is known at its place or some pack is marked in transit (the technician is told to settle it).
        private static void AssertTruthful(TestStation s, string where)
        {
            // The vehicle has no pack sensor, so there the inventory must be right; the other places' conflicts are named.
            var places = new[]
            {
                new GeneratedSafety.Place(PackPlace.Vehicle, "vehicle", s.Bay.VehicleHasPack && s.Bay.VehiclePositioned, null, false),
                new GeneratedSafety.Place(PackPlace.Lift, "lift", s.Bay.LiftHasPack, null, true),
                new GeneratedSafety.Place(PackPlace.Staging, "staging", s.Bay.StagingHasPack, null, true),
                new GeneratedSafety.Place(PackPlace.ReturnPoint, "return point", s.Bay.ReturnHasPack, null, true),
            };
            GeneratedSafety.AssertTruthful(s.C.Inventory, places, s.C.Sequencer.InventoryConflicts().Length > 0, where);
        }
    }
}
