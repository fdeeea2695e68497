namespace Station.Core.Update
{
    /// <summary>Points of edwards25519 in extended coordinates (X, Y, Z, T) and the operations verification needs
    /// (RFC 8032 sections 5.1.3 and 5.1.4); every temporary is allocated once here, none per call.</summary>
    public sealed class Ed25519Curve
    {
        readonly long[] _wide = new long[31];
        readonly long[] _a = NewElement(), _b = NewElement(), _c = NewElement(), _d = NewElement();
        readonly long[] _e = NewElement(), _f = NewElement(), _g = NewElement(), _h = NewElement(), _t = NewElement();
        readonly byte[] _packA = new byte[32], _packB = new byte[32];

        /// <summary>A new field element (zero).</summary>
        public static long[] NewElement() { return new long[Field25519.Limbs]; }

        /// <summary>A new point (all coordinates zero).</summary>
        public static long[][] NewPoint()
        {
            return new long[][] { NewElement(), NewElement(), NewElement(), NewElement() };
        }

        /// <summary>Sets p to the neutral element (0, 1, 1, 0).</summary>
        public static void SetNeutral(long[][] p)
        {
            Field25519.Set(p[0], 0);
            Field25519.Set(p[1], 1);
            Field25519.Set(p[2], 1);
            Field25519.Set(p[3], 0);
        }

        /// <summary>Sets p to the base point B.</summary>
        public void SetBase(long[][] p)
        {
            Field25519.Copy(p[0], Field25519.BaseX);
            Field25519.Copy(p[1], Field25519.BaseY);
            Field25519.Set(p[2], 1);
            Field25519.Mul(p[3], Field25519.BaseX, Field25519.BaseY, _wide);
        }

        /// <summary>p = p + q (RFC 8032 section 5.1.4, the unified addition formula, also right for p = q).</summary>
        public void Add(long[][] p, long[][] q)
        {
            long[] w = _wide;
            Field25519.Sub(_a, p[1], p[0]);
            Field25519.Sub(_t, q[1], q[0]);
            Field25519.Mul(_a, _a, _t, w);
            Field25519.Add(_b, p[0], p[1]);
            Field25519.Add(_t, q[0], q[1]);
            Field25519.Mul(_b, _b, _t, w);
            Field25519.Mul(_c, p[3], q[3], w);
            Field25519.Mul(_c, _c, Field25519.D2, w);
            Field25519.Mul(_d, p[2], q[2], w);
            Field25519.Add(_d, _d, _d);
            Field25519.Sub(_e, _b, _a);
            Field25519.Sub(_f, _d, _c);
            Field25519.Add(_g, _d, _c);
            Field25519.Add(_h, _b, _a);
            Field25519.Mul(p[0], _e, _f, w);
            Field25519.Mul(p[1], _h, _g, w);
            Field25519.Mul(p[2], _g, _f, w);
            Field25519.Mul(p[3], _e, _h, w);
        }

        /// <summary>One step of a Montgomery ladder over bit b of the scalar: (p, q) becomes (2p, p + q) or (p + q, 2q),
        /// so q - p stays the point being multiplied and p ends as the product.</summary>
        public void LadderStep(long[][] p, long[][] q, int bit)
        {
            for (int i = 0; i < 4; i++) Field25519.Swap(p[i], q[i], bit);
            Add(q, p);
            Add(p, p);
            for (int i = 0; i < 4; i++) Field25519.Swap(p[i], q[i], bit);
        }

        /// <summary>Writes the 32-byte encoding of p (y with the sign of x in the top bit).</summary>
        public void Encode(byte[] o, long[][] p)
        {
            Field25519.Invert(_a, p[2], _t, _wide);
            Field25519.Mul(_b, p[0], _a, _wide);
            Field25519.Mul(_c, p[1], _a, _wide);
            Field25519.Pack(o, 0, _c, _t, _d);
            Field25519.Pack(_packA, 0, _b, _t, _d);
            o[31] ^= (byte)((_packA[0] & 1) << 7);
        }

        /// <summary>Decodes a 32-byte point and negates it (verification computes [S]B + [k](-A)); false when the bytes
        /// are not a point on the curve or not canonical.</summary>
        public bool DecodeNegated(long[][] r, byte[] encoded, int offset)
        {
            if (!Field25519.IsCanonical(encoded, offset)) return false;
            long[] w = _wide;
            long[] num = _a, den = _b, den2 = _c, den4 = _d, den6 = _e, t = _f, chk = _g;
            Field25519.Set(r[2], 1);
            Field25519.Unpack(r[1], encoded, offset);
            Field25519.Mul(num, r[1], r[1], w);
            Field25519.Mul(den, num, Field25519.D, w);
            Field25519.Sub(num, num, r[2]);
            Field25519.Add(den, r[2], den);
            Field25519.Mul(den2, den, den, w);
            Field25519.Mul(den4, den2, den2, w);
            Field25519.Mul(den6, den4, den2, w);
            Field25519.Mul(t, den6, num, w);
            Field25519.Mul(t, t, den, w);
            Field25519.Pow2523(t, t, _h, w);
            Field25519.Mul(t, t, num, w);
            Field25519.Mul(t, t, den, w);
            Field25519.Mul(t, t, den, w);
            Field25519.Mul(r[0], t, den, w);
            Field25519.Mul(chk, r[0], r[0], w);
            Field25519.Mul(chk, chk, den, w);
            if (!SameElement(chk, num)) Field25519.Mul(r[0], r[0], Field25519.SqrtM1, w);
            Field25519.Mul(chk, r[0], r[0], w);
            Field25519.Mul(chk, chk, den, w);
            if (!SameElement(chk, num)) return false;
            int sign = encoded[offset + 31] >> 7;
            Field25519.Pack(_packA, 0, r[0], _t, _h);
            if ((_packA[0] & 1) == 0 && sign == 1 && IsZero(_packA)) return false; // x = 0 with the sign bit set
            if ((_packA[0] & 1) == sign)
            {
                Field25519.Set(_t, 0);
                Field25519.Sub(r[0], _t, r[0]);
            }
            Field25519.Mul(r[3], r[0], r[1], w);
            return true;
        }

        bool SameElement(long[] x, long[] y)
        {
            Field25519.Pack(_packA, 0, x, _t, _h);
            Field25519.Pack(_packB, 0, y, _t, _h);
            for (int i = 0; i < 32; i++) if (_packA[i] != _packB[i]) return false;
            return true;
        }

        static bool IsZero(byte[] b)
        {
            for (int i = 0; i < b.Length; i++) if (b[i] != 0) return false;
            return true;
        }
    }
}
