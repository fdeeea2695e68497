using Station.Core.Console;
using Xunit;

namespace Station.Console.Tests
{
    public class CommandTableTests
    {
        public static TheoryData<int> Rows()
        {
            var d = new TheoryData<int>();
            for (int i = 0; i < CommandTable.Count; i++) d.Add(i);
            return d;
        }

        [Theory]
        [MemberData(nameof(Rows))]
        public void Every_row_has_help_and_its_example_parses_to_it(int row)
        {
            ConsoleCommand c = CommandTable.At(row);
            Assert.False(string.IsNullOrEmpty(c.Help));
            ParsedCommand p = CommandTable.Parse(c.Example);
            Assert.Null(p.Error);
            Assert.Same(c, p.Command);
            // Case of the command words does not matter.
            Assert.Same(c, CommandTable.Parse(c.Example.ToUpperInvariant()).Command);
        }

        [Theory]
        [MemberData(nameof(Rows))]
        public void Every_row_refuses_too_few_and_too_many_arguments_with_its_usage(int row)
        {
            ConsoleCommand c = CommandTable.At(row);
            string many = c.Words;
            for (int i = 0; i <= c.MaxArgs; i++) many += " x";
            ParsedCommand p = CommandTable.Parse(many);
            Assert.Null(p.Command);
            Assert.Contains("usage: " + c.Usage, p.Error);
            if (c.MinArgs > 0)
            {
                p = CommandTable.Parse(c.Words);
                Assert.Null(p.Command);
                Assert.Equal(c.Words + ": missing " + c.Arguments + "; usage: " + c.Usage, p.Error);
            }
        }

        [Fact]
        public void Rows_are_unique()
        {
            for (int i = 0; i < CommandTable.Count; i++)
                for (int j = i + 1; j < CommandTable.Count; j++)
                {
                    Assert.NotEqual(CommandTable.At(i).Words, CommandTable.At(j).Words);
                    Assert.NotEqual(CommandTable.At(i).Id, CommandTable.At(j).Id);
                }
        }

        [Fact]
        public void Unknown_words_say_what_would_be_right()
        {
            Assert.Equal("unknown command 'jump'; type 'help' for the commands", CommandTable.Parse("jump").Error);
            Assert.Equal("lift: unknown verb 'run'; expected 'lift jog <mm>'", CommandTable.Parse("lift run").Error);
            Assert.Equal("config: a verb is needed; expected 'config show' or 'config get <key>' or 'config set <key> <value>' or 'config save' or 'config default'",
                CommandTable.Parse("config").Error);
            Assert.Contains("too many words (at most 16)", CommandTable.Parse("a b c d e f g h i j k l m n o p q").Error);
            Assert.Equal("", CommandTable.Parse("   ").Error);
        }

        [Fact]
        public void Spaces_around_and_between_words_do_not_matter()
        {
            ParsedCommand p = CommandTable.Parse("  lift   jog    -5  ");
            Assert.Equal(CommandId.LiftJog, p.Command.Id);
            Assert.Equal("-5", p.Arg(0));
        }

        [Theory]
        [InlineData("sta", "status ", null)]
        [InlineData("st", "st", "status stop")]
        [InlineData("s", "s", "selftest status stop swap")]
        [InlineData("li", "lift ", null)]
        [InlineData("lift ", "lift jog ", null)]
        [InlineData("config g", "config get ", null)]
        [InlineData("config get lift.so", "config get lift.soft_m", null)]
        [InlineData("config set maint.p", "config set maint.pin ", null)]
        [InlineData("config s", "config s", "save set show")]
        [InlineData("help co", "help con", null)]
        [InlineData("help con", "help con", "config conveyor")]
        [InlineData("help conf", "help config ", null)]
        [InlineData("xyz", "xyz", null)]
        [InlineData("status ", "status ", null)]
        [InlineData("swap authorize ", "swap authorize ", null)]
        [InlineData("swap authorize TRK9 ", "swap authorize TRK9 ", "accepts accepts1 accepts2 accepts3 positions")]
        [InlineData("swap authorize TRK9 po", "swap authorize TRK9 positions ", null)]
        [InlineData("swap authorize TRK9 positions ", "swap authorize TRK9 positions ", null)]
        [InlineData("swap authorize TRK9 positions 1,3 acc", "swap authorize TRK9 positions 1,3 accepts", null)]
        [InlineData("swap authorize TRK9 PK0001 positions 1,3 ", "swap authorize TRK9 PK0001 positions 1,3 accepts", null)]
        [InlineData("swap authorize TRK9 PK0001 positions 1,3 accepts", "swap authorize TRK9 PK0001 positions 1,3 accepts", "accepts accepts1 accepts2 accepts3")]
        [InlineData("swap authorize TRK9 accepts q", "swap authorize TRK9 accepts qiji75 ", null)]
        [InlineData("swap authorize TRK9 accepts3 qiji75,p", "swap authorize TRK9 accepts3 qiji75,partner-", null)]
        [InlineData("swap authorize TRK9 accepts3 qiji75,partner-", "swap authorize TRK9 accepts3 qiji75,partner-", "partner-a partner-b")]
        [InlineData("swap authorize TRK9 accepts choco25-", "swap authorize TRK9 accepts choco25-", "choco25-lfp choco25-nmc")]
        [InlineData("swap authorize TRK9 accepts qiji75 accepts2 ", "swap authorize TRK9 accepts qiji75 accepts2 ", "choco20-lfp choco20-nmc choco25-lfp choco25-nmc partner-a partner-b qiji75")]
        public void Tab_completes_from_the_table(string line, string expected, string listed)
        {
            string result = WordCompletion.Complete(line, out string[] candidates);
            Assert.Equal(expected, result);
            if (listed == null) Assert.Null(candidates);
            else Assert.Equal(listed, string.Join(" ", System.Linq.Enumerable.OrderBy(candidates, x => x, System.StringComparer.Ordinal)));
        }
    }
}
