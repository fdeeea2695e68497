using Station.Core;

namespace Station.Hal.Sim
{
    /// <summary>Commissioning: the controller is told what stands in the simulated rack.</summary>
    public sealed partial class SimBay
    {
        /// <summary>Enters every pack of <see cref="Rack"/> into <paramref name="controller"/>'s inventory as ready, slot
        /// by slot, as a commissioning technician would on a new station. Returns the first refusal, or Ok.</summary>
        public CommandResult SeedInventory(StationController controller)
        {
            for (int i = 0; i < Rack.Slots.Length; i++)
            {
                SimPack pack = Rack.Slots[i];
                if (pack == null) continue;
                CommandResult r = pack.Standard == PackStandard.Unspecified
                    ? controller.SetRackSlot(i, pack.Serial, (int)pack.SocPct, PackState.Ready) // the station's pack.standard
                    : controller.SetRackSlot(i, pack.Serial, (int)pack.SocPct, PackState.Ready, pack.Standard);
                if (!r.Accepted) return r;
            }
            return CommandResult.Ok("rack seeded");
        }
    }
}
