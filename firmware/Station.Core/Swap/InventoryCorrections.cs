namespace Station.Core.Swap
{
    /// <summary>A technician's (or rack handler's) corrections of the inventory outside a swap: a rack slot, a place.
    /// Journaled; refused during a swap and when the serial is already elsewhere.</summary>
    public sealed class InventoryCorrections
    {
        private readonly SwapSequencer _s;

        /// <summary>The inventory corrections of <paramref name="s"/>.</summary>
        public InventoryCorrections(SwapSequencer s) { _s = s; }

        /// <summary>Sets a rack slot (rack handler or technician); journaled. Refused during a swap.</summary>
        public CommandResult SetRackSlot(int slot, string serial, int socPct, PackState state)
        {
            return SetRackSlot(slot, serial, socPct, state, (PackStandard)_s.Config.DefaultPackStandard);
        }

        /// <summary>Sets a rack slot to a pack of <paramref name="standard"/> (rack handler, technician, simulator);
        /// journaled. Refused during a swap.</summary>
        public CommandResult SetRackSlot(int slot, string serial, int socPct, PackState state, PackStandard standard)
        {
            _s.ReadClock();
            if (SwapStates.IsIn(_s.State, SwapState.Motion) && _s.State != SwapState.Homing)
                return CommandResult.Refuse(RejectReason.WrongState, "not during a swap");
            if (slot < 0 || slot >= _s.Inventory.SlotCount) return CommandResult.Refuse(RejectReason.BadAuthorization, "no such slot");
            if (serial != null && (serial.Length == 0 || serial.Length > 32)) return CommandResult.Refuse(RejectReason.BadAuthorization, "serial must be 1..32 characters");
            if (socPct < -1 || socPct > 100) return CommandResult.Refuse(RejectReason.BadAuthorization, "SOC must be -1..100");
            if (state == PackState.InUse || (serial != null && state == PackState.Empty)) return CommandResult.Refuse(RejectReason.BadAuthorization, "a rack pack is charging, ready or faulty");
            if (serial != null && _s.Inventory.Slot(slot).Serial != serial && _s.Inventory.Contains(serial))
                return CommandResult.Refuse(RejectReason.InventoryMismatch, "that serial is already elsewhere in the station");
            if (!PackStandards.Known((int)standard)) return CommandResult.Refuse(RejectReason.BadAuthorization, "unknown pack standard");
            PackRecord before = _s.Inventory.Slot(slot).Copy();
            _s.Inventory.SetSlot(slot, serial, socPct, state, standard);
            if (_s.State != SwapState.Off && !_s.TryJournal())
            {
                _s.Inventory.SetSlot(slot, before);
                return CommandResult.Refuse(RejectReason.StorageFailed, "the journal could not be written");
            }
            return CommandResult.Ok("slot set");
        }

        /// <summary>Technician correction of a place (staging, lift, vehicle, return point) outside a swap; journaled.</summary>
        public CommandResult SetPlace(PackPlace place, string serial, int socPct)
        {
            _s.ReadClock();
            if (SwapStates.IsIn(_s.State, SwapState.Motion) || _s.State == SwapState.Released)
                return CommandResult.Refuse(RejectReason.WrongState, "not during a swap");
            if ((int)place < 0 || (int)place >= _s.Inventory.Places) return CommandResult.Refuse(RejectReason.BadAuthorization, "no such place");
            if (serial != null && (serial.Length == 0 || serial.Length > 32)) return CommandResult.Refuse(RejectReason.BadAuthorization, "serial must be 1..32 characters");
            if (socPct < -1 || socPct > 100) return CommandResult.Refuse(RejectReason.BadAuthorization, "SOC must be -1..100");
            // A serial is in one place only: a pack already recorded elsewhere (rack slot or another place) is moved with
            // 'rack clear' / 'pack place ... none' first, never duplicated.
            if (serial != null && _s.Inventory.At(place).Serial != serial && _s.Inventory.Contains(serial))
                return CommandResult.Refuse(RejectReason.InventoryMismatch, "that serial is already elsewhere in the station");
            PackRecord before = _s.Inventory.At(place).Copy();
            _s.Inventory.Set(place, serial == null ? PackRecord.None() : PackRecord.Of(serial, socPct, PackState.InUse));
            if (_s.State != SwapState.Off && !_s.TryJournal())
            {
                _s.Inventory.Set(place, before);
                return CommandResult.Refuse(RejectReason.StorageFailed, "the journal could not be written");
            }
            return CommandResult.Ok("place set");
        }
    }
}
