using System;
using System.Collections.Generic;
using System.Linq;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The controller over the `sim` helper's plant model (hal/Station.Hal.Sim): a whole swap with no plant
    /// hazards, and power loss (with a torn journal append where the cut falls on one) at every swap step.</summary>
    public class SimBayTests
    {
        private sealed class SimStation
        {
            public readonly SimClock Clock = new SimClock();
            public readonly MemoryStorage Storage = new MemoryStorage();
            public readonly SimBay Bay;
            public readonly StationConfig Config;
            public StationController C;

            public SimStation()
            {
                var p = new PlantParameters();
                Bay = new SimBay(p, Clock, Storage);
                Config = p.ControllerConfig();
                C = new StationController(Bay.Io, Config);
                C.Start();
                Ok(Bay.SeedInventory(C));
            }

            public void Tick()
            {
                Clock.Advance(Config.TickMs);
                Bay.Step(Config.TickMs);
                if (C.State == SwapState.Transfer) Bay.Rack.ReturnSlot = C.Inventory.ReturnSlot;
                C.Tick();
            }

            public bool RunUntil(Func<bool> cond, int maxMs = 300_000)
            {
                for (int t = 0; t < maxMs; t += Config.TickMs)
                {
                    if (cond()) return true;
                    Tick();
                }
                return cond();
            }

            public string StartSwap()
            {
                Ok(C.Home());
                Assert.True(RunUntil(() => C.State == SwapState.Idle), "homing: " + C.State + " " + C.LatchedFault);
                Bay.ArriveVehicle("CAR001", "VP0001");
                string packIn = Bay.Rack.Slots[C.Inventory.ChooseReady(Config.MinSocPct)].Serial;
                Bay.Rack.Fetch(packIn);
                Assert.True(RunUntil(() => C.Interlocks.VehiclePositioned));
                Ok(C.Authorize(new SwapAuthorization("CAR001", packIn) { VehiclePackSerial = "VP0001" }));
                return packIn;
            }

            public static void Ok(CommandResult r) { if (!r.Accepted) throw new InvalidOperationException(r.Message); }
        }

        [Fact]
        public void A_whole_swap_on_the_simulated_bay_completes_without_plant_hazards()
        {
            var s = new SimStation();
            string packIn = s.StartSwap();
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Released), "stuck in " + s.C.State + " " + FaultCatalogue.Name(s.C.LatchedFault));
            Assert.Equal(packIn, s.Bay.PackAtVehicle.Serial);
            Assert.Equal(packIn, s.C.Inventory.At(PackPlace.Vehicle).Serial);
            Assert.Empty(s.Bay.Hazards);
            s.Bay.DepartVehicle();
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle));
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
            SimStation.Ok(s.C.ConfirmRecovery());
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle, 60_000), "after recovery: " + s.C.State + " " + FaultCatalogue.Name(s.C.LatchedFault));
            Assert.Equal(SwapOutcome.Interrupted, s.C.LastSwap.Outcome);
        }
    }
}
