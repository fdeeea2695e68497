using System.Collections.Generic;
using System.Linq;
using Station.Core.Swap;
using Station.Core.Swap.Truck;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Generated from the truck profile's own step list: every interlock fault (and the truck's overload and
    /// anti-tipping interlocks, and a trip of the robot's travel or fork axis) at every truck step latches its fault and stops every output in the same tick, with
    /// the journal agreeing (the check the car bay's generated tests use, <see cref="GeneratedSafety.AssertSafe"/>).</summary>
    public class TruckFaultAtEveryStepTests
    {
        private static readonly string[] Faults = { "estop", "curtain", "doors", "vehicle", "relay", "software", "overload", "tipping", "travel", "fork" };

        // Homing, then every step of the profile as it declares them (a new step is covered without touching this test).
        public static IEnumerable<object[]> Cases()
        {
            var steps = new List<SwapState> { SwapState.Homing };
            steps.AddRange(new TruckBayProfile().Steps.Select(s => s.Number));
            foreach (var step in steps)
                foreach (var f in Faults)
                    yield return new object[] { step, f };
        }

        [Fact]
        public void The_cases_cover_every_step_of_the_truck_profile()
        {
            var covered = Cases().Select(c => (SwapState)c[0]).Distinct().ToList();
            foreach (var step in new TruckBayProfile().Steps) Assert.Contains(step.Number, covered);
            Assert.Equal(16, covered.Count);
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void A_fault_at_a_truck_step_stops_every_output_in_the_same_tick_and_latches_its_code(SwapState step, string fault)
        {
            var s = Arrange(step);
            FaultCode expected;
            bool swapping = step != SwapState.Homing;
            var chain = s.Bay.Bay.SafetyChain;
            switch (fault)
            {
                case "estop": chain.EStopPressed = true; expected = FaultCode.EStopPressed; break;
                case "curtain": chain.LightCurtainBroken = true; expected = FaultCode.LightCurtainBroken; break;
                case "doors": chain.DoorsOpen = true; expected = FaultCode.DoorOpened; break;
                case "vehicle": s.Bay.TruckMoves(); expected = swapping ? FaultCode.VehicleMoved : FaultCode.None; break;
                case "relay": chain.RelayFailed = true; expected = step == SwapState.Arming ? FaultCode.SafetyRelayNoResponse : FaultCode.SafetyRelayDropped; break;
                case "overload": s.Bay.Overloaded = true; expected = FaultCode.RobotOverload; break;
                case "tipping": s.Bay.Tipping = true; expected = FaultCode.RobotTipping; break;
                // An axis of the robot trips (its own reason kept in the axis): the axis's own code is latched, not the lift's.
                case "travel": s.Profile.Robot.Travel.Trip(FaultCode.LiftStall); expected = FaultCode.TravelAxisFault; break;
                case "fork": s.Profile.Robot.Fork.Trip(FaultCode.LiftMoveTimeout); expected = FaultCode.ForkAxisFault; break;
                default: expected = FaultCode.SoftwareStop; break;
            }
            if (fault == "software") Assert.True(s.C.EmergencyStop().Accepted);
            else s.Tick();
            if (expected == FaultCode.None)
            {
                Assert.Equal(SwapState.Homing, s.C.State); // homing needs no truck
                return;
            }
            // In Arming the relay has not confirmed yet: it must answer within safety.relay_response_ms.
            if (step == SwapState.Arming && fault == "relay") Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted, 1000));
            GeneratedSafety.AssertSafe(s.C, s.AnyOutputOn, s.JournalTail, s.Run, expected, swapping);
            Assert.Empty(s.Bay.Bay.Hazards);
        }

        // A station one tick into <step> of a three-block swap (the gate's checks held pending so ReleaseGate lasts; the
        // first block not prefetched so WaitStaged happens).
        private static TruckStation Arrange(SwapState step)
        {
            var s = new TruckStation();
            if (step == SwapState.Homing)
            {
                Assert.True(s.C.Home().Accepted);
                Assert.True(s.RunUntil(() => s.C.Sequencer.Lift.Mode == Motion.LiftMode.Homing || s.Profile.Robot.Fork.Mode == Motion.LiftMode.Homing, 2000));
                s.Tick();
                Assert.Equal(SwapState.Homing, s.C.State);
                return s;
            }
            s.Home().Arrive();
            if (step == SwapState.ReleaseGate) for (int p = 1; p <= 3; p++) s.Profile.BlockGate.SetCheck(p, new ScriptedCheck(GateVerdict.Pending, FaultCode.None));
            Assert.True(s.Book(7).Accepted);
            Assert.True(s.RunUntil(() => s.C.State == step || s.C.State == SwapState.Faulted || s.C.State == SwapState.Released), "never reached " + step);
            Assert.Equal(step, s.C.State);
            if (step != SwapState.Arming) s.Tick(); // one tick into the step, its motion under way
            Assert.Equal(step, s.C.State);
            return s;
        }
    }
}
