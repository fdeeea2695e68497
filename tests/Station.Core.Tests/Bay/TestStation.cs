using System;
using Station.Core.Journal;

namespace Station.Core.Tests.Bay
{
    /// <summary>A controller over a <see cref="TestBay"/>, with helpers to run simulated time.</summary>
    public sealed class TestStation
    {
        public readonly TestBay Bay;
        public StationController Controller;
        public StationController C => Controller;

        public TestStation(TestBay bay, bool start = true)
        {
            Bay = bay;
            Controller = new StationController(bay.Io, bay.Config);
            if (start) Controller.Start();
        }

        /// <summary>A started station with five ready packs in the rack (P1 95 %, P2 90 %, P3 99 %, P4 60 %, P5 charging).</summary>
        public static TestStation WithRack(Action<TestBay> setup = null)
        {
            var bay = new TestBay();
            setup?.Invoke(bay);
            var s = new TestStation(bay);
            s.FillRack();
            return s;
        }

        public void FillRack()
        {
            Ok(C.SetRackSlot(0, "P1", 95, PackState.Ready));
            Ok(C.SetRackSlot(1, "P2", 90, PackState.Ready));
            Ok(C.SetRackSlot(2, "P3", 99, PackState.Ready));
            Ok(C.SetRackSlot(3, "P4", 60, PackState.Ready));
            Ok(C.SetRackSlot(4, "P5", 40, PackState.Charging));
        }

        public static void Ok(CommandResult r)
        {
            if (!r.Accepted) throw new InvalidOperationException("refused: " + r.Reason + " " + r.Message);
        }

        /// <summary>Recover confirm as a technician does it: when homing is refused because a transfer stopped part-way,
        /// finish the run by hand and record what stands where (the serials the inventory names), then confirm.</summary>
        public CommandResult ConfirmRecovery()
        {
            CommandResult r = C.ConfirmRecovery();
            if (r.Accepted || r.Reason != RejectReason.PackInTransit) return r;
            string depleted = C.Inventory.At(PackPlace.ReturnPoint).Serial, charged = C.Inventory.At(PackPlace.Lift).Serial;
            bool ran = Bay.FinishTransferByHand();
            Run(200); // a person takes longer than the sensors' debounce between pushing a pack and typing
            foreach (var place in new[] { PackPlace.Lift, PackPlace.Staging, PackPlace.ReturnPoint }) Ok(C.SetPlace(place, null, -1));
            if (Bay.LiftHasPack) Ok(C.SetPlace(PackPlace.Lift, ran ? charged : depleted, -1));
            if (Bay.StagingHasPack) Ok(C.SetPlace(PackPlace.Staging, charged, -1));
            if (Bay.ReturnHasPack) Ok(C.SetPlace(PackPlace.ReturnPoint, depleted, -1));
            return C.ConfirmRecovery();
        }

        public void Tick(int ms = 0)
        {
            int step = Bay.Config.TickMs;
            Bay.Clock.Advance(step);
            Bay.Step(step);
            C.Tick();
        }

        public void Run(int ms)
        {
            for (int t = 0; t < ms; t += Bay.Config.TickMs) Tick();
        }

        public bool RunUntil(Func<bool> condition, int maxMs = 120_000)
        {
            for (int t = 0; t < maxMs; t += Bay.Config.TickMs)
            {
                if (condition()) return true;
                Tick();
            }
            return condition();
        }

        public void HomeToIdle()
        {
            Ok(C.Home());
            if (!RunUntil(() => C.State == SwapState.Idle, 30_000)) throw new InvalidOperationException("homing did not finish: " + C.State + " " + C.LatchedFault);
        }

        public void Authorize(string pack = null, string vehicle = "VIN1")
        {
            Ok(C.Authorize(new SwapAuthorization(vehicle, pack) { VehiclePackSerial = "D1", VehiclePackSocPct = 12 }));
        }

        /// <summary>Homes, authorises and runs until the sequencer has just entered <paramref name="state"/>.</summary>
        public void DriveTo(SwapState state)
        {
            if (state == SwapState.Homing)
            {
                Ok(C.Home());
                return;
            }
            if (C.State == SwapState.NotHomed) HomeToIdle();
            if (state == SwapState.Idle) return;
            Authorize();
            if (!RunUntil(() => C.State == state)) throw new InvalidOperationException("never reached " + state + ", stuck in " + C.State + " fault " + C.LatchedFault);
        }

        /// <summary>Cuts power and builds a new controller over the same storage and plant.</summary>
        public void PowerCycle(bool start = true)
        {
            Bay.PowerLoss();
            Controller = new StationController(Bay.Io, Bay.Config);
            if (start) Controller.Start();
        }

        /// <summary>The last valid journal record in storage.</summary>
        public JournalSnapshot JournalTail()
        {
            var j = new SwapJournal(Bay.Storage, Bay.Config.RackSlots, Bay.Config.JournalMaxBytes);
            return j.Load(Bay.Config.RackSlots);
        }
    }
}
