using System;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests.Bay
{
    /// <summary>The controller over the simulated plant (hal/Station.Hal.Sim), ticked as the simulator does, with a
    /// simulated operator: a released vehicle drives off. The plant reports hazards; a correct controller causes none.</summary>
    public sealed class SimStation
    {
        public readonly SimClock Clock = new SimClock();
        public readonly MemoryStorage Storage = new MemoryStorage();
        public readonly PlantParameters Plant;
        public readonly SimBay Bay;
        public readonly StationConfig Config;
        public StationController C;

        /// <summary>A started station on a plant with default figures, changed by <paramref name="plant"/> first.</summary>
        public SimStation(Action<PlantParameters> plant = null)
        {
            Plant = new PlantParameters();
            plant?.Invoke(Plant);
            Bay = new SimBay(Plant, Clock, Storage);
            Config = Plant.ControllerConfig();
            C = new StationController(Bay.Io, Config);
            C.Start();
            Ok(Bay.SeedInventory(C));
        }

        /// <summary>One control period: clock, plant, controller; a released vehicle leaves.</summary>
        public void Tick()
        {
            Clock.Advance(Config.TickMs);
            Bay.Step(Config.TickMs);
            if (C.State == SwapState.Transfer) Bay.Rack.ReturnSlot = C.Inventory.ReturnSlot;
            C.Tick();
            if (C.State == SwapState.Released && Bay.Vehicle != null && Bay.Vehicle.State == VehicleState.Positioned) Bay.DepartVehicle();
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

        public void Run(int ms) => RunUntil(() => false, ms);

        /// <summary>Homes to Idle (asserting it gets there).</summary>
        public void Home()
        {
            Ok(C.Home());
            Assert.True(RunUntil(() => C.State != SwapState.Homing, 120_000), "homing never ended");
            Assert.True(C.State == SwapState.Idle, "homing: " + C.State + " " + FaultCatalogue.Name(C.LatchedFault));
        }

        /// <summary>A vehicle arrives, the rack fetches the chosen pack, the swap is authorised; returns the pack's serial.</summary>
        public string StartSwap(string vehicle = "CAR001")
        {
            Bay.ArriveVehicle(vehicle, "VP0" + vehicle.Substring(3));
            string packIn = Bay.Rack.Slots[C.Inventory.ChooseReady(Config.MinSocPct)].Serial;
            Bay.Rack.Fetch(packIn);
            Assert.True(RunUntil(() => C.Interlocks.VehiclePositioned, 120_000), "vehicle never positioned");
            Ok(C.Authorize(new SwapAuthorization(vehicle, packIn) { VehiclePackSerial = "VP0" + vehicle.Substring(3) }));
            return packIn;
        }

        /// <summary>Power cut and restart: every output drops, the plant keeps its physical state (the encoder loses its
        /// count), supply returns, a new controller starts on the journal.</summary>
        public void PowerCycle()
        {
            Bay.PowerLoss();
            Bay.PowerRestore();
            C = new StationController(Bay.Io, Config);
            C.Start();
        }

        /// <summary>Recover confirm as a technician does it: when homing is refused because a transfer stopped part-way,
        /// push the packs on and record what stands where, then confirm (<see cref="GeneratedSafety.SettleTransferByHand"/>).</summary>
        public CommandResult ConfirmRecovery()
        {
            CommandResult r = C.ConfirmRecovery();
            if (r.Accepted || r.Reason != RejectReason.PackInTransit) return r;
            Assert.Contains("the transfer was interrupted", C.WhyNotSwapping());
            GeneratedSafety.SettleTransferByHand(C, Bay, Run);
            return C.ConfirmRecovery();
        }

        /// <summary>True when any output of the bay is on or the lift drive has a speed reference.</summary>
        public bool AnyOutputOn()
        {
            foreach (var o in Bay.Outputs) if (o.State) return true;
            return Bay.LiftDrive.Duty != 0;
        }

        /// <summary>Every hazard the plant saw, one per line.</summary>
        public string HazardText()
        {
            var sb = new System.Text.StringBuilder();
            foreach (var h in Bay.Hazards) sb.Append(h.TimeMs).Append(" ms: ").AppendLine(h.What);
            return sb.ToString();
        }

        public static void Ok(CommandResult r) { if (!r.Accepted) throw new InvalidOperationException(r.Message); }
    }
}
