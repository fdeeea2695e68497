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
            // Unrolled with the position in a local: a journal record writes a few dozen of these, and on the
            // interpreter the loop with a field increment per byte cost about three times as many IL ops.
            byte[] b = Buffer;
            int p = Position;
            b[p] = (byte)v;
            b[p + 1] = (byte)(v >> 8);
            b[p + 2] = (byte)(v >> 16);
            b[p + 3] = (byte)(v >> 24);
            Position = p + 4;
        }

        /// <summary>Writes 32 bits unsigned.</summary>
        public void U32(uint v) { I32((int)v); }

        /// <summary>Writes 64 bits (low word first).</summary>
        public void I64(long v)
        {
            I32((int)v);
            I32((int)(v >> 32));
        }

        /// <summary>Writes a string: length byte (255 = null) then ASCII bytes; other characters become '?'.</summary>
        public void Str(string s)
        {
            byte[] b = Buffer;
            int p = Position;
            if (s == null)
            {
                b[p] = 255;
                Position = p + 1;
                return;
            }
            int n = s.Length < MaxString ? s.Length : MaxString;
            b[p++] = (byte)n;
            for (int i = 0; i < n; i++)
            {
                char c = s[i];
                b[p++] = c < 128 ? (byte)c : (byte)'?';
            }
            Position = p;
        }
    }
}
