namespace Station.Core.Swap
{
    /// <summary>Commands: each checks its preconditions, answers with a reason, and acts only through the table.</summary>
    public sealed partial class SwapSequencer
    {
        /// <summary>Power-up: all outputs off, read the journal, then Recovery, Faulted or NotHomed. Never moves.</summary>
        public CommandResult Start()
        {
            if (_state != SwapState.Off) return CommandResult.Refuse(RejectReason.WrongState, "already started");
            _now = _io.Clock.NowMs;
            StopAllOutputs();
            Interlocks.Sample(_now);
            _packAtStaging.Sample(_now);
            _packOnLift.Sample(_now);
            _packAtReturn.Sample(_now);
            Journal.JournalSnapshot snap = _journal.Load(_c.RackSlots);
            if (snap != null)
            {
                Inventory.CopyFrom(snap.Inventory);
                _swapCounter = snap.SwapCounter;
                LatchedFault = snap.LatchedFault;
                if (snap.Swap != null && snap.Swap.Outcome == SwapOutcome.InProgress)
                {
                    CurrentSwap = snap.Swap;
                    // A swap held by a fault already names the step the fault stopped; keep it.
                    if (snap.State != SwapState.Faulted || CurrentSwap.InterruptedStep == SwapState.Off) CurrentSwap.InterruptedStep = snap.State;
                    InterruptedStep = snap.State;
                    InterruptedAtStart = true;
                }
                else if (snap.Swap != null)
                {
                    LastSwap = snap.Swap;
                }
            }
            if (_journal.CorruptBytes > 0)
            {
                Log(Station.Hal.LogLevel.Error, string.Concat("journal: ", _journal.CorruptBytes.ToString(),
                    _journal.EvidenceKept ? " damaged bytes skipped, file kept in " : " damaged bytes skipped, could not copy to ",
                    Station.Core.Journal.SwapJournal.EvidenceFileName));
            }
            else if (_journal.DiscardedBytes > 0) Log(Station.Hal.LogLevel.Warning, "journal: torn last record ignored");
            Dispatch(SwapSignal.PowerUp);
            if (_state != SwapState.Recovery) TrackDeparture(); // the vehicle may have left during the outage
            return CommandResult.Ok(SwapStates.Name(_state));
        }

        /// <summary>Authorises a swap for the vehicle in the bay (see <see cref="SwapAuthorization"/>).</summary>
        public CommandResult Authorize(SwapAuthorization auth)
        {
            _now = _io.Clock.NowMs;
            // Every check lives in the one admission chain (Admission/AdmissionChain.cs): controller, cloud and console alike.
            CommandResult refused = Admission.Admit(auth);
            if (refused != null) return refused;
            CommandResult own = _profile.Authorize(this, auth);
            if (own != null) return own;
            PackRecord vehiclePack = Inventory.At(PackPlace.Vehicle).Copy();
            PackRecord staged = Inventory.At(PackPlace.Staging);
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
                slot = auth.PackSerial == null ? Inventory.ChooseReady(_c.MinSocPct, auth.AcceptedStandards) : Inventory.SlotOf(auth.PackSerial);
                if (slot < 0) return CommandResult.Refuse(RejectReason.NoChargedPack, "no ready pack");
                packIn = Inventory.Slot(slot).Serial;
                packInSoc = Inventory.Slot(slot).SocPct;
                packInStandard = Inventory.Slot(slot).Standard;
            }

