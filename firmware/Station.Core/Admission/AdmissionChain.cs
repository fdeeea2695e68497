using System.Text;
using Station.Core.Swap;
using Station.Hal;

namespace Station.Core.Admission
{
    /// <summary>The one place that decides "may a swap start": an ordered table of checks, each with its reason code and
    /// its words. The controller, the cloud (swap.authorize and local operators) and the console all authorise through
    /// it, and 'why' and 'status' list exactly its checks, so what a person reads is what Authorize applies.</summary>
    /// <remarks>
    /// The first failing check refuses with its own <see cref="RejectReason"/>. Checks marked per-request judge the
    /// authorisation itself (which vehicle pack, which charged pack) and are skipped by 'why', which has no request.
    /// Allocates (words for a person): called from commands, never from the control tick.
    /// </remarks>
    public sealed class AdmissionChain
    {
        private static readonly AdmissionRule[] Rules =
        {
            new AdmissionRule(AdmissionCheck.ConsoleMaintenance, RejectReason.Maintenance, false, false,
                "no technician holds the station in maintenance at the console"),
            new AdmissionRule(AdmissionCheck.RemoteMaintenance, RejectReason.Maintenance, false, false,
                "remote maintenance (cloud) is off"),
            new AdmissionRule(AdmissionCheck.OutboxFull, RejectReason.OutboxFull, false, false,
                "the cloud outbox has room for another swap's records"),
            new AdmissionRule(AdmissionCheck.RecoveryPending, RejectReason.RecoveryPending, false, true,
                "no interrupted swap waits for its recovery to be confirmed"),
            new AdmissionRule(AdmissionCheck.FaultLatched, RejectReason.FaultLatched, false, true,
                "no fault is latched"),
            new AdmissionRule(AdmissionCheck.NotHomed, RejectReason.NotHomed, false, false,
                "the lift is homed"),
            new AdmissionRule(AdmissionCheck.Busy, RejectReason.WrongState, false, true,
                "the station is idle (started, no swap running, no vehicle waiting to leave)"),
            new AdmissionRule(AdmissionCheck.Request, RejectReason.BadAuthorization, true, false,
                "the authorisation is well formed and not expired"),
            new AdmissionRule(AdmissionCheck.PackInTransit, RejectReason.PackInTransit, false, false,
                "no pack is marked in transit"),
            new AdmissionRule(AdmissionCheck.LatchesBetween, RejectReason.LatchesBetween, false, false,
                "every pack lock reads locked or unlocked, none between"),
            new AdmissionRule(AdmissionCheck.BayNotClear, RejectReason.InterlockOpen, false, false,
                "e-stop released, light curtain clear, doors closed, safety relay off without a permit"),
            new AdmissionRule(AdmissionCheck.NoVehicle, RejectReason.NoVehicle, false, false,
                "a vehicle stands at the swap position"),
            new AdmissionRule(AdmissionCheck.InventoryConflict, RejectReason.InventoryMismatch, false, false,
                "the inventory and the pack sensors agree (staging, lift, return point)"),
            new AdmissionRule(AdmissionCheck.VehiclePackMismatch, RejectReason.InventoryMismatch, true, false,
                "the vehicle pack the authorisation names is the one the inventory has"),
            new AdmissionRule(AdmissionCheck.StagedPackMismatch, RejectReason.InventoryMismatch, true, false,
                "the pack the authorisation names is the one waiting at staging, if one waits"),
            new AdmissionRule(AdmissionCheck.NoChargedPack, RejectReason.NoChargedPack, false, false,
                "a charged pack is ready (at staging, or in the rack at or above the minimum state of charge)"),
            new AdmissionRule(AdmissionCheck.NamedPackNotReady, RejectReason.NoChargedPack, true, false,
                "the rack pack the authorisation names is there, ready and at or above the minimum state of charge"),
            new AdmissionRule(AdmissionCheck.BlockBooking, RejectReason.BlockBookingMismatch, true, false,
                "the block booking fits the bay (none at a car bay) and the truck (positions 1-3 it carries blocks at, count = positions)"),
            new AdmissionRule(AdmissionCheck.BlockPacks, RejectReason.NotEnoughReadyPacks, true, false,
                "as many charged blocks are ready as the booking names"),
            new AdmissionRule(AdmissionCheck.NoPackOfStandard, RejectReason.NoPackOfStandard, true, false,
                "a ready pack of a standard the vehicle accepts is there (a truck: one per booked position)"),
            new AdmissionRule(AdmissionCheck.PackStandardNotAccepted, RejectReason.PackStandardNotAccepted, true, false,
                "the pack the authorisation names, or the one waiting at staging, is of a standard the vehicle accepts"),
        };

