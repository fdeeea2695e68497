using nanoFramework.TestFramework;
using Station.Core;
using Station.Device.Tests.Fakes;

namespace Station.Device.Tests
{
    /// <summary>A technician at the serial console of the whole application (controller, BMS, console, cloud).</summary>
    [TestClass]
    public class ConsoleSessionTests
    {
        // Types a line, runs a few control periods (the console is polled in each) and returns what it answered.
        private static string Say(TinyStation s, string line)
        {
            s.Terminal.TakeOutput();
            s.Terminal.Type(line + "\r");
            s.Run(50);
            return s.Terminal.TakeOutput();
        }

        private static TinyStation Homed()
        {
            TinyStation s = TinyStation.Whole();
            s.HomeToIdle();
            return s;
        }

        [TestMethod]
        public void Help_lists_the_commands_from_the_table()
        {
            string answer = Say(Homed(), "help");
            Assert.IsTrue(answer.IndexOf("status") >= 0, answer);
            Assert.IsTrue(answer.IndexOf("maint enter") >= 0, answer);
            Assert.IsTrue(answer.IndexOf("lift jog") >= 0, answer);
        }

        [TestMethod]
        public void Status_names_the_state()
        {
            string answer = Say(Homed(), "status");
            Assert.IsTrue(answer.IndexOf("Idle") >= 0, answer);
        }

        [TestMethod]
        public void A_jog_outside_maintenance_is_refused_and_nothing_moves()
        {
            TinyStation s = Homed();
            string answer = Say(s, "lift jog +10");
            Assert.IsTrue(answer.IndexOf("needs maintenance mode") >= 0, answer);
            Assert.IsFalse(s.Bay.AnyOutputOn());
            Assert.AreEqual((int)SwapState.Idle, (int)s.C.State);
        }

        [TestMethod]
        public void Maintenance_with_the_pin_holds_the_station_against_remote_swaps()
        {
            TinyStation s = Homed();
            Say(s, "maint enter 1234");
            Assert.IsTrue(s.C.MaintenanceHold);
            var auth = new SwapAuthorization("VIN9", null);
            Assert.IsFalse(s.C.Authorize(auth).Accepted);
            Say(s, "maint exit");
            Assert.IsFalse(s.C.MaintenanceHold);
        }

        [TestMethod]
        public void A_wrong_pin_leaves_the_station_out_of_maintenance()
        {
            TinyStation s = Homed();
            Say(s, "maint enter 9999");
            Assert.IsFalse(s.C.MaintenanceHold);
        }

        [TestMethod]
        public void Ctrl_x_stops_the_station_with_a_software_stop()
        {
            TinyStation s = Homed();
            s.Terminal.Type("\u0018");
            s.Run(30);
            Assert.AreEqual((int)SwapState.Faulted, (int)s.C.State);
            Assert.AreEqual((int)FaultCode.SoftwareStop, (int)s.C.LatchedFault);
        }

        [TestMethod]
        public void An_unknown_command_is_answered_and_changes_nothing()
        {
            TinyStation s = Homed();
            string answer = Say(s, "launch rockets");
            Assert.IsTrue(answer.Length > 0);
            Assert.AreEqual((int)SwapState.Idle, (int)s.C.State);
            Assert.AreEqual((int)FaultCode.None, (int)s.C.LatchedFault);
        }
    }
}
