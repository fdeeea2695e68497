namespace Station.Core
{
    /// <summary>What the station knows about the pack in one place: serial, state of charge, state, and whether it is
    /// still on its way there (a move was started but not yet confirmed by a sensor).</summary>
    /// <remarks>A class, not a struct: nanoFramework's interpreter puts every struct value it creates, copies or passes
    /// on its heap, so the inventory keeps one record per place for good and changes it in place (no allocation in the
    /// control tick). A record read from <see cref="PackInventory"/> is the live one: take <see cref="Copy"/> to keep
    /// its values.</remarks>
    public sealed class PackRecord
    {
        /// <summary>Pack serial, or null when the place is empty.</summary>
        public string Serial;
        /// <summary>State of charge in percent, -1 unknown.</summary>
        public int SocPct;
        /// <summary>Pack condition.</summary>
        public PackState State;
        /// <summary>True while a move towards this place is not yet confirmed.</summary>
        public bool InTransit;
        /// <summary>The pack's standard (Choco-Swap #20/#25, QIJI #75, a partner's), Unspecified when nobody said.</summary>
        public PackStandard Standard;

        /// <summary>True when no pack is here.</summary>
        public bool IsEmpty { get { return Serial == null; } }

        /// <summary>A new record for a pack.</summary>
        public static PackRecord Of(string serial, int socPct, PackState state)
        {
            PackRecord r = new PackRecord();
            r.Set(serial, socPct, state);
            return r;
        }

        /// <summary>A new empty record.</summary>
        public static PackRecord None()
        {
            PackRecord r = new PackRecord();
            r.Clear();
            return r;
        }

        /// <summary>Makes this the record of a pack (serial null = empty), not in transit.</summary>
        public void Set(string serial, int socPct, PackState state)
        {
            Set(serial, socPct, state, PackStandard.Unspecified);
        }

        /// <summary>Makes this the record of a pack of <paramref name="standard"/> (serial null = empty), not in transit.</summary>
        public void Set(string serial, int socPct, PackState state, PackStandard standard)
        {
            Serial = serial;
            SocPct = socPct;
            State = serial == null ? PackState.Empty : state;
            Standard = serial == null ? PackStandard.Unspecified : standard;
            InTransit = false;
        }

        /// <summary>Makes this an empty place.</summary>
        public void Clear()
        {
            Serial = null;
            SocPct = -1;
            State = PackState.Empty;
            Standard = PackStandard.Unspecified;
            InTransit = false;
        }

        /// <summary>Takes every field of <paramref name="other"/>.</summary>
        public void CopyFrom(PackRecord other)
        {
            Serial = other.Serial;
            SocPct = other.SocPct;
            State = other.State;
            InTransit = other.InTransit;
            Standard = other.Standard;
        }

        /// <summary>A new record with the same values (to keep them while the live one changes).</summary>
        public PackRecord Copy()
        {
            PackRecord r = new PackRecord();
            r.CopyFrom(this);
            return r;
        }

        /// <summary>Field-by-field equality.</summary>
        public bool SameAs(PackRecord other)
        {
            return Serial == other.Serial && SocPct == other.SocPct && State == other.State && InTransit == other.InTransit
                && Standard == other.Standard;
        }
    }
}
