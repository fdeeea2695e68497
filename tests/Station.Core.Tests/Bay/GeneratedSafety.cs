using System;
using System.Collections.Generic;
using System.Linq;
using Station.Core.Journal;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests.Bay
{
    /// <summary>The checks the generated safety tests of every bay profile share (the car's and the truck's fault at
    /// every step, power cut at every step): a fault ends safe, and an inventory is never confidently wrong.</summary>
    public static class GeneratedSafety
    {
        /// <summary>One place of a bay as the plant really has it: a pack there (<c>Physical</c>) and its serial when
        /// known; <c>Sensed</c> false where the bay has no pack sensor (the inventory must then be right).</summary>
        public sealed record Place(PackPlace Where, string Name, bool Physical, string Serial, bool Sensed);

        /// <summary>After a fault: Faulted with <paramref name="expected"/>, every output off, the journal's last record
        /// agreeing (state, fault, inventory, the swap held with that fault), and nothing moves however long it waits.</summary>
        public static void AssertSafe(StationController c, Func<bool> anyOutputOn, Func<JournalSnapshot> journalTail,
            Action<int> run, FaultCode expected, bool swapping)
        {
            Assert.Equal(SwapState.Faulted, c.State);
            Assert.Equal(expected, c.LatchedFault);
            Assert.False(anyOutputOn(), "an output is still on");
            var tail = journalTail();
            Assert.Equal(SwapState.Faulted, tail.State);
            Assert.Equal(expected, tail.LatchedFault);
            Assert.True(tail.Inventory.SameAs(c.Inventory), "journal inventory differs:\n" + tail.Inventory.Describe() + "vs\n" + c.Inventory.Describe());
            if (swapping)
            {
                Assert.NotNull(tail.Swap);
                Assert.Equal(expected, tail.Swap.Faults[0]);
                Assert.Equal(SwapOutcome.InProgress, tail.Swap.Outcome);
            }
            run(2000);
            Assert.False(anyOutputOn());
            Assert.Equal(SwapState.Faulted, c.State);
        }

        /// <summary>The cut instants of a generated power-cut test: the first tick, every eighth and the last tick of
        /// every step visit (<paramref name="visits"/>: ticks from the authorisation), in rows of <paramref name="batch"/>.</summary>
        public static IEnumerable<object[]> EighthsOfEveryVisit(IEnumerable<(int from, int to)> visits, int batch)
        {
            var cuts = new SortedSet<int>();
            foreach (var (from, to) in visits)
                for (int k = 0; k <= 8; k++) cuts.Add(from + (to - from) * k / 8);
            var all = cuts.ToArray();
            for (int i = 0; i < all.Length; i += batch) yield return new object[] { all.Skip(i).Take(batch).ToArray() };
        }

        /// <summary>Runs <paramref name="cutAt"/> for every cut of a row and reports every failing one, not only the first.</summary>
        public static void EveryCut(int[] cutTicks, Action<int> cutAt)
        {
            var failures = new List<string>();
            foreach (int cut in cutTicks)
            {
                try { cutAt(cut); }
                catch (Xunit.Sdk.XunitException e) { failures.Add(e.Message); }
            }
            Assert.True(failures.Count == 0, string.Join("\n---\n", failures));
        }

        /// <summary>What a technician does when homing is refused because a transfer stopped part-way (the words the
        /// station says): push the packs fully onto the platform or the return point, then record what stands where.</summary>
        public static void SettleTransferByHand(StationController c, SimBay b, Action<int> run)
        {
            b.FinishTransferByHand();
            run(500); // a person takes longer than the sensors' debounce between pushing a pack and typing
            var places = new[]
            {
                (PackPlace.Lift, b.PackOnPlatform),
                (PackPlace.Staging, b.PackStandingAt(b.StagingPointMm)),
                (PackPlace.ReturnPoint, b.PackStandingAt(b.ReturnPointMm)),
            };
            foreach (var (place, _) in places) Assert.True(c.SetPlace(place, null, -1).Accepted);
            foreach (var (place, pack) in places)
                if (pack != null)
                {
                    var r = c.SetPlace(place, pack.Serial, (int)pack.SocPct);
                    Assert.True(r.Accepted, r.Message);
                }
        }

        /// <summary>Never confidently wrong: a place the inventory is sure of really holds a pack (and the one it names,
        /// where the plant's serial is known and the inventory's is not a placeholder), and a pack the plant holds is
        /// listed there or some pack is marked in transit; a serial is listed once.</summary>
        public static void AssertTruthful(PackInventory inv, IEnumerable<Place> places, bool conflictNamed, string where)
        {
            bool anyInTransit = inv.AnyInTransit();
            foreach (var p in places)
            {
                PackRecord r = inv.At(p.Where);
                bool named = p.Sensed && conflictNamed;
                if (!r.IsEmpty && !r.InTransit)
                {
                    Assert.True(p.Physical || named, where + ": the inventory is sure of pack " + r.Serial + " at " + p.Name + " but none is there\n" + inv.Describe());
                    if (p.Physical && p.Serial != null && !r.Serial.StartsWith(SwapAuthorization.UnknownPackPrefix))
                        Assert.True(p.Serial == r.Serial, where + ": the inventory is sure of pack " + r.Serial + " at " + p.Name + " but " + p.Serial + " is there\n" + inv.Describe());
                }
                if (p.Physical && r.IsEmpty)
                    Assert.True(anyInTransit, where + ": a pack stands at " + p.Name + " and the inventory neither lists it nor marks anything unconfirmed\n" + inv.Describe());
            }
            var serials = new List<string>();
            for (int i = 0; i < inv.SlotCount; i++) if (!inv.Slot(i).IsEmpty) serials.Add(inv.Slot(i).Serial);
            for (int i = 0; i < inv.Places; i++) if (!inv.At((PackPlace)i).IsEmpty) serials.Add(inv.At((PackPlace)i).Serial);
            Assert.True(serials.Distinct().Count() == serials.Count, where + ": a serial is listed twice\n" + inv.Describe());
        }
    }
}
