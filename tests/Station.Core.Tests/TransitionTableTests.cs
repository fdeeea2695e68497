using System;
using System.Collections.Generic;
using System.Linq;
using Station.Core.Swap;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>Every row of the transition table, driven from the table data: arrange the row's source state with
    /// its guard true, fire its signal through the public API or the plant, and check the target state.</summary>
    public class TransitionTableTests
    {
        public static IEnumerable<object[]> Rows() =>
            Enumerable.Range(0, SwapSequencer.Table.Length).Select(i => new object[] { i, Describe(SwapSequencer.Table[i]) });

        private static string Describe(TransitionRow r) =>
            $"{SwapStates.Name(r.From)} --{SwapNames.Signal(r.Signal)}[{SwapNames.Guard(r.Guard)}]--> {SwapStates.Name(r.To)}";

        [Theory]
        [MemberData(nameof(Rows))]
        public void Row_takes_the_station_from_its_source_to_its_target(int index, string row)
        {
            TransitionRow r = SwapSequencer.Table[index];
            TestStation s = Arrange(r);
            if (!SwapStates.IsComposite(r.From)) Assert.True(r.From == s.C.State, "arranged " + s.C.State + " for " + row);
            else Assert.True(SwapStates.IsIn(s.C.State, r.From), row);
            Fire(s, r);
            Assert.True(r.To == s.C.State, $"{row}: ended in {SwapStates.Name(s.C.State)} (fault {FaultCatalogue.Name(s.C.LatchedFault)})");
        }

        [Fact]
        public void Table_is_well_formed()
        {
            var seen = new HashSet<(SwapState, SwapSignal, SwapGuard)>();
            foreach (var r in SwapSequencer.Table)
            {
                Assert.False(SwapStates.IsComposite(r.To), "targets are leaf states");
                Assert.True(seen.Add((r.From, r.Signal, r.Guard)), "duplicate row " + Describe(r));
            }
            // In every profile, every leaf state it has (the engine's and its own steps) except Off can be reached, and
            // every row's states are its own.
            Station.Core.Swap.Truck.TruckBayProfile.Register();
            foreach (string name in Station.Core.Config.BayProfileNames.Names)
            {
                BayProfile profile = BayProfiles.Create(name);
                var engine = new[] { SwapState.Recovery, SwapState.NotHomed, SwapState.Homing, SwapState.Idle, SwapState.Released, SwapState.Faulted };
                var own = profile.Steps.Select(st => st.Number).Concat(engine).ToList();
                foreach (var st in own) Assert.True(profile.Table.Any(r => r.To == st), name + ": " + SwapStates.Name(st) + " is never reached");
                foreach (var r in profile.Table)
                {
                    Assert.True(SwapStates.IsComposite(r.From) || r.From == SwapState.Off || own.Contains(r.From), name + ": row from " + SwapStates.Name(r.From));
                    Assert.True(own.Contains(r.To), name + ": row to " + SwapStates.Name(r.To));
                }
            }
        }

        [Fact]
        public void Guards_that_do_not_hold_refuse_the_command_and_leave_the_state()
        {
            var s = TestStation.WithRack();
            s.Bay.DoorsClosed = false;
            s.Tick();
            var home = s.C.Home();
            Assert.False(home.Accepted);
            Assert.Equal(RejectReason.InterlockOpen, home.Reason);
            Assert.Equal(SwapState.NotHomed, s.C.State);
            s.Bay.DoorsClosed = true;
            s.Run(100);
            s.HomeToIdle();
            s.Bay.VehiclePositioned = false;
            s.Tick();
            var auth = s.C.Authorize(new SwapAuthorization("VIN1", null));
            Assert.Equal(RejectReason.NoVehicle, auth.Reason);
            Assert.Equal(SwapState.Idle, s.C.State);
            Assert.False(s.Bay.AnyOutputOn());
        }

        private static TestStation Arrange(TransitionRow r)
        {
            TestStation s;
            switch (r.From)
            {
                case SwapState.Off:
                    if (r.Guard == SwapGuard.SwapInterrupted)
                    {
                        s = TestStation.WithRack();
                        s.DriveTo(SwapState.RaiseToPack);
                        s.PowerCycle(start: false);
                    }
                    else if (r.Guard == SwapGuard.FaultWasLatched)
                    {
                        s = TestStation.WithRack();
                        s.HomeToIdle();
                        TestStation.Ok(s.C.EmergencyStop());
                        s.PowerCycle(start: false);
                    }
                    else s = new TestStation(new TestBay(), start: false);
                    return s;
                case SwapState.Recovery:
                    s = TestStation.WithRack();
                    s.DriveTo(SwapState.Unlock);
                    s.PowerCycle();
                    return s;
                case SwapState.Faulted:
                    s = TestStation.WithRack();
                    s.HomeToIdle();
                    TestStation.Ok(s.C.EmergencyStop());
                    return s;
                case SwapState.Motion:
                    s = TestStation.WithRack();
                    s.DriveTo(SwapState.RaiseToPack);
                    return s;
                case SwapState.LowerDepleted:
                case SwapState.WaitStaged:
                    s = TestStation.WithRack(b => { if (r.Guard == SwapGuard.NotStaged || r.From == SwapState.WaitStaged) b.StagingMs = 20_000; });
                    s.DriveTo(r.From);
                    return s;
                case SwapState.NotHomed:
                    return TestStation.WithRack();
                default:
                    s = TestStation.WithRack();
                    s.DriveTo(r.From);
                    return s;
            }
        }

        private static void Fire(TestStation s, TransitionRow r)
        {
            SwapState from = s.C.State;
            switch (r.Signal)
            {
                case SwapSignal.PowerUp: TestStation.Ok(s.C.Start()); return;
                case SwapSignal.Home: TestStation.Ok(s.C.Home()); return;
                case SwapSignal.Authorize: s.Authorize(); return;
                case SwapSignal.Cancel: TestStation.Ok(s.C.Cancel()); return;
                case SwapSignal.ResetFault: TestStation.Ok(s.C.ResetFault()); return;
                case SwapSignal.ConfirmRecovery: TestStation.Ok(s.C.ConfirmRecovery()); return;
                case SwapSignal.Fault: TestStation.Ok(s.C.EmergencyStop()); return;
                case SwapSignal.StopHoming: TestStation.Ok(s.C.StopHoming()); return;
                case SwapSignal.VehicleLeft: s.Bay.VehiclePositioned = false; break;
            }
            // Completion signals come from the plant: run until the state changes.
            s.RunUntil(() => s.C.State != from, 60_000);
        }
    }
}
