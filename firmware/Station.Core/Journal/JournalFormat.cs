namespace Station.Core.Journal
{
    /// <summary>The journal's stored format, in one place because its writer (<see cref="JournalEncoder"/>), its reader
    /// (<see cref="JournalDecoder"/>) and the file walk (<see cref="SwapJournal"/>) must agree on every byte of it.</summary>
    /// <remarks>
    /// Frame: 0x5A 0xA5, payload length (u16 LE), payload, CRC-32 (u32 LE) over length and payload. The payload's first
    /// byte is its format version. A later format may only add fields at the end of the payload (a change that cannot be
    /// read that way must use a new file name and migrate explicitly), so a reader reads a newer record's known prefix.
    /// Constants only: they cost no byte code on the device.
    /// </remarks>
    internal static class JournalFormat
    {
        /// <summary>First byte of every frame.</summary>
        public const int Magic0 = 0x5A;
        /// <summary>Second byte of every frame.</summary>
        public const int Magic1 = 0xA5;
        /// <summary>Magic and payload length before the payload.</summary>
        public const int HeaderBytes = 4;
        /// <summary>The CRC-32 after the payload.</summary>
        public const int CrcBytes = 4;

        // Version 1: the car bay's record (four places, no blocks), byte for byte as before the bay profiles. Version 2:
        // a record with more places or blocks (the truck): version 1's fields (every step's times), then appended the
        // places beyond the fourth and the swap's blocks, so a reader of version 1 reads its known prefix. The car bay
        // still writes version 1. Version 3: version 2's layout, then appended every slot's and place's pack standard and
        // the installed packs' standards; written only when some pack has a standard, so a station that never names one
        // keeps writing version 1 or 2 byte for byte.

        /// <summary>The car bay's record.</summary>
        public const int Version = 1;
        /// <summary>A record with more places or blocks.</summary>
        public const int BlocksVersion = 2;
        /// <summary>A record whose packs carry standards.</summary>
        public const int StandardsVersion = 3;
        /// <summary>Steps whose times version 1 holds: the car bay's states since the first journal.</summary>
        public const int V1Steps = 19;

        /// <summary>DateTime.MaxValue.Ticks: a larger (or negative) count makes new DateTime throw.</summary>
        public const long MaxTicks = 3155378975999999999L;
    }
}
