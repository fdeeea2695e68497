using Station.Core;
using Station.Simulator;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>The simulator's console bay on the truck plant (<see cref="TruckBayKind"/>), in simulated time: the rack
    /// handler follows the controller's block choice, a released truck drives off by itself, a power cut reboots the
    /// board on the same storage, and the <c>sim</c> commands speak of trucks and the robot.</summary>
    public class TruckConsoleSwapTests
    {
        private readonly FakeLine _line = new FakeLine();
        private readonly ConsoleBay _bay;

        public TruckConsoleSwapTests()
        {
            _bay = new ConsoleBay(_line, new TruckBayKind(new[] { 1, 2, 3 }));
            _bay.Console.Start();
            _bay.Run(200);
            _line.TakeOutput();
        }

        private string Type(string text, int ms = 500)
        {
            _line.Type(text);
            _bay.Run(ms);
            return _line.TakeOutput();
        }

        private void RunUntil(System.Func<bool> done, int maxMs, string what)
        {
            for (int t = 0; t < maxMs && !done(); t += 10) _bay.Tick();
            Assert.True(done(), $"{what}: state {SwapStates.Name(_bay.Controller.State)}, why: {_bay.Controller.WhyNotSwapping()}");
        }

        private TruckBayKind Kind => (TruckBayKind)_bay.Kind;

        [Fact]
        public void A_booked_truck_swap_runs_with_the_blocks_the_controller_chose_and_the_released_truck_drives_off()
        {
            Type("maint enter 1234\r");
            Type("home\r", 10);
            RunUntil(() => _bay.Controller.State == SwapState.Idle, 60000, "homed");
            Type("maint exit\r");
            Assert.Contains("sim: truck TRK9 drives in with blocks at 1, 2, 3", Type("sim vehicle arrive TRK9\r"));
            RunUntil(() => _bay.Controller.Interlocks.VehiclePositioned, 60000, "truck positioned");
            // The technician books blocks 1 and 3 at the console, as typed at the bay.
            Type("maint enter 1234\r");
            Assert.Contains("the sequencer runs the swap", Type("swap authorize TRK9 positions 1,3\r"));
            RunUntil(() => Kind.Truck.DepartedTrucks.Count == 1, 400000, "truck released and gone");
            Assert.Empty(_bay.Bay.Hazards);
            var left = Kind.Truck.DepartedTrucks[0];
            Assert.Equal("T-TRK9-2", left[1].Serial); // block 2 was not booked: it stays
            Assert.StartsWith("PK", left[0].Serial);
            Assert.StartsWith("PK", left[2].Serial);
        }

        [Fact]
        public void Sim_commands_at_a_truck_bay_name_trucks_and_the_robot_and_refuse_the_car_lift()
        {
            Assert.Contains("a truck (blocks at 1, 2, 3) drives in", Type("sim\r"));
            Assert.Contains("sim lift: the truck bay has no lift platform", Type("sim lift unload\r"));
            Assert.Contains("sim vehicle: no positioned truck in the bay", Type("sim vehicle depart\r"));
            Assert.Contains("sim vehicle: a truck id is 1..32", Type("sim vehicle arrive bad/id\r"));
            Assert.Contains("truck none", Type("sim plant\r"));
        }

        [Fact]
        public void A_power_cut_reboots_the_truck_board_on_the_same_storage_and_drops_every_robot_output()
        {
            Type("maint enter 1234\r");
            Type("home\r", 10);
            RunUntil(() => _bay.Controller.State == SwapState.Idle, 60000, "homed");
            Type("sim power loss 2\r", 10);
            _bay.Tick();
            Assert.True(_bay.PoweredOff);
            Assert.All(Kind.Truck.Outputs, o => Assert.False(o.State, o.Name));
            _bay.Run(2500);
            Assert.False(_bay.PoweredOff);
            Assert.False(_bay.Controller.Inventory.Slot(0).IsEmpty); // the rack's inventory came back from the journal
            Assert.Equal(SwapState.NotHomed, _bay.Controller.State); // incremental encoders: the robot homes again
        }
    }
}
