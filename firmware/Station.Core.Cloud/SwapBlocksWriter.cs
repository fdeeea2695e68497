namespace Station.Core.Cloud
{
    /// <summary>The schema-2 members of a swap record that a truck swap adds: "bay" and "blocks", one entry per booked
    /// block in the order they were swapped (position, pack out and in, their SOC, source slot, times from the swap's
    /// start, the block's own release-check verdict and whether its BMS was read). A car record carries "bay":"car" and
    /// no "blocks" (docs/cloud.md, "Swap record, schema 2").</summary>
    public static class SwapBlocksWriter
    {
        /// <summary>Writes "bay" and, for a truck swap, "blocks" of <paramref name="r"/> into the open swap object.</summary>
        public static void Write(JsonWriter w, SwapRecord r)
        {
            w.Member(CloudWords.Bay, r.BlockCount > 0 ? CloudWords.Truck : CloudWords.Car);
            if (r.BlockCount <= 0) return;
            w.Name(CloudWords.Blocks);
            w.BeginArray();
            for (int i = 0; i < r.BlockCount; i++)
            {
                BlockSwap b = r.Blocks[i];
                w.BeginObject();
                w.Member(CloudWords.Position, b.Position);
                w.Member(CloudWords.PackOut, b.PackOutSerial);
                w.Member(CloudWords.PackIn, b.PackInSerial);
                w.Member(CloudWords.SocOut, b.PackOutSocPct);
                w.Member(CloudWords.SocIn, b.PackInSocPct);
                w.Member(CloudWords.Slot, b.SourceSlot);
                if (b.StartMs >= 0) w.Member(CloudWords.StartMs, b.StartMs);
                if (b.EndMs >= 0) w.Member(CloudWords.EndMs, b.EndMs);
                w.Member(CloudWords.Verdict, VerdictWord(b.Verdict));
                w.MemberBool(CloudWords.BmsVerified, b.BmsVerified);
                w.EndObject();
            }
            w.EndArray();
        }

        /// <summary>The record's "bmsVerified": for a car the pack's check read its BMS; for a truck (schema 2) every
        /// swapped block's check did.</summary>
        public static bool BmsVerified(SwapRecord r)
        {
            if (r.BlockCount <= 0) return r.BmsVerified;
            for (int i = 0; i < r.BlockCount; i++) if (!r.Blocks[i].BmsVerified) return false;
            return true;
        }

        static string VerdictWord(GateVerdict v)
        {
            if (v == GateVerdict.Passed) return CloudWords.Passed;
            if (v == GateVerdict.Failed) return CloudWords.Failed;
            return CloudWords.Pending;
        }
    }
}
