namespace Station.Core.Journal
{
    /// <summary>Journal format 3's appended part: the pack standard of every rack slot and place, and of the installed
    /// pack (and each block's). One byte each, after format 2's part, so a reader of format 1 or 2 reads its known prefix.</summary>
    internal static class JournalStandards
    {
        /// <summary>True when anything the snapshot holds carries a standard (then format 3 is written). Allocation-free.</summary>
        public static bool Any(SwapRecord swap, PackInventory inv)
        {
            for (int i = 0; i < inv.SlotCount; i++) if (inv.Slot(i).Standard != PackStandard.Unspecified) return true;
            for (int i = 0; i < inv.Places; i++) if (inv.At((PackPlace)i).Standard != PackStandard.Unspecified) return true;
            if (swap == null) return false;
            if (swap.PackInStandard != PackStandard.Unspecified) return true;
            for (int b = 0; swap.Blocks != null && b < swap.BlockCount; b++)
                if (swap.Blocks[b].PackInStandard != PackStandard.Unspecified) return true;
            return false;
        }

        /// <summary>Appends the standards. Allocation-free.</summary>
        public static void Write(ByteWriter w, SwapRecord swap, PackInventory inv)
        {
            w.U8(inv.SlotCount);
            for (int i = 0; i < inv.SlotCount; i++) w.U8((int)inv.Slot(i).Standard);
            w.U8(inv.Places);
            for (int i = 0; i < inv.Places; i++) w.U8((int)inv.At((PackPlace)i).Standard);
            if (swap == null) return;
            w.U8((int)swap.PackInStandard);
            int n = swap.Blocks == null ? 0 : swap.BlockCount;
            w.U8(n);
            for (int b = 0; b < n; b++) w.U8((int)swap.Blocks[b].PackInStandard);
        }

        /// <summary>Reads the standards into <paramref name="inv"/> and <paramref name="swap"/> (written with
        /// <paramref name="slotsWritten"/> slots). A standard this firmware does not know (a newer one's) is kept as its
        /// number; a part that does not read as written leaves the rest unspecified (damage the CRC missed, or a newer
        /// format's other fields).</summary>
        public static void Read(ByteReader r, SwapRecord swap, PackInventory inv, int slotsWritten)
        {
            int slots = r.U8();
            if (r.Overrun || slots != slotsWritten) return;
            for (int i = 0; i < slots; i++)
            {
                int code = r.U8();
                if (r.Overrun) return;
                if (i < inv.SlotCount && !inv.Slot(i).IsEmpty) inv.Slot(i).Standard = (PackStandard)code;
            }
            int places = r.U8();
            if (r.Overrun) return;
            for (int i = 0; i < places; i++)
            {
                int code = r.U8();
                if (r.Overrun) return;
                if (i < inv.Places && !inv.At((PackPlace)i).IsEmpty) inv.At((PackPlace)i).Standard = (PackStandard)code;
            }
            if (swap == null) return;
            int packIn = r.U8();
            int n = r.U8();
            if (r.Overrun) return;
            swap.PackInStandard = (PackStandard)packIn;
            for (int b = 0; b < n; b++)
            {
                int code = r.U8();
                if (r.Overrun) return;
                if (swap.Blocks != null && b < swap.BlockCount) swap.Blocks[b].PackInStandard = (PackStandard)code;
            }
        }
    }
}
