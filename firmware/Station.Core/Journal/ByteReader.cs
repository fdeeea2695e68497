namespace Station.Core.Journal
{
    /// <summary>Little-endian reader over a byte range; reading past the end sets <see cref="Overrun"/> and yields zeros.</summary>
    public sealed class ByteReader
    {
        private readonly byte[] _data;
        private readonly int _end;
        private int _pos;

        /// <summary>Reads <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
        public ByteReader(byte[] data, int offset, int count)
        {
            _data = data;
            _pos = offset;
            _end = offset + count;
        }

        /// <summary>True once a read went past the end: the data is malformed.</summary>
        public bool Overrun { get; private set; }

        /// <summary>Reads one byte.</summary>
        public int U8()
        {
            if (_pos >= _end)
            {
                Overrun = true;
                return 0;
            }
            return _data[_pos++];
        }

        /// <summary>Reads 16 bits.</summary>
        public int U16() { return U8() | (U8() << 8); }

        /// <summary>Reads 32 bits.</summary>
        public int I32() { return U8() | (U8() << 8) | (U8() << 16) | (U8() << 24); }

        /// <summary>Reads 64 bits.</summary>
        public long I64()
        {
            long lo = (uint)I32();
            long hi = (uint)I32();
            return lo | (hi << 32);
        }

        /// <summary>Reads a string written by <see cref="ByteWriter.Str"/>.</summary>
        public string Str()
        {
            int n = U8();
            if (n == 255) return null;
            if (n > ByteWriter.MaxString || _pos + n > _end)
            {
                Overrun = true;
                return null;
            }
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) chars[i] = (char)_data[_pos++];
            return new string(chars);
        }
    }
}
