using System.Text;

namespace Station.Core.Console
{
    /// <summary>The console command that settles each inventory conflict the core names (it names the conflict; the
    /// console knows the command), for status and why.</summary>
    public sealed class SettleAdvice
    {
        private readonly StationController _controller;

        /// <summary>Advice on the conflicts of <paramref name="controller"/>.</summary>
        public SettleAdvice(StationController controller)
        {
            _controller = controller;
        }

        /// <summary>The console commands that settle each conflict WhyNotSwapping names, one "to settle it" line each
        /// (empty outside Idle and NotHomed).</summary>
        public string Text()
        {
            PackInventory inv = _controller.Inventory;
            SwapState s = _controller.State;
            if (s != SwapState.Idle && s != SwapState.NotHomed)
            {
                return "";
            }

            StringBuilder text = new StringBuilder();
            PackRecord staged = inv.At(PackPlace.Staging);
            bool atStaging = _controller.Sequencer.PackAtStagingSensed;
            if (!staged.IsEmpty && !atStaging)
            {
                Hint(text, "'conveyor stage' runs the staging conveyor until pack " + staged.Serial
                    + " reaches the staging sensor; or, if it is not on the conveyor, 'pack place staging none' and put it back with 'rack set <slot> "
                    + staged.Serial + " <soc> <state>'");
            }
            else if (staged.IsEmpty && atStaging)
            {
                Hint(text, "'pack place staging <serial> [soc]' records the pack standing at staging");
            }
            else if (!staged.IsEmpty && staged.InTransit)
            {
                Hint(text, "'conveyor stage' confirms pack " + staged.Serial + " at staging (or 'pack place staging " + staged.Serial + " <soc>')");
            }

            RelockHint(text, inv);
            PlaceHint(text, inv, PackPlace.Lift, _controller.Sequencer.PackOnLiftSensed, "lift");
            PlaceHint(text, inv, PackPlace.ReturnPoint, _controller.Sequencer.PackAtReturnSensed, "return");
            PackRecord vehicle = inv.At(PackPlace.Vehicle);
            if (!vehicle.IsEmpty && vehicle.InTransit)
            {
                Hint(text, "'pack place vehicle " + vehicle.Serial + " <soc>' confirms it, or 'pack place vehicle none'");
            }

            return text.ToString();
        }

        // Latches between positions with the vehicle's pack unconfirmed (a cut or fault in Unlock or Lock): the safe
        // command depends on where the pack is, which the lift's pack sensor tells once the lift is home.
        private void RelockHint(StringBuilder text, PackInventory inv)
        {
            bool between = false;
            for (int i = 0; i < _controller.Locks.Count; i++)
            {
                between |= !_controller.Locks.IsLocked(i) && !_controller.Locks.IsUnlocked(i);
            }

            PackRecord p = inv.At(PackPlace.Lift);
            if (p.IsEmpty || !p.InTransit)
            {
                p = inv.At(PackPlace.Vehicle);
            }

            if (!between && (p.IsEmpty || !p.InTransit))
            {
                return;
            }

            string serial = p.IsEmpty ? "<serial>" : p.Serial;
            if (!_controller.Sequencer.PackOnLiftSensed && _controller.Interlocks.VehiclePositioned)
            {
                Hint(text, "if the vehicle still carries pack " + serial + ": 'locks engage' re-engages every lock on it (the lift rises to the pack"
                    + " and returns home), then 'pack place vehicle " + serial + " <soc>'" + (inv.At(PackPlace.Lift).IsEmpty ? "" : " and 'pack place lift none'")
                    + "; the vehicle must not leave before");
            }
            else if (_controller.Sequencer.PackOnLiftSensed)
            {
                Hint(text, "pack " + serial + " rests on the lift: with the lift home take it off (the vehicle's latches stay open, it must not leave"
                    + " with them so), then 'pack place lift none' and 'rack set <slot> " + TypedSerial(serial) + " <soc> <state>'"
                    + (IsUnknownSerial(serial) ? " (its serial was never reported: use the one on the pack's label)" : ""));
            }
        }

        private static void PlaceHint(StringBuilder text, PackInventory inv, PackPlace place, bool sensed, string word)
        {
            PackRecord r = inv.At(place);
            if (!r.IsEmpty)
            {
                Hint(text, "once pack " + r.Serial + " is taken off the " + word + ": 'pack place " + word
                    + " none', and 'rack set <slot> " + TypedSerial(r.Serial) + " <soc> <state>' if it went into the rack"
                    + (IsUnknownSerial(r.Serial) ? " (its serial was never reported: use the one on the pack's label)" : ""));
            }
            else if (sensed)
            {
                Hint(text, "take the unknown pack off the " + word + " (the station never moves a pack it does not know)");
            }
        }

        private static bool IsUnknownSerial(string serial)
        {
            return serial.StartsWith(SwapAuthorization.UnknownPackPrefix);
        }

        // The serial a technician types: a placeholder for an unreported serial is not one.
        private static string TypedSerial(string serial)
        {
            return IsUnknownSerial(serial) ? "<serial on its label>" : serial;
        }

        private static void Hint(StringBuilder text, string line)
        {
            text.Append("\nto settle it: ").Append(line);
        }
    }
}
