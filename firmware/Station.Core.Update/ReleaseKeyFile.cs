using Station.Hal;

namespace Station.Core.Update
{
    /// <summary>The release public key a station trusts, provisioned as a file in the station's own storage (never on
    /// the removable card: whoever could swap the key could sign images): the 64 hexadecimal digits
    /// <c>Station.Bundle keygen --public</c> writes, surrounding whitespace ignored.</summary>
    public static class ReleaseKeyFile
    {
        /// <summary>The file's name in the station's storage.</summary>
        public const string FileName = "release.pub";

        const int KeyLength = 32, MaxFileLength = 256;

        /// <summary>The 32-byte key, or null (and <paramref name="why"/>[0] says why) when the file is missing or not a key.</summary>
        public static byte[] Load(IStorage storage, string[] why)
        {
            int length = storage.Length(FileName);
            if (length < 0) return Refuse(why, "no release key (" + FileName + ") provisioned: updates are refused");
            if (length > MaxFileLength) return Refuse(why, FileName + " is not a key file (64 hexadecimal digits expected)");
            byte[] text = new byte[length];
            if (storage.Read(FileName, 0, text, 0, length) != length) return Refuse(why, FileName + " could not be read");
            int start = 0, end = length;
            while (start < end && IsSpace(text[start])) start++;
            while (end > start && IsSpace(text[end - 1])) end--;
            if (end - start != 2 * KeyLength) return Refuse(why, FileName + " is not a key file (64 hexadecimal digits expected)");
            byte[] key = new byte[KeyLength];
            for (int i = 0; i < KeyLength; i++)
            {
                int hi = Digit(text[start + 2 * i]), lo = Digit(text[start + 2 * i + 1]);
                if (hi < 0 || lo < 0) return Refuse(why, FileName + " is not a key file (64 hexadecimal digits expected)");
                key[i] = (byte)((hi << 4) | lo);
            }
            return key;
        }

        static byte[] Refuse(string[] why, string text)
        {
            if (why != null && why.Length > 0) why[0] = text;
            return null;
        }

        static bool IsSpace(byte b) { return b == ' ' || b == '\n' || b == '\r' || b == '\t'; }

        static int Digit(byte c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
