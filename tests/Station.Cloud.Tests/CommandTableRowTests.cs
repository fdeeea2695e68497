using System;
using System.Linq;
using Station.Core.Cloud;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>The cloud command table is one read-only row per command kind.</summary>
    public class CommandTableRowTests
    {
        [Fact]
        public void Every_kind_has_exactly_one_row_and_names_are_unique()
        {
            var rows = Enumerable.Range(0, CommandTable.Count).Select(CommandTable.RowAt).ToList();
            foreach (CommandKind k in Enum.GetValues<CommandKind>().Where(k => (int)k != 0))
            {
                Assert.Single(rows, r => r.Kind == k);
                Assert.Equal(k, rows[CommandTable.IndexOf(k)].Kind);
            }
            Assert.Equal(rows.Count, rows.Select(r => r.Name).Distinct().Count());
            foreach (var r in rows)
            {
                Assert.Equal(r.Required, r.Required & (r.Allowed | CommandField.Envelope));
                Assert.False(string.IsNullOrWhiteSpace(r.Help));
            }
        }
    }
}
