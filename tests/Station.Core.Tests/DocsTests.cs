using System;
using System.IO;
using System.Linq;
using Station.Docs;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The committed docs are what the tables generate, and the fault catalogue covers the enum exactly.</summary>
    public class DocsTests
    {
        private static string Root()
        {
            string root = Program.FindRoot(AppContext.BaseDirectory);
            Assert.True(root != null, "repository root (StationFirmware.sln) not found above " + AppContext.BaseDirectory);
            return root;
        }

        [Fact]
        public void Committed_swap_state_diagram_matches_the_transition_table()
        {
            string path = Path.Combine(Root(), DocsGenerator.SwapStatesPath);
            Assert.True(File.Exists(path), path + " missing: run `dotnet run --project tools/Station.Docs`");
            Assert.True(DocsGenerator.SwapStatesMarkdown() == File.ReadAllText(path),
                "docs/swap-states.md is stale: run `dotnet run --project tools/Station.Docs` and commit it");
        }

        [Fact]
        public void Committed_fault_catalogue_matches_FaultCatalogue()
        {
            string path = Path.Combine(Root(), DocsGenerator.FaultsPath);
            Assert.True(File.Exists(path), path + " missing: run `dotnet run --project tools/Station.Docs`");
            Assert.True(DocsGenerator.FaultsMarkdown() == File.ReadAllText(path),
                "docs/faults.md is stale: run `dotnet run --project tools/Station.Docs` and commit it");
        }

        [Fact]
        public void Every_fault_code_is_catalogued_once_with_its_own_name_and_words()
        {
            var codes = Enum.GetValues<FaultCode>().Where(c => c != FaultCode.None).ToArray();
            Assert.Equal(codes.Length, FaultCatalogue.Count);
            var listed = Enumerable.Range(0, FaultCatalogue.Count).Select(FaultCatalogue.CodeAt).ToArray();
            Assert.Equal(listed.Length, listed.Distinct().Count());
            foreach (var c in codes)
            {
                Assert.Contains(c, listed);
                Assert.Equal(c.ToString(), FaultCatalogue.Name(c));
                Assert.False(string.IsNullOrWhiteSpace(FaultCatalogue.Meaning(c)));
                Assert.False(string.IsNullOrWhiteSpace(FaultCatalogue.Action(c)));
            }
            Assert.Equal("None", FaultCatalogue.Name(FaultCode.None));
            Assert.Equal("Unknown", FaultCatalogue.Name((FaultCode)999));
            Assert.False(FaultCatalogue.RemotelyResettable(FaultCode.EStopPressed));
            Assert.True(FaultCatalogue.RemotelyResettable(FaultCode.SoftwareStop));
        }

        [Fact]
        public void State_name_table_matches_the_enum()
        {
            var states = Enum.GetValues<SwapState>();
            Assert.Equal(SwapStates.Count, states.Length);
            foreach (var s in states)
            {
                Assert.Equal(s.ToString(), SwapStates.Name(s));
                Assert.True(SwapStates.TryParse(s.ToString(), out var back) && back == s);
            }
            foreach (var sig in Enum.GetValues<Station.Core.Swap.SwapSignal>()) Assert.Equal(sig.ToString(), Station.Core.Swap.SwapNames.Signal(sig));
            Assert.Equal(Station.Core.Swap.SwapNames.SignalCount, Enum.GetValues<Station.Core.Swap.SwapSignal>().Length);
            foreach (var g in Enum.GetValues<Station.Core.Swap.SwapGuard>())
                Assert.Equal(g == Station.Core.Swap.SwapGuard.Always ? "" : g.ToString(), Station.Core.Swap.SwapNames.Guard(g));
        }
    }
}
