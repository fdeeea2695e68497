using System;
using System.Collections.Generic;
using System.Text;
using Station.Core.Cloud;
using Xunit;

namespace Station.Cloud.Tests
{
    public class CommandParserTests
    {
        const string Topic = "stations/bay1/cmd";
        static readonly DateTime Now = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
        const string Exp = "2026-11-21T12:05:00Z";

        static (CloudReason reason, CloudCommand cmd) Parse(string json, string topic = Topic, bool clockSet = true, CommandParser p = null)
        {
            p ??= new CommandParser(Topic);
            var c = new CloudCommand();
            var b = Encoding.UTF8.GetBytes(json);
            return (p.Parse(topic, b, 0, b.Length, Now, clockSet, c), c);
        }

        [Fact]
        public void A_valid_authorisation_is_accepted_with_every_member()
        {
            var (r, c) = Parse("{\"v\":1,\"mid\":\"m-1\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"LSV123\",\"pack\":\"P-77\",\"by\":\"op:anna\"}");
            Assert.Equal(CloudReason.Accepted, r);
            Assert.Equal(CommandKind.SwapAuthorize, c.Kind);
            Assert.Equal(("m-1", "LSV123", "P-77", "op:anna"), (c.Mid, c.Vehicle, c.Pack, c.By));
            Assert.Equal(new DateTime(2026, 11, 21, 12, 5, 0), c.Expiry);
        }

        [Fact]
        public void An_authorisation_carries_the_pack_standards_the_vehicle_accepts()
        {
            var (r, c) = Parse("{\"v\":1,\"mid\":\"m-2\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"LSV123\",\"accepts\":\"choco25-lfp,choco25-nmc\"}");
            Assert.Equal(CloudReason.Accepted, r);
            Assert.Equal(Station.Core.PackStandards.MaskOf("choco25-lfp,choco25-nmc"), c.Booking.Accepts);
            (r, c) = Parse("{\"v\":1,\"mid\":\"m-3\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"LSV123\",\"accepts\":\"choco99\"}");
            Assert.Equal(CloudReason.OutOfRange, r);
            Assert.StartsWith("accepts:", c.Detail);
            (r, _) = Parse("{\"v\":1,\"mid\":\"m-4\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"LSV123\",\"accepts\":7}");
            Assert.Equal(CloudReason.WrongType, r);
        }

        [Fact]
        public void Every_row_of_the_table_parses_with_its_required_members()
        {
            for (int row = 0; row < CommandTable.Count; row++)
            {
                string name = CommandTable.RowAt(row).Name;
                Assert.Equal(row, CommandTable.Find(name));
                var sb = new StringBuilder("{\"v\":1,\"mid\":\"" + name + "\",\"cmd\":\"" + name + "\"");
                int req = CommandTable.RowAt(row).Required;
                if ((req & CommandField.Vehicle) != 0) sb.Append(",\"vehicle\":\"V1\"");
                if ((req & CommandField.Exp) != 0) sb.Append(",\"exp\":\"" + Exp + "\"");
                if ((req & CommandField.Key) != 0) sb.Append(",\"key\":\"gate.min_soc_pct\"");
                if ((req & CommandField.Value) != 0) sb.Append(",\"value\":80");
                if ((req & CommandField.Code) != 0) sb.Append(",\"code\":12");
                if ((req & CommandField.Version) != 0) sb.Append(",\"version\":\"0.2.0\"");
                if ((req & CommandField.Size) != 0) sb.Append(",\"size\":48211");
                sb.Append('}');
                var (r, c) = Parse(sb.ToString());
                Assert.True(r == CloudReason.Accepted, name + ": " + r + " " + c.Detail);
                Assert.Equal(CommandTable.RowAt(row).Kind, c.Kind);
            }
        }

