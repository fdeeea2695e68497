using System;
using System.Collections.Generic;
using Station.Core.Journal;
using Station.Core.Swap.Truck;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests.Bay
{
    /// <summary>The controller with bay.profile truck over the simulated truck bay (hal/Station.Hal.Sim, SimTruckBay),
    /// ticked as the simulator does, with a simulated rack handler that fetches each block the station takes from its
    /// slot and a truck that leaves once released (unless <see cref="StayWhenReleased"/>).</summary>
    public sealed class TruckStation
    {
        public readonly SimClock Clock = new SimClock();
        public readonly MemoryStorage Storage;
        public readonly SimTruckBay Bay;
        public StationController C;
        public bool StayWhenReleased;
        private readonly HashSet<string> _fetched = new HashSet<string>();

        /// <summary>A started station on the default truck plant with its rack in the inventory.</summary>
        public TruckStation()
        {
            Storage = new MemoryStorage(Clock);
            Bay = new SimTruckBay(Clock, Storage);
            C = new StationController(Bay.Io, Bay.Config);
            C.Start();
            Assert.True(Bay.Bay.SeedInventory(C).Accepted);
        }

        public TruckBayProfile Profile => (TruckBayProfile)C.Sequencer.Profile;

        /// <summary>One control period: clock, plant, controller, rack handler, departure.</summary>
        public void Tick()
        {
            Clock.Advance(Bay.Config.TickMs);
            Bay.Step(Bay.Config.TickMs);
            if (C.State == SwapState.Transfer) Bay.Bay.Rack.ReturnSlot = C.Inventory.ReturnSlot;
            C.Tick();
            PackRecord staged = C.Inventory.At(PackPlace.Staging);
            if (!staged.IsEmpty && staged.InTransit && _fetched.Add(staged.Serial)) Bay.Bay.Rack.Fetch(staged.Serial);
            if (!StayWhenReleased && C.State == SwapState.Released && Bay.TruckIsPositioned) Bay.DepartTruck();
        }

        public bool RunUntil(Func<bool> cond, int maxMs = 600_000)
        {
            for (int t = 0; t < maxMs; t += Bay.Config.TickMs)
            {
                if (cond()) return true;
                Tick();
            }
            return cond();
        }

        public void Run(int ms) => RunUntil(() => false, ms);

        /// <summary>Homes to Idle (asserting it gets there).</summary>
        public TruckStation Home()
        {
            Assert.True(C.Home().Accepted);
            Assert.True(RunUntil(() => C.State != SwapState.Homing, 120_000), "homing never ended");
            Assert.True(C.State == SwapState.Idle, "homing: " + C.State + " " + FaultCatalogue.Name(C.LatchedFault));
            return this;
        }

        /// <summary>A truck with blocks at <paramref name="truckHas"/> arrives and is positioned.</summary>
        public TruckStation Arrive(int truckHas = 7, string id = "TRK001")
        {
            Bay.ArriveTruck(id, truckHas);
            Assert.True(RunUntil(() => C.Interlocks.VehiclePositioned, 120_000), "truck never positioned");
            return this;
        }

        /// <summary>The booking for the positions in <paramref name="mask"/>.</summary>
        public CommandResult Book(int mask, int count = 0, string id = "TRK001")
        {
            return C.Authorize(new SwapAuthorization(id, null) { BlockPositions = mask, BlockCount = count });
        }

        /// <summary>Homed, a three-block truck positioned, the positions of <paramref name="mask"/> booked and accepted.</summary>
        public static TruckStation Swapping(int mask)
        {
            var s = new TruckStation().Home().Arrive();
            var r = s.Book(mask);
            Assert.True(r.Accepted, r.Message);
            return s;
        }

        /// <summary>True when any output of the bay is on or a drive has a speed reference.</summary>
        public bool AnyOutputOn()
        {
            foreach (var o in Bay.Bay.Outputs) if (o.State) return true;
            foreach (var o in Bay.Outputs) if (o.State) return true;
            return Bay.Bay.LiftDrive.Duty != 0 || Bay.Travel.Drive.Duty != 0 || Bay.Fork.Drive.Duty != 0;
        }

        /// <summary>Power cut and restart: every output drops, supply returns, a new controller starts on the journal.</summary>
        public void PowerCycle()
        {
            Bay.PowerLoss();
            Bay.PowerRestore();
            C = new StationController(Bay.Io, Bay.Config);
            C.Start();
        }

        /// <summary>The last valid journal record in storage (read with the truck's inventory shape).</summary>
        public JournalSnapshot JournalTail()
        {
            var j = new SwapJournal(Storage, Bay.Config.RackSlots, Bay.Config.JournalMaxBytes, C.Inventory);
            return j.Load(Bay.Config.RackSlots);
        }

        /// <summary>Every place of the truck bay as the plant really has it.</summary>
        public List<GeneratedSafety.Place> PhysicalPlaces()
        {
            var b = Bay.Bay;
            var places = new List<GeneratedSafety.Place>
            {
                new GeneratedSafety.Place(PackPlace.Staging, "staging", b.PackAtStaging.Truth, null, true),
                new GeneratedSafety.Place(PackPlace.Lift, "fork", b.PackOnPlatform != null, b.PackOnPlatform?.Serial, true),
                new GeneratedSafety.Place(PackPlace.ReturnPoint, "return point", b.PackAtReturn.Truth, null, true),
            };
            for (int p = 1; p <= TruckPorts.Positions; p++)
            {
                SimPack block = Bay.BlockAt(p);
                // Only the booked positions are in the inventory; the cradle sensors are not inventory conflicts.
                bool booked = C.LastSwap != null && Booked(C.LastSwap, p) || C.CurrentSwap != null && Booked(C.CurrentSwap, p);
                if (!booked) continue;
                places.Add(new GeneratedSafety.Place(TruckBayProfile.PlaceOf(p), "block " + p, block != null && Bay.TruckIsPositioned, block?.Serial, false));
            }
            return places;
        }

        private static bool Booked(SwapRecord r, int p)
        {
            for (int i = 0; i < r.BlockCount; i++) if (r.Blocks[i].Position == p) return true;
            return false;
        }
    }
}
