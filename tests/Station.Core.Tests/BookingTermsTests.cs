using System.Linq;
using Station.Core;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The booking terms the cloud's swap.authorize and the console's swap authorize both read.</summary>
    public class BookingTermsTests
    {
        [Theory]
        [InlineData("1", 1)]
        [InlineData("1,3", 5)]
        [InlineData(" 3 , 2 ,1 ", 7)]
        [InlineData("\t2\n", 2)]
        [InlineData("", -1)]
        [InlineData(" ", -1)]
        [InlineData("0", -1)]
        [InlineData("4", -1)]
        [InlineData("01", -1)]
        [InlineData("12", -1)]
        [InlineData("1.0", -1)]
        [InlineData("-1", -1)]
        [InlineData("1,1", -1)]
        [InlineData("1,2,3,1", -1)]
        [InlineData("1,,2", -1)]
        [InlineData("1,", -1)]
        [InlineData(",1", -1)]
        [InlineData("1 2", -1)]
        [InlineData("\"1\"", -1)]
        [InlineData("[1]", -1)]
        [InlineData(null, -1)]
        public void Positions_are_one_to_three_different_digits_separated_by_commas(string text, int mask)
        {
            Assert.Equal(mask, BookingTerms.PositionMask(text));
        }

        [Fact]
        public void The_terms_are_the_cloud_members_and_each_position_takes_its_own_standards()
        {
            Assert.Equal(new[] { "positions", "accepts", "accepts1", "accepts2", "accepts3" },
                Enumerable.Range(0, BookingTerms.Count).Select(BookingTerms.Word));
            Assert.Equal(BookingTerms.AcceptsTerm + 3, BookingTerms.TermOf("ACCEPTS3"));
            Assert.Equal(-1, BookingTerms.TermOf("accepts4"));
            var b = new BookingTerms();
            Assert.Null(b.Take(BookingTerms.PositionsTerm, "1,3"));
            Assert.Null(b.Take(BookingTerms.AcceptsTerm, "qiji75"));
            Assert.Null(b.Take(BookingTerms.TermOf("accepts3"), "partner-a,partner-b"));
            Assert.Null(b.Unbooked());
            Assert.Equal(5, b.Positions);
            Assert.Equal(PackStandards.MaskOf("qiji75"), b.Accepts);
            Assert.Equal(new[] { 0, 0, PackStandards.MaskOf("partner-a,partner-b") }, b.PositionStandards());
            var auth = new SwapAuthorization("T1", null);
            auth.Book(b);
            Assert.Equal((5, PackStandards.MaskOf("partner-a,partner-b")), (auth.BlockPositions, auth.AcceptedAt(3)));
            Assert.Equal(PackStandards.MaskOf("qiji75"), auth.AcceptedAt(1));
            b.Clear();
            Assert.True(b.Empty);
            Assert.Null(b.PositionStandards());
            Assert.Null(b.Take(BookingTerms.AcceptsTerm, "any"));
            Assert.Equal(0, b.Accepts);
        }

        [Fact]
        public void A_refusal_names_the_term_and_what_is_wrong_and_lists_the_catalogue_not_a_hand_copy()
        {
            var b = new BookingTerms();
            string known = string.Join(", ", Enumerable.Range(1, PackStandards.Count - 1).Select(i => PackStandards.RowAt(i).Name));
            Assert.Equal("accepts: pack standards separated by commas (" + known + "); 'qiji99' is none of them",
                b.Take(BookingTerms.AcceptsTerm, "qiji75,qiji99"));
            Assert.Equal("accepts: given twice", b.Take(BookingTerms.AcceptsTerm, "qiji75"));
            Assert.Equal("accepts2: pack standards separated by commas (" + known + ")", b.Take(BookingTerms.AcceptsTerm + 2, ""));
            Assert.EndsWith("'bad?name' is none of them", b.Take(BookingTerms.AcceptsTerm + 1, "bad\u0007name"));
            Assert.StartsWith("positions: 1 to 3 different block positions", b.Take(BookingTerms.PositionsTerm, "1,1"));
            Assert.StartsWith("accepts1: pack standards separated by commas (" + known + ")", new BookingTerms().Take(BookingTerms.AcceptsTerm + 1, new string('a', 97)));
            var c = new BookingTerms();
            Assert.Null(c.Take(BookingTerms.PositionsTerm, "1"));
            Assert.Null(c.Take(BookingTerms.AcceptsTerm + 2, "qiji75"));
            Assert.Equal("accepts2: block position 2 is not in positions", c.Unbooked());
            Assert.Equal("not a booking term", c.Take(-1, "x"));
        }
    }
}
