using System.Text;

namespace Station.Core.Swap
{
    /// <summary>Words for a person: why the station is not swapping right now, what recovery left unsettled, which
    /// interlock is open. Reads the sequencer, changes nothing. Allocates; console and cloud only, never the tick.</summary>
    public sealed class SwapWords
    {
        private readonly SwapSequencer _s;

        /// <summary>Words about <paramref name="s"/>.</summary>
        public SwapWords(SwapSequencer s) { _s = s; }

        /// <summary>One or more sentences naming every reason the station cannot start (or is not running) a swap.</summary>
        public string WhyNotSwapping()
        {
            // The admission chain lists exactly the checks Authorize applies; this file words the station's state.
            string why = _s.Admission.Why();
            if (_s.Journal.CorruptBytes == 0) return why;
            // Damage found at start-up is said with every answer until the next restart: the inventory may be older.
            StringBuilder sb = new StringBuilder(why);
            sb.Append("\njournal: ");
            sb.Append(_s.Journal.CorruptBytes);
            sb.Append(" damaged bytes were skipped at start-up (copy in ");
            sb.Append(Station.Core.Journal.SwapJournal.EvidenceFileName);
            sb.Append("): check the packs.");
            return sb.ToString();
        }

        /// <summary>The station's state in words for the admission chain's state checks (recovery, fault, homing, busy);
        /// null when idle.</summary>
        public string StateWords()
        {
            StringBuilder sb = new StringBuilder();
            switch (_s.State)
            {
                case SwapState.Off:
                    return "not started";
                case SwapState.Recovery:
                    sb.Append("power was lost during swap ");
                    sb.Append(_s.CurrentSwap != null ? _s.CurrentSwap.SwapId : 0);
                    sb.Append(" at step ");
                    sb.Append(SwapStates.Name(_s.InterruptedStep));
                    if (_s.LatchedFault != FaultCode.None)
                    {
                        sb.Append(" (fault ");
                        sb.Append((int)_s.LatchedFault);
                        sb.Append(' ');
                        sb.Append(FaultCatalogue.Name(_s.LatchedFault));
                        sb.Append(" latched during ");
                        sb.Append(SwapStates.Name(_s.CurrentSwap != null ? _s.CurrentSwap.InterruptedStep : _s.InterruptedStep));
                        sb.Append(')');
                    }
                    // Console and cloud share these words: name the commands a person types (only the console can confirm).
                    sb.Append(": check the bay, then confirm recovery at the bay console (maint enter <pin>, then recover confirm;"
                        + " the cloud has no such command); the station then homes.");
                    string hold = _s.Profile.HomingHold(_s);
                    if (hold != null)
                    {
                        sb.Append("\nfirst: ");
                        sb.Append(hold);
                        sb.Append('.');
                    }
                    // What recovery cannot settle by itself: said now, so nobody takes the homed station for ready.
                    StringBuilder unsettled = new StringBuilder();
                    AppendLatches(unsettled);
                    string transit = InTransitWords();
                    if (transit != null) Sentence(unsettled, transit);
                    if (unsettled.Length > 0)
                    {
                        sb.Append("\nto settle after the recovery: ");
                        sb.Append(unsettled.ToString());
                        sb.Append('.');
                    }
                    sb.Append(" Packs:\n");
                    sb.Append(_s.Inventory.Describe());
                    return sb.ToString();
                case SwapState.Faulted:
                    sb.Append("fault ");
                    sb.Append((int)_s.LatchedFault);
                    sb.Append(' ');
                    sb.Append(FaultCatalogue.Name(_s.LatchedFault));
                    sb.Append(": ");
                    sb.Append(FaultCatalogue.Meaning(_s.LatchedFault));
                    sb.Append(" Technician: ");
                    sb.Append(FaultCatalogue.Action(_s.LatchedFault));
                    if (FaultCatalogue.IsIn(_s.LatchedFault, FaultCategory.PackCheck))
                    {
                        sb.Append(" Pack check: ");
                        sb.Append(_s.Gate.Check.Reason);
                    }
                    return sb.ToString();
                case SwapState.NotHomed:
                    // The bay's own name for what homes: a truck bay's technician looks for the robot, not a lift.
                    string mover = string.Concat("the ", _s.Profile.Devices(_s).Mover, " is not homed");
                    string held = _s.Profile.HomingHold(_s);
                    if (held != null) return string.Concat(mover, ", and ", held);
                    return string.Concat(mover, ": home it at the bay console (maint enter <pin>, then home; the cloud has no home command)");
                case SwapState.Homing:
                    return "homing";
                case SwapState.Released:
                    return "swap done: waiting for the vehicle to leave";
                case SwapState.Idle:
                    return null;
                default:
                    sb.Append("swapping: step ");
                    sb.Append(SwapStates.Name(_s.State));
                    return sb.ToString();
            }
        }

