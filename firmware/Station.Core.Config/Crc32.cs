namespace Station.Core.Journal
{
    /// <summary>CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320, as zlib computes it) over a byte range, table-driven:
    /// the one CRC of the firmware, shared by the swap journal, the cloud outbox and the stored configuration.</summary>
    public static class Crc32
    {
        // Four tables of 256 (slicing by four): entries 0..255 are the classic byte table, entries 256k..256k+255 the
        // CRC of a byte followed by k zero bytes. 4 KB of heap buys a CRC in about half the IL ops per byte: every
        // journal record, outbox frame and update chunk is checked with it, and on the interpreter each op counts.
        private static readonly uint[] Table = BuildTable();

        /// <summary>CRC-32 of <paramref name="count"/> bytes from <paramref name="offset"/>; "123456789" gives 0xCBF43926.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            uint[] t = Table;
            uint crc = 0xFFFFFFFF;
            int i = offset;
            int end = offset + count;
            int whole = end - 3;
            while (i < whole)
            {
                crc ^= (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
                crc = t[768 + (crc & 0xFF)] ^ t[512 + ((crc >> 8) & 0xFF)] ^ t[256 + ((crc >> 16) & 0xFF)] ^ t[crc >> 24];
                i += 4;
            }
            while (i < end)
            {
                crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
                i++;
            }
            return ~crc;
        }

        private static uint[] BuildTable()
        {
            uint[] t = new uint[1024];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                t[n] = c;
            }
            for (int n = 256; n < 1024; n++) t[n] = (t[n - 256] >> 8) ^ t[t[n - 256] & 0xFF];
            return t;
        }
    }
}
