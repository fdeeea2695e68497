namespace Station.Core.Update
{
    /// <summary>Arithmetic modulo p = 2^255 - 19 (RFC 8032 section 5.1) on sixteen 16-bit limbs held in longs, so every
    /// product fits a 64-bit integer without carries in between; the layout of TweetNaCl, written from RFC 8032.</summary>
    /// <remarks>Verification handles public data only, so nothing here needs to run in constant time; the limb layout
    /// is kept because it is small, generic-free and easy to check against the RFC's test vectors.</remarks>
    public static class Field25519
    {
        /// <summary>Limbs per element.</summary>
        public const int Limbs = 16;

        /// <summary>The curve constant d = -121665/121666.</summary>
        public static readonly long[] D = { 0x78a3, 0x1359, 0x4dca, 0x75eb, 0xd8ab, 0x4141, 0x0a4d, 0x0070, 0xe898, 0x7779, 0x4079, 0x8cc7, 0xfe73, 0x2b6f, 0x6cee, 0x5203 };

        /// <summary>2·d, used by point addition.</summary>
        public static readonly long[] D2 = { 0xf159, 0x26b2, 0x9b94, 0xebd6, 0xb156, 0x8283, 0x149a, 0x00e0, 0xd130, 0xeef3, 0x80f2, 0x198e, 0xfce7, 0x56df, 0xd9dc, 0x2406 };

        /// <summary>x of the base point B.</summary>
        public static readonly long[] BaseX = { 0xd51a, 0x8f25, 0x2d60, 0xc956, 0xa7b2, 0x9525, 0xc760, 0x692c, 0xdc5c, 0xfdd6, 0xe231, 0xc0a4, 0x53fe, 0xcd6e, 0x36d3, 0x2169 };

        /// <summary>y of the base point B (4/5).</summary>
        public static readonly long[] BaseY = { 0x6658, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666 };

        /// <summary>A square root of -1 (2^((p-1)/4)), used to decode a point.</summary>
        public static readonly long[] SqrtM1 = { 0xa0b0, 0x4a0e, 0x1b27, 0xc4ee, 0xe478, 0xad2f, 0x1806, 0x2f43, 0xd7a7, 0x3dfb, 0x0099, 0x2b4d, 0xdf0b, 0x4fc1, 0x2480, 0x2b83 };

        /// <summary>Sets o to a small integer.</summary>
        public static void Set(long[] o, long value)
        {
            for (int i = 0; i < Limbs; i++) o[i] = 0;
            o[0] = value;
        }

        /// <summary>Copies a into o.</summary>
        public static void Copy(long[] o, long[] a)
        {
            for (int i = 0; i < Limbs; i++) o[i] = a[i];
        }

        /// <summary>Propagates carries so every limb is back near 16 bits; the top carry folds in as 38 = 2·19.</summary>
        public static void Carry(long[] o)
        {
            for (int i = 0; i < Limbs; i++)
            {
                o[i] += 1L << 16;
                long c = o[i] >> 16;
                if (i < 15) o[i + 1] += c - 1;
                else o[0] += 38 * (c - 1);
                o[i] -= c << 16;
            }
        }

        /// <summary>Swaps p and q when bit is 1, leaves them when 0.</summary>
        public static void Swap(long[] p, long[] q, int bit)
        {
            long mask = ~(bit - 1L);
            for (int i = 0; i < Limbs; i++)
            {
                long t = mask & (p[i] ^ q[i]);
                p[i] ^= t;
                q[i] ^= t;
            }
        }

        /// <summary>o = a + b (no carry; callers multiply or pack next).</summary>
        public static void Add(long[] o, long[] a, long[] b)
        {
            for (int i = 0; i < Limbs; i++) o[i] = a[i] + b[i];
        }

        /// <summary>o = a - b.</summary>
        public static void Sub(long[] o, long[] a, long[] b)
        {
            for (int i = 0; i < Limbs; i++) o[i] = a[i] - b[i];
        }

        /// <summary>o = a·b mod p; <paramref name="wide"/> is 31 longs of scratch. o may alias a or b.</summary>
        public static void Mul(long[] o, long[] a, long[] b, long[] wide)
        {
            for (int i = 0; i < 31; i++) wide[i] = 0;
            for (int i = 0; i < Limbs; i++)
            {
                long ai = a[i];
                for (int j = 0; j < Limbs; j++) wide[i + j] += ai * b[j];
            }
            for (int i = 0; i < 15; i++) wide[i] += 38 * wide[i + 16];
            for (int i = 0; i < Limbs; i++) o[i] = wide[i];
            Carry(o);
            Carry(o);
        }

        /// <summary>o = a^(p-2) = 1/a; <paramref name="c"/> is one element of scratch.</summary>
        public static void Invert(long[] o, long[] a, long[] c, long[] wide)
        {
            Copy(c, a);
            for (int k = 253; k >= 0; k--)
            {
                Mul(c, c, c, wide);
                if (k != 2 && k != 4) Mul(c, c, a, wide);
            }
            Copy(o, c);
        }

        /// <summary>o = a^((p-5)/8), the square-root step of point decoding (RFC 8032 section 5.1.3).</summary>
        public static void Pow2523(long[] o, long[] a, long[] c, long[] wide)
        {
            Copy(c, a);
            for (int k = 250; k >= 0; k--)
            {
                Mul(c, c, c, wide);
                if (k != 1) Mul(c, c, a, wide);
            }
            Copy(o, c);
        }

        /// <summary>Writes the canonical 32-byte little-endian encoding of n (fully reduced below p); t and m are scratch.</summary>
        public static void Pack(byte[] o, int offset, long[] n, long[] t, long[] m)
        {
            Copy(t, n);
            Carry(t);
            Carry(t);
            Carry(t);
            for (int pass = 0; pass < 2; pass++)
            {
                m[0] = t[0] - 0xffed;
                for (int i = 1; i < 15; i++)
                {
                    m[i] = t[i] - 0xffff - ((m[i - 1] >> 16) & 1);
                    m[i - 1] &= 0xffff;
                }
                m[15] = t[15] - 0x7fff - ((m[14] >> 16) & 1);
                int borrow = (int)((m[15] >> 16) & 1);
                m[14] &= 0xffff;
                Swap(t, m, 1 - borrow);
            }
            for (int i = 0; i < Limbs; i++)
            {
                o[offset + 2 * i] = (byte)t[i];
                o[offset + 2 * i + 1] = (byte)(t[i] >> 8);
            }
        }

        /// <summary>Reads a 32-byte little-endian element, ignoring the top bit (the sign of x in a point encoding).</summary>
        public static void Unpack(long[] o, byte[] n, int offset)
        {
            for (int i = 0; i < Limbs; i++) o[i] = n[offset + 2 * i] + ((long)n[offset + 2 * i + 1] << 8);
            o[15] &= 0x7fff;
        }

        /// <summary>True when the 255-bit value encoded at offset is below p (RFC 8032 section 5.1.3 rejects others).</summary>
        public static bool IsCanonical(byte[] n, int offset)
        {
            if ((n[offset + 31] & 0x7f) != 0x7f) return true;
            for (int i = 30; i >= 1; i--) if (n[offset + i] != 0xff) return true;
            return n[offset] < 0xed;
        }
    }
}