            SwapRecord rec = new SwapRecord();
            rec.SwapId = _swapCounter + 1;
            rec.VehicleId = auth.VehicleId;
            rec.PackInSerial = packIn;
            rec.PackInSocPct = packInSoc;
            rec.PackInStandard = packInStandard;
            // A pack the inventory already knows in the vehicle is kept as it is (never overwritten by a guess).
            rec.PackOutSerial = vehiclePack.IsEmpty ? auth.VehiclePackSerial : vehiclePack.Serial;
            rec.PackOutSocPct = vehiclePack.IsEmpty ? auth.VehiclePackSocPct : vehiclePack.SocPct;
            rec.SourceSlot = slot;
            rec.StartUtc = _io.Clock.UtcNow;
            rec.StartMs = _now;
            int returnSlot = Inventory.ReturnSlot;
            if (vehiclePack.IsEmpty)
            {
                string outSerial = auth.VehiclePackSerial != null ? auth.VehiclePackSerial : string.Concat(SwapAuthorization.UnknownPackPrefix, auth.VehicleId);
                // A serial is in the inventory once: an unknown pack of a vehicle seen before gets the swap number too.
                if (auth.VehiclePackSerial == null && Inventory.Contains(outSerial)) outSerial = string.Concat(outSerial, "#", rec.SwapId.ToString());
                rec.PackOutSerial = auth.VehiclePackSerial;
                Inventory.Set(PackPlace.Vehicle, PackRecord.Of(outSerial, auth.VehiclePackSocPct, PackState.InUse));
            }
            Inventory.ReturnSlot = slot >= 0 ? slot : Inventory.FirstEmptySlot();
            CurrentSwap = rec;
            _swapCounter++;
            if (!Dispatch(SwapSignal.Authorize))
            {
                _swapCounter--;
                CurrentSwap = null;
                Inventory.Set(PackPlace.Vehicle, vehiclePack);
                Inventory.ReturnSlot = returnSlot;
                return CommandResult.Refuse(RejectReason.WrongState, "the station cannot start a swap now");
            }
            if (_state == SwapState.Faulted) return CommandResult.Refuse(RejectReason.StorageFailed, "the journal could not be written");
            return CommandResult.Ok(string.Concat("swap started with pack ", packIn));
        }

        /// <summary>Cancels an authorised swap before anything moved; later a swap can only be stopped (EmergencyStop).</summary>
        public CommandResult Cancel()
        {
            _now = _io.Clock.NowMs;
            if (_state == SwapState.Arming)
            {
                Dispatch(SwapSignal.Cancel);
                return CommandResult.Ok("swap cancelled");
            }
            if (SwapStates.IsIn(_state, SwapState.Swapping))
                return CommandResult.Refuse(RejectReason.TooLateToCancel, "the swap is under way: use an emergency stop to halt it");
            return CommandResult.Refuse(RejectReason.WrongState, "no swap to cancel");
        }

        /// <summary>Clears the latched fault when the inputs allow; the station must home next.</summary>
        public CommandResult ResetFault()
        {
            _now = _io.Clock.NowMs;
            if (_state != SwapState.Faulted) return CommandResult.Refuse(RejectReason.WrongState, "no fault latched");
            if (!Interlocks.HealthyForReset(_now)) return CommandResult.Refuse(RejectReason.InterlockOpen, InterlockWords());
            Dispatch(SwapSignal.ResetFault);
            return CommandResult.Ok("fault cleared: home the station next");
        }

        /// <summary>Operator confirms the recovery report after a power loss; the station then homes.</summary>
        public CommandResult ConfirmRecovery()
        {
            _now = _io.Clock.NowMs;
            if (_state != SwapState.Recovery) return CommandResult.Refuse(RejectReason.WrongState, "no recovery pending");
            if (!Interlocks.HealthyForReset(_now)) return CommandResult.Refuse(RejectReason.InterlockOpen, InterlockWords());
            Dispatch(SwapSignal.ConfirmRecovery);
            return CommandResult.Ok("recovery confirmed: homing");
        }

        /// <summary>Homes the lift (from NotHomed or Idle).</summary>
        public CommandResult Home()
        {
            _now = _io.Clock.NowMs;
            if (_state == SwapState.Recovery) return CommandResult.Refuse(RejectReason.RecoveryPending, "confirm the recovery first");
            if (_state == SwapState.Faulted) return CommandResult.Refuse(RejectReason.FaultLatched, "reset the fault first");
            if (_state != SwapState.NotHomed && _state != SwapState.Idle) return CommandResult.Refuse(RejectReason.WrongState, "cannot home now");
            if (!Interlocks.HealthyForReset(_now)) return CommandResult.Refuse(RejectReason.InterlockOpen, InterlockWords());
            Dispatch(SwapSignal.Home);
            return CommandResult.Ok("homing");
        }

        /// <summary>Stops homing at a person's request: every output off in this call, the lift's position forgotten, no
        /// fault (NotHomed; 'home' starts again). Refused outside Homing.</summary>
        public CommandResult StopHoming()
        {
            _now = _io.Clock.NowMs;
            if (_state != SwapState.Homing) return CommandResult.Refuse(RejectReason.WrongState, "not homing");
            Dispatch(SwapSignal.StopHoming);
            return CommandResult.Ok("homing stopped: the lift is not homed");
        }

