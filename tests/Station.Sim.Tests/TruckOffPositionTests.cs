using System;
using Station.Hal.Sim;
using Xunit;

namespace Station.Sim.Tests
{
    /// <summary>A truck that rolls off its position during a swap is still in the bay: its blocks are there, no other truck
    /// may drive in, and it can still drive off (the hazard checks of a departure apply as ever).</summary>
    public class TruckOffPositionTests
    {
        private static SimTruckBay PositionedTruck()
        {
            var clock = new SimClock();
            var bay = new SimTruckBay(clock, new MemoryStorage());
            bay.ArriveTruck("TRK1", 0b101);
            for (int t = 0; t < bay.Bay.Parameters.VehicleArriveMs + 100; t += 10) { clock.Advance(10); bay.Step(10); }
            Assert.True(bay.TruckIsPositioned);
            return bay;
        }

        [Fact]
        public void A_truck_that_moved_off_its_position_is_still_in_the_bay_with_its_blocks()
        {
            var bay = PositionedTruck();
            bay.TruckMoves();
            Assert.False(bay.TruckIsPositioned);
            Assert.False(bay.TruckPositioned.Truth);
            Assert.True(bay.TruckInBay);
            Assert.NotNull(bay.BlockAt(1));
            Assert.NotNull(bay.BlockAt(3));
            Assert.Throws<InvalidOperationException>(() => bay.ArriveTruck("TRK2", 0b111));
        }

        [Fact]
        public void A_truck_that_moved_off_its_position_can_drive_off_and_the_bay_is_then_empty()
        {
            var bay = PositionedTruck();
            bay.TruckMoves();
            bay.DepartTruck();
            Assert.Single(bay.DepartedTrucks);
            Assert.Equal("T-TRK1-1", bay.DepartedTrucks[0][0].Serial);
            for (int t = 0; t < bay.Bay.Parameters.VehicleDepartMs + 100; t += 10) bay.Step(10);
            Assert.False(bay.TruckInBay);
            bay.ArriveTruck("TRK2", 0b111); // the next truck may come
        }

        [Fact]
        public void Moving_without_a_positioned_truck_leaves_the_bay_empty()
        {
            var bay = new SimTruckBay(new SimClock(), new MemoryStorage());
            bay.TruckMoves();
            Assert.False(bay.TruckInBay);
        }
    }
}
