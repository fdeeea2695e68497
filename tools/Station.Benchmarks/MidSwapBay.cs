using System;
using Station.Core;
using Station.Hal.Sim;

namespace Station.Benchmarks
{
    /// <summary>A simulated bay with a controller driven to a chosen swap step, then held there with time frozen so
    /// every Tick does the full steady-state work of that step (sampling, interlocks, relay check, actuator updates).</summary>
    public sealed class MidSwapBay
    {
        public readonly SimClock Clock = new SimClock();
        public readonly SimBay Bay;
        public readonly StationController Controller;

        public MidSwapBay(SwapState step, int intoStepMs)
        {
            var p = new PlantParameters();
            Bay = new SimBay(p, Clock, new MemoryStorage());
            var c = p.ControllerConfig();
            Controller = new StationController(Bay.Io, c);
            Controller.Start();
            Require(Bay.SeedInventory(Controller));
            Require(Controller.Home());
            RunUntil(() => Controller.State == SwapState.Idle);
            Bay.ArriveVehicle("CAR001", "VP0001");
            // The rack handler (plant) fetches the booked pack to the feed point while the vehicle drives in.
            string packIn = Bay.Rack.Slots[Controller.Inventory.ChooseReady(c.MinSocPct)].Serial;
            Bay.Rack.Fetch(packIn);
            RunUntil(() => Controller.Interlocks.VehiclePositioned);
            Require(Controller.Authorize(new SwapAuthorization("CAR001", packIn) { VehiclePackSerial = "VP0001" }));
            RunUntil(() =>
            {
                if (Controller.State == SwapState.Transfer) Bay.Rack.ReturnSlot = Controller.Inventory.ReturnSlot;
                return Controller.State == step;
            });
            for (int t = 0; t < intoStepMs && Controller.State == step; t += c.TickMs) Advance(c.TickMs);
            if (Controller.State != step) throw new InvalidOperationException("could not hold the bay in " + SwapStates.Name(step));
        }

        public void Advance(int ms)
        {
            Clock.Advance(ms);
            Bay.Step(ms);
            Controller.Tick();
        }

        private void RunUntil(Func<bool> condition)
        {
            for (int t = 0; t < 600_000; t += 10)
            {
                if (condition()) return;
                Advance(10);
            }
            throw new InvalidOperationException("bay stuck in " + SwapStates.Name(Controller.State) + ", fault " + FaultCatalogue.Name(Controller.LatchedFault));
        }

        private static void Require(CommandResult r)
        {
            if (!r.Accepted) throw new InvalidOperationException(r.Message);
        }
    }
}