        [Theory]
        [InlineData("\"version\":\"0.2.0\",\"size\":48211", CloudReason.Accepted)]
        [InlineData("\"version\":\"0.2.0\",\"size\":1048576", CloudReason.Accepted)]
        [InlineData("\"version\":\"0.2.0\",\"size\":1048577", CloudReason.OutOfRange)]
        [InlineData("\"version\":\"0.2.0\",\"size\":0", CloudReason.OutOfRange)]
        [InlineData("\"version\":\"0.2.0\",\"size\":\"48211\"", CloudReason.WrongType)]
        [InlineData("\"version\":\"0.2.0 beta\",\"size\":48211", CloudReason.OutOfRange)]
        [InlineData("\"version\":\"0.2.0.0.0.0.0.0.0.0.0.0.0.0\",\"size\":48211", CloudReason.OutOfRange)]
        [InlineData("\"version\":2,\"size\":48211", CloudReason.WrongType)]
        [InlineData("\"size\":48211", CloudReason.MissingField)]
        public void An_update_offer_names_a_version_and_a_bounded_size(string members, CloudReason expected)
        {
            var (r, c) = Parse("{\"v\":1,\"mid\":\"u-1\",\"cmd\":\"update.offer\"," + members + "}");
            Assert.True(expected == r, r + " " + c.Detail);
            if (r == CloudReason.Accepted) Assert.Equal((CommandKind.UpdateOffer, "0.2.0"), (c.Kind, c.Version));
        }

