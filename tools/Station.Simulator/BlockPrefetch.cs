using Station.Core;
using Station.Core.Swap.Truck;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>The truck booking is known at drive-in, so the rack handler fetches the booked blocks while the truck
    /// drives in: exactly the blocks the controller will choose (<see cref="TruckBooking.ChooseBlocks"/>, the core's own
    /// choice: ready, not in transit, of an accepted standard, readiest first), not a second copy of that rule.</summary>
    public static class BlockPrefetch
    {
        /// <summary>Has <paramref name="rack"/>'s handler fetch the blocks <paramref name="c"/> will choose for
        /// <paramref name="booking"/>, in the order the positions take them.</summary>
        public static void Fetch(StationController c, Rack rack, SwapAuthorization booking)
        {
            var slots = new int[TruckBooking.Count(booking.BlockPositions)];
            int chosen = TruckBooking.ChooseBlocks(c.Inventory, c.Config.MinSocPct, booking, slots);
            for (int i = 0; i < chosen; i++)
                if (slots[i] >= 0) rack.Fetch(c.Inventory.Slot(slots[i]).Serial);
        }

        /// <summary>The same for a booking of the positions in <paramref name="mask"/> (bit p-1 for position p) that
        /// accepts any standard.</summary>
        public static void Fetch(StationController c, Rack rack, int mask) =>
            Fetch(c, rack, new SwapAuthorization("prefetch", null) { BlockPositions = mask, BlockCount = TruckBooking.Count(mask) });

        /// <summary>Has the handler fetch the blocks of a swap already started (<paramref name="swap"/>: the cloud booked
        /// it, so the controller chose them before the handler heard of it).</summary>
        public static void FetchBooked(SwapRecord swap, Rack rack)
        {
            for (int b = 0; b < swap.BlockCount; b++)
            {
                string serial = swap.Blocks[b].PackInSerial;
                if (serial != null && rack.SlotOf(serial) >= 0) rack.Fetch(serial);
            }
        }
    }
}
