using System.Linq;
using Station.Core.Admission;
using Station.Core.Journal;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Several pack standards in one station: every pack carries its standard, the authorisation says which the
    /// vehicle accepts, the station picks a ready pack of a matching standard and refuses a mismatch with a numbered
    /// reason, the journal keeps the standards (format 3) and older formats still read.</summary>
    public class PackStandardTests
    {
        private static int Mask(string names) => PackStandards.MaskOf(names);

        [Fact]
        public void The_catalogue_names_the_published_standards_and_masks_read_back()
        {
            Assert.Equal("choco25-lfp", PackStandards.Name(PackStandard.Choco25Lfp));
            Assert.Equal((int)PackStandard.Qiji75, PackStandards.CodeOf("QIJI75"));
            Assert.Equal(-1, PackStandards.CodeOf("choco35"));
            Assert.Equal((1 << 3) | (1 << 4), Mask("choco25-lfp, choco25-nmc"));
            Assert.Equal(0, Mask("any"));
            Assert.Equal(-1, Mask("unspecified"));
            Assert.Equal(-1, Mask("choco25-lfp,nonsense"));
            Assert.Equal("choco25-lfp,choco25-nmc", PackStandards.MaskText(Mask("choco25-nmc,choco25-lfp")));
            Assert.False(PackStandards.ValidMask(1));
            Assert.False(PackStandards.ValidMask(1 << 20));
            Assert.True(PackStandards.Accepts(0, PackStandard.Unspecified));
            Assert.False(PackStandards.Accepts(Mask("qiji75"), PackStandard.Unspecified));
            Assert.True(PackStandards.Accepts(Mask("qiji75"), PackStandard.Qiji75));
            // The constant names (for static initialisers) are the rows' names, in number order.
            Assert.Equal(Enumerable.Range(0, PackStandards.Count).Select(i => PackStandards.RowAt(i).Name), PackStandards.Names());
            Assert.Equal(Enumerable.Range(0, PackStandards.Count), PackStandards.Names().Select(n => PackStandards.CodeOf(n)));
        }

        [Theory]
        [InlineData(PackStandard.Choco25Lfp, 3, 175.0, 320.0, false)] // 56 kWh LFP
        [InlineData(PackStandard.Choco25Lfp, 6, 175.0, 320.0, true)]  // ternary: another chemistry
        [InlineData(PackStandard.Choco25Lfp, 3, 131.0, 320.0, true)]  // 42 kWh: a #20
        [InlineData(PackStandard.Qiji75, 3, 285.0, 600.0, false)]     // 171 kWh
        [InlineData(PackStandard.Qiji75, 3, 0.0, 0.0, false)]         // no energy reported: nothing to contradict
        [InlineData(PackStandard.Unspecified, 6, 10.0, 10.0, false)]  // nothing recorded
        [InlineData(PackStandard.PartnerA, 1, 10.0, 10.0, false)]     // not catalogued: serial only
        public void What_a_BMS_reports_contradicts_a_standard_by_chemistry_or_energy(PackStandard s, int type, double ah, double v, bool contradicts)
        {
            Assert.Equal(contradicts, PackStandards.Contradicts(s, type, ah, v));
        }

        [Fact]
        public void A_BMS_report_names_the_standard_it_fits()
        {
            Assert.Equal(PackStandard.Choco20Nmc, PackStandards.FromBms(6, 148.0, 350.0)); // 51.8 kWh NMC
            Assert.Equal(PackStandard.Qiji75, PackStandards.FromBms(3, 285.0, 600.0));
            Assert.Equal(PackStandard.Unspecified, PackStandards.FromBms(3, 100.0, 100.0));
        }

        private static TestStation MixedRack()
        {
            var s = TestStation.WithRack();
            TestStation.Ok(s.C.SetRackSlot(0, "P1", 95, PackState.Ready, PackStandard.Choco25Nmc));
            TestStation.Ok(s.C.SetRackSlot(1, "P2", 90, PackState.Ready, PackStandard.Choco20Lfp));
            TestStation.Ok(s.C.SetRackSlot(2, "P3", 99, PackState.Ready, PackStandard.Choco25Nmc));
            s.HomeToIdle();
            return s;
        }

        private static SwapAuthorization Auth(string accepts, string pack = null) =>
            new SwapAuthorization("VIN1", pack) { VehiclePackSerial = "D1", VehiclePackSocPct = 12, AcceptedStandards = Mask(accepts) };

        [Fact]
        public void The_station_picks_the_best_ready_pack_of_a_standard_the_vehicle_accepts()
        {
            var s = MixedRack();
            var r = s.C.Authorize(Auth("choco20-lfp"));
            Assert.True(r.Accepted, r.Message);
            Assert.Equal("P2", s.C.CurrentSwap.PackInSerial); // not P3 (99 %, but #25 NMC)
            Assert.Equal(PackStandard.Choco20Lfp, s.C.CurrentSwap.PackInStandard);
        }

        [Fact]
        public void A_vehicle_naming_no_standard_takes_any_pack_as_before()
        {
            var s = MixedRack();
            TestStation.Ok(s.C.Authorize(Auth("")));
            Assert.Equal("P3", s.C.CurrentSwap.PackInSerial);
        }

        [Fact]
        public void No_ready_pack_of_an_accepted_standard_is_refused_with_reason_18()
        {
            var s = MixedRack();
            var r = s.C.Authorize(Auth("qiji75"));
            Assert.False(r.Accepted);
            Assert.Equal(RejectReason.NoPackOfStandard, r.Reason);
            Assert.Equal(18, (int)r.Reason);
            Assert.Contains("qiji75", r.Message);
            Assert.Equal(SwapState.Idle, s.C.State);
        }

        [Fact]
        public void A_named_pack_of_a_standard_the_vehicle_does_not_accept_is_refused_with_reason_19()
        {
            var s = MixedRack();
            var r = s.C.Authorize(Auth("choco20-lfp", "P3"));
            Assert.False(r.Accepted);
            Assert.Equal(RejectReason.PackStandardNotAccepted, r.Reason);
            Assert.Equal(19, (int)r.Reason);
            Assert.Contains("choco25-nmc", r.Message);
        }

        [Fact]
        public void A_malformed_standard_mask_is_a_bad_authorisation()
        {
            var s = MixedRack();
            var a = Auth("");
            a.AcceptedStandards = 1 << 25;
            Assert.Equal(RejectReason.BadAuthorization, s.C.Authorize(a).Reason);
        }

        [Fact]
        public void The_checks_are_rows_20_and_21_of_the_one_chain()
        {
            Assert.Equal(20, (int)AdmissionCheck.NoPackOfStandard);
            Assert.Equal(21, (int)AdmissionCheck.PackStandardNotAccepted);
            Assert.Equal(RejectReason.NoPackOfStandard, AdmissionChain.Find(AdmissionCheck.NoPackOfStandard).Reason);
            Assert.Equal(RejectReason.PackStandardNotAccepted, AdmissionChain.Find(AdmissionCheck.PackStandardNotAccepted).Reason);
        }

        [Fact]
        public void A_rack_pack_set_without_a_standard_gets_the_configured_one()
        {
            var bay = new TestBay();
            bay.Config.DefaultPackStandard = (int)PackStandard.Choco25Lfp;
            var s = new TestStation(bay);
            TestStation.Ok(s.C.SetRackSlot(0, "P1", 95, PackState.Ready));
            Assert.Equal(PackStandard.Choco25Lfp, s.C.Inventory.Slot(0).Standard);
            Assert.False(s.C.SetRackSlot(1, "P2", 95, PackState.Ready, (PackStandard)40).Accepted);
        }

        [Fact]
        public void The_journal_keeps_every_standard_across_a_power_cut_in_format_3()
        {
            var s = MixedRack();
            TestStation.Ok(s.C.Authorize(Auth("choco20-lfp")));
            s.RunUntil(() => s.C.State == SwapState.Transfer);
            var bytes = s.Bay.Storage.Bytes(SwapJournal.FileName);
            s.PowerCycle();
            Assert.Equal(SwapState.Recovery, s.C.State);
            Assert.Equal(PackStandard.Choco25Nmc, s.C.Inventory.Slot(0).Standard);
            Assert.Equal(PackStandard.Choco25Nmc, s.C.Inventory.Slot(2).Standard);
            Assert.Equal(PackStandard.Choco20Lfp, s.C.CurrentSwap.PackInStandard);
            var journal = new SwapJournal(s.Bay.Storage, s.Bay.Config.RackSlots, s.Bay.Config.JournalMaxBytes);
            Assert.NotNull(journal.Load(s.Bay.Config.RackSlots));
            Assert.Equal(3, journal.NewestFormatSeen);
            Assert.False(journal.NewerFormat);
        }

        [Fact]
        public void A_station_that_names_no_standard_still_writes_format_1()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            var journal = new SwapJournal(s.Bay.Storage, s.Bay.Config.RackSlots, s.Bay.Config.JournalMaxBytes);
            journal.Load(s.Bay.Config.RackSlots);
            Assert.Equal(1, journal.NewestFormatSeen);
        }

        [Fact]
        public void The_format_3_golden_recovers_its_standards()
        {
            string dir = GoldenJournalWriter.SourceDir();
            byte[] bin = System.IO.File.ReadAllBytes(System.IO.Path.Combine(dir, "journal-mixed-rack-lock.bin"));
            var bay = new TestBay();
            var journal = new SwapJournal(bay.Storage, bay.Config.RackSlots, bay.Config.JournalMaxBytes);
            bay.Storage.Set(SwapJournal.FileName, bin);
            Assert.NotNull(journal.Load(bay.Config.RackSlots));
            Assert.Equal(3, journal.NewestFormatSeen);
            bay.Storage.Set(SwapJournal.FileName, bin);
            var c = new StationController(bay.Io, bay.Config);
            TestStation.Ok(c.Start());
            Assert.Equal(SwapState.Recovery, c.State);
            Assert.Equal("P2", c.CurrentSwap.PackInSerial);
            Assert.Equal(PackStandard.Choco25Lfp, c.CurrentSwap.PackInStandard);
            Assert.Equal(PackStandard.Choco20Nmc, c.Inventory.Slot(2).Standard);
        }
    }
}
