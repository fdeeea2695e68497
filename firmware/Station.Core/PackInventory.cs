using System.Text;

namespace Station.Core
{
    /// <summary>Where every pack is: rack slots, staging point, lift, vehicle and rack return point. Journaled with
    /// every swap step (see SwapJournal), so it survives a power cut.</summary>
    /// <remarks>Change it through StationController (SetRackSlot, SetPlace), which journals the change;
    /// the mutators here are public for the sequencer, the journal and tests.</remarks>
    public sealed class PackInventory
    {
        // One record per slot and place for the inventory's lifetime, changed in place (allocation-free on the device).
        private readonly PackRecord[] _slots;
        private readonly PackRecord[] _places = new PackRecord[PlaceCount];

        /// <summary>Number of places outside the rack (see <see cref="PackPlace"/>).</summary>
        public const int PlaceCount = 4;

        private static readonly string[] PlaceNames = { "staging", "lift", "vehicle", "return point" };
        private static readonly string[] StateNames = { "empty", "charging", "ready", "faulty", "in use" };

        /// <summary>An empty inventory with <paramref name="slotCount"/> rack slots.</summary>
        public PackInventory(int slotCount)
        {
            _slots = new PackRecord[slotCount];
            for (int i = 0; i < slotCount; i++) _slots[i] = new PackRecord();
            for (int i = 0; i < PlaceCount; i++) _places[i] = new PackRecord();
            Clear();
        }

        /// <summary>Number of rack slots.</summary>
        public int SlotCount { get { return _slots.Length; } }

        /// <summary>Rack slot the depleted pack of the current swap goes to, or -1.</summary>
        public int ReturnSlot { get; set; }

        /// <summary>The pack in rack slot <paramref name="slot"/> (the live record: read it, <see cref="PackRecord.Copy"/> to keep it).</summary>
        public PackRecord Slot(int slot) { return _slots[slot]; }

        /// <summary>The pack at <paramref name="place"/> (the live record: read it, <see cref="PackRecord.Copy"/> to keep it).</summary>
        public PackRecord At(PackPlace place) { return _places[(int)place]; }

        /// <summary>Sets rack slot <paramref name="slot"/> (serial null = empty).</summary>
        public void SetSlot(int slot, string serial, int socPct, PackState state)
        {
            if (serial == null) _slots[slot].Clear();
            else _slots[slot].Set(serial, socPct, state);
        }

        /// <summary>Sets a whole slot record (copies its values).</summary>
        public void SetSlot(int slot, PackRecord record) { _slots[slot].CopyFrom(record); }

        /// <summary>Sets the pack at <paramref name="place"/> (copies its values).</summary>
        public void Set(PackPlace place, PackRecord record) { _places[(int)place].CopyFrom(record); }

        /// <summary>Empties <paramref name="place"/>.</summary>
        public void Empty(PackPlace place) { _places[(int)place].Clear(); }

        /// <summary>Empties every slot and place.</summary>
        public void Clear()
        {
            for (int i = 0; i < _slots.Length; i++) _slots[i].Clear();
            for (int i = 0; i < PlaceCount; i++) _places[i].Clear();
            ReturnSlot = -1;
        }

        /// <summary>Rack slot holding <paramref name="serial"/>, or -1.</summary>
        public int SlotOf(string serial)
        {
            if (serial == null) return -1;
            for (int i = 0; i < _slots.Length; i++) if (_slots[i].Serial == serial) return i;
            return -1;
        }

        /// <summary>True when <paramref name="serial"/> is anywhere in the station (slot or place).</summary>
        public bool Contains(string serial)
        {
            if (SlotOf(serial) >= 0) return true;
            for (int i = 0; i < PlaceCount; i++) if (_places[i].Serial == serial) return true;
            return false;
        }

        /// <summary>The ready pack with the highest state of charge at or above <paramref name="minSocPct"/>, or -1.</summary>
        public int ChooseReady(int minSocPct)
        {
            int best = -1;
            for (int i = 0; i < _slots.Length; i++)
            {
                PackRecord r = _slots[i];
                if (r.IsEmpty || r.State != PackState.Ready || r.InTransit || r.SocPct < minSocPct) continue;
                if (best < 0 || r.SocPct > _slots[best].SocPct) best = i;
            }
            return best;
        }

