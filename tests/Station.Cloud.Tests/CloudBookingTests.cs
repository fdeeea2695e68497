using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Station.Core;
using Station.Core.Cloud;
using Station.Fleet;
using Station.Hal.Host;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>swap.authorize naming a truck's block positions and each position's standards: the parser takes them
    /// as hostile input, the station books exactly those positions, a car bay refuses them.</summary>
    public class CloudBookingTests
    {
        const string Topic = "stations/unit/cmd";
        static readonly DateTime Now = new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc);

        static string Command(string mid, string members) =>
            "{\"v\":2,\"mid\":\"" + mid + "\",\"cmd\":\"swap.authorize\",\"exp\":\"2026-11-21T08:05:00Z\",\"vehicle\":\"TRK-1\"" + members + "}";

        static (CloudReason reason, CloudCommand cmd) Parse(string members)
        {
            var c = new CloudCommand();
            var b = Encoding.UTF8.GetBytes(Command("m", members));
            return (new CommandParser(Topic).Parse(Topic, b, 0, b.Length, Now, true, c), c);
        }

        [Theory]
        [InlineData(",\"positions\":[1,3]", 5)]
        [InlineData(",\"positions\":[ 3 , 2 , 1 ]", 7)]
        [InlineData(",\"positions\":[2]", 2)]
        [InlineData("", 0)]
        public void Positions_become_the_booking_mask(string members, int mask)
        {
            var (r, c) = Parse(members);
            Assert.Equal(CloudReason.Accepted, r);
            Assert.Equal(mask, c.Booking.Positions);
        }

        [Fact]
        public void Each_booked_position_may_name_its_own_standards()
        {
            var (r, c) = Parse(",\"positions\":[1,3],\"accepts\":\"qiji75\",\"accepts3\":\"partner-a,partner-b\"");
            Assert.Equal(CloudReason.Accepted, r);
            Assert.Equal(PackStandards.MaskOf("qiji75"), c.Booking.Accepts);
            Assert.Equal(new[] { 0, 0, PackStandards.MaskOf("partner-a,partner-b") }, c.Booking.PositionAccepts);
        }

        [Theory]
        [InlineData(",\"positions\":[]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[0]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[4]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[-1]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[1,1]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[1,2,3,1]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[1,2,3,4]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[12]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[01]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[1.0]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[\"1\"]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[[1]]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[1,,2]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[1,]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[1 2]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":[true]", CloudReason.OutOfRange, "positions: 1 to 3")]
        [InlineData(",\"positions\":{\"a\":1}", CloudReason.WrongType, "positions")]
        [InlineData(",\"positions\":\"1,3\"", CloudReason.WrongType, "positions")]
        [InlineData(",\"positions\":7", CloudReason.WrongType, "positions")]
        [InlineData(",\"positions\":[1,3", CloudReason.Malformed, "expected")]
        [InlineData(",\"positions\":[1],\"positions\":[2]", CloudReason.Malformed, "member given twice")]
        [InlineData(",\"positions\":[1],\"accepts2\":\"qiji75\"", CloudReason.OutOfRange, "accepts2: block position 2 is not in positions")]
        [InlineData(",\"accepts1\":\"qiji75\"", CloudReason.OutOfRange, "accepts1: block position 1 is not in positions")]
        [InlineData(",\"positions\":[1],\"accepts1\":\"qiji99\"", CloudReason.OutOfRange, "accepts1: pack standards")]
        [InlineData(",\"positions\":[1],\"accepts1\":\"\"", CloudReason.OutOfRange, "accepts1: pack standards")]
        [InlineData(",\"positions\":[1],\"accepts1\":5", CloudReason.WrongType, "accepts1")]
        [InlineData(",\"positions\":[1],\"accepts4\":\"qiji75\"", CloudReason.UnknownField, "accepts4")]
        public void A_bad_booking_is_refused_with_its_reason_never_half_read(string members, CloudReason reason, string detail)
        {
            var (r, c) = Parse(members);
            Assert.Equal(reason, r);
            Assert.Contains(detail, c.Detail);
        }

        [Fact]
        public void Positions_belong_to_swap_authorize_only()
        {
            var c = new CloudCommand();
            var b = Encoding.UTF8.GetBytes("{\"v\":2,\"mid\":\"x\",\"cmd\":\"swap.cancel\",\"positions\":[1]}");
            Assert.Equal(CloudReason.UnknownField, new CommandParser(Topic).Parse(Topic, b, 0, b.Length, Now, true, c));
        }

        // A homed bay with a vehicle positioned; swap.authorize with members through the link, its reply.
        static CloudBay PositionedBay(bool truck)
        {
            var bay = new CloudBay(truck);
            bay.Arrive();
            return bay;
        }

        static JsonElement Authorize(CloudBay bay, string members) => bay.Send(Command("?", members));

        [Fact]
        public void A_truck_bay_books_exactly_the_positions_the_cloud_names_and_judges_each_positions_standards()
        {
            var bay = PositionedBay(truck: true);
            var c = bay.St.Controller;
            // No block in the rack is a partner-b one: position 3's own standards refuse the booking, naming position 3.
            var refused = Authorize(bay, ",\"positions\":[1,3],\"accepts3\":\"partner-b\"");
            Assert.False(refused.GetProperty("ok").GetBoolean());
            Assert.Contains("position 3", refused.GetProperty("msg").GetString());
            Assert.Equal(SwapState.Idle, c.State);
            // No positions at a truck bay: the booking is incomplete, refused with the existing words.
            var none = Authorize(bay, "");
            Assert.False(none.GetProperty("ok").GetBoolean());
            Assert.Contains("names the block positions", none.GetProperty("msg").GetString());
            var ok = Authorize(bay, ",\"positions\":[1,3]");
            Assert.True(ok.GetProperty("ok").GetBoolean(), ok.ToString());
            Assert.Equal(2, c.CurrentSwap.BlockCount);
            Assert.Equal(new[] { 1, 3 }, c.CurrentSwap.Blocks.Take(c.CurrentSwap.BlockCount).Select(b => b.Position));
        }

        [Fact]
        public void A_car_bay_refuses_a_booking_of_positions_and_takes_the_same_command_without_them()
        {
            var bay = PositionedBay(truck: false);
            var refused = Authorize(bay, ",\"positions\":[1]");
            Assert.False(refused.GetProperty("ok").GetBoolean());
            Assert.Equal("refused", refused.GetProperty("reason").GetString());
            Assert.Contains("a booking of blocks is for a truck bay", refused.GetProperty("msg").GetString());
            Assert.Equal(SwapState.Idle, bay.St.Controller.State);
            var ok = Authorize(bay, "");
            Assert.True(ok.GetProperty("ok").GetBoolean(), ok.ToString());
        }
    }
}
