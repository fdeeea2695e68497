using Station.Core.Admission;

namespace Station.Core.Swap.Truck
{
    /// <summary>A truck booking: which block positions to swap (1-3, any subset, bit p-1 of
    /// <see cref="SwapAuthorization.BlockPositions"/>), checked against the truck in the bay and the ready blocks, and
    /// the swap record and inventory it starts with. Allocates: commands only, never the control tick.</summary>
    public static class TruckBooking
    {
        /// <summary>The number of positions named in <paramref name="mask"/>.</summary>
        public static int Count(int mask)
        {
            int n = 0;
            for (int p = 1; p <= TruckPorts.Positions; p++) if ((mask & (1 << (p - 1))) != 0) n++;
            return n;
        }

        /// <summary>Words refusing <paramref name="auth"/> for the block checks of the admission chain, or null.</summary>
        public static string Refusal(AdmissionCheck check, SwapSequencer s, SwapAuthorization auth, TruckRobot robot)
        {
            int mask = auth.BlockPositions;
            if (check == AdmissionCheck.PackStandardNotAccepted)
            {
                // Only a staged block is already chosen: it goes to the first booked position.
                int first = FirstPosition(mask);
                return first < 0 || s.Inventory.At(PackPlace.Staging).IsEmpty ? null
                    : StandardAdmission.WrongPackWords(s.Inventory, auth, auth.AcceptedAt(first));
            }
            if (check == AdmissionCheck.NoPackOfStandard) return StandardRefusal(s, auth);
            if (check == AdmissionCheck.BlockBooking)
            {
                if (mask == 0) return "a truck booking names the block positions to swap (1-3)";
                if ((mask & ~7) != 0) return "block positions are 1..3";
                int named = Count(mask);
                if (auth.BlockCount != 0 && auth.BlockCount != named)
                    return string.Concat("the booking says ", auth.BlockCount.ToString(), " blocks but names ", named.ToString(), " positions");
                for (int p = 1; p <= TruckPorts.Positions; p++)
                {
                    if ((mask & (1 << (p - 1))) != 0 && !robot.BlockPresent(p))
                        return string.Concat("the truck carries no block at position ", p.ToString());
                }
                return null;
            }
            if (check == AdmissionCheck.BlockPacks)
            {
                int wanted = Count(mask);
                int ready = ReadyCount(s);
                if (ready < wanted)
                    return string.Concat(wanted.ToString(), " blocks booked, only ", ready.ToString(), " ready at or above the minimum state of charge");
            }
            return null;
        }

        private static int FirstPosition(int mask)
        {
            for (int p = 1; p <= TruckPorts.Positions; p++) if ((mask & (1 << (p - 1))) != 0) return p;
            return -1;
        }

        // Chooses as Start will (staged block to the first position, then per position the best ready block of a standard
        // it accepts), and names the first position left without one. Positions are served in ascending order, so a
        // rack that could fit the booking only in another order is refused: the words say which position lacks a block.
        private static string StandardRefusal(SwapSequencer s, SwapAuthorization auth)
        {
            PackInventory inv = s.Inventory;
            int[] taken = new int[TruckPorts.Positions];
            int b = 0;
            for (int p = 1; p <= TruckPorts.Positions; p++)
            {
                if ((auth.BlockPositions & (1 << (p - 1))) == 0) continue;
                int slot = -1;
                if (!(b == 0 && !inv.At(PackPlace.Staging).IsEmpty))
                {
                    slot = ChooseReady(inv, s.Config.MinSocPct, auth.AcceptedAt(p), taken, b);
                    // Too few ready blocks at all is BlockPacks' refusal; this one is about standards only.
                    if (slot < 0 && ChooseReady(inv, s.Config.MinSocPct, 0, taken, b) >= 0)
                        return string.Concat("no ready block of a standard position ", p.ToString(), " accepts (",
                            PackStandards.MaskText(auth.AcceptedAt(p)), ")");
                }
                taken[b] = slot;
                b++;
            }
            return null;
        }

        // Ready blocks: a charged one already staged, plus the rack's ready blocks at or above the minimum SOC.
        private static int ReadyCount(SwapSequencer s)
        {
            PackInventory inv = s.Inventory;
            int n = 0;
            PackRecord staged = inv.At(PackPlace.Staging);
            if (!staged.IsEmpty && staged.SocPct >= s.Config.MinSocPct) n++;
            for (int i = 0; i < inv.SlotCount; i++)
            {
                PackRecord r = inv.Slot(i);
                if (!r.IsEmpty && r.State == PackState.Ready && !r.InTransit && r.SocPct >= s.Config.MinSocPct) n++;
            }
            return n;
        }

