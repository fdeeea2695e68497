namespace Station.Core
{
    /// <summary>What the station knows about the pack in one place: serial, state of charge, state, and whether it is
    /// still on its way there (a move was started but not yet confirmed by a sensor).</summary>
    public struct PackRecord
    {
        /// <summary>Pack serial, or null when the place is empty.</summary>
        public string Serial;
        /// <summary>State of charge in percent, -1 unknown.</summary>
        public int SocPct;
        /// <summary>Pack condition.</summary>
        public PackState State;
        /// <summary>True while a move towards this place is not yet confirmed.</summary>
        public bool InTransit;

        /// <summary>True when no pack is here.</summary>
        public bool IsEmpty { get { return Serial == null; } }

        /// <summary>A record for a pack.</summary>
        public static PackRecord Of(string serial, int socPct, PackState state)
        {
            PackRecord r = new PackRecord();
            r.Serial = serial;
            r.SocPct = socPct;
            r.State = serial == null ? PackState.Empty : state;
            return r;
        }

        /// <summary>An empty place.</summary>
        public static PackRecord None()
        {
            PackRecord r = new PackRecord();
            r.SocPct = -1;
            return r;
        }

        /// <summary>Field-by-field equality.</summary>
        public bool SameAs(PackRecord other)
        {
            return Serial == other.Serial && SocPct == other.SocPct && State == other.State && InTransit == other.InTransit;
        }
    }
}
