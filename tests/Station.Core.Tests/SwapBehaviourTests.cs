using Station.Core.Motion;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Swap-level behaviour: overlap, release gate, commands and their refusals, homing after faults.</summary>
    public class SwapBehaviourTests
    {
        [Fact]
        public void Staging_runs_while_the_lift_works_and_the_swap_approaches_the_critical_path()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            s.Authorize();
            bool stagingWhileLiftMoved = false;
            Assert.True(s.RunUntil(() =>
            {
                if (s.Bay.StagingRun.State && s.Bay.Enable.State) stagingWhileLiftMoved = true;
                return s.C.State == SwapState.Released;
            }));
            Assert.True(stagingWhileLiftMoved, "staging conveyor and lift never ran together");
            var rec = s.C.CurrentSwap;
            Assert.Equal(-1, rec.StepStartMs[(int)SwapState.WaitStaged]); // staging was never on the critical path
            var b = s.Bay;
            long critical = SwapTiming.CriticalPathMs(b.Config.VehicleHeightMm, b.Config.MaxSpeedMmS, b.Config.AccelMmS2,
                b.LockMs, b.StagingMs, b.TransferMs);
            long took = rec.StepStartMs[(int)SwapState.Released];
            // Overheads: relay pick-up, debounce on each completion, the creep into each end position; a move may end up
            // to PositionToleranceMm early, so the swap can beat the rest-to-rest figure by a little.
            Assert.InRange(took, critical - 500, critical + 2500);
        }

        [Fact]
        public void Critical_path_counts_staging_only_when_it_is_longer_than_raise_unlock_lower()
        {
            long lift = Kinematics.MoveMs(500, 200, 400);
            Assert.Equal(lift * 4 + 2 * 600 + 6000, SwapTiming.CriticalPathMs(500, 200, 400, 600, 5000, 6000));
            Assert.Equal(20_000 + 6000 + 2 * lift + 600, SwapTiming.CriticalPathMs(500, 200, 400, 600, 20_000, 6000));
        }

        [Fact]
        public void The_gate_holds_the_vehicle_and_latches_the_checks_specific_fault()
        {
            var s = TestStation.WithRack();
            var check = new ScriptedCheck(GateVerdict.Failed, FaultCode.PackInsulationFault);
            s.C.PackCheck = check;
            s.DriveTo(SwapState.LowerEmpty);
            Assert.Equal(1, check.Begins); // started while the lift goes home (overlap)
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted));
            Assert.Equal(FaultCode.PackInsulationFault, s.C.LatchedFault);
            Assert.Contains("scripted", s.C.WhyNotSwapping());
            Assert.Null(s.C.LastSwap);
            Assert.Equal(SwapOutcome.InProgress, s.C.CurrentSwap.Outcome); // held, not released
        }

        [Fact]
        public void The_gate_refuses_when_a_lock_does_not_read_locked_even_if_the_pack_check_passes()
        {
            var s = TestStation.WithRack();
            s.C.PackCheck = new ScriptedCheck(GateVerdict.Passed, FaultCode.None);
            s.DriveTo(SwapState.LowerEmpty);
            s.Bay.LockedSensor[0].Forced = false;
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted));
            // The held locks are watched all the way to the gate: a lock that stops reading locked is caught in the tick
            // its sensor drops, before the gate's own lock condition (GateLocksNotLocked) is reached.
            Assert.Equal(FaultCode.LockLeftEndPosition, s.C.LatchedFault);
            Assert.Equal(0, s.C.Locks.FaultLock);

            // A lock that reads both ends (still "locked", so the watch allows it its travel time) meets the gate itself.
            var g = TestStation.WithRack();
            g.C.PackCheck = new ScriptedCheck(GateVerdict.Passed, FaultCode.None);
            g.DriveTo(SwapState.LowerEmpty);
            Assert.True(g.RunUntil(() => g.C.Lift.PositionMm < 20));
            g.Bay.UnlockedSensor[0].Forced = true;
            Assert.True(g.RunUntil(() => g.C.State == SwapState.Faulted));
            Assert.Equal(FaultCode.GateLocksNotLocked, g.C.LatchedFault);
        }

        [Fact]
        public void Removing_the_pack_check_restores_the_default_it_cannot_be_bypassed()
        {
            var s = TestStation.WithRack();
            var def = s.C.PackCheck;
            Assert.NotNull(def);
            Assert.False(def.VerifiesBms);
            s.C.PackCheck = new ScriptedCheck(GateVerdict.Passed, FaultCode.None);
            s.C.PackCheck = null;
            Assert.Same(def, s.C.PackCheck);
            // With the default in place the gate still runs: the swap completes and says the BMS was not verified.
            s.DriveTo(SwapState.LowerEmpty);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released || s.C.State == SwapState.Faulted));
            Assert.Equal(SwapState.Released, s.C.State);
            Assert.False(s.C.CurrentSwap.BmsVerified);
        }

        [Fact]
        public void Default_check_refuses_a_low_pack_and_a_wrong_pack()
        {
            var inv = new PackInventory(4);
            var check = new Station.Core.Safety.InventoryPackCheck(inv, 80);
            var swap = new SwapRecord { PackInSerial = "A" };
            inv.Set(PackPlace.Vehicle, PackRecord.Of("A", 50, PackState.InUse));
            check.Begin(swap, 0);
            Assert.Equal(GateVerdict.Failed, check.Poll(0));
            Assert.Equal(FaultCode.PackSocTooLow, check.FailureFault);
            inv.Set(PackPlace.Vehicle, PackRecord.Of("B", 95, PackState.InUse));
            check.Begin(swap, 0);
            Assert.Equal(FaultCode.PackSerialMismatch, check.FailureFault);
            inv.Set(PackPlace.Vehicle, PackRecord.Of("A", 95, PackState.InUse));
            check.Begin(swap, 0);
            Assert.Equal(GateVerdict.Passed, check.Poll(0));
            Assert.Contains("not verified", check.Reason);
        }

        [Fact]
        public void After_power_up_nothing_moves_and_a_swap_needs_homing_first()
        {
            var s = TestStation.WithRack();
            s.Run(5000);
            Assert.False(s.Bay.AnyOutputOn());
            var r = s.C.Authorize(new SwapAuthorization("VIN1", null));
            Assert.Equal(RejectReason.NotHomed, r.Reason);
            // Console and cloud show the same words: they name the commands a person types, not API methods.
            Assert.Contains("the lift is not homed: home it at the bay console (maint enter <pin>, then home; the cloud has no home command)",
                s.C.WhyNotSwapping());
            Assert.DoesNotContain("send Home", s.C.WhyNotSwapping());
        }

        [Fact]
        public void After_a_fault_reset_the_station_must_home_before_the_next_swap()
        {
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.RaiseToPack);
            s.Bay.CurtainClear = false;
            s.Tick();
            Assert.Equal(FaultCode.LightCurtainBroken, s.C.LatchedFault);
            Assert.Equal(RejectReason.InterlockOpen, s.C.ResetFault().Reason); // beams still broken
            s.Bay.CurtainClear = true;
            s.Run(100);
            TestStation.Ok(s.C.ResetFault());
            Assert.Equal(SwapState.NotHomed, s.C.State);
            Assert.Equal(SwapOutcome.Aborted, s.C.LastSwap.Outcome);
            Assert.Equal(RejectReason.NotHomed, s.C.Authorize(new SwapAuthorization("VIN1", null)).Reason);
            s.HomeToIdle();
            Assert.Equal(0, s.C.Lift.PositionMm, 0);
        }

        [Fact]
        public void Authorize_validates_its_input_and_picks_packs()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            Assert.Equal(RejectReason.BadAuthorization, s.C.Authorize(null).Reason);
            Assert.Equal(RejectReason.BadAuthorization, s.C.Authorize(new SwapAuthorization("", null)).Reason);
            Assert.Equal(RejectReason.BadAuthorization, s.C.Authorize(new SwapAuthorization(new string('x', 40), null)).Reason);
            Assert.Equal(RejectReason.BadAuthorization, s.C.Authorize(new SwapAuthorization("V", null) { ExpiresAtMs = 1 }).Reason);
            Assert.Equal(RejectReason.NoChargedPack, s.C.Authorize(new SwapAuthorization("V", "NOPE")).Reason);
            Assert.Equal(RejectReason.NoChargedPack, s.C.Authorize(new SwapAuthorization("V", "P4")).Reason); // 60 %
            Assert.Equal(RejectReason.NoChargedPack, s.C.Authorize(new SwapAuthorization("V", "P5")).Reason); // charging
            Assert.Equal(SwapState.Idle, s.C.State);
            Assert.False(s.Bay.AnyOutputOn());
            TestStation.Ok(s.C.Authorize(new SwapAuthorization("V", "P2")));
            Assert.Equal("P2", s.C.CurrentSwap.PackInSerial);
            Assert.Equal(1, s.C.CurrentSwap.SourceSlot);
            Assert.Equal(RejectReason.WrongState, s.C.Authorize(new SwapAuthorization("V2", null)).Reason);
        }

        [Fact]
        public void Cancel_works_only_before_anything_moved()
        {
            var s = TestStation.WithRack(b => b.RelayDelayMs = 100);
            s.HomeToIdle();
            s.Authorize();
            Assert.Equal(SwapState.Arming, s.C.State);
            TestStation.Ok(s.C.Cancel());
            Assert.Equal(SwapState.Idle, s.C.State);
            Assert.Equal(SwapOutcome.Cancelled, s.C.LastSwap.Outcome);
            Assert.Equal("P3", s.C.Inventory.Slot(2).Serial); // nothing moved in the inventory
            s.Authorize();
            s.RunUntil(() => s.C.State == SwapState.RaiseToPack);
            Assert.Equal(RejectReason.TooLateToCancel, s.C.Cancel().Reason);
            Assert.Equal(SwapState.RaiseToPack, s.C.State);
        }

        [Fact]
        public void WhyNotSwapping_names_every_open_condition()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            Assert.StartsWith("ready", s.C.WhyNotSwapping());
            s.Bay.EStopReleased = false;
            s.Bay.VehiclePositioned = false;
            s.Tick();
            string why = s.C.WhyNotSwapping();
            Assert.Contains("emergency stop", why);
            Assert.Contains("no vehicle", why);
            TestStation.Ok(s.C.EmergencyStop());
            Assert.Contains("17 SoftwareStop", s.C.WhyNotSwapping());
        }

        [Fact]
        public void Fault_events_are_raised_and_cleared()
        {
            var s = TestStation.WithRack();
            var seen = new System.Collections.Generic.List<(FaultCode, bool)>();
            s.C.FaultChanged += (c, raised) => seen.Add((c, raised));
            s.HomeToIdle();
            TestStation.Ok(s.C.EmergencyStop());
            s.Run(300);
            TestStation.Ok(s.C.ResetFault());
            Assert.Equal(new[] { (FaultCode.SoftwareStop, true), (FaultCode.SoftwareStop, false) }, seen.ToArray());
        }

        [Fact]
        public void A_welded_safety_relay_is_a_fault_even_at_rest_and_blocks_reset_until_it_drops()
        {
            var s = TestStation.WithRack();
            s.HomeToIdle();
            s.Bay.RelayWelded = true;
            s.Run(s.Bay.Config.RelayResponseMs + 50);
            Assert.Equal(SwapState.Faulted, s.C.State);
            Assert.Equal(FaultCode.SafetyRelayWelded, s.C.LatchedFault);
            Assert.False(s.Bay.AnyOutputOn());
            Assert.False(s.Bay.Permit.State);
            Assert.Equal(RejectReason.InterlockOpen, s.C.ResetFault().Reason);
            s.Bay.RelayWelded = false;
            s.Run(50);
            TestStation.Ok(s.C.ResetFault());
            Assert.Equal(SwapState.NotHomed, s.C.State);
        }

        [Fact]
        public void A_relay_that_never_picks_up_stops_homing_before_the_lift_moves()
        {
            var s = TestStation.WithRack(b => b.RelayDead = true);
            double start = s.Bay.LiftMm;
            TestStation.Ok(s.C.Home());
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted, 2000));
            Assert.Equal(FaultCode.SafetyRelayNoResponse, s.C.LatchedFault);
            Assert.Equal(start, s.Bay.LiftMm);
            Assert.False(s.Bay.AnyOutputOn());
        }

        [Fact]
        public void A_stop_after_release_keeps_the_swap_completed_and_a_stop_during_a_swap_records_its_step()
        {
            var s = TestStation.WithRack();
            s.DriveTo(SwapState.Released);
            TestStation.Ok(s.C.EmergencyStop());
            Assert.Equal(SwapState.Faulted, s.C.State);
            s.Run(100);
            TestStation.Ok(s.C.ResetFault());
            Assert.Equal(SwapOutcome.Completed, s.C.LastSwap.Outcome);

            var t = TestStation.WithRack();
            t.DriveTo(SwapState.Transfer);
            TestStation.Ok(t.C.EmergencyStop());
            Assert.Equal(SwapState.Transfer, t.C.CurrentSwap.InterruptedStep);
            t.Run(100);
            TestStation.Ok(t.C.ResetFault());
            Assert.Equal(SwapOutcome.Aborted, t.C.LastSwap.Outcome);
        }
    }
}
