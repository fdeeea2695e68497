using System;
using System.Collections.Generic;
using System.Linq;
using Station.Core.Tests.Bay;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The controller over the `sim` helper's plant model (hal/Station.Hal.Sim): a whole swap with no plant
    /// hazards, and power loss (with a torn journal append where the cut falls on one) at every swap step.</summary>
    public class SimBayTests
    {
        [Fact]
        public void A_whole_swap_on_the_simulated_bay_completes_without_plant_hazards()
        {
            var s = new SimStation();
            s.Home();
            string packIn = s.StartSwap();
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released), "stuck in " + s.C.State + " " + FaultCatalogue.Name(s.C.LatchedFault));
            Assert.Equal(packIn, s.Bay.PackAtVehicle.Serial);
            Assert.Equal(packIn, s.C.Inventory.At(PackPlace.Vehicle).Serial);
            Assert.Empty(s.Bay.Hazards);
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle)); // the operator lets the released vehicle go
            Assert.True(s.RunUntil(() => s.C.Inventory.SlotOf("VP0001") >= 0, 60_000), "depleted pack never reached the rack");
            Assert.Empty(s.Bay.Hazards);
        }

        public static IEnumerable<object[]> Steps() => new[]
        {
            SwapState.RaiseToPack, SwapState.Unlock, SwapState.LowerDepleted, SwapState.Transfer,
            SwapState.RaiseCharged, SwapState.Lock, SwapState.LowerEmpty,
        }.Select(x => new object[] { x });

        [Theory]
        [MemberData(nameof(Steps))]
        public void Power_loss_on_entering_a_step_tears_that_steps_record_and_recovery_reports_the_step_before(SwapState step)
        {
            var s = new SimStation();
            s.Home();
            s.StartSwap();
            SwapState before = SwapState.Off;
            Assert.True(s.RunUntil(() =>
            {
                if (s.C.State != step) before = s.C.State;
                return s.C.State == step;
            }));
            // Cut in the very tick the step's record was appended: that append is torn, so the step never "started".
            bool torn = s.Bay.PowerLoss(tearLastAppend: true);
            s.C = null;
            s.Clock.Advance(1000);
            s.Bay.PowerRestore();
            s.C = new StationController(s.Bay.Io, s.Config);
            s.C.Start();
            Assert.True(torn, "the step's journal record was not written in the cut tick");
            Assert.Equal(SwapState.Recovery, s.C.State);
            Assert.Equal(before, s.C.InterruptedStep);
            for (int t = 0; t < 3000; t += 10)
            {
                s.Tick();
                Assert.True(s.Bay.Outputs.All(o => !o.State), "an output came on in Recovery");
            }
            SimStation.Ok(s.ConfirmRecovery());
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle, 60_000), "after recovery: " + s.C.State + " " + FaultCatalogue.Name(s.C.LatchedFault));
            Assert.Equal(SwapOutcome.Interrupted, s.C.LastSwap.Outcome);
        }
    }
}
