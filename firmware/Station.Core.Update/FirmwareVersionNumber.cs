namespace Station.Core.Update
{
    /// <summary>Semantic versions (MAJOR.MINOR.PATCH, each 0-65535) as one comparable number, for the downgrade floor.</summary>
    public static class FirmwareVersionNumber
    {
        /// <summary>Returned for text that is not a version.</summary>
        public const long Invalid = -1;

        /// <summary>The version in bytes [offset, offset+count) as MAJOR·2^32 + MINOR·2^16 + PATCH, or <see cref="Invalid"/>.</summary>
        public static long Parse(byte[] text, int offset, int count)
        {
            long result = 0;
            int part = 0, digits = 0;
            long value = 0;
            for (int i = offset; i <= offset + count; i++)
            {
                int c = i < offset + count ? text[i] : '.';
                if (c >= '0' && c <= '9')
                {
                    if (digits == 1 && value == 0) return Invalid; // no leading zeros: one spelling per version
                    value = value * 10 + (c - '0');
                    if (++digits > 5 || value > 0xFFFF) return Invalid;
                    continue;
                }
                if (c != '.' || digits == 0 || part > 2) return Invalid;
                result = (result << 16) | value;
                part++;
                value = 0;
                digits = 0;
            }
            return part == 3 ? result : Invalid;
        }

        /// <summary>Parses a version string (the console's and the cloud's form).</summary>
        public static long Parse(string text)
        {
            if (text == null) return Invalid;
            byte[] b = System.Text.Encoding.UTF8.GetBytes(text);
            return Parse(b, 0, b.Length);
        }
    }
}
