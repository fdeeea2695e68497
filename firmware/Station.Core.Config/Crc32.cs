namespace Station.Core.Journal
{
    /// <summary>CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320, as zlib computes it) over a byte range, table-driven:
    /// the one CRC of the firmware, shared by the swap journal, the cloud outbox and the stored configuration.</summary>
    public static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        /// <summary>CRC-32 of <paramref name="count"/> bytes from <paramref name="offset"/>; "123456789" gives 0xCBF43926.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            // The table in a local and the end computed once: on the interpreter a static field load and the addition
            // in the loop's test cost as much per byte as the CRC step itself.
            uint[] table = Table;
            uint crc = 0xFFFFFFFF;
            int end = offset + count;
            for (int i = offset; i < end; i++) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            return ~crc;
        }

        private static uint[] BuildTable()
        {
            uint[] t = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                t[n] = c;
            }
            return t;
        }
    }
}
