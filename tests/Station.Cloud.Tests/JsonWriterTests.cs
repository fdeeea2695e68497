using System;
using System.Text;
using System.Text.Json;
using Station.Core.Cloud;
using Station.Core.Journal;
using Xunit;

namespace Station.Cloud.Tests
{
    public class JsonWriterTests
    {
        static string Text(JsonWriter w) => Encoding.UTF8.GetString(w.Buffer, 0, w.Length);

        [Fact]
        public void Writes_compact_json_with_commas_nesting_escapes_and_utc()
        {
            var w = new JsonWriter(512);
            w.BeginObject();
            w.Member("s", "a\"b\\c\n\u0001é€😀");
            w.Member("n", -42);
            w.Member("big", long.MinValue);
            w.MemberBool("t", true);
            w.Name("arr"); w.BeginArray(); w.Number(1); w.String(null); w.BeginObject(); w.EndObject(); w.EndArray();
            w.MemberUtc("ts", new DateTime(2026, 1, 2, 3, 4, 5, 67, DateTimeKind.Utc));
            w.Name("id"); w.MessageId("b", 0x0A1B2C3Du, 3, 17);
            w.Name("rid"); w.MessageId("r", 0xFFFFFFFFu, 42, -1);
            w.EndObject();
            Assert.False(w.Overflow);
            string json = Text(w);
            Assert.Equal("{\"s\":\"a\\\"b\\\\c\\u000a\\u0001é€😀\",\"n\":-42,\"big\":-9223372036854775808,\"t\":true," +
                         "\"arr\":[1,null,{}],\"ts\":\"2026-01-02T03:04:05.067Z\",\"id\":\"b0a1b2c3d-3-17\",\"rid\":\"rffffffff-42\"}", json);
            using var doc = JsonDocument.Parse(json); // and it is valid JSON
            Assert.Equal("a\"b\\c\n\u0001é€😀", doc.RootElement.GetProperty("s").GetString());
        }

        [Fact]
        public void Overflow_is_reported_instead_of_writing_past_the_buffer()
        {
            var w = new JsonWriter(16);
            w.BeginObject();
            w.Member("long", "this does not fit in sixteen bytes");
            w.EndObject();
            Assert.True(w.Overflow);
            Assert.True(w.Length <= 16);
            w.Reset();
            w.BeginObject(); w.EndObject();
            Assert.False(w.Overflow);
            Assert.Equal("{}", Text(w));
        }

        [Fact]
        public void Crc32_matches_the_standard_check_value()
        {
            Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789"), 0, 9));
        }

        [Theory]
        [InlineData("2026-11-21T23:05:07Z", true)]
        [InlineData("2026-11-21T23:05:07.5Z", true)]
        [InlineData("2026-11-21T23:05:07.123Z", true)]
        [InlineData("2026-11-21T23:05:07+01:00", false)]
        [InlineData("2026-11-21T23:05:07", false)]
        [InlineData("2026-02-30T00:00:00Z", false)]
        [InlineData("2026-11-21 23:05:07Z", false)]
        [InlineData("2026-11-21T23:05:07.Z", false)]
        [InlineData("2026-11-21T24:00:00Z", false)]
        public void Utc_text_accepts_only_the_contract_form(string text, bool ok)
        {
            Assert.Equal(ok, UtcText.TryParse(text, out _));
        }
    }
}
