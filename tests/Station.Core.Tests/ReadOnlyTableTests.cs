using System;
using System.Reflection;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Static tables nobody can overwrite: a table's rows sit in private static readonly arrays (a public array's
    /// elements could be replaced by any caller) and every row's fields are readonly.</summary>
    public class ReadOnlyTableTests
    {
        [Theory]
        [InlineData(typeof(FaultCatalogue), typeof(FaultRow))]
        [InlineData(typeof(Station.Core.Cloud.CommandTable), typeof(Station.Core.Cloud.CloudCommandRow))]
        [InlineData(typeof(Station.Core.Console.CommandTable), typeof(Station.Core.Console.ConsoleCommand))]
        [InlineData(typeof(Station.Core.Admission.AdmissionChain), typeof(Station.Core.Admission.AdmissionRule))]
        public void Nobody_can_overwrite_the_rows(Type table, Type row)
        {
            foreach (var f in table.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                Assert.True(f.IsLiteral || (f.IsPrivate && f.IsInitOnly), table.FullName + "." + f.Name + " must be a constant or private static readonly");
            foreach (var f in row.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                Assert.True(f.IsInitOnly, row.Name + "." + f.Name + " must be readonly");
            foreach (var p in row.GetProperties(BindingFlags.Instance | BindingFlags.Public))
                Assert.False(p.CanWrite, row.Name + "." + p.Name + " must be read-only");
        }
    }
}