        /// <summary>One command per malformed class and the reason it must get (also sent through a real broker).</summary>
        public static readonly object[][] MalformedCommands =
        {
            new object[] { "not json", CloudReason.Malformed },
            new object[] { "[1,2]", CloudReason.Malformed },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.cancel\"", CloudReason.Malformed },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.cancel\"} x", CloudReason.Malformed },
            new object[] { "{\"v\":1,\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.cancel\"}", CloudReason.Malformed },
            new object[] { "{\"v\":01,\"mid\":\"a\",\"cmd\":\"swap.cancel\"}", CloudReason.Malformed },
            new object[] { "{\"v\":1,\"mid\":\"a\\q\",\"cmd\":\"swap.cancel\"}", CloudReason.Malformed },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.cancel\",}", CloudReason.Malformed },
            new object[] { "{\"mid\":\"a\",\"cmd\":\"swap.cancel\"}", CloudReason.MissingField },
            new object[] { "{\"v\":\"1\",\"mid\":\"a\",\"cmd\":\"swap.cancel\"}", CloudReason.WrongType },
            new object[] { "{\"v\":3,\"mid\":\"a\",\"cmd\":\"swap.cancel\"}", CloudReason.UnsupportedVersion },
            new object[] { "{\"v\":1,\"cmd\":\"swap.cancel\"}", CloudReason.MissingField },
            new object[] { "{\"v\":1,\"mid\":7,\"cmd\":\"swap.cancel\"}", CloudReason.WrongType },
            new object[] { "{\"v\":1,\"mid\":\"\",\"cmd\":\"swap.cancel\"}", CloudReason.OutOfRange },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.explode\"}", CloudReason.UnknownCommand },
            new object[] { "{\"v\":1,\"mid\":\"a\"}", CloudReason.MissingField },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.cancel\",\"force\":true}", CloudReason.UnknownField },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.cancel\",\"vehicle\":\"V1\"}", CloudReason.UnknownField },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":5}", CloudReason.WrongType },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":{\"id\":\"V\"}}", CloudReason.WrongType },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":null}", CloudReason.WrongType },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"fault.reset\",\"code\":1.5}", CloudReason.WrongType },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.authorize\",\"exp\":\"tomorrow\",\"vehicle\":\"V1\"}", CloudReason.WrongType },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\"}", CloudReason.MissingField },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.authorize\",\"vehicle\":\"V1\"}", CloudReason.MissingField },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"config.set\",\"key\":\"k\"}", CloudReason.MissingField },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"V 1\"}", CloudReason.OutOfRange },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"123456789012345678901234567890123\"}", CloudReason.OutOfRange },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"fault.reset\",\"code\":0}", CloudReason.OutOfRange },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"fault.reset\",\"code\":70000}", CloudReason.OutOfRange },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"fault.reset\",\"code\":99999999999999999999999}", CloudReason.OutOfRange },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.authorize\",\"exp\":\"2026-11-23T12:00:00Z\",\"vehicle\":\"V1\"}", CloudReason.OutOfRange },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.authorize\",\"exp\":\"2026-11-21T11:59:59Z\",\"vehicle\":\"V1\"}", CloudReason.Expired },
            new object[] { "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.cancel\",\"exp\":\"2026-11-21T12:00:00Z\"}", CloudReason.Expired },
        };

        public static IEnumerable<object[]> Malformed() => MalformedCommands;

        [Theory]
        [MemberData(nameof(Malformed))]
        public void Each_malformed_class_is_rejected_with_its_reason(string json, CloudReason expected)
        {
            var (r, c) = Parse(json);
            Assert.Equal(expected, r);
            Assert.Equal(expected, c.Reason);
            Assert.NotNull(c.Detail);
        }

        [Fact]
        public void Oversized_payload_is_rejected_before_parsing()
        {
            string json = "{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.cancel\",\"by\":\"" + new string('x', CommandParser.MaxCommandBytes) + "\"}";
            Assert.Equal(CloudReason.Oversized, Parse(json).reason);
        }

        [Fact]
        public void Invalid_utf8_in_a_string_is_malformed()
        {
            var p = new CommandParser(Topic);
            var c = new CloudCommand();
            var b = Encoding.ASCII.GetBytes("{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.cancel\",\"by\":\"\u0001\u0001\"}");
            int i = Array.IndexOf(b, (byte)1);
            b[i] = 0xC0; b[i + 1] = 0x80; // overlong NUL
            Assert.Equal(CloudReason.Malformed, p.Parse(Topic, b, 0, b.Length, Now, true, c));
        }

        [Fact]
        public void A_command_on_another_stations_topic_is_refused()
        {
            var (r, _) = Parse("{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.cancel\"}", "stations/bay2/cmd");
            Assert.Equal(CloudReason.WrongTopic, r);
        }

        [Fact]
        public void The_same_message_id_is_not_applied_twice()
        {
            var p = new CommandParser(Topic);
            string json = "{\"v\":1,\"mid\":\"once\",\"cmd\":\"swap.cancel\"}";
            Assert.Equal(CloudReason.Accepted, Parse(json, p: p).reason);
            Assert.Equal(CloudReason.Replayed, Parse(json, p: p).reason);
            for (int i = 0; i < ReplayWindow.Size; i++) Parse("{\"v\":1,\"mid\":\"m" + i + "\",\"cmd\":\"swap.cancel\"}", p: p);
            Assert.Equal(CloudReason.Accepted, Parse(json, p: p).reason); // fell out of the window
        }

        [Fact]
        public void Motion_commands_need_a_set_clock()
        {
            var (r, _) = Parse("{\"v\":1,\"mid\":\"a\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"V1\"}", clockSet: false);
            Assert.Equal(CloudReason.ClockNotSet, r);
            Assert.Equal(CloudReason.Accepted, Parse("{\"v\":1,\"mid\":\"b\",\"cmd\":\"station.status\"}", clockSet: false).reason);
        }

        [Fact]
        public void Whitespace_escapes_and_member_order_are_free()
        {
            var (r, c) = Parse(" {\n \"cmd\" : \"config.set\" ,\"value\":true, \"key\":\"a.b\", \"mid\":\"\\u0041x\", \"v\":1 }\r\n");
            Assert.Equal(CloudReason.Accepted, r);
            Assert.Equal(("Ax", "a.b", "true"), (c.Mid, c.Key, c.Value));
        }

        [Fact]
        public void Reason_names_cover_every_code()
        {
            foreach (CloudReason r in Enum.GetValues(typeof(CloudReason)))
                Assert.NotEqual("unknown", CloudReasons.Name(r));
            Assert.Equal(Enum.GetValues(typeof(CloudReason)).Length, CloudReasons.Count);
        }
    }
}
