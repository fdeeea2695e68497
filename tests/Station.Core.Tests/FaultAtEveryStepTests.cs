using System;
using System.Collections.Generic;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Every fault at every motion step ends safe: every output off, the right fault latched, the journal's
    /// last record agreeing with the controller (state Faulted, same fault, same inventory).</summary>
    public class FaultAtEveryStepTests
    {
        internal static readonly SwapState[] MotionSteps =
        {
            SwapState.Homing, SwapState.Arming, SwapState.RaiseToPack, SwapState.Unlock, SwapState.LowerDepleted,
            SwapState.WaitStaged, SwapState.Transfer, SwapState.RaiseCharged, SwapState.Lock, SwapState.LowerEmpty,
            SwapState.ReleaseGate,
        };

        private static readonly string[] Interlocks = { "estop", "curtain", "doors", "vehicle", "relay", "software" };

        public static IEnumerable<object[]> InterlockCases()
        {
            foreach (var step in MotionSteps)
                foreach (var i in Interlocks)
                    yield return new object[] { step, i };
        }

        [Theory]
        [MemberData(nameof(InterlockCases))]
        public void Interlock_break_stops_every_output_in_the_same_tick_and_latches_its_fault(SwapState step, string which)
        {
            // ReleaseGate: a check that has not answered yet keeps the station in the step.
            var s = Arrange(step, step == SwapState.ReleaseGate ? "gatewait" : step == SwapState.Arming ? "slowrelay" : null);
            if (step != SwapState.Arming) s.Tick(); // one tick into the step, so its motion is under way
            if (s.C.State != step) Assert.Fail("left " + step + " too soon: " + s.C.State);
            FaultCode expected;
            bool swapping = step != SwapState.Homing;
            switch (which)
            {
                case "estop": s.Bay.EStopReleased = false; expected = FaultCode.EStopPressed; break;
                case "curtain": s.Bay.CurtainClear = false; expected = FaultCode.LightCurtainBroken; break;
                case "doors": s.Bay.DoorsClosed = false; expected = FaultCode.DoorOpened; break;
                case "vehicle": s.Bay.VehiclePositioned = false; expected = swapping ? FaultCode.VehicleMoved : FaultCode.None; break;
                case "relay":
                    s.Bay.RelayDead = true;
                    expected = step == SwapState.Arming ? FaultCode.SafetyRelayNoResponse : FaultCode.SafetyRelayDropped;
                    break;
                default: expected = FaultCode.SoftwareStop; break;
            }
            if (which == "software") TestStation.Ok(s.C.EmergencyStop());
            else s.Tick();
            if (expected == FaultCode.None)
            {
                // Homing needs no vehicle: a vehicle leaving must not stop it.
                Assert.Equal(SwapState.Homing, s.C.State);
                return;
            }
            if (step == SwapState.Arming && which == "relay")
            {
                // In Arming the relay has not confirmed yet: it must answer within RelayResponseMs.
                s.RunUntil(() => s.C.State == SwapState.Faulted, 1000);
            }
            AssertSafe(s, expected, swapping);
        }

        public static IEnumerable<object[]> ActuatorCases()
        {
            yield return new object[] { SwapState.Homing, "stall", FaultCode.LiftStall };
            yield return new object[] { SwapState.RaiseToPack, "stall", FaultCode.LiftStall };
            yield return new object[] { SwapState.RaiseToPack, "staging", FaultCode.StagingTimeout };
            yield return new object[] { SwapState.Unlock, "lock", FaultCode.LockReleaseTimeout };
            yield return new object[] { SwapState.Unlock, "lockboth", FaultCode.LockSensorConflict };
            yield return new object[] { SwapState.LowerDepleted, "stall", FaultCode.LiftStall };
            yield return new object[] { SwapState.LowerDepleted, "nopack", FaultCode.PackNotOnLift };
            yield return new object[] { SwapState.WaitStaged, "staging", FaultCode.StagingTimeout };
            yield return new object[] { SwapState.Transfer, "transfer", FaultCode.TransferTimeout };
            yield return new object[] { SwapState.RaiseCharged, "stall", FaultCode.LiftStall };
            yield return new object[] { SwapState.RaiseCharged, "lockboth", FaultCode.LockSensorConflict }; // while held
            yield return new object[] { SwapState.Lock, "lock", FaultCode.LockEngageTimeout };
            yield return new object[] { SwapState.Lock, "lockboth", FaultCode.LockSensorConflict };
            yield return new object[] { SwapState.LowerEmpty, "stall", FaultCode.LiftStall };
            yield return new object[] { SwapState.LowerEmpty, "gate", FaultCode.PackSocTooLow };
            yield return new object[] { SwapState.LowerEmpty, "gatesilent", FaultCode.GatePackCheckTimeout };
            yield return new object[] { SwapState.LowerEmpty, "gatenone", FaultCode.GatePackRejected };
            yield return new object[] { SwapState.ReleaseGate, "homeoff", FaultCode.GateLiftNotHome };
        }

        [Theory]
        [MemberData(nameof(ActuatorCases))]
        public void Actuator_fault_at_a_step_ends_safe_with_its_code(SwapState step, string injection, FaultCode expected)
        {
            var s = Arrange(step, injection);
            switch (injection)
            {
                case "stall": s.Bay.StallAtMm = s.Bay.LiftMm; break;
                case "staging": s.Bay.StagingBroken = true; s.Bay.StagingHasPack = false; break;
                case "transfer": s.Bay.TransferBroken = true; break;
                case "lock": s.Bay.StuckLock = 1; break;
                case "lockboth": s.Bay.LockedSensor[2].Forced = true; s.Bay.UnlockedSensor[2].Forced = true; break;
                case "nopack": s.Bay.LiftHasPack = false; s.Bay.PackOnLift.Forced = false; break;
                case "homeoff": s.Bay.HomeLimit.Forced = false; break;
            }
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted, 120_000), "no fault, state " + s.C.State);
            AssertSafe(s, expected, step != SwapState.Homing);
            // Found in the step itself, not later (e.g. a lock conflict while the locks are held, before Lock runs).
            // Staging runs in parallel and the gate verdict is taken in ReleaseGate, so those may surface later.
            bool sameStep = injection != "staging" && !injection.StartsWith("gate");
            for (int later = (int)step + 1; later <= (int)SwapState.Released; later++)
                Assert.True(!sameStep || s.C.CurrentSwap == null || s.C.CurrentSwap.StepStartMs[later] < 0, SwapStates.Name((SwapState)later) + " ran");
        }

        public static IEnumerable<object[]> JournalCases()
        {
            var steps = new[] { SwapState.Arming, SwapState.RaiseToPack, SwapState.Unlock, SwapState.LowerDepleted,
                SwapState.Transfer, SwapState.RaiseCharged, SwapState.Lock, SwapState.LowerEmpty, SwapState.ReleaseGate };
            for (int i = 1; i < steps.Length; i++) yield return new object[] { steps[i - 1], steps[i] };
        }

        [Theory]
        [MemberData(nameof(JournalCases))]
        public void A_step_whose_journal_record_cannot_be_written_does_not_act(SwapState before, SwapState step)
        {
            var s = Arrange(before, before == SwapState.LowerEmpty ? "gatewait" : null);
            if (before == SwapState.LowerEmpty) s.C.PackCheck = new ScriptedCheck(GateVerdict.Pending, FaultCode.None);
            s.Bay.Storage.FailWrites = true;
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted, 60_000), "no fault, state " + s.C.State);
            Assert.Equal(FaultCode.JournalWriteFailed, s.C.LatchedFault);
            Assert.False(s.Bay.AnyOutputOn());
            // Evidence that the step's action was skipped: commands it would have given are absent.
            double h = s.Bay.Config.VehicleHeightMm;
            switch (step)
            {
                case SwapState.RaiseToPack: Assert.Equal(0, s.C.Lift.TargetMm); Assert.Equal(0, s.C.StagingConveyor.StartedMs); break;
                case SwapState.LowerDepleted: Assert.Equal(h, s.C.Lift.TargetMm); break;
                case SwapState.Transfer: Assert.Equal(0, s.C.TransferConveyor.StartedMs); break;
                case SwapState.RaiseCharged: Assert.Equal(0, s.C.Lift.TargetMm); break;
                case SwapState.LowerEmpty: Assert.Equal(h, s.C.Lift.TargetMm); break;
            }
            // The last record on the medium is the step before: that is what recovery reports.
            s.Bay.Storage.FailWrites = false;
            s.PowerCycle();
            Assert.Equal(SwapState.Recovery, s.C.State);
            Assert.True(s.C.InterruptedStep == before || s.C.InterruptedStep == SwapState.Arming,
                "recovery reports " + s.C.InterruptedStep + " for a failed write entering " + step);
        }

        private static TestStation Arrange(SwapState step, string injection = null)
        {
            var s = TestStation.WithRack(b =>
            {
                if (step == SwapState.WaitStaged) b.StagingMs = 20_000;
                if (step == SwapState.RaiseToPack && injection == "staging") b.Config.StagingTimeoutMs = 3000;
                if (injection == "slowrelay") b.RelayDelayMs = 100;
            });
            if (injection == "gate") s.C.PackCheck = new ScriptedCheck(GateVerdict.Failed, FaultCode.PackSocTooLow);
            if (injection == "gatesilent" || injection == "gatewait" || injection == "homeoff") s.C.PackCheck = new ScriptedCheck(GateVerdict.Pending, FaultCode.None);
            if (injection == "gatenone") s.C.PackCheck = new ScriptedCheck(GateVerdict.Failed, FaultCode.None);
            if (step == SwapState.Homing)
            {
                s.DriveTo(SwapState.Homing);
                s.Run(100); // relay confirmed, lift moving
                Assert.True(s.C.Lift.Mode == Motion.LiftMode.Homing, "lift not homing");
                return s;
            }
            s.DriveTo(step);
            return s;
        }

        private static void AssertSafe(TestStation s, FaultCode expected, bool swapping)
        {
            GeneratedSafety.AssertSafe(s.C, s.Bay.AnyOutputOn, s.JournalTail, s.Run, expected, swapping);
        }
    }

    /// <summary>A pack check with a fixed verdict.</summary>
    public sealed class ScriptedCheck : IReleaseGateCheck
    {
        private readonly GateVerdict _verdict;
        public ScriptedCheck(GateVerdict verdict, FaultCode fault) { _verdict = verdict; FailureFault = fault; }
        public int Begins;
        public void Begin(SwapRecord swap, long nowMs) => Begins++;
        public GateVerdict Poll(long nowMs) { ConfirmedAtMs = nowMs; return _verdict; }
        public void Finish(long nowMs) { }
        public long ConfirmedAtMs { get; private set; }
        public FaultCode FailureFault { get; }
        public bool VerifiesBms => true;
        public bool WoundDown => true;
        public int MeasuredSocPct => 97;
        public PackStandard ReportedStandard => PackStandard.Unspecified;
        public string Reason => "scripted " + _verdict;
    }
}
