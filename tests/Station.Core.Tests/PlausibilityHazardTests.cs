using Station.Core.Tests.Bay;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The single (and one double) sensor faults an independent review turned into hazards on the simulated
    /// plant, reproduced through the plant: each ends with no plant hazard and the numbered fault of the channel that
    /// caught it (docs/safety.md).</summary>
    public class PlausibilityHazardTests
    {
        private static SimStation Swapping(out string packIn)
        {
            var s = new SimStation();
            s.Home();
            packIn = s.StartSwap();
            return s;
        }

        private static void AssertHeld(SimStation s, string fault)
        {
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted || s.C.State == SwapState.Idle, 200_000), "still " + s.C.State);
            s.Run(3000);
            Assert.True(s.Bay.Hazards.Count == 0, "plant hazards:\n" + s.HazardText());
            Assert.Equal(SwapState.Faulted, s.C.State);
            Assert.Equal(fault, FaultCatalogue.Name(s.C.LatchedFault));
            Assert.NotNull(s.Bay.Vehicle); // held in the bay
            foreach (var o in s.Bay.Outputs) Assert.False(o.State, o.Name + " still on");
        }

        [Theory]
        [InlineData(SensorFault.Glitch)]
        [InlineData(SensorFault.StuckActive)]
        [InlineData(SensorFault.Flicker)]
        public void Home_switch_fault_while_lowering_the_depleted_pack_never_starts_the_transfer_mid_air(SensorFault fault)
        {
            var s = Swapping(out _);
            s.Bay.When(() => s.C.State == SwapState.LowerDepleted && s.Bay.LiftPositionMm <= 620, "home switch " + fault + " at 620 mm",
                () => s.Bay.LiftHomeLimit.Inject(fault, 60));
            AssertHeld(s, "LiftHomeLimitUnexpected");
            Assert.Null(s.C.CurrentSwap.StepStartMs[(int)SwapState.Transfer] >= 0 ? "transfer ran" : null);
            Assert.True(s.Bay.LiftPositionMm > 500, "the lift stopped where the switch lied, pack on the platform");
        }

        [Fact]
        public void A_home_switch_that_never_comes_stops_the_lift_just_below_home()
        {
            var s = Swapping(out _);
            s.Bay.When(() => s.C.State == SwapState.LowerDepleted, "home switch stuck open", () => s.Bay.LiftHomeLimit.Stick(false));
            AssertHeld(s, "LiftHomeSwitchMissing");
            Assert.True(s.Bay.LiftAligned, "stopped within the conveyors' alignment");
        }

        [Fact]
        public void A_100_ms_home_switch_glitch_at_600_mm_is_not_taken_as_the_home_reference()
        {
            var s = new SimStation();
            s.Bay.PlaceLift(700);
            s.Bay.When(() => s.Bay.LiftPositionMm <= 600, "home switch glitch at 600 mm", () => s.Bay.LiftHomeLimit.Glitch(100));
            SimStation.Ok(s.C.Home());
            Assert.True(s.RunUntil(() => s.C.State != SwapState.Homing, 120_000));
            if (s.C.State == SwapState.Idle)
            {
                // Had it homed on the glitch, the next swap would drive the pack into the vehicle.
                s.StartSwap();
                s.RunUntil(() => s.C.State == SwapState.Faulted || s.C.LastSwap != null, 200_000);
            }
            Assert.True(s.Bay.Hazards.Count == 0, "plant hazards:\n" + s.HazardText());
            Assert.Equal("LiftHomingNotConfirmed", FaultCatalogue.Name(s.C.LatchedFault));
            Assert.False(s.C.Lift.IsHomed);
        }

        [Fact]
        public void Homing_from_above_confirms_the_switch_edge_and_takes_it_as_zero()
        {
            var s = new SimStation();
            s.Bay.PlaceLift(300);
            s.Home();
            // The edge is the plant's switch height; the lift rests within the window of it.
            Assert.InRange(s.Bay.LiftPositionMm, s.Plant.HomeSwitchMm - 1.5, s.Plant.HomeSwitchMm + 0.5);
            Assert.InRange(s.C.Lift.PositionMm - (s.Bay.LiftPositionMm - s.Plant.HomeSwitchMm), -0.3, 0.3);
            Assert.True(s.C.Lift.IsHome);
        }

        [Theory]
        [InlineData(SwapState.RaiseToPack, 785)]
        [InlineData(SwapState.RaiseToPack, 789)]
        [InlineData(SwapState.RaiseCharged, 785)]
        [InlineData(SwapState.RaiseCharged, 795)]
        [InlineData(SwapState.RaiseToPack, 760)]
        public void An_encoder_that_stops_just_before_contact_stops_the_lift_within_the_seal_compression(SwapState step, double atMm)
        {
            var s = Swapping(out _);
            s.Bay.When(() => s.C.State == step && s.Bay.LiftPositionMm >= atMm, "encoder stops at " + atMm + " mm",
                () => s.Bay.Encoder.Frozen = true);
            // Two channels see it: the count that stopped (LiftStall) and, from the zone on, the pack-contact sensor made
            // where the frozen encoder is still below the zone (LiftContactEarly); whichever is first stops the lift.
            AssertHeld(s, atMm >= 785 && atMm < 789 ? "LiftContactEarly" : "LiftStall");
            Assert.True(s.Bay.LiftPositionMm <= s.Plant.VehicleHeightMm + s.Plant.ContactComplianceMm - 1, "stopped at " + s.Bay.LiftPositionMm);
        }

        [Fact]
        public void A_lock_whose_locked_sensor_sticks_on_while_it_jams_holds_the_vehicle()
        {
            var s = Swapping(out _);
            s.Bay.When(() => s.C.State == SwapState.Lock, "lock 1 jams, its locked sensor stuck on", () =>
            {
                s.Bay.FailLockEngage(1);
                s.Bay.LockLocked[1].Stick(true);
            });
            AssertHeld(s, "LockTooFast");
            Assert.Equal(1, s.C.Locks.FaultLock);
        }

        [Theory]
        [InlineData(SensorFault.StuckActive)]
        [InlineData(SensorFault.Glitch)]
        [InlineData(SensorFault.Flicker)]
        public void A_lift_pack_sensor_that_lies_as_the_depleted_pack_reaches_the_return_point_does_not_end_the_transfer_early(SensorFault fault)
        {
            var s = Swapping(out _);
            var when = fault == SensorFault.StuckActive ? (System.Func<bool>)(() => s.C.State == SwapState.Transfer)
                : () => s.C.State == SwapState.Transfer && s.Bay.PackAtReturn.Truth;
            s.Bay.When(when, "lift pack sensor " + fault, () => s.Bay.PackOnLift.Inject(fault, fault == SensorFault.Glitch ? 100 : 50));
            s.RunUntil(() => s.C.State == SwapState.Faulted || s.Bay.DepartedVehicles.Count > 0, 200_000);
            s.Run(2000);
            Assert.True(s.Bay.Hazards.Count == 0, "plant hazards:\n" + s.HazardText());
            if (fault == SensorFault.StuckActive) Assert.Equal("TransferTimeout", FaultCatalogue.Name(s.C.LatchedFault));
        }

        [Fact]
        public void A_healthy_swap_on_the_plant_still_completes_with_the_plausibility_checks()
        {
            var s = Swapping(out string packIn);
            Assert.True(s.RunUntil(() => s.Bay.DepartedVehicles.Count == 1, 200_000), "stuck in " + s.C.State + " " + FaultCatalogue.Name(s.C.LatchedFault));
            Assert.Equal(SwapOutcome.Completed, s.C.LastSwap.Outcome);
            Assert.True(s.Bay.Hazards.Count == 0, s.HazardText());
            Assert.Equal(packIn, s.Bay.DepartedVehicles[0].Pack.Serial);
        }
    }
}
