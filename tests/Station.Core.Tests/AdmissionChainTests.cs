using System;
using System.Collections.Generic;
using System.Linq;
using Station.Core.Admission;
using Station.Core.Cloud;
using Station.Core.Console;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Generated from the admission chain's rows: every check, alone, refuses with its own reason through each
    /// entry point (controller, cloud command, console), and 'why' lists exactly the checks Authorize applies.</summary>
    public class AdmissionChainTests
    {
        private sealed class FullOutbox : ISwapAdmission
        {
            public string WhyNoSwaps() => "the outbox is full";
        }

        private const string Vehicle = "VIN1";

        // A ready station (homed, vehicle in place, rack filled) with exactly one check made to fail; the pack the
        // request names (null: the station chooses) and the vehicle pack serial it carries come back too.
        private static TestStation Failing(AdmissionCheck check, out string pack, out string vehicleId, out string vehiclePack)
        {
            pack = null;
            vehicleId = Vehicle;
            vehiclePack = null;
            var s = TestStation.WithRack();
            if (check != AdmissionCheck.NotHomed) s.HomeToIdle();
            switch (check)
            {
                case AdmissionCheck.ConsoleMaintenance: s.C.MaintenanceHold = true; break;
                case AdmissionCheck.RemoteMaintenance: s.C.RemoteMaintenance = true; break;
                case AdmissionCheck.OutboxFull: s.C.Admission = new FullOutbox(); break;
                case AdmissionCheck.RecoveryPending:
                    s.DriveTo(SwapState.RaiseToPack);
                    s.PowerCycle();
                    break;
                case AdmissionCheck.FaultLatched: TestStation.Ok(s.C.EmergencyStop()); break;
                case AdmissionCheck.NotHomed: break;
                case AdmissionCheck.Busy: s.DriveTo(SwapState.RaiseToPack); break;
                case AdmissionCheck.Request: vehicleId = ""; break;
                case AdmissionCheck.PackInTransit:
                    TestStation.Ok(s.C.SetPlace(PackPlace.Vehicle, "D1", 12));
                    s.C.Inventory.At(PackPlace.Vehicle).InTransit = true;
                    break;
                case AdmissionCheck.LatchesBetween:
                    s.Bay.LockPos[2] = 0.5; // a cut or fault left one latch mid-travel; no pack is in transit
                    break;
                case AdmissionCheck.BayNotClear: s.Bay.CurtainClear = false; break;
                case AdmissionCheck.NoVehicle: s.Bay.VehiclePositioned = false; break;
                case AdmissionCheck.InventoryConflict: s.Bay.ReturnHasPack = true; break;
                case AdmissionCheck.VehiclePackMismatch:
                    TestStation.Ok(s.C.SetPlace(PackPlace.Vehicle, "D1", 12));
                    vehiclePack = "D7";
                    break;
                case AdmissionCheck.StagedPackMismatch:
                    s.Bay.StagingHasPack = true;
                    TestStation.Ok(s.C.SetPlace(PackPlace.Staging, "P9", 97));
                    pack = "P1";
                    break;
                case AdmissionCheck.NoChargedPack:
                    for (int slot = 0; slot < 5; slot++) TestStation.Ok(s.C.SetRackSlot(slot, null, -1, PackState.Empty));
                    break;
                case AdmissionCheck.NamedPackNotReady: pack = "P5"; break; // charging
                default: throw new ArgumentOutOfRangeException(nameof(check));
            }
            s.Run(200); // debounce the inputs changed above
            return s;
        }

        // Every check a car booking can fail. The block checks judge a truck booking (positions, ready blocks):
        // TruckBayTests makes each refuse with its reason (the cloud's booking: CloudBookingTests; the console's:
        // TruckConsoleTests). The pack-standard checks judge the standards the authorisation says the vehicle accepts:
        // PackStandardTests makes each refuse.
        public static IEnumerable<object[]> EveryCheck() =>
            Enumerable.Range(0, AdmissionChain.Count).Select(i => AdmissionChain.RuleAt(i).Check)
                .Where(c => c != AdmissionCheck.BlockBooking && c != AdmissionCheck.BlockPacks
                    && c != AdmissionCheck.NoPackOfStandard && c != AdmissionCheck.PackStandardNotAccepted).Select(c => new object[] { c });

        [Fact]
        public void Every_check_has_one_row_with_a_reason_and_a_summary()
        {
            var rows = Enumerable.Range(0, AdmissionChain.Count).Select(AdmissionChain.RuleAt).ToList();
            Assert.Equal(Enum.GetValues<AdmissionCheck>().OrderBy(c => c), rows.Select(r => r.Check));
            foreach (var r in rows)
            {
                Assert.NotEqual(RejectReason.None, r.Reason);
                Assert.False(string.IsNullOrWhiteSpace(r.Summary));
                Assert.Same(r, AdmissionChain.Find(r.Check));
            }
        }

        [Fact]
        public void A_ready_station_passes_every_check_and_why_says_ready()
        {
            var s = Failing(AdmissionCheck.Request, out _, out _, out _);
            var auth = new SwapAuthorization(Vehicle, null);
            Assert.Null(s.C.Sequencer.Admission.FirstFailing(auth));
            Assert.Equal("ready: waiting for an authorisation", s.C.WhyNotSwapping());
            TestStation.Ok(s.C.Authorize(auth));
        }

        [Theory]
        [MemberData(nameof(EveryCheck))]
        public void Each_check_alone_refuses_through_the_controller_with_its_own_reason(AdmissionCheck check)
        {
            var s = Failing(check, out string pack, out string vehicleId, out string vehiclePack);
            var auth = new SwapAuthorization(vehicleId, pack) { VehiclePackSerial = vehiclePack };
            AdmissionRule rule = AdmissionChain.Find(check);
            Assert.Same(rule, s.C.Sequencer.Admission.FirstFailing(auth));
            string words = s.C.Sequencer.Admission.Refusal(check, auth);
            var before = s.C.Inventory.Describe();
            CommandResult r = s.C.Authorize(auth);
            Assert.False(r.Accepted);
            Assert.Equal(rule.Reason, r.Reason);
            Assert.Equal(words, r.Message);
            Assert.Equal(before, s.C.Inventory.Describe()); // a refusal changes nothing
        }

        // What the cloud answers for each reason code (docs/cloud.md).
        private static CloudReason CloudReasonOf(RejectReason reason) => reason switch
        {
            RejectReason.InterlockOpen or RejectReason.NoVehicle or RejectReason.NotHomed or RejectReason.FaultLatched
                or RejectReason.RecoveryPending or RejectReason.InventoryMismatch or RejectReason.PackInTransit
                or RejectReason.LatchesBetween => CloudReason.UnsafeState,
            RejectReason.WrongState => CloudReason.Busy,
            RejectReason.BadAuthorization => CloudReason.OutOfRange,
            RejectReason.OutboxFull => CloudReason.OutboxFull,
            _ => CloudReason.Refused,
        };

        [Theory]
        [MemberData(nameof(EveryCheck))]
        public void Each_check_alone_refuses_a_cloud_swap_authorize_and_a_local_operator_with_its_own_reason(AdmissionCheck check)
        {
            var s = Failing(check, out string pack, out string vehicleId, out string vehiclePack);
            var cloud = new StationCloud(s.C, s.Bay.Clock);
            AdmissionRule rule = AdmissionChain.Find(check);
            // The local operator's authorisation carries the vehicle pack serial; the cloud command has no such member.
            CloudResult local = cloud.AuthorizeLocal(new SwapAuthorization(vehicleId, pack) { VehiclePackSerial = vehiclePack }, "operator");
            Assert.False(local.Accepted);
            Assert.Equal(CloudReasonOf(rule.Reason), local.Reason);
            Assert.Equal(s.C.Sequencer.Admission.Refusal(check, new SwapAuthorization(vehicleId, pack) { VehiclePackSerial = vehiclePack }), local.Message);
            if (check == AdmissionCheck.VehiclePackMismatch) return;
            CloudResult remote = cloud.Authorize(vehicleId, pack, 60_000);
            Assert.False(remote.Accepted);
            Assert.Equal(CloudReasonOf(rule.Reason), remote.Reason);
            Assert.Equal(s.C.Sequencer.Admission.Refusal(check, new SwapAuthorization(vehicleId, pack)), remote.Message);
        }

        [Theory]
        [MemberData(nameof(EveryCheck))]
        public void Each_check_alone_refuses_a_console_swap_authorize_in_the_chains_words(AdmissionCheck check)
        {
            // The console lifts its own maintenance hold to authorise (by design), and its command names no vehicle pack.
            if (check == AdmissionCheck.ConsoleMaintenance || check == AdmissionCheck.VehiclePackMismatch) return;
            var s = Failing(check, out string pack, out string vehicleId, out _);
            var console = new ControllerConsoleStation(s.C, s.Bay.Io);
            ConsoleOutcome outcome = console.AuthorizeSwap(new SwapAuthorization(vehicleId, pack));
            Assert.False(outcome.Accepted);
            Assert.Equal(s.C.Sequencer.Admission.Refusal(check, new SwapAuthorization(vehicleId, pack)), outcome.Message);
        }

        [Theory]
        [MemberData(nameof(EveryCheck))]
        public void Why_names_each_failing_station_check_and_nothing_when_it_passes(AdmissionCheck check)
        {
            AdmissionRule rule = AdmissionChain.Find(check);
            var s = Failing(check, out _, out _, out _);
            string why = s.C.WhyNotSwapping();
            if (rule.PerRequest)
            {
                // A request check has nothing to say without a request: the station itself is ready.
                Assert.Equal("ready: waiting for an authorisation", why);
                return;
            }
            string words = s.C.Sequencer.Admission.Refusal(check, null);
            switch (check)
            {
                // Holds come first, one a line; the bay itself is otherwise ready.
                case AdmissionCheck.ConsoleMaintenance:
                case AdmissionCheck.RemoteMaintenance:
                case AdmissionCheck.OutboxFull:
                    Assert.Equal(words + "\nready: waiting for an authorisation", why);
                    return;
                // The state checks say more than their short refusal: the state in words.
                case AdmissionCheck.RecoveryPending: Assert.StartsWith("power was lost during swap 1 at step RaiseToPack", why); break;
                case AdmissionCheck.FaultLatched: Assert.StartsWith("fault 17 SoftwareStop", why); break;
                case AdmissionCheck.NotHomed: Assert.StartsWith("the lift is not homed", why); break;
                case AdmissionCheck.Busy: Assert.Equal("swapping: step RaiseToPack", why); break;
                // A pack in transit is also an inventory conflict (the conflict list names where it stands): listed after.
                case AdmissionCheck.PackInTransit: Assert.StartsWith(words + "; pack D1 in the vehicle is marked in transit", why); break;
                default: Assert.Equal(words, why); break;
            }
            Assert.DoesNotContain("ready: waiting", why);
        }

        [Fact]
        public void A_latch_between_positions_with_nothing_in_transit_is_named_by_why_and_status_and_refused_everywhere()
        {
            var s = Failing(AdmissionCheck.LatchesBetween, out _, out _, out _);
            Assert.False(s.C.Inventory.AnyInTransit());
            Assert.Contains("1 of 4 pack locks read between positions", s.C.WhyNotSwapping());
            string status = new ControllerConsoleStation(s.C, s.Bay.Io).Status();
            Assert.Contains("not settled (swaps are refused until it is): 1 of 4 pack locks read between positions", status);
            Assert.Equal(RejectReason.LatchesBetween, s.C.Authorize(new SwapAuthorization(Vehicle, null)).Reason);
            Assert.Equal(CloudReason.UnsafeState, new StationCloud(s.C, s.Bay.Clock).Authorize(Vehicle, null, 60_000).Reason);
            // Settled (the latch reaches its end), the same station swaps.
            s.Bay.LockPos[2] = 1;
            s.Run(200);
            TestStation.Ok(s.C.Authorize(new SwapAuthorization(Vehicle, null)));
        }
    }
}
