namespace Station.Core.Admission
{
    /// <summary>The admission chain's pack-standard checks for one vehicle mask (a car, or a truck's position): the pack
    /// already chosen (staged or named) must be of a standard the vehicle accepts, and otherwise a ready one must be.
    /// Allocates only to word a refusal: commands, never the control tick.</summary>
    public static class StandardAdmission
    {
        /// <summary>Words refusing the pack waiting at staging, else the rack pack the authorisation names, for a vehicle
        /// accepting <paramref name="mask"/>; null when it fits, none is named, or the mask accepts any standard.</summary>
        public static string WrongPackWords(PackInventory inv, SwapAuthorization auth, int mask)
        {
            if (mask == 0) return null;
            PackRecord p = inv.At(PackPlace.Staging);
            string what = "the pack waiting at staging";
            if (p.IsEmpty)
            {
                int slot = auth.PackSerial == null ? -1 : inv.SlotOf(auth.PackSerial);
                if (slot < 0) return null;
                p = inv.Slot(slot);
                what = string.Concat("pack ", p.Serial);
            }
            if (PackStandards.Accepts(mask, p.Standard)) return null;
            return string.Concat(what, " is ", PackStandards.Name(p.Standard), ", the vehicle accepts ", PackStandards.MaskText(mask));
        }

        /// <summary>Words refusing a car's authorisation when no ready rack pack at or above <paramref name="minSocPct"/> is
        /// of a standard it accepts; null when one is, or a pack is already staged or named (judged by the other checks).</summary>
        public static string NoPackWords(PackInventory inv, SwapAuthorization auth, int minSocPct)
        {
            int mask = auth.AcceptedStandards;
            if (mask == 0 || !inv.At(PackPlace.Staging).IsEmpty || auth.PackSerial != null) return null;
            if (inv.ChooseReady(minSocPct, mask) >= 0) return null;
            return string.Concat("no ready pack of a standard the vehicle accepts (", PackStandards.MaskText(mask), ")");
        }
    }
}