        /// <summary>Starts the swap of the booked blocks (the admission chain has admitted it): chooses one ready block
        /// per position, highest state of charge first, records each position's block in the inventory, then dispatches.</summary>
        public static CommandResult Start(SwapSequencer s, SwapAuthorization auth)
        {
            PackInventory inv = s.Inventory;
            int n = Count(auth.BlockPositions);
            SwapRecord rec = new SwapRecord();
            rec.SizeBlocks(n);
            rec.SwapId = s.NextSwapId;
            rec.VehicleId = auth.VehicleId;
            rec.StartUtc = s.Io.Clock.UtcNow;
            rec.StartMs = s.Now;
            int[] chosen = new int[n];
            if (ChooseBlocks(inv, s.Config.MinSocPct, auth, chosen) < n) return CommandResult.Refuse(RejectReason.NotEnoughReadyPacks, "not enough ready blocks");
            int b = 0;
            for (int p = 1; p <= TruckPorts.Positions; p++)
            {
                if ((auth.BlockPositions & (1 << (p - 1))) == 0) continue;
                BlockSwap block = rec.Blocks[b];
                block.Position = p;
                int slot = chosen[b];
                PackRecord from = slot < 0 ? inv.At(PackPlace.Staging) : inv.Slot(slot);
                block.PackInSerial = from.Serial;
                block.PackInSocPct = from.SocPct;
                block.PackInStandard = from.Standard;
                block.SourceSlot = slot;
                PackRecord there = inv.At(TruckBayProfile.PlaceOf(p));
                block.PackOutSerial = there.IsEmpty ? null : there.Serial;
                block.PackOutSocPct = there.IsEmpty ? -1 : there.SocPct;
                b++;
            }
            rec.PackInSerial = rec.Blocks[0].PackInSerial;
            rec.PackInSocPct = rec.Blocks[0].PackInSocPct;
            rec.PackInStandard = rec.Blocks[0].PackInStandard;
            rec.SourceSlot = rec.Blocks[0].SourceSlot;
            // The truck's blocks the station does not know yet get a placeholder name, as a car's unknown pack does.
            bool[] named = new bool[n];
            for (int i = 0; i < n; i++)
            {
                BlockSwap block = rec.Blocks[i];
                PackPlace place = TruckBayProfile.PlaceOf(block.Position);
                if (!inv.At(place).IsEmpty) continue;
                named[i] = true;
                string name = string.Concat(SwapAuthorization.UnknownPackPrefix, auth.VehicleId, "/", block.Position.ToString());
                if (inv.Contains(name)) name = string.Concat(name, "#", rec.SwapId.ToString());
                inv.Set(place, PackRecord.Of(name, -1, PackState.InUse));
                block.PackOutSerial = name;
            }
            rec.PackOutSerial = rec.Blocks[0].PackOutSerial;
            if (!s.BeginSwap(rec))
            {
                for (int i = 0; i < n; i++) if (named[i]) inv.Empty(TruckBayProfile.PlaceOf(rec.Blocks[i].Position));
                return CommandResult.Refuse(RejectReason.WrongState, "the station cannot start a swap now");
            }
            if (s.State == SwapState.Faulted) return CommandResult.Refuse(RejectReason.StorageFailed, "the journal could not be written");
            return CommandResult.Ok(string.Concat("truck swap started: ", n.ToString(), " block(s), first with pack ", rec.PackInSerial));
        }

        /// <summary>The block each booked position takes, positions ascending, as <see cref="Start"/> chooses them: a block
        /// already staged goes to the first position (slot -1), then each position takes the readiest ready block, not in
        /// transit, of a standard it accepts. Writes one rack slot per position into <paramref name="slots"/> and returns how
        /// many positions got one (fewer than booked: the next is left without). The simulator's rack handler fetches the
        /// same blocks at drive-in.</summary>
        public static int ChooseBlocks(PackInventory inv, int minSocPct, SwapAuthorization auth, int[] slots)
        {
            int b = 0;
            for (int p = 1; p <= TruckPorts.Positions && b < slots.Length; p++)
            {
                if ((auth.BlockPositions & (1 << (p - 1))) == 0) continue;
                int slot = -1;
                if (!(b == 0 && !inv.At(PackPlace.Staging).IsEmpty))
                {
                    slot = ChooseReady(inv, minSocPct, auth.AcceptedAt(p), slots, b);
                    if (slot < 0) return b;
                }
                slots[b] = slot;
                b++;
            }
            return b;
        }

        private static int ChooseReady(PackInventory inv, int minSocPct, int accepted, int[] taken, int takenCount)
        {
            int best = -1;
            for (int i = 0; i < inv.SlotCount; i++)
            {
                PackRecord r = inv.Slot(i);
                if (r.IsEmpty || r.State != PackState.Ready || r.InTransit || r.SocPct < minSocPct) continue;
                if (!PackStandards.Accepts(accepted, r.Standard)) continue;
                bool used = false;
                for (int t = 0; t < takenCount; t++) if (taken[t] == i) used = true;
                if (used) continue;
                if (best < 0 || r.SocPct > inv.Slot(best).SocPct) best = i;
            }
            return best;
        }
    }
}
