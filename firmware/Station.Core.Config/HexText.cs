namespace Station.Core.Config
{
    /// <summary>Lower-case hexadecimal text for hashes, salts and checksums.</summary>
    public static class HexText
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>Two hex digits per byte.</summary>
        public static string FromBytes(byte[] data, int offset, int count)
        {
            char[] text = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                text[i * 2] = Digits[data[offset + i] >> 4];
                text[i * 2 + 1] = Digits[data[offset + i] & 0xF];
            }

            return new string(text);
        }

        /// <summary>Eight hex digits of a 32-bit number.</summary>
        public static string FromUInt(uint value)
        {
            char[] text = new char[8];
            for (int i = 0; i < 8; i++)
            {
                text[i] = Digits[(int)((value >> (28 - 4 * i)) & 0xF)];
            }

            return new string(text);
        }

        /// <summary>Parses hex text (either case) into bytes; null when the text is not an even run of hex digits.</summary>
        public static byte[] ToBytes(string text)
        {
            if (text == null || (text.Length & 1) != 0)
            {
                return null;
            }

            byte[] data = new byte[text.Length / 2];
            for (int i = 0; i < data.Length; i++)
            {
                int hi = Value(text[i * 2]);
                int lo = Value(text[i * 2 + 1]);
                if (hi < 0 || lo < 0)
                {
                    return null;
                }

                data[i] = (byte)((hi << 4) | lo);
            }

            return data;
        }

        /// <summary>Parses exactly eight hex digits; false otherwise.</summary>
        public static bool TryParseUInt(string text, out uint value)
        {
            value = 0;
            if (text == null || text.Length != 8)
            {
                return false;
            }

            for (int i = 0; i < 8; i++)
            {
                int v = Value(text[i]);
                if (v < 0)
                {
                    return false;
                }

                value = (value << 4) | (uint)v;
            }

            return true;
        }

        private static int Value(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