        /// <summary>First empty rack slot, or -1.</summary>
        public int FirstEmptySlot()
        {
            for (int i = 0; i < _slots.Length; i++) if (_slots[i].IsEmpty) return i;
            return -1;
        }

        /// <summary>Starts moving the pack in <paramref name="slot"/> to <paramref name="to"/> (marked in transit there).</summary>
        public void MoveFromSlot(int slot, PackPlace to)
        {
            PackRecord r = _places[(int)to];
            r.CopyFrom(_slots[slot]);
            r.State = PackState.InUse;
            r.InTransit = true;
            _slots[slot].Clear();
        }

        /// <summary>Starts moving the pack at <paramref name="from"/> to <paramref name="to"/> (marked in transit there).</summary>
        public void Move(PackPlace from, PackPlace to)
        {
            PackRecord r = _places[(int)to];
            r.CopyFrom(_places[(int)from]);
            r.InTransit = true;
            _places[(int)from].Clear();
        }

        /// <summary>Puts the pack at <paramref name="from"/> into rack slot <paramref name="slot"/> with <paramref name="state"/>.</summary>
        public void MoveToSlot(PackPlace from, int slot, PackState state)
        {
            PackRecord r = _slots[slot];
            r.CopyFrom(_places[(int)from]);
            r.State = state;
            r.InTransit = false;
            _places[(int)from].Clear();
        }

        /// <summary>Confirms the pack at <paramref name="place"/> has arrived.</summary>
        public void Arrived(PackPlace place)
        {
            _places[(int)place].InTransit = false;
        }

        /// <summary>True when any pack is marked in transit.</summary>
        public bool AnyInTransit()
        {
            for (int i = 0; i < PlaceCount; i++) if (!_places[i].IsEmpty && _places[i].InTransit) return true;
            return false;
        }

        /// <summary>Copies every slot and place from <paramref name="other"/> (same slot count expected; extra slots ignored).</summary>
        public void CopyFrom(PackInventory other)
        {
            Clear();
            int n = other.SlotCount < SlotCount ? other.SlotCount : SlotCount;
            for (int i = 0; i < n; i++) _slots[i].CopyFrom(other._slots[i]);
            for (int i = 0; i < PlaceCount; i++) _places[i].CopyFrom(other._places[i]);
            ReturnSlot = other.ReturnSlot < SlotCount ? other.ReturnSlot : -1;
        }

        /// <summary>True when every slot and place matches <paramref name="other"/>.</summary>
        public bool SameAs(PackInventory other)
        {
            if (other == null || other.SlotCount != SlotCount || other.ReturnSlot != ReturnSlot) return false;
            for (int i = 0; i < _slots.Length; i++) if (!_slots[i].SameAs(other._slots[i])) return false;
            for (int i = 0; i < PlaceCount; i++) if (!_places[i].SameAs(other._places[i])) return false;
            return true;
        }

        /// <summary>Name of a place ("staging", "lift", …).</summary>
        public static string PlaceName(PackPlace place) { return PlaceNames[(int)place]; }

        /// <summary>Name of a pack state ("ready", …).</summary>
        public static string StateName(PackState state)
        {
            int i = (int)state;
            return i >= 0 && i < StateNames.Length ? StateNames[i] : "?";
        }

        /// <summary>Several lines for a person: every occupied place and slot. Allocates; console and recovery only.</summary>
        public string Describe()
        {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < PlaceCount; i++)
            {
                sb.Append(PlaceNames[i]);
                sb.Append(": ");
                AppendRecord(sb, _places[i]);
                sb.Append('\n');
            }
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i].IsEmpty) continue;
                sb.Append("slot ");
                sb.Append(i);
                sb.Append(": ");
                AppendRecord(sb, _slots[i]);
                sb.Append('\n');
            }
            return sb.ToString();
        }

        private static void AppendRecord(StringBuilder sb, PackRecord r)
        {
            if (r.IsEmpty)
            {
                sb.Append("empty");
                return;
            }
            sb.Append(r.Serial);
            sb.Append(" (");
            if (r.SocPct >= 0)
            {
                sb.Append(r.SocPct);
                sb.Append("% ");
            }
            sb.Append(StateName(r.State));
            if (r.InTransit) sb.Append(", in transit: not confirmed");
            sb.Append(')');
        }
    }
}
