using System;
using Station.Core;

namespace Station.Hal.Sim
{
    /// <summary>A simulated rack as a new station is commissioned: filled with charged packs of the plant's standards,
    /// and those packs entered into the controller's inventory slot by slot, as a technician would.</summary>
    public static class RackCommissioning
    {
        /// <summary>Puts <see cref="PlantParameters.RackPacks"/> charged packs into <paramref name="rack"/>, their
        /// standards taken in turn from <see cref="PlantParameters.RackStandards"/> (an unknown name throws).</summary>
        public static void Fill(Rack rack, PlantParameters p)
        {
            PackStandard[] standards = StandardsOf(p.RackStandards);
            for (int i = 0; i < p.RackPacks; i++)
                rack.Place(i, new SimPack($"PK{i + 1:0000}", p.RackInitialSocPct, p.PackType) { Standard = standards[i % standards.Length] });
        }

        /// <summary>Enters every pack of <paramref name="rack"/> into <paramref name="controller"/>'s inventory as ready, slot
        /// by slot. Returns the first refusal, or Ok.</summary>
        public static CommandResult SeedInventory(Rack rack, StationController controller)
        {
            for (int i = 0; i < rack.Slots.Length; i++)
            {
                SimPack pack = rack.Slots[i];
                if (pack == null) continue;
                CommandResult r = pack.Standard == PackStandard.Unspecified
                    ? controller.SetRackSlot(i, pack.Serial, (int)pack.SocPct, PackState.Ready) // the station's pack.standard
                    : controller.SetRackSlot(i, pack.Serial, (int)pack.SocPct, PackState.Ready, pack.Standard);
                if (!r.Accepted) return r;
            }
            return CommandResult.Ok("rack seeded");
        }

        // PlantParameters.RackStandards as standards (a figure from a scenario file: an unknown name is refused clearly).
        private static PackStandard[] StandardsOf(string names)
        {
            if (string.IsNullOrWhiteSpace(names)) return new[] { PackStandard.Unspecified };
            string[] parts = names.Split(',');
            var standards = new PackStandard[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                int code = PackStandards.CodeOf(parts[i]);
                if (code < 0) throw new ArgumentException($"RackStandards: \"{parts[i].Trim()}\" is not a pack standard (known: {string.Join(", ", PackStandards.Names())})");
                standards[i] = (PackStandard)code;
            }
            return standards;
        }
    }
}
