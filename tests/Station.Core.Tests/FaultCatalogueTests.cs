using System;
using System.Collections.Generic;
using System.Linq;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The fault catalogue is one read-only row per code, and every decision made by category agrees with the rows.</summary>
    public class FaultCatalogueTests
    {
        public static IEnumerable<object[]> EveryCode() =>
            Enum.GetValues<FaultCode>().Where(c => c != FaultCode.None).Select(c => new object[] { c });

        [Fact]
        public void Every_code_has_exactly_one_row_and_every_row_a_code_a_category_and_words()
        {
            var codes = Enum.GetValues<FaultCode>().Where(c => c != FaultCode.None).ToList();
            var rows = Enumerable.Range(0, FaultCatalogue.Count).Select(FaultCatalogue.RowAt).ToList();
            foreach (var c in codes) Assert.Single(rows, r => r.Code == c);
            Assert.Equal(codes.Count, rows.Count);
            foreach (var r in rows)
            {
                Assert.Same(r, FaultCatalogue.Find(r.Code));
                Assert.Equal(r.Code.ToString(), r.Name);
                Assert.True(Enum.IsDefined(r.Category), r.Name + " has no category");
                Assert.NotEqual("unknown", FaultCatalogue.CategoryName(r.Category));
                Assert.False(string.IsNullOrWhiteSpace(r.Meaning));
                Assert.False(string.IsNullOrWhiteSpace(r.Action));
            }
            Assert.Null(FaultCatalogue.Find(FaultCode.None));
            Assert.False(FaultCatalogue.IsIn(FaultCode.None, FaultCategory.PackCheck));
        }

        [Theory]
        [MemberData(nameof(EveryCode))]
        public void The_category_check_agrees_with_the_row(FaultCode code)
        {
            FaultRow row = FaultCatalogue.Find(code);
            foreach (FaultCategory cat in Enum.GetValues<FaultCategory>())
                Assert.Equal(row.Category == cat, FaultCatalogue.IsIn(code, cat));
        }

        [Fact]
        public void The_pack_check_category_holds_every_BMS_refusal_including_61_to_66()
        {
            // The old range test (GatePackRejected..PackConnectorNotMated, 53–60) missed these.
            foreach (int n in new[] { 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66 })
                Assert.True(FaultCatalogue.IsIn((FaultCode)n, FaultCategory.PackCheck), n.ToString());
            foreach (int n in new[] { 50, 51, 52 })
                Assert.True(FaultCatalogue.IsIn((FaultCode)n, FaultCategory.Gate), n.ToString());
        }

        private sealed class FailingCheck : IReleaseGateCheck
        {
            public FailingCheck(FaultCode fault) { FailureFault = fault; }
            public void Begin(SwapRecord swap, long nowMs) { }
            public GateVerdict Poll(long nowMs) => GateVerdict.Failed;
            public void Finish(long nowMs) { }
            public FaultCode FailureFault { get; }
            public bool VerifiesBms => true;
            public bool WoundDown => true;
            public int MeasuredSocPct => -1;
            public PackStandard ReportedStandard => PackStandard.Unspecified;
            public long ConfirmedAtMs => -1;
            public string Reason => "the check's own words";
        }

        [Theory]
        [MemberData(nameof(EveryCode))]
        public void Why_adds_the_pack_checks_reason_exactly_for_pack_check_faults(FaultCode code)
        {
            var s = TestStation.WithRack();
            s.C.PackCheck = new FailingCheck(code);
            s.DriveTo(SwapState.LowerEmpty);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted, 30_000));
            Assert.Equal(code, s.C.LatchedFault);
            bool added = s.C.WhyNotSwapping().Contains("Pack check: the check's own words");
            Assert.Equal(FaultCatalogue.IsIn(code, FaultCategory.PackCheck), added);
        }
    }
}
