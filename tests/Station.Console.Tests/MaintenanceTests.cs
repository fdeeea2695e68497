using System.Linq;
using Station.Core.Config;
using Xunit;

namespace Station.Console.Tests
{
    public class MaintenanceTests
    {
        [Fact]
        public void The_right_pin_enters_and_holds_the_sequencer()
        {
            var rig = new Rig();
            string reply = rig.Run("maint enter 1234");
            Assert.Contains("maintenance on: the sequencer is held", reply);
            Assert.True(rig.Station.Held);
            Assert.Contains("already in maintenance", rig.Run("maint enter 1234"));
            Assert.Contains("maintenance off", rig.Run("maint exit"));
            Assert.False(rig.Station.Held);
            Assert.Contains("maint exit: not in maintenance", rig.Run("maint exit"));
        }

        [Fact]
        public void The_pin_never_reaches_the_log_or_the_audit()
        {
            var rig = new Rig();
            rig.Run("maint enter 1234");
            rig.Run("config set maint.pin 86420");
            rig.Run("maint exit");
            rig.Run("maint enter 9999");
            string log = rig.Log.Tail(32);
            Assert.DoesNotContain("1234", log);
            Assert.DoesNotContain("86420", log);
            Assert.DoesNotContain("9999", log);
            Assert.Contains("maint enter **** ok", rig.Audit);
            Assert.Contains("config set maint.pin **** ok", rig.Audit);
            Assert.Equal("maint enter **** refused", rig.Audit.Last());
        }

        [Fact]
        public void A_new_pin_works_after_save_and_reload()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Run("config set maint.pin 86420");
            rig.Run("config save");
            var reloaded = new ConfigValues();
            new ConfigFile(rig.Storage).Load(reloaded);
            Assert.True(reloaded.PinMatches("86420"));
            Assert.False(reloaded.PinMatches("1234"));
        }

        [Fact]
        public void Three_wrong_pins_lock_entry_for_the_lockout_time()
        {
            var rig = new Rig();
            Assert.Contains("wrong PIN; 2 tries left", rig.Run("maint enter 0000"));
            Assert.Contains("wrong PIN; 1 try left", rig.Run("maint enter 1111"));
            Assert.Contains("maintenance entry locked for 300 s", rig.Run("maint enter 2222"));
            Assert.True(rig.Console.LockedOut);
            Assert.Contains("maint enter: locked for 300 more s", rig.Run("maint enter 1234"));
            Assert.False(rig.Console.InMaintenance);
            Assert.Contains("locked for 300 s after wrong PINs", rig.Run("status"));
            // Reading still works while locked.
            Assert.Contains("bms: pack", rig.Run("bms show"));
            rig.Clock.NowMs += 299000;
            Assert.Contains("locked for 1 more s", rig.Run("maint enter 1234"));
            rig.Clock.NowMs += 1000;
            Assert.Contains("maintenance on", rig.Run("maint enter 1234"));
        }

        [Fact]
        public void A_malformed_pin_counts_as_wrong()
        {
            var rig = new Rig();
            Assert.Contains("wrong PIN", rig.Run("maint enter abc"));
            rig.Run("maint enter 12");
            Assert.Contains("locked", rig.Run("maint enter 123456789"));
        }

        [Fact]
        public void A_right_pin_clears_the_wrong_count()
        {
            var rig = new Rig();
            rig.Run("maint enter 0000");
            rig.Run("maint enter 0000");
            rig.EnterMaintenance();
            rig.Run("maint exit");
            Assert.Contains("2 tries left", rig.Run("maint enter 0000"));
        }

        [Fact]
        public void Not_while_a_swap_runs_nor_when_the_bay_is_not_clear()
        {
            var rig = new Rig();
            rig.Station.SwapRunning = true;
            Assert.Contains("maint enter: a swap is running", rig.Run("maint enter 1234"));
            rig.Station.SwapRunning = false;
            rig.Station.BayClear = false;
            Assert.Contains("maint enter: the bay is not clear", rig.Run("maint enter 1234"));
            Assert.False(rig.Console.InMaintenance);
            Assert.False(rig.Station.Held);
        }

        [Fact]
        public void A_new_fault_ends_maintenance_and_stops_motion()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Run("lift jog +10");
            rig.Station.FaultCode = 21;
            string output = rig.Poll();
            Assert.Contains("maintenance ended by fault 21", output);
            Assert.False(rig.Console.InMaintenance);
            Assert.False(rig.Station.Held);
            Assert.False(rig.Station.Busy);
            Assert.EndsWith("bay1[FAULT 21]> ", output);
        }

        [Fact]
        public void Maintenance_may_be_entered_with_a_latched_fault_to_reset_it()
        {
            var rig = new Rig();
            rig.Station.FaultCode = 21;
            rig.EnterMaintenance();
            rig.Poll();
            Assert.True(rig.Console.InMaintenance);
            Assert.Equal("bay1[MAINT FAULT 21]> ", rig.Console.Prompt());
            rig.Run("fault reset 21");
            rig.Station.FaultCode = 21;   // the same fault again after the reset is a new fault
            rig.Poll();
            Assert.False(rig.Console.InMaintenance);
        }

        [Fact]
        public void Maintenance_ends_after_the_idle_time_but_not_while_motion_runs()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Clock.NowMs += 599000;
            rig.Poll();
            Assert.True(rig.Console.InMaintenance);
            rig.Run("home");
            rig.Clock.NowMs += 700000;
            rig.Poll();
            Assert.True(rig.Console.InMaintenance);
            rig.Station.Busy = false;
            rig.Poll();
            rig.Clock.NowMs += 600000;
            string output = rig.Poll();
            Assert.Contains("maintenance ended: no key for 600 s", output);
            Assert.False(rig.Console.InMaintenance);
            Assert.False(rig.Station.Held);
        }
    }
}
