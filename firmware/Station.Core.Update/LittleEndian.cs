namespace Station.Core.Update
{
    /// <summary>Little-endian integers of 1-8 bytes in the update's small stored records.</summary>
    public static class LittleEndian
    {
        /// <summary>Writes the low <paramref name="bytes"/> bytes of v at <paramref name="at"/>.</summary>
        public static void Put(byte[] b, int at, long v, int bytes)
        {
            for (int i = 0; i < bytes; i++) b[at + i] = (byte)(v >> (8 * i));
        }

        /// <summary>Reads <paramref name="bytes"/> bytes at <paramref name="at"/> as an unsigned number.</summary>
        public static long Get(byte[] b, int at, int bytes)
        {
            long v = 0;
            for (int i = bytes - 1; i >= 0; i--) v = (v << 8) | b[at + i];
            return v;
        }
    }
}
