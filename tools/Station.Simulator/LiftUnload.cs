using System;
using System.Globalization;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary><c>sim lift unload [slot]</c> on the car bay: a person lifts the pack off the platform into an empty rack
    /// slot (after a stop mid-swap left it on the lift); the technician then records it with the console's own commands.</summary>
    public static class LiftUnload
    {
        /// <summary>Carries the pack on <paramref name="bay"/>'s lift into the slot <paramref name="slotText"/> (default:
        /// the first empty one); the answer.</summary>
        public static string Carry(SimBay bay, string verb, string slotText)
        {
            int slot = Array.IndexOf(bay.Rack.Slots, null);
            if (verb != "unload" || (slotText.Length > 0 && !int.TryParse(slotText, NumberStyles.None, CultureInfo.InvariantCulture, out slot)))
                return "sim lift: unload [slot], e.g. sim lift unload 12 (default: the first empty slot; 'rack show' lists them)";
            if (slot < 0) return "sim lift: the rack has no empty slot";
            SimPack pack = bay.PackOnPlatform;
            if (pack == null) return "sim lift: no pack on the lift platform";
            if (!bay.LiftAligned) return $"sim lift: the lift is at {bay.LiftPositionMm:0} mm; nobody reaches a raised platform: home it first";
            if (slot >= bay.Rack.Slots.Length) return $"sim lift: no slot {slot}; slots are 0..{bay.Rack.Slots.Length - 1}";
            if (bay.Rack.Slots[slot] != null) return $"sim lift: slot {slot} holds pack {bay.Rack.Slots[slot].Serial}; choose an empty one";
            bay.Rack.Place(slot, pack);
            int soc = (int)Math.Round(pack.SocPct);
            return $"sim: pack {pack.Serial} ({soc} %) carried from the lift into rack slot {slot}; record it: "
                + $"'pack place lift none', then 'rack set {slot} {pack.Serial} {soc} charging'";
        }
    }
}
