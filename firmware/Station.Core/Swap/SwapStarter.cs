namespace Station.Core.Swap
{
    /// <summary>Starts a swap the admission chain admitted: picks the pack, builds the swap record, records the
    /// vehicle's pack, and enters the first step through the table (undone whole when the table refuses).</summary>
    public sealed class SwapStarter
    {
        private readonly SwapSequencer _s;

        /// <summary>The swap start of <paramref name="s"/>.</summary>
        public SwapStarter(SwapSequencer s) { _s = s; }

        /// <summary>Authorises a swap for the vehicle in the bay (see <see cref="SwapAuthorization"/>).</summary>
        public CommandResult Authorize(SwapAuthorization auth)
        {
            _s.ReadClock();
            // Every check lives in the one admission chain (_s.Admission/AdmissionChain.cs): controller, cloud and console alike.
            CommandResult refused = _s.Admission.Admit(auth);
            if (refused != null) return refused;
            CommandResult own = _s.Profile.Authorize(_s, auth);
            if (own != null) return own;
            PackRecord vehiclePack = _s.Inventory.At(PackPlace.Vehicle).Copy();
            PackRecord staged = _s.Inventory.At(PackPlace.Staging);
            int slot = -1;
            string packIn;
            int packInSoc;
            PackStandard packInStandard;
            if (!staged.IsEmpty)
            {
                // A pack already waits at staging (left there by an earlier fault): it is the one to use.
                packIn = staged.Serial;
                packInSoc = staged.SocPct;
                packInStandard = staged.Standard;
            }
            else
            {
                slot = auth.PackSerial == null ? _s.Inventory.ChooseReady(_s.Config.MinSocPct, auth.AcceptedStandards) : _s.Inventory.SlotOf(auth.PackSerial);
                if (slot < 0) return CommandResult.Refuse(RejectReason.NoChargedPack, "no ready pack");
                packIn = _s.Inventory.Slot(slot).Serial;
                packInSoc = _s.Inventory.Slot(slot).SocPct;
                packInStandard = _s.Inventory.Slot(slot).Standard;
            }

            SwapRecord rec = new SwapRecord();
            rec.SwapId = _s.SwapCounter + 1;
            rec.VehicleId = auth.VehicleId;
            rec.PackInSerial = packIn;
            rec.PackInSocPct = packInSoc;
            rec.PackInStandard = packInStandard;
            // A pack the inventory already knows in the vehicle is kept as it is (never overwritten by a guess).
            rec.PackOutSerial = vehiclePack.IsEmpty ? auth.VehiclePackSerial : vehiclePack.Serial;
            rec.PackOutSocPct = vehiclePack.IsEmpty ? auth.VehiclePackSocPct : vehiclePack.SocPct;
            rec.SourceSlot = slot;
            rec.StartUtc = _s.Io.Clock.UtcNow;
            rec.StartMs = _s.Now;
            int returnSlot = _s.Inventory.ReturnSlot;
            if (vehiclePack.IsEmpty)
            {
                string outSerial = auth.VehiclePackSerial != null ? auth.VehiclePackSerial : string.Concat(SwapAuthorization.UnknownPackPrefix, auth.VehicleId);
                // A serial is in the inventory once: an unknown pack of a vehicle seen before gets the swap number too.
                if (auth.VehiclePackSerial == null && _s.Inventory.Contains(outSerial)) outSerial = string.Concat(outSerial, "#", rec.SwapId.ToString());
                rec.PackOutSerial = auth.VehiclePackSerial;
                _s.Inventory.Set(PackPlace.Vehicle, PackRecord.Of(outSerial, auth.VehiclePackSocPct, PackState.InUse));
            }
            _s.Inventory.ReturnSlot = slot >= 0 ? slot : _s.Inventory.FirstEmptySlot();
            _s.CurrentSwap = rec;
            _s.SwapCounter++;
            if (!_s.Dispatch(SwapSignal.Authorize))
            {
                _s.SwapCounter--;
                _s.CurrentSwap = null;
                _s.Inventory.Set(PackPlace.Vehicle, vehiclePack);
                _s.Inventory.ReturnSlot = returnSlot;
                return CommandResult.Refuse(RejectReason.WrongState, "the station cannot start a swap now");
            }
            if (_s.State == SwapState.Faulted) return CommandResult.Refuse(RejectReason.StorageFailed, "the journal could not be written");
            return CommandResult.Ok(string.Concat("swap started with pack ", packIn));
        }
    }
}
