namespace Station.Core.Update
{
    /// <summary>Scalars modulo the group order L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032 section 5.1).</summary>
    public static class Ed25519Scalar
    {
        // L, little-endian bytes.
        static readonly long[] L =
        {
            0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
        };

        /// <summary>Reduces the 64-byte little-endian number in <paramref name="digest"/> modulo L into its first 32 bytes;
        /// <paramref name="x"/> is 64 longs of scratch.</summary>
        public static void Reduce(byte[] digest, long[] x)
        {
            for (int i = 0; i < 64; i++) x[i] = digest[i];
            for (int i = 63; i >= 32; i--)
            {
                long carry = 0;
                int j;
                for (j = i - 32; j < i - 12; j++)
                {
                    x[j] += carry - 16 * x[i] * L[j - (i - 32)];
                    carry = (x[j] + 128) >> 8;
                    x[j] -= carry << 8;
                }
                x[j] += carry;
                x[i] = 0;
            }
            long c = 0;
            for (int j = 0; j < 32; j++)
            {
                x[j] += c - (x[31] >> 4) * L[j];
                c = x[j] >> 8;
                x[j] &= 255;
            }
            for (int j = 0; j < 32; j++) x[j] -= c * L[j];
            for (int i = 0; i < 32; i++)
            {
                x[i + 1] += x[i] >> 8;
                digest[i] = (byte)(x[i] & 255);
            }
            for (int i = 32; i < 64; i++) digest[i] = 0;
        }

        /// <summary>True when the 32-byte little-endian scalar at offset is below L: RFC 8032 section 5.1.7 requires it
        /// of a signature's S, which keeps a signature from having a second valid form.</summary>
        public static bool IsBelowOrder(byte[] s, int offset)
        {
            for (int i = 31; i >= 0; i--)
            {
                if (s[offset + i] < L[i]) return true;
                if (s[offset + i] > L[i]) return false;
            }
            return false;
        }
    }
}
