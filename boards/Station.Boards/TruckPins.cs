namespace Station.Boards
{
    /// <summary>Pins of the truck bay's own devices (see <c>Station.Core.TruckPorts</c>, same names: the robot's travel
    /// and fork axes, each block position's latches, connector and cradle sensor, the overload and anti-tipping inputs)
    /// and of the block positions' CAN segments (docs/truck-bay.md: one segment per position, behind its connector).</summary>
    public sealed class TruckPins
    {
        /// <summary>Block positions (as <c>TruckPorts.Positions</c>).</summary>
        public const int Positions = 3;
        /// <summary>Latches per block (as <c>TruckFigures.LatchesPerBlock</c>).</summary>
        public const int LatchesPerBlock = 2;

        /// <summary>Robot travel along the truck.</summary>
        public readonly LinearAxisPins Travel = new LinearAxisPins();
        /// <summary>Robot fork into the chassis cradle.</summary>
        public readonly LinearAxisPins Fork = new LinearAxisPins();
        /// <summary>Per position (index = position - 1): the block's latches.</summary>
        public readonly LockSetPins[] BlockLocks = { new LockSetPins(), new LockSetPins(), new LockSetPins() };
        /// <summary>Per position: the block's connector actuator (one "lock": locked = mated).</summary>
        public readonly LockSetPins[] Connectors = { new LockSetPins(), new LockSetPins(), new LockSetPins() };
        /// <summary>Per position: a block sits in the cradle.</summary>
        public readonly int[] BlockPresent = { BoardPinMap.NoPin, BoardPinMap.NoPin, BoardPinMap.NoPin };
        /// <summary>Fork load cell within the maximum load (interlock).</summary>
        public int LoadWithinLimit = BoardPinMap.NoPin;
        /// <summary>Robot level (anti-tipping switch, interlock).</summary>
        public int Upright = BoardPinMap.NoPin;
        /// <summary>Per position: chip select of the MCP2515 on that block's CAN segment. Position 1 rides the board's own
        /// pack CAN (its entry stays <see cref="BoardPinMap.NoPin"/>); positions 2 and 3 each need one.</summary>
        public readonly int[] BlockCanChipSelect = { BoardPinMap.NoPin, BoardPinMap.NoPin, BoardPinMap.NoPin };

        /// <summary>Sizes the lock arrays: two latches and one connector per position, every pin unwired.</summary>
        public void Size()
        {
            for (int i = 0; i < Positions; i++)
            {
                BlockLocks[i].Size(LatchesPerBlock);
                Connectors[i].Size(1);
            }
        }

        internal string CheckCounts()
        {
            for (int i = 0; i < Positions; i++)
            {
                if (BlockLocks[i].CheckCount(LatchesPerBlock) != null) return "Truck.BlockLocks[" + i + "] must have " + LatchesPerBlock + " latches";
                if (Connectors[i].CheckCount(1) != null) return "Truck.Connectors[" + i + "] must have one connector";
            }
            if (BlockCanChipSelect[0] != BoardPinMap.NoPin) return "Truck.BlockCanChipSelect[0]: position 1 rides the board's own pack CAN";
            return null;
        }

        internal void AddTo(PinList pins)
        {
            Travel.AddTo(pins, "Truck.Travel");
            Fork.AddTo(pins, "Truck.Fork");
            for (int i = 0; i < Positions; i++)
            {
                BlockLocks[i].AddTo(pins, "Truck.BlockLocks[" + i + "]");
                Connectors[i].AddTo(pins, "Truck.Connectors[" + i + "]");
                pins.Add("Truck.BlockPresent[" + i + "]", BlockPresent[i], PinRole.Input);
            }
            pins.Add("Truck.LoadWithinLimit", LoadWithinLimit, PinRole.Input);
            pins.Add("Truck.Upright", Upright, PinRole.Input);
        }

        internal void AddCanTo(PinList pins)
        {
            for (int i = 1; i < Positions; i++) pins.Add("Truck.BlockCanChipSelect[" + i + "]", BlockCanChipSelect[i], PinRole.ChipSelect);
        }
    }
}