        /// <summary>The packs marked in transit, in words, or null when none: Authorize refuses while any is.</summary>
        public string InTransitWords()
        {
            if (!_s.Inventory.AnyInTransit()) return null;
            StringBuilder sb = new StringBuilder("a pack is in transit (not confirmed where it is): ");
            bool first = true;
            for (int i = 0; i < _s.Inventory.Places; i++)
            {
                PackRecord r = _s.Inventory.At((PackPlace)i);
                if (r.IsEmpty || !r.InTransit) continue;
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(r.Serial);
                sb.Append(" at ");
                sb.Append(_s.Inventory.NameOf((PackPlace)i));
            }
            sb.Append("; settle it before the next swap");
            return sb.ToString();
        }

        /// <summary>Appends the latches neither locked nor unlocked (a cut or fault mid-travel): the vehicle must not leave like that.</summary>
        public void AppendLatches(StringBuilder sb)
        {
            int between = 0;
            for (int i = 0; i < _s.Locks.Count; i++) if (!_s.Locks.IsLocked(i) && !_s.Locks.IsUnlocked(i)) between++;
            if (between == 0) return;
            Sentence(sb, "");
            sb.Append(between);
            sb.Append(" of ");
            sb.Append(_s.Locks.Count);
            sb.Append(" pack locks read between positions (not locked, not unlocked): the vehicle must not leave until they are settled");
        }

        /// <summary>The disagreements between the inventory and the pack sensors that make Authorize refuse, in words
        /// ("" when none, and always "" while a swap runs: its steps move packs between places, so inventory and sensors
        /// disagree by design until each step ends). Allocates; console and cloud only.</summary>
        public string InventoryConflicts()
        {
            if (SwapStates.IsIn(_s.State, SwapState.Swapping) || _s.State == SwapState.Released) return "";
            StringBuilder sb = new StringBuilder();
            AppendInventoryConflicts(sb);
            return sb.ToString();
        }

        // Every disagreement between the inventory and the pack sensors that makes Authorize refuse, named by place and
        // pack, so the technician knows what to settle (the console adds the command that settles it).
        private void AppendInventoryConflicts(StringBuilder sb)
        {
            PackRecord staged = _s.Inventory.At(PackPlace.Staging);
            if (!staged.IsEmpty && !_s.PackAtStagingSensed)
                Place(sb, "the inventory has pack ", staged.Serial, " at staging", staged.InTransit
                    ? " (in transit: not confirmed) but the staging sensor sees no pack there" : " but the staging sensor sees no pack there");
            else if (staged.IsEmpty && _s.PackAtStagingSensed)
                Sentence(sb, "the staging sensor sees a pack the inventory does not know");
            else if (!staged.IsEmpty && staged.InTransit)
                Place(sb, "pack ", staged.Serial, " at staging is marked in transit (not confirmed)", "");
            AppendOccupied(sb, PackPlace.Lift, _s.PackOnLiftSensed, "lift");
            AppendOccupied(sb, PackPlace.ReturnPoint, _s.PackAtReturnSensed, "return point");
            PackRecord vehicle = _s.Inventory.At(PackPlace.Vehicle);
            if (!vehicle.IsEmpty && vehicle.InTransit)
                Place(sb, "pack ", vehicle.Serial, " in the vehicle is marked in transit (not confirmed)", "");
            PackRecord lift = _s.Inventory.At(PackPlace.Lift);
            if (!lift.IsEmpty && lift.InTransit && !_s.PackOnLiftSensed)
                Place(sb, "pack ", lift.Serial, " on the lift is marked in transit (not confirmed): it may still be in the vehicle", "");
        }

        private void AppendOccupied(StringBuilder sb, PackPlace place, bool sensed, string name)
        {
            PackRecord r = _s.Inventory.At(place);
            if (!r.IsEmpty)
                Place(sb, "the inventory has pack ", r.Serial, string.Concat(" on the ", name),
                    sensed ? (r.InTransit ? " (in transit: not confirmed)" : "") : " but its sensor sees no pack there");
            else if (sensed)
                Sentence(sb, string.Concat("the ", name, " sensor sees a pack the inventory does not know"));
        }

        private static void Place(StringBuilder sb, string before, string serial, string after, string tail)
        {
            Sentence(sb, before);
            sb.Append(serial);
            sb.Append(after);
            sb.Append(tail);
        }

        private void AppendInterlocks(StringBuilder sb)
        {
            if (!_s.Interlocks.EStopReleased) Sentence(sb, "the emergency stop is pressed");
            if (!_s.Interlocks.LightCurtainClear) Sentence(sb, "the light curtain is interrupted");
            if (!_s.Interlocks.DoorsClosed) Sentence(sb, "a door is open");
            if (_s.Interlocks.RelayOnWithoutPermit(_s.Io.Clock.NowMs)) Sentence(sb, "the safety relay reads on without a permit");
        }

        public string InterlockWords()
        {
            StringBuilder sb = new StringBuilder();
            AppendInterlocks(sb);
            return sb.Length == 0 ? "interlocks not ready" : sb.ToString();
        }

        private static void Sentence(StringBuilder sb, string s)
        {
            if (sb.Length > 0) sb.Append("; ");
            sb.Append(s);
        }
    }
}
