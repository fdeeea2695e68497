using System.Linq;
using Station.Core;
using Station.Hal.Sim;
using Station.Simulator;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>The console's <c>swap authorize</c> with a truck booking (block positions, the standards the vehicle and
    /// each position accept), as the cloud's swap.authorize takes it: typed as hostile input, every mistake refused with
    /// its name and nothing moving, and the admission chain deciding whether the booking fits the bay and the truck.</summary>
    public class TruckBookingConsoleTests : SimConsoleFixture
    {
        public TruckBookingConsoleTests() : base(new TruckBayKind(new[] { 1, 2, 3 }, MixedRack()))
        {
            RunFor(300);
            Assert.Contains("maintenance on", Type("maint enter 1234\r", "bay1[MAINT]>"));
            Assert.Contains("homed:", Type("home\r", "homed:", 120000));
        }

        // A mixed rack: qiji75 and partner-a blocks in turn, no partner-b.
        private static PlantParameters MixedRack()
        {
            var plant = SimTruckBay.DefaultPlant();
            plant.RackStandards = "qiji75,partner-a";
            return plant;
        }


        // A truck carrying blocks at the positions of mask stands positioned in the bay.
        private void TruckArrives(int mask)
        {
            Truck.ArriveTruck("T1", mask);
            RunFor(Truck.Bay.Parameters.VehicleArriveMs + 1000);
            Assert.True(_bay.Controller.Interlocks.VehiclePositioned);
        }

        [Fact]
        public void A_booking_typed_at_the_console_swaps_exactly_the_positions_named_with_the_standards_each_accepts()
        {
            TruckArrives(0b111);
            string reply = Type("swap authorize TRK1 positions 3,1 accepts qiji75 accepts3 partner-a\r", "bay1[");
            Assert.Contains("maintenance ended, the sequencer runs the swap", reply);
            SwapRecord swap = _bay.Controller.CurrentSwap;
            Assert.Equal(new[] { 1, 3 }, swap.Blocks.Take(swap.BlockCount).Select(b => b.Position));
            Assert.Equal(PackStandard.Qiji75, swap.Blocks[0].PackInStandard);
            Assert.Equal(PackStandard.PartnerA, swap.Blocks[1].PackInStandard);
            Assert.False(_bay.Console.InMaintenance);
        }

        [Theory]
        [InlineData("swap authorize TRK1 positions 1,1", "swap authorize: positions: 1 to 3 different block positions 1..3 separated by commas, like 1,3")]
        [InlineData("swap authorize TRK1 positions 1,2,3,1", "swap authorize: positions: 1 to 3 different block positions")]
        [InlineData("swap authorize TRK1 positions 4", "swap authorize: positions: 1 to 3 different block positions")]
        [InlineData("swap authorize TRK1 positions 0", "swap authorize: positions: 1 to 3 different block positions")]
        [InlineData("swap authorize TRK1 positions 01", "swap authorize: positions: 1 to 3 different block positions")]
        [InlineData("swap authorize TRK1 positions 1,,3", "swap authorize: positions: 1 to 3 different block positions")]
        [InlineData("swap authorize TRK1 positions one", "swap authorize: positions: 1 to 3 different block positions")]
        [InlineData("swap authorize TRK1 positions 1 positions 2", "swap authorize: positions: given twice")]
        [InlineData("swap authorize TRK1 positions", "swap authorize: positions: a value is needed after it")]
        [InlineData("swap authorize TRK1 positions 1,3 accepts qiji99", "swap authorize: accepts: pack standards separated by commas (choco20-lfp, choco20-nmc, choco25-lfp, choco25-nmc, qiji75, partner-a, partner-b); 'qiji99' is none of them")]
        [InlineData("swap authorize TRK1 positions 1 accepts1 any", "swap authorize: accepts1: pack standards separated by commas")]
        [InlineData("swap authorize TRK1 positions 1 accepts unspecified", "'unspecified' is none of them")]
        [InlineData("swap authorize TRK1 positions 1 accepts2 qiji75", "swap authorize: accepts2: block position 2 is not in positions")]
        [InlineData("swap authorize TRK1 accepts3 qiji75", "swap authorize: accepts3: block position 3 is not in positions")]
        [InlineData("swap authorize TRK1 PK1 PK2", "swap authorize: 'PK2' is not a booking term (positions, accepts, accepts1, accepts2, accepts3)")]
        [InlineData("swap authorize positions 1,3", "swap authorize: the vehicle id comes first, then the booking")]
        [InlineData("swap authorize TRK/1 positions 1", "swap authorize: vehicle and pack ids are 1 to 24 characters")]
        public void A_booking_the_console_cannot_read_is_refused_naming_the_problem_and_nothing_moves(string line, string refusal)
        {
            TruckArrives(0b111);
            string reply = Type(line + "\r", "bay1[");
            Assert.Contains(refusal, reply);
            Assert.Contains("e.g. 'swap authorize LSV123 positions 1,3 accepts qiji75'", reply);
            AssertNothingStarted();
        }

        [Theory]
        [InlineData(0b111, "swap authorize TRK1", "a truck booking names the block positions to swap (1-3)")]
        [InlineData(0b011, "swap authorize TRK1 positions 1,3", "the truck carries no block at position 3")]
        [InlineData(0b111, "swap authorize TRK1 positions 1,3 accepts3 partner-b", "no ready block of a standard position 3 accepts (partner-b)")]
        public void A_booking_that_does_not_fit_the_truck_is_refused_by_the_admission_chain_in_its_words(int blocks, string line, string words)
        {
            TruckArrives(blocks);
            string reply = Type(line + "\r", "bay1[");
            Assert.Contains("swap authorize: refused: ", reply);
            Assert.Contains(words, reply);
            Assert.Contains("; maintenance continues", reply);
            AssertNothingStarted();
        }

        private void AssertNothingStarted()
        {
            Assert.Equal(SwapState.Idle, _bay.Controller.State);
            Assert.Null(_bay.Controller.CurrentSwap);
            Assert.True(_bay.Console.InMaintenance);
            RunFor(500);
            Assert.False(Truck.Bay.MotionPermit.State);
            Assert.Equal(FaultCode.None, _bay.Controller.LatchedFault);
        }
    }
}
