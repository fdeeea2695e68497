namespace Station.Core.Config
{
    /// <summary>SHA-256 (FIPS 180-4 section 6.2), written out because nanoFramework 1.x's mscorlib has no cryptography:
    /// the salted maintenance PIN hash (<see cref="Hash"/>) and, incrementally and allocation-free after construction,
    /// each assembly of an update bundle read back from storage a block at a time. Tested against the FIPS examples.</summary>
    public sealed class Sha256
    {
        /// <summary>Digest length in bytes.</summary>
        public const int Length = 32;

        // FIPS 180-4 section 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
        static readonly uint[] K =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        readonly uint[] _h = new uint[8];
        readonly uint[] _w = new uint[64];
        readonly byte[] _block = new byte[64];
        int _fill;
        long _total;

        /// <summary>Starts a new digest.</summary>
        public Sha256() { Reset(); }

        /// <summary>The 32-byte digest of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static byte[] Hash(byte[] data, int offset, int count)
        {
            Sha256 sha = new Sha256();
            sha.Update(data, offset, count);
            byte[] digest = new byte[Length];
            sha.Final(digest, 0);
            return digest;
        }

        /// <summary>Forgets everything hashed so far (FIPS 180-4 section 5.3.3 initial value).</summary>
        public void Reset()
        {
            _h[0] = 0x6a09e667; _h[1] = 0xbb67ae85; _h[2] = 0x3c6ef372; _h[3] = 0xa54ff53a;
            _h[4] = 0x510e527f; _h[5] = 0x9b05688c; _h[6] = 0x1f83d9ab; _h[7] = 0x5be0cd19;
            _fill = 0;
            _total = 0;
        }

        /// <summary>Hashes <paramref name="count"/> more bytes.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            _total += count;
            while (count > 0)
            {
                int take = 64 - _fill;
                if (take > count) take = count;
                for (int i = 0; i < take; i++) _block[_fill + i] = data[offset + i];
                _fill += take;
                offset += take;
                count -= take;
                if (_fill == 64)
                {
                    Compress();
                    _fill = 0;
                }
            }
        }

        /// <summary>Pads, writes the 32-byte digest at <paramref name="offset"/> and resets for the next message.</summary>
        public void Final(byte[] digest, int offset)
        {
            long bits = _total * 8;
            _block[_fill++] = 0x80;
            if (_fill > 56)
            {
                while (_fill < 64) _block[_fill++] = 0;
                Compress();
                _fill = 0;
            }
            while (_fill < 56) _block[_fill++] = 0;
            for (int i = 0; i < 8; i++) _block[63 - i] = (byte)(bits >> (8 * i));
            Compress();
            for (int i = 0; i < 8; i++)
            {
                uint v = _h[i];
                digest[offset + 4 * i] = (byte)(v >> 24);
                digest[offset + 4 * i + 1] = (byte)(v >> 16);
                digest[offset + 4 * i + 2] = (byte)(v >> 8);
                digest[offset + 4 * i + 3] = (byte)v;
            }
            Reset();
        }

        static uint Rotr(uint x, int n) { return (x >> n) | (x << (32 - n)); }

        void Compress()
        {
            uint[] w = _w;
            for (int t = 0; t < 16; t++)
            {
                int j = 4 * t;
                w[t] = ((uint)_block[j] << 24) | ((uint)_block[j + 1] << 16) | ((uint)_block[j + 2] << 8) | _block[j + 3];
            }
            for (int t = 16; t < 64; t++)
            {
                uint s0 = Rotr(w[t - 15], 7) ^ Rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
                uint s1 = Rotr(w[t - 2], 17) ^ Rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }
            uint a = _h[0], b = _h[1], c = _h[2], d = _h[3], e = _h[4], f = _h[5], g = _h[6], h = _h[7];
            for (int t = 0; t < 64; t++)
            {
                uint t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
                uint t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
                h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
            }
            _h[0] += a; _h[1] += b; _h[2] += c; _h[3] += d; _h[4] += e; _h[5] += f; _h[6] += g; _h[7] += h;
        }
    }
}
