namespace Station.Core.Swap.Truck
{
    /// <summary>A step of the truck bay: what every truck step needs to know about the block being swapped and the robot.</summary>
    public abstract class TruckStep : SwapStep
    {
        /// <summary>A truck step stored in the journal as <paramref name="number"/>.</summary>
        protected TruckStep(SwapState number) : base(number) { }

        /// <summary>The robot of <paramref name="s"/>'s truck profile.</summary>
        protected static TruckRobot Robot(SwapSequencer s) { return TruckBayProfile.Of(s).Robot; }

        /// <summary>The block being swapped.</summary>
        protected static BlockSwap Block(SwapSequencer s) { return s.CurrentSwap.Blocks[s.CurrentSwap.CurrentBlock]; }

        /// <summary>The position (1..3) of the block being swapped.</summary>
        protected static int Position(SwapSequencer s) { return Block(s).Position; }

        /// <summary>The inventory place of the block being swapped.</summary>
        protected static PackPlace Place(SwapSequencer s) { return TruckBayProfile.PlaceOf(Position(s)); }

        /// <summary>The travel position of the block being swapped, mm.</summary>
        protected static double BlockMm(SwapSequencer s) { return TruckFigures.BlockMm(Position(s)); }

        /// <summary>True while a block rides the fork (by the inventory).</summary>
        protected static bool ForkLoaded(SwapSequencer s) { return !s.Inventory.At(PackPlace.Lift).IsEmpty; }

        /// <summary>Starts a robot move; false when an axis refused (the fault is raised).</summary>
        protected static bool Move(SwapSequencer s, double travelMm, double heightMm, double forkMm)
        {
            return Robot(s).MoveTo(s, travelMm, heightMm, forkMm);
        }

        /// <summary>Journals the step, then starts the move (record before act).</summary>
        protected static void JournalThenMove(SwapSequencer s, double travelMm, double heightMm, double forkMm)
        {
            if (!s.StepJournal()) return;
            Move(s, travelMm, heightMm, forkMm);
        }

        /// <summary>Every tick: the move's arrival becomes AxesArrived.</summary>
        protected static void DispatchOnArrival(SwapSequencer s)
        {
            if (Robot(s).TakeArrived(s)) s.Dispatch(SwapSignal.AxesArrived);
        }

        /// <summary>True when the fork is retracted at home (travel and height may move).</summary>
        protected static bool ForkIn(SwapSequencer s) { return Robot(s).Fork.IsHome; }

        /// <summary>True when the fork stands fully out under the cradle.</summary>
        protected static bool ForkOut(SwapSequencer s) { return Robot(s).Fork.IsAt(TruckFigures.ForkReachMm); }

        /// <summary>True when travel stands at the block position and height at <paramref name="heightMm"/>.</summary>
        protected static bool AtBlock(SwapSequencer s, double heightMm) { return Robot(s).Travel.IsAt(BlockMm(s)) && s.Lift.IsAt(heightMm); }

        /// <summary>Takes the next booked charged block from its rack slot towards staging in the inventory (in transit),
        /// when the staging point is free; true when the shuttle must then run (the caller journals first, then starts
        /// it). The overlap: the shuttle stages while the robot works at the truck.</summary>
        protected static bool TakeNextFromRack(SwapSequencer s)
        {
            PackInventory inv = s.Inventory;
            if (!inv.At(PackPlace.Staging).IsEmpty) return false;
            SwapRecord swap = s.CurrentSwap;
            for (int b = swap.CurrentBlock; b < swap.BlockCount; b++)
            {
                BlockSwap block = swap.Blocks[b];
                if (block.SourceSlot < 0 || inv.Slot(block.SourceSlot).Serial != block.PackInSerial) continue;
                inv.MoveFromSlot(block.SourceSlot, PackPlace.Staging);
                s.StagingConveyor.Reset();
                return true;
            }
            return false;
        }
    }
}
