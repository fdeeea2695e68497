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
        /// <summary>The place records, indexed by <see cref="PackPlace"/>: read as an array where a call per tick is dear
        /// on the interpreter (the car bay's return point).</summary>
        internal readonly PackRecord[] PlaceRecords;
        private readonly string[] _placeNames;
        private readonly PackPlace[] _vehiclePlaces;

        /// <summary>Number of places outside the rack in the car bay (see <see cref="PackPlace"/>); a profile with more
        /// places (the truck's blocks) has <see cref="Places"/> of them.</summary>
        public const int PlaceCount = 4;

        private static readonly string[] CarPlaceNames = { "staging", "lift", "vehicle", "return point" };
        private static readonly PackPlace[] CarVehiclePlaces = { PackPlace.Vehicle };
        private static readonly string[] StateNames = { "empty", "charging", "ready", "faulty", "in use" };

        /// <summary>An empty inventory with <paramref name="slotCount"/> rack slots.</summary>
        public PackInventory(int slotCount) : this(slotCount, CarPlaceNames, CarVehiclePlaces) { }

        /// <summary>An empty inventory with <paramref name="slotCount"/> rack slots and one place per name in
        /// <paramref name="placeNames"/> (index = <see cref="PackPlace"/> number), of which <paramref name="vehiclePlaces"/>
        /// are in the vehicle (they leave with it).</summary>
        public PackInventory(int slotCount, string[] placeNames, PackPlace[] vehiclePlaces)
        {
            _slots = new PackRecord[slotCount];
            _placeNames = placeNames;
            _vehiclePlaces = vehiclePlaces;
            PlaceRecords = new PackRecord[placeNames.Length];
            for (int i = 0; i < slotCount; i++) _slots[i] = new PackRecord();
            for (int i = 0; i < PlaceRecords.Length; i++) PlaceRecords[i] = new PackRecord();
            Clear();
        }

        /// <summary>Number of places outside the rack (4 in the car bay).</summary>
        public int Places { get { return PlaceRecords.Length; } }

        /// <summary>The places that are in the vehicle (car: one; truck: one per block position).</summary>
        public PackPlace[] VehiclePlaces { get { return _vehiclePlaces; } }

        /// <summary>Empties every vehicle place (the vehicle left with its packs).</summary>
        public void EmptyVehicle()
        {
            for (int i = 0; i < _vehiclePlaces.Length; i++) PlaceRecords[(int)_vehiclePlaces[i]].Clear();
        }

        /// <summary>True when a vehicle place holds a pack confirmed there (not in transit).</summary>
        public bool VehicleHoldsSettledPack()
        {
            for (int i = 0; i < _vehiclePlaces.Length; i++)
            {
                PackRecord v = PlaceRecords[(int)_vehiclePlaces[i]];
                if (!v.IsEmpty && !v.InTransit) return true;
            }
            return false;
        }

        /// <summary>Empties the vehicle places whose pack is confirmed there; packs in transit stay for the technician.</summary>
        public void EmptySettledVehiclePlaces()
        {
            for (int i = 0; i < _vehiclePlaces.Length; i++)
            {
                PackRecord v = PlaceRecords[(int)_vehiclePlaces[i]];
                if (!v.IsEmpty && !v.InTransit) v.Clear();
            }
        }

        /// <summary>Number of rack slots.</summary>
        public int SlotCount { get { return _slots.Length; } }

        /// <summary>Rack slot the depleted pack of the current swap goes to, or -1.</summary>
        public int ReturnSlot { get; set; }

        /// <summary>The pack in rack slot <paramref name="slot"/> (the live record: read it, <see cref="PackRecord.Copy"/> to keep it).</summary>
        public PackRecord Slot(int slot) { return _slots[slot]; }

        /// <summary>The pack at <paramref name="place"/> (the live record: read it, <see cref="PackRecord.Copy"/> to keep it).</summary>
        public PackRecord At(PackPlace place) { return PlaceRecords[(int)place]; }

        /// <summary>Sets rack slot <paramref name="slot"/> (serial null = empty).</summary>
        public void SetSlot(int slot, string serial, int socPct, PackState state)
        {
            if (serial == null) _slots[slot].Clear();
            else _slots[slot].Set(serial, socPct, state);
        }

        /// <summary>Sets rack slot <paramref name="slot"/> to a pack of <paramref name="standard"/> (serial null = empty).</summary>
        public void SetSlot(int slot, string serial, int socPct, PackState state, PackStandard standard)
        {
            if (serial == null) _slots[slot].Clear();
            else _slots[slot].Set(serial, socPct, state, standard);
        }

        /// <summary>Sets a whole slot record (copies its values).</summary>
        public void SetSlot(int slot, PackRecord record) { _slots[slot].CopyFrom(record); }

        /// <summary>Sets the pack at <paramref name="place"/> (copies its values).</summary>
        public void Set(PackPlace place, PackRecord record) { PlaceRecords[(int)place].CopyFrom(record); }

        /// <summary>Empties <paramref name="place"/>.</summary>
        public void Empty(PackPlace place) { PlaceRecords[(int)place].Clear(); }

        /// <summary>Empties every slot and place.</summary>
        public void Clear()
        {
            for (int i = 0; i < _slots.Length; i++) _slots[i].Clear();
            for (int i = 0; i < PlaceRecords.Length; i++) PlaceRecords[i].Clear();
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
            for (int i = 0; i < PlaceRecords.Length; i++) if (PlaceRecords[i].Serial == serial) return true;
            return false;
        }

        /// <summary>The ready pack with the highest state of charge at or above <paramref name="minSocPct"/>, or -1.</summary>
        public int ChooseReady(int minSocPct) { return ChooseReady(minSocPct, 0); }

        /// <summary>The ready pack with the highest state of charge at or above <paramref name="minSocPct"/> whose standard
        /// a vehicle accepting <paramref name="acceptedStandards"/> takes (0 = any, see PackStandards.Accepts), or -1.</summary>
        public int ChooseReady(int minSocPct, int acceptedStandards)
        {
            int best = -1;
            for (int i = 0; i < _slots.Length; i++)
            {
                PackRecord r = _slots[i];
                if (r.IsEmpty || r.State != PackState.Ready || r.InTransit || r.SocPct < minSocPct) continue;
                if (!PackStandards.Accepts(acceptedStandards, r.Standard)) continue;
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
            PackRecord r = PlaceRecords[(int)to];
            r.CopyFrom(_slots[slot]);
            r.State = PackState.InUse;
            r.InTransit = true;
            _slots[slot].Clear();
        }

        /// <summary>Starts moving the pack at <paramref name="from"/> to <paramref name="to"/> (marked in transit there).</summary>
        public void Move(PackPlace from, PackPlace to)
        {
            PackRecord r = PlaceRecords[(int)to];
            r.CopyFrom(PlaceRecords[(int)from]);
            r.InTransit = true;
            PlaceRecords[(int)from].Clear();
        }

        /// <summary>Puts the pack at <paramref name="from"/> into rack slot <paramref name="slot"/> with <paramref name="state"/>.</summary>
        public void MoveToSlot(PackPlace from, int slot, PackState state)
        {
            PackRecord r = _slots[slot];
            r.CopyFrom(PlaceRecords[(int)from]);
            r.State = state;
            r.InTransit = false;
            PlaceRecords[(int)from].Clear();
        }

        /// <summary>Confirms the pack at <paramref name="place"/> has arrived.</summary>
        public void Arrived(PackPlace place)
        {
            PlaceRecords[(int)place].InTransit = false;
        }

        /// <summary>True when any pack is marked in transit.</summary>
        public bool AnyInTransit()
        {
            for (int i = 0; i < PlaceRecords.Length; i++) if (!PlaceRecords[i].IsEmpty && PlaceRecords[i].InTransit) return true;
            return false;
        }

        /// <summary>Copies every slot and place from <paramref name="other"/> (same slot count expected; extra slots ignored).</summary>
        public void CopyFrom(PackInventory other)
        {
            Clear();
            int n = other.SlotCount < SlotCount ? other.SlotCount : SlotCount;
            for (int i = 0; i < n; i++) _slots[i].CopyFrom(other._slots[i]);
            int places = other.PlaceRecords.Length < PlaceRecords.Length ? other.PlaceRecords.Length : PlaceRecords.Length;
            for (int i = 0; i < places; i++) PlaceRecords[i].CopyFrom(other.PlaceRecords[i]);
            ReturnSlot = other.ReturnSlot < SlotCount ? other.ReturnSlot : -1;
        }

        /// <summary>True when every slot and place matches <paramref name="other"/>.</summary>
        public bool SameAs(PackInventory other)
        {
            if (other == null || other.SlotCount != SlotCount || other.ReturnSlot != ReturnSlot || other.PlaceRecords.Length != PlaceRecords.Length) return false;
            for (int i = 0; i < _slots.Length; i++) if (!_slots[i].SameAs(other._slots[i])) return false;
            for (int i = 0; i < PlaceRecords.Length; i++) if (!PlaceRecords[i].SameAs(other.PlaceRecords[i])) return false;
            return true;
        }

        /// <summary>Name of a place ("staging", "lift", …).</summary>
        public static string PlaceName(PackPlace place) { return CarPlaceNames[(int)place]; }

        /// <summary>This inventory's name of a place ("staging", "fork", "block 2", …; "?" when it has no such place).</summary>
        public string NameOf(PackPlace place)
        {
            int i = (int)place;
            return i >= 0 && i < _placeNames.Length ? _placeNames[i] : "?";
        }

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
            for (int i = 0; i < PlaceRecords.Length; i++)
            {
                sb.Append(_placeNames[i]);
                sb.Append(": ");
                AppendRecord(sb, PlaceRecords[i]);
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
            if (r.Standard != PackStandard.Unspecified)
            {
                sb.Append(", ");
                sb.Append(PackStandards.Name(r.Standard));
            }
            if (r.InTransit) sb.Append(", in transit: not confirmed");
            sb.Append(')');
        }
    }
}
