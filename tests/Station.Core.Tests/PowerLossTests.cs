using System.Collections.Generic;
using Station.Core.Journal;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Power loss at every step (on entry and half-way through): the station comes back in Recovery, reports the
    /// interrupted step and the journaled inventory, never moves until confirmed, then homes.</summary>
    public class PowerLossTests
    {
        private static readonly SwapState[] SwapSteps =
        {
            SwapState.Arming, SwapState.RaiseToPack, SwapState.Unlock, SwapState.LowerDepleted, SwapState.WaitStaged,
            SwapState.Transfer, SwapState.RaiseCharged, SwapState.Lock, SwapState.LowerEmpty, SwapState.ReleaseGate,
        };

        public static IEnumerable<object[]> Cases()
        {
            foreach (var step in SwapSteps)
            {
                yield return new object[] { step, 0 };
                yield return new object[] { step, 400 };
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Power_loss_during_a_swap_step_recovers_with_the_right_inventory_and_no_motion(SwapState step, int intoStepMs)
        {
            var s = TestStation.WithRack(b => { if (step == SwapState.WaitStaged) b.StagingMs = 20_000; b.RelayDelayMs = step == SwapState.Arming ? 150 : 20; });
            if (step == SwapState.ReleaseGate) s.C.PackCheck = new ScriptedCheck(GateVerdict.Pending, FaultCode.None);
            s.DriveTo(step);
            for (int t = 0; t < intoStepMs && s.C.State == step; t += 10) s.Tick();
            SwapState cutAt = s.C.State;
            var inventoryAtCut = new PackInventory(s.Bay.Config.RackSlots);
            inventoryAtCut.CopyFrom(s.C.Inventory);
            int swapId = s.C.CurrentSwap.SwapId;

            s.PowerCycle();

            Assert.Equal(SwapState.Recovery, s.C.State);
            Assert.Equal(cutAt, s.C.InterruptedStep);
            Assert.True(inventoryAtCut.SameAs(s.C.Inventory), "inventory after restart:\n" + s.C.Inventory.Describe() + "before:\n" + inventoryAtCut.Describe());
            Assert.Equal(swapId, s.C.CurrentSwap.SwapId);
            Assert.Equal("VIN1", s.C.CurrentSwap.VehicleId);
            Assert.Contains(SwapStates.Name(cutAt), s.C.WhyNotSwapping());
            // GB/T 29772: no automatic restart. Whatever time passes, nothing is driven.
            for (int t = 0; t < 5000; t += 10)
            {
                s.Tick();
                Assert.False(s.Bay.AnyOutputOn(), "output on in Recovery at " + t + " ms");
            }
            Assert.Equal(SwapState.Recovery, s.C.State);
            Assert.False(s.C.Home().Accepted);
            Assert.False(s.C.Authorize(new SwapAuthorization("VIN2", null)).Accepted);

            // Operator confirms: the station homes and closes the swap as interrupted.
            TestStation.Ok(s.ConfirmRecovery());
            Assert.Equal(SwapState.Homing, s.C.State);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle, 30_000), "stuck in " + s.C.State + " " + s.C.LatchedFault);
            Assert.Equal(SwapOutcome.Interrupted, s.C.LastSwap.Outcome);
            Assert.Equal(cutAt, s.C.LastSwap.InterruptedStep);
        }

        [Fact]
        public void Power_loss_after_release_comes_back_not_homed_with_the_completed_swap()
        {
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.Released);
            s.PowerCycle();
            Assert.Equal(SwapState.NotHomed, s.C.State);
            Assert.Equal(SwapOutcome.Completed, s.C.LastSwap.Outcome);
            Assert.Equal("P3", s.C.Inventory.At(PackPlace.Vehicle).Serial);
        }

        [Fact]
        public void Power_loss_while_faulted_keeps_the_fault_latched()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            s.Bay.StallAtMm = 100;
            s.Authorize();
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted));
            // A fault during a swap: after re-power the interrupted swap is reported (with its fault).
            s.PowerCycle();
            Assert.Equal(SwapState.Recovery, s.C.State);
            Assert.Equal(FaultCode.LiftStall, s.C.LatchedFault);
            Assert.Equal(SwapState.Faulted, s.C.InterruptedStep);
            Assert.Equal(SwapState.RaiseToPack, s.C.CurrentSwap.InterruptedStep);
            Assert.Contains("LiftStall latched during RaiseToPack", s.C.WhyNotSwapping());

            var idle = TestStation.WithRack();
            idle.HomeToIdle();
            TestStation.Ok(idle.C.EmergencyStop());
            idle.PowerCycle();
            Assert.Equal(SwapState.Faulted, idle.C.State);
            Assert.Equal(FaultCode.SoftwareStop, idle.C.LatchedFault);
        }

        [Fact]
        public void Power_loss_at_power_up_or_homing_never_moves_and_needs_homing()
        {
            var s = TestStation.WithRack();
            s.PowerCycle();
            Assert.Equal(SwapState.NotHomed, s.C.State);
            TestStation.Ok(s.C.Home());
            s.Run(200);
            s.PowerCycle();
            Assert.Equal(SwapState.NotHomed, s.C.State);
            s.Run(3000);
            Assert.False(s.Bay.AnyOutputOn());
            Assert.Equal("P1", s.C.Inventory.Slot(0).Serial);
        }

        [Fact]
        public void A_torn_last_record_is_ignored_and_recovery_uses_the_one_before()
        {
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.Unlock);
            s.Bay.Storage.TearNextAppendAt = 9; // the next record (LowerDepleted's) is cut after 9 bytes
            byte[] before = s.Bay.Storage.Bytes(SwapJournal.FileName);
            while (s.Bay.Storage.TearNextAppendAt >= 0)
            {
                before = s.Bay.Storage.Bytes(SwapJournal.FileName);
                s.Tick();
            }
            var clean = new TestStorage();
            clean.Set(SwapJournal.FileName, before);
            JournalSnapshot expected = new SwapJournal(clean, 13, 16384).Load(13);

            s.PowerCycle();
            Assert.Equal(SwapState.Recovery, s.C.State);
            Assert.Equal(expected.State, s.C.InterruptedStep);
            Assert.Equal(SwapState.Unlock, s.C.InterruptedStep);
            Assert.True(expected.Inventory.SameAs(s.C.Inventory));
            Assert.True(s.C.Sequencer.Journal.DiscardedBytes == 9);
            // The torn tail was cut (the file now holds the last good record), so new records are readable again.
            TestStation.Ok(s.C.ConfirmRecovery());
            var reread = new SwapJournal(s.Bay.Storage, 13, 16384);
            Assert.Equal(SwapState.Homing, reread.Load(13).State);
            Assert.Equal(0, reread.DiscardedBytes);
        }

        [Fact]
        public void A_corrupted_record_fails_its_crc_and_is_ignored()
        {
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.Unlock);
            byte[] bytes = s.Bay.Storage.Bytes(SwapJournal.FileName);
            var good = s.JournalTail();
            // Flip one bit inside the last record's CRC: that record must be rejected, the one before it used.
            var storage = new TestStorage();
            bytes[bytes.Length - 1] ^= 0x5A;
            storage.Set(SwapJournal.FileName, bytes);
            var j = new SwapJournal(storage, 13, 16384);
            var loaded = j.Load(13);
            Assert.NotNull(loaded);
            Assert.Equal(good.Sequence - 1, loaded.Sequence);
            Assert.True(j.DiscardedBytes > 0);
        }

        [Fact]
        public void The_journal_stays_bounded_by_compaction_and_still_recovers()
        {
            var s = TestStation.WithRack(b => b.Config.JournalMaxBytes = 4096);
            s.HomeToIdle();
            for (int i = 0; i < 3; i++)
            {
                s.Bay.VehiclePositioned = true;
                s.Bay.VehicleHasPack = true;
                s.Run(50);
                s.Authorize(vehicle: "VIN" + i);
                Assert.True(s.RunUntil(() => s.C.State == SwapState.Released), "swap " + i + " stuck in " + s.C.State + " " + s.C.LatchedFault);
                s.Run(3000);
                s.Bay.VehiclePositioned = false;
                s.Run(100);
                Assert.True(s.Bay.Storage.Length(SwapJournal.FileName) <= 4096);
            }
            Assert.True(s.Bay.Storage.Replaces > 0);
            var inv = new PackInventory(13);
            inv.CopyFrom(s.C.Inventory);
            s.PowerCycle();
            Assert.Equal(SwapState.NotHomed, s.C.State);
            Assert.True(inv.SameAs(s.C.Inventory));
            // The swap counter survived: the next swap is number 4.
            s.HomeToIdle();
            s.Bay.VehiclePositioned = true;
            s.Bay.VehicleHasPack = true;
            s.Run(50);
            TestStation.Ok(s.C.SetRackSlot(5, "P6", 100, PackState.Ready));
            s.Authorize(vehicle: "VIN9");
            Assert.Equal(4, s.C.CurrentSwap.SwapId);
        }

        [Fact]
        public void A_journal_that_cannot_be_written_stops_the_swap_before_it_acts()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            s.Bay.Storage.FailWrites = true;
            var r = s.C.Authorize(new SwapAuthorization("VIN1", null));
            Assert.False(r.Accepted);
            Assert.Equal(SwapState.Faulted, s.C.State);
            Assert.Equal(FaultCode.JournalWriteFailed, s.C.LatchedFault);
            s.Run(500);
            Assert.False(s.Bay.AnyOutputOn());
        }
    }
}