        /// <summary>Software stop: every output off in this call and a SoftwareStop fault latched (unless nothing can move).</summary>
        public CommandResult EmergencyStop()
        {
            _now = _io.Clock.NowMs;
            StopAllOutputs();
            if (_state == SwapState.Off || _state == SwapState.Recovery)
                return CommandResult.Ok("stopped: nothing was moving");
            if (_state == SwapState.Faulted) return CommandResult.Ok("stopped: a fault is already latched");
            RaiseFault(FaultCode.SoftwareStop);
            return CommandResult.Ok("stopped: fault SoftwareStop latched");
        }

        /// <summary>Sets a rack slot (rack handler or technician); journaled. Refused during a swap.</summary>
        public CommandResult SetRackSlot(int slot, string serial, int socPct, PackState state)
        {
            return SetRackSlot(slot, serial, socPct, state, (PackStandard)_c.DefaultPackStandard);
        }

        /// <summary>Sets a rack slot to a pack of <paramref name="standard"/> (rack handler, technician, simulator);
        /// journaled. Refused during a swap.</summary>
        public CommandResult SetRackSlot(int slot, string serial, int socPct, PackState state, PackStandard standard)
        {
            _now = _io.Clock.NowMs;
            if (SwapStates.IsIn(_state, SwapState.Motion) && _state != SwapState.Homing)
                return CommandResult.Refuse(RejectReason.WrongState, "not during a swap");
            if (slot < 0 || slot >= Inventory.SlotCount) return CommandResult.Refuse(RejectReason.BadAuthorization, "no such slot");
            if (serial != null && (serial.Length == 0 || serial.Length > 32)) return CommandResult.Refuse(RejectReason.BadAuthorization, "serial must be 1..32 characters");
            if (socPct < -1 || socPct > 100) return CommandResult.Refuse(RejectReason.BadAuthorization, "SOC must be -1..100");
            if (state == PackState.InUse || (serial != null && state == PackState.Empty)) return CommandResult.Refuse(RejectReason.BadAuthorization, "a rack pack is charging, ready or faulty");
            if (serial != null && Inventory.Slot(slot).Serial != serial && Inventory.Contains(serial))
                return CommandResult.Refuse(RejectReason.InventoryMismatch, "that serial is already elsewhere in the station");
            if (!PackStandards.Known((int)standard)) return CommandResult.Refuse(RejectReason.BadAuthorization, "unknown pack standard");
            PackRecord before = Inventory.Slot(slot).Copy();
            Inventory.SetSlot(slot, serial, socPct, state, standard);
            if (_state != SwapState.Off && !_journal.Write(_state, LatchedFault, _swapCounter, JournalSwap, Inventory))
            {
                Inventory.SetSlot(slot, before);
                return CommandResult.Refuse(RejectReason.StorageFailed, "the journal could not be written");
            }
            return CommandResult.Ok("slot set");
        }

        /// <summary>Technician correction of a place (staging, lift, vehicle, return point) outside a swap; journaled.</summary>
        public CommandResult SetPlace(PackPlace place, string serial, int socPct)
        {
            _now = _io.Clock.NowMs;
            if (SwapStates.IsIn(_state, SwapState.Motion) || _state == SwapState.Released)
                return CommandResult.Refuse(RejectReason.WrongState, "not during a swap");
            if ((int)place < 0 || (int)place >= Inventory.Places) return CommandResult.Refuse(RejectReason.BadAuthorization, "no such place");
            if (serial != null && (serial.Length == 0 || serial.Length > 32)) return CommandResult.Refuse(RejectReason.BadAuthorization, "serial must be 1..32 characters");
            if (socPct < -1 || socPct > 100) return CommandResult.Refuse(RejectReason.BadAuthorization, "SOC must be -1..100");
            // A serial is in one place only: a pack already recorded elsewhere (rack slot or another place) is moved with
            // 'rack clear' / 'pack place ... none' first, never duplicated.
            if (serial != null && Inventory.At(place).Serial != serial && Inventory.Contains(serial))
                return CommandResult.Refuse(RejectReason.InventoryMismatch, "that serial is already elsewhere in the station");
            PackRecord before = Inventory.At(place).Copy();
            Inventory.Set(place, serial == null ? PackRecord.None() : PackRecord.Of(serial, socPct, PackState.InUse));
            if (_state != SwapState.Off && !_journal.Write(_state, LatchedFault, _swapCounter, JournalSwap, Inventory))
            {
                Inventory.Set(place, before);
                return CommandResult.Refuse(RejectReason.StorageFailed, "the journal could not be written");
            }
            return CommandResult.Ok("place set");
        }
    }
}
