using Station.Core.Journal;
using Station.Hal;

namespace Station.Core.Update
{
    /// <summary>The loader's memory, one small record replaced atomically: which image is confirmed, which one is on
    /// trial and how many boots it has had, the lowest version this station may run, and how the last trial ended.</summary>
    /// <remarks>Slots are files on the SD card (<see cref="SlotFile"/>); <see cref="Factory"/> is the image deployed
    /// with the board itself, which no update overwrites: the station always has a working image to return to.</remarks>
    public sealed class BootRecord
    {
        /// <summary>Storage name of the record.</summary>
        public const string FileName = "boot.rec";

        /// <summary>The record's format version.</summary>
        public const byte Format = 1;

        /// <summary>Slot number of the image deployed with the board.</summary>
        public const int Factory = -1;

        /// <summary>Default number of boots a trial image gets before the loader returns to the confirmed one.</summary>
        public const int DefaultMaxBoots = 3;

        const int Length = 28;

        /// <summary>The image that passed probation (or <see cref="Factory"/>).</summary>
        public int ConfirmedSlot = Factory;

        /// <summary>Its version number (0 for the factory image until told).</summary>
        public long ConfirmedVersion;

        /// <summary>The image on probation, or -1.</summary>
        public int TrialSlot = -1;

        /// <summary>Its version number.</summary>
        public long TrialVersion;

        /// <summary>Boots the trial image has started.</summary>
        public int TrialBoots;

        /// <summary>Boots allowed before returning to the confirmed image.</summary>
        public int MaxBoots = DefaultMaxBoots;

        /// <summary>How the last trial ended: None (passed), or why it was rolled back.</summary>
        public UpdateReason LastOutcome;

        /// <summary>The lowest version this station may install (set on the station, never by the cloud).</summary>
        public long MinimumVersion;

        /// <summary>The storage name of a slot's bundle.</summary>
        public static string SlotFile(int slot) { return slot == 0 ? "slot-a.sfb" : "slot-b.sfb"; }

        /// <summary>The slot a download may use: neither the confirmed nor the trial image, so never the running one.</summary>
        public int FreeSlot()
        {
            for (int s = 0; s < 2; s++) if (s != ConfirmedSlot && s != TrialSlot) return s;
            return -1;
        }

        /// <summary>Loads the record; a missing record is a fresh station; a damaged one boots the factory image
        /// (the only one known good without it) and says so.</summary>
        /// <remarks>Damaged: not exactly one record long (a record is only ever replaced whole), another format, a CRC
        /// that does not match, or a slot that does not exist (<see cref="SlotFile"/> would name slot b's file for it,
        /// under a number the selector and the agent do not know).</remarks>
        public bool Load(IStorage storage)
        {
            int stored = storage.Length(FileName);
            if (stored < 0) return true;
            byte[] b = new byte[Length];
            int n = storage.Read(FileName, 0, b, 0, Length);
            if (stored != Length || n != Length || b[0] != Format || Crc32.Compute(b, 0, Length - 4) != (uint)LittleEndian.Get(b, Length - 4, 4)
                || (sbyte)b[1] < Factory || (sbyte)b[1] > 1 || (sbyte)b[2] < -1 || (sbyte)b[2] > 1)
            {
                ConfirmedSlot = Factory;
                TrialSlot = -1;
                LastOutcome = UpdateReason.StorageFailed;
                return false;
            }
            ConfirmedSlot = (sbyte)b[1];
            TrialSlot = (sbyte)b[2];
            TrialBoots = b[3];
            MaxBoots = b[4];
            LastOutcome = (UpdateReason)b[5];
            ConfirmedVersion = LittleEndian.Get(b, 6, 6);
            TrialVersion = LittleEndian.Get(b, 12, 6);
            MinimumVersion = LittleEndian.Get(b, 18, 6);
            return true;
        }

        /// <summary>Writes the record atomically; false when storage refused.</summary>
        public bool Save(IStorage storage)
        {
            byte[] b = new byte[Length];
            b[0] = Format;
            b[1] = (byte)(sbyte)ConfirmedSlot;
            b[2] = (byte)(sbyte)TrialSlot;
            b[3] = (byte)TrialBoots;
            b[4] = (byte)MaxBoots;
            b[5] = (byte)LastOutcome;
            LittleEndian.Put(b, 6, ConfirmedVersion, 6);
            LittleEndian.Put(b, 12, TrialVersion, 6);
            LittleEndian.Put(b, 18, MinimumVersion, 6);
            uint crc = Crc32.Compute(b, 0, Length - 4);
            LittleEndian.Put(b, Length - 4, crc, 4);
            return storage.Replace(FileName, b, 0, Length);
        }
    }
}
