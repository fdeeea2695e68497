namespace Station.Core.Journal
{
    /// <summary>Little-endian writer into a preallocated buffer (no allocation). Strings are ASCII, at most 64 chars.</summary>
    public sealed class ByteWriter
    {
        /// <summary>Longest string stored; longer ones are cut (ids and serials are short).</summary>
        public const int MaxString = 64;

        /// <summary>The buffer written into.</summary>
        public readonly byte[] Buffer;

        /// <summary>Next write position.</summary>
        public int Position;

        /// <summary>Wraps a buffer.</summary>
        public ByteWriter(byte[] buffer) { Buffer = buffer; }

        /// <summary>Writes one byte.</summary>
        public void U8(int v) { Buffer[Position++] = (byte)v; }

        /// <summary>Writes 16 bits.</summary>
        public void U16(int v)
        {
            Buffer[Position++] = (byte)v;
            Buffer[Position++] = (byte)(v >> 8);
        }

        /// <summary>Writes 32 bits.</summary>
        public void I32(int v)
        {
            for (int i = 0; i < 4; i++) Buffer[Position++] = (byte)(v >> (8 * i));
        }

        /// <summary>Writes 32 bits unsigned.</summary>
        public void U32(uint v)
        {
            for (int i = 0; i < 4; i++) Buffer[Position++] = (byte)(v >> (8 * i));
        }

        /// <summary>Writes 64 bits.</summary>
        public void I64(long v)
        {
            for (int i = 0; i < 8; i++) Buffer[Position++] = (byte)(v >> (8 * i));
        }

        /// <summary>Writes a string: length byte (255 = null) then ASCII bytes; other characters become '?'.</summary>
        public void Str(string s)
        {
            if (s == null)
            {
                U8(255);
                return;
            }
            int n = s.Length < MaxString ? s.Length : MaxString;
            U8(n);
            for (int i = 0; i < n; i++)
            {
                char c = s[i];
                Buffer[Position++] = c < 128 ? (byte)c : (byte)'?';
            }
        }
    }
}