        private readonly SwapSequencer _seq;
        private readonly StationConfig _c;
        private readonly IClock _clock;

        /// <summary>Builds the chain over the sequencer's state, inventory, sensors and interlocks.</summary>
        public AdmissionChain(SwapSequencer sequencer, StationConfig config, IClock clock)
        {
            _seq = sequencer;
            _c = config;
            _clock = clock;
        }

        /// <summary>Number of checks.</summary>
        public static int Count { get { return Rules.Length; } }

        /// <summary>The check at position <paramref name="index"/> (0..Count-1), in the order the chain asks them.</summary>
        public static AdmissionRule RuleAt(int index) { return Rules[index]; }

        /// <summary>The row of <paramref name="check"/>, or null.</summary>
        public static AdmissionRule Find(AdmissionCheck check)
        {
            for (int i = 0; i < Rules.Length; i++) if (Rules[i].Check == check) return Rules[i];
            return null;
        }

        /// <summary>True while a technician holds the station in maintenance at the console.</summary>
        public bool ConsoleHold { get; set; }

        /// <summary>True while remote maintenance (cloud) is on.</summary>
        public bool RemoteHold { get; set; }

        /// <summary>An outside condition asked before every swap (the cloud outbox plugs in here); null = none.</summary>
        public ISwapAdmission Outbox { get; set; }

        /// <summary>Null when a swap for <paramref name="auth"/> may start; otherwise the first failing check's refusal.</summary>
        public CommandResult Admit(SwapAuthorization auth)
        {
            for (int i = 0; i < Rules.Length; i++)
            {
                string refused = Refusal(Rules[i].Check, auth);
                if (refused != null) return CommandResult.Refuse(Rules[i].Reason, refused);
            }
            return null;
        }

        /// <summary>The first failing check for <paramref name="auth"/>, or null when every check passes.</summary>
        public AdmissionRule FirstFailing(SwapAuthorization auth)
        {
            for (int i = 0; i < Rules.Length; i++) if (Refusal(Rules[i].Check, auth) != null) return Rules[i];
            return null;
        }

        /// <summary>Every station check that fails now, in chain order, in words (the request checks need a request):
        /// holds (maintenance, outbox) one a line, then the bay's own reasons, or "ready: waiting for an authorisation"
        /// when the bay itself has none (so a held station still says it is otherwise ready).</summary>
        public string Why()
        {
            StringBuilder holds = new StringBuilder();
            StringBuilder bay = new StringBuilder();
            for (int i = 0; i < Rules.Length; i++)
            {
                AdmissionRule rule = Rules[i];
                if (rule.PerRequest) continue;
                string words = Refusal(rule.Check, null);
                if (words == null) continue;
                if (IsHold(rule.Check))
                {
                    holds.Append(words);
                    holds.Append('\n');
                    continue;
                }
                if (bay.Length > 0) bay.Append("; ");
                bay.Append(IsStateCheck(rule.Check) ? _seq.Words.StateWords() : words);
                if (rule.Final) break;
            }
            holds.Append(bay.Length == 0 ? "ready: waiting for an authorisation" : bay.ToString());
            return holds.ToString();
        }

