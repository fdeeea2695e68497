namespace Station.Core.Config
{
    /// <summary>CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), bitwise so it needs no table in RAM.
    /// Guards the stored configuration against a torn or corrupted file.</summary>
    public static class Crc32
    {
        /// <summary>CRC-32 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i];
                for (int k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
