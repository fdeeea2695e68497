using System;
using System.IO;
using Station.Core.Journal;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Journal compatibility: the journal files in Golden/ were written by the firmware before the bay became
    /// a profile, and must be read by every later firmware with the same recovered state, fault, swap record and
    /// inventory (the .txt beside each file). Hand assertions on the main scenarios guard the text itself.</summary>
    public class GoldenJournalTests
    {
        public static TheoryData<string> Names()
        {
            var d = new TheoryData<string>();
            foreach (var n in GoldenJournalWriter.Scenarios) d.Add(n);
            return d;
        }

        private static byte[] Golden(string name, out string expected)
        {
            string dir = GoldenJournalWriter.SourceDir();
            string bin = Path.Combine(dir, "journal-" + name + ".bin");
            if (Environment.GetEnvironmentVariable("STATION_WRITE_GOLDEN") == "1" && !File.Exists(bin))
            {
                byte[] fresh = GoldenJournalWriter.Run(name);
                File.WriteAllBytes(bin, fresh);
                File.WriteAllText(Path.ChangeExtension(bin, ".txt"), GoldenJournalWriter.Recovered(fresh));
            }
            Assert.True(File.Exists(bin), "golden journal missing: " + bin);
            expected = File.ReadAllText(Path.ChangeExtension(bin, ".txt"));
            return File.ReadAllBytes(bin);
        }

        [Theory]
        [MemberData(nameof(Names))]
        public void A_golden_journal_recovers_the_state_fault_swap_and_inventory_it_was_written_with(string name)
        {
            byte[] journal = Golden(name, out string expected);
            Assert.Equal(expected, GoldenJournalWriter.Recovered(journal));
        }

        [Theory]
        [MemberData(nameof(Names))]
        public void Todays_firmware_writes_the_golden_journal_byte_for_byte(string name)
        {
            byte[] journal = Golden(name, out _);
            Assert.Equal(journal, GoldenJournalWriter.Run(name));
        }

        private static StationController Started(string name)
        {
            byte[] journal = Golden(name, out _);
            var bay = new TestBay();
            bay.Storage.Set(SwapJournal.FileName, journal);
            var c = new StationController(bay.Io, bay.Config);
            TestStation.Ok(c.Start());
            return c;
        }

        [Fact]
        public void Idle_after_homing_comes_back_not_homed_with_the_stocked_rack()
        {
            var c = Started("idle-after-homing");
            Assert.Equal(SwapState.NotHomed, c.State);
            Assert.Equal(FaultCode.None, c.LatchedFault);
            Assert.Null(c.CurrentSwap);
            Assert.Equal("P1", c.Inventory.Slot(0).Serial);
            Assert.Equal(95, c.Inventory.Slot(0).SocPct);
            Assert.Equal(PackState.Charging, c.Inventory.Slot(4).State);
        }

        [Fact]
        public void A_swap_cut_in_unlock_or_lock_comes_back_in_recovery_at_that_step()
        {
            var u = Started("powercut-mid-unlock");
            Assert.Equal(SwapState.Recovery, u.State);
            Assert.Equal(SwapState.Unlock, u.InterruptedStep);
            Assert.Equal(1, u.CurrentSwap.SwapId);
            Assert.Equal("VIN1", u.CurrentSwap.VehicleId);
            Assert.Equal("D1", u.CurrentSwap.PackOutSerial);
            Assert.Equal("P3", u.CurrentSwap.PackInSerial);
            Assert.Equal("D1", u.Inventory.At(PackPlace.Lift).Serial);
            Assert.True(u.CurrentSwap.StepStartMs[(int)SwapState.Unlock] >= 0);

            var l = Started("powercut-mid-lock");
            Assert.Equal(SwapState.Recovery, l.State);
            Assert.Equal(SwapState.Lock, l.InterruptedStep);
            Assert.Equal("P3", l.Inventory.At(PackPlace.Vehicle).Serial);
            Assert.Equal("D1", l.Inventory.Slot(2).Serial);
        }

        [Fact]
        public void A_fault_mid_swap_comes_back_latched_with_the_step_it_stopped()
        {
            var c = Started("faulted-mid-swap");
            Assert.Equal(SwapState.Recovery, c.State);
            Assert.Equal(FaultCode.LiftStall, c.LatchedFault);
            Assert.Equal(SwapState.Faulted, c.InterruptedStep);
            Assert.Equal(SwapState.RaiseToPack, c.CurrentSwap.InterruptedStep);
            Assert.Equal(FaultCode.LiftStall, c.CurrentSwap.Faults[0]);

            var idle = Started("faulted-at-idle");
            Assert.Equal(SwapState.Faulted, idle.State);
            Assert.Equal(FaultCode.SoftwareStop, idle.LatchedFault);
        }

        [Fact]
        public void A_released_swap_comes_back_completed_with_its_step_times()
        {
            var c = Started("released");
            Assert.Equal(SwapState.NotHomed, c.State);
            Assert.Equal(SwapOutcome.Completed, c.LastSwap.Outcome);
            Assert.Equal("P3", c.Inventory.At(PackPlace.Vehicle).Serial);
            for (int s = (int)SwapState.Arming; s <= (int)SwapState.ReleaseGate; s++)
            {
                if (s == (int)SwapState.WaitStaged) continue;
                Assert.True(c.LastSwap.StepEndMs[s] > c.LastSwap.StepStartMs[s], "step " + s);
            }
        }
    }
}