        // Holds that forbid swaps whatever the bay looks like; the rest of the chain still says what the bay lacks.
        private static bool IsHold(AdmissionCheck check)
        {
            return check == AdmissionCheck.ConsoleMaintenance || check == AdmissionCheck.RemoteMaintenance || check == AdmissionCheck.OutboxFull;
        }

        /// <summary>What must be settled before any swap (packs in transit, latches between, inventory against sensors),
        /// in words; "" when nothing, and always "" unless the station is idle or not homed (a running swap moves packs
        /// and latches by design).</summary>
        public string Unsettled()
        {
            SwapState s = _seq.State;
            if (s != SwapState.Idle && s != SwapState.NotHomed) return "";
            StringBuilder sb = new StringBuilder();
            AppendIfFailing(sb, AdmissionCheck.PackInTransit);
            AppendIfFailing(sb, AdmissionCheck.LatchesBetween);
            AppendIfFailing(sb, AdmissionCheck.InventoryConflict);
            return sb.ToString();
        }

        private void AppendIfFailing(StringBuilder sb, AdmissionCheck check)
        {
            string words = Refusal(check, null);
            if (words == null) return;
            if (sb.Length > 0) sb.Append("; ");
            sb.Append(words);
        }

        private static bool IsStateCheck(AdmissionCheck check)
        {
            return check == AdmissionCheck.RecoveryPending || check == AdmissionCheck.FaultLatched
                || check == AdmissionCheck.NotHomed || check == AdmissionCheck.Busy;
        }

        /// <summary>Words saying why <paramref name="check"/> refuses now, or null when it passes. A per-request check
        /// passes without a request (<paramref name="auth"/> null).</summary>
        public string Refusal(AdmissionCheck check, SwapAuthorization auth)
        {
            SwapState state = _seq.State;
            PackInventory inv = _seq.Inventory;
            switch (check)
            {
                case AdmissionCheck.ConsoleMaintenance:
                    return ConsoleHold ? "the station is in maintenance (console): no swap starts until the technician leaves it" : null;
                case AdmissionCheck.RemoteMaintenance:
                    return RemoteHold ? "the station is in remote maintenance (cloud): no swap starts until it is left" : null;
                case AdmissionCheck.OutboxFull:
                    return Outbox != null ? Outbox.WhyNoSwaps() : null;
                case AdmissionCheck.RecoveryPending:
                    return state == SwapState.Recovery ? "confirm the recovery first" : null;
                case AdmissionCheck.FaultLatched:
                    return state == SwapState.Faulted ? "reset the fault first" : null;
                case AdmissionCheck.NotHomed:
                    return state == SwapState.NotHomed || state == SwapState.Homing ? "the station must home first" : null;
                case AdmissionCheck.Busy:
                    return state == SwapState.Idle || state == SwapState.Recovery || state == SwapState.Faulted
                        || state == SwapState.NotHomed || state == SwapState.Homing ? null : string.Concat("busy: ", SwapStates.Name(state));
                case AdmissionCheck.Request:
                    return auth == null ? "no authorisation given" : RequestFault(auth);
                case AdmissionCheck.PackInTransit:
                    return _seq.Words.InTransitWords();
                case AdmissionCheck.LatchesBetween:
                    return LatchWords();
                case AdmissionCheck.BayNotClear:
                    return _seq.Interlocks.BayClear && !_seq.Interlocks.RelayOnWithoutPermit(_clock.NowMs) ? null : _seq.Words.InterlockWords();
                case AdmissionCheck.NoVehicle:
                    return _seq.Interlocks.VehiclePositioned ? null : "no vehicle at the swap position";
                case AdmissionCheck.InventoryConflict:
                    string conflicts = _seq.InventoryConflicts();
                    return conflicts.Length == 0 ? null : conflicts;
                case AdmissionCheck.VehiclePackMismatch:
                    PackRecord vehicle = inv.At(PackPlace.Vehicle);
                    if (auth == null || vehicle.IsEmpty || auth.VehiclePackSerial == null || auth.VehiclePackSerial == vehicle.Serial) return null;
                    return string.Concat("the inventory has pack ", vehicle.Serial, " in the vehicle, the authorisation names ",
                        auth.VehiclePackSerial, ": settle it first");
                case AdmissionCheck.StagedPackMismatch:
                    PackRecord staged = inv.At(PackPlace.Staging);
                    if (auth == null || staged.IsEmpty || auth.PackSerial == null || auth.PackSerial == staged.Serial) return null;
                    return "another pack waits at staging: settle it first";
                case AdmissionCheck.NoChargedPack:
                    return NoChargedPackWords(inv);
                case AdmissionCheck.BlockBooking:
                case AdmissionCheck.BlockPacks:
                    return auth == null ? null : _seq.Profile.Refusal(check, _seq, auth);
                case AdmissionCheck.PackStandardNotAccepted:
                case AdmissionCheck.NoPackOfStandard:
                    if (auth == null) return null;
                    // A truck booking is judged per position by its profile; a car's by the one mask.
                    if (auth.BlockPositions != 0) return _seq.Profile.Refusal(check, _seq, auth);
                    return check == AdmissionCheck.NoPackOfStandard ? StandardAdmission.NoPackWords(inv, auth, _c.MinSocPct)
                        : StandardAdmission.WrongPackWords(inv, auth, auth.AcceptedStandards);
                case AdmissionCheck.NamedPackNotReady:
                    return auth == null || auth.PackSerial == null || !inv.At(PackPlace.Staging).IsEmpty ? null : NamedPackWords(inv, auth.PackSerial);
                default:
                    return null;
            }
        }

        private string RequestFault(SwapAuthorization auth)
        {
            if (auth.VehicleId == null || auth.VehicleId.Length == 0 || auth.VehicleId.Length > 32)
                return "vehicle id must be 1..32 characters";
            if (auth.PackSerial != null && (auth.PackSerial.Length == 0 || auth.PackSerial.Length > 32))
                return "pack serial must be 1..32 characters or absent";
            if (auth.VehiclePackSerial != null && (auth.VehiclePackSerial.Length == 0 || auth.VehiclePackSerial.Length > 32))
                return "vehicle pack serial must be 1..32 characters or absent";
            if (auth.VehiclePackSocPct < -1 || auth.VehiclePackSocPct > 100)
                return "vehicle pack SOC must be -1..100";
            if (!PackStandards.ValidMask(auth.AcceptedStandards))
                return "accepted pack standards must name catalogued standards";
            if (auth.PositionStandards != null)
            {
                if (auth.PositionStandards.Length > 3) return "position standards are given for positions 1..3";
                for (int i = 0; i < auth.PositionStandards.Length; i++)
                    if (!PackStandards.ValidMask(auth.PositionStandards[i])) return "accepted pack standards must name catalogued standards";
            }
            if (auth.ExpiresAtMs != 0 && _clock.NowMs > auth.ExpiresAtMs)
                return "authorisation expired";
            return null;
        }

        // Latches neither locked nor unlocked (a cut or fault mid-travel): a vehicle must not be swapped or leave like that.
        private string LatchWords()
        {
            StringBuilder sb = new StringBuilder();
            _seq.Words.AppendLatches(sb);
            return sb.Length == 0 ? null : sb.ToString();
        }

        private string NoChargedPackWords(PackInventory inv)
        {
            PackRecord staged = inv.At(PackPlace.Staging);
            if (!staged.IsEmpty)
                return staged.SocPct < _c.MinSocPct ? "the staged pack is below the minimum state of charge" : null;
            return inv.ChooseReady(_c.MinSocPct) < 0 ? "no ready pack at or above the minimum state of charge" : null;
        }

        private string NamedPackWords(PackInventory inv, string serial)
        {
            int slot = inv.SlotOf(serial);
            if (slot < 0) return "that pack is not in the rack";
            PackRecord p = inv.Slot(slot);
            return p.State != PackState.Ready || p.SocPct < _c.MinSocPct ? "that pack is not ready or below the minimum state of charge" : null;
        }
    }
}
