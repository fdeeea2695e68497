namespace Station.Core.Config
{
    /// <summary>Strict whole-number parsing for console arguments and configuration values: an optional sign and
    /// 1 to 9 ASCII digits, nothing else. Written out so the device and the desktop accept exactly the same text.</summary>
    public static class NumberText
    {
        /// <summary>Parses <paramref name="text"/>; false (and 0) for anything that is not a plain whole number.</summary>
        public static bool TryParse(string text, out int value)
        {
            value = 0;
            if (text == null || text.Length == 0)
            {
                return false;
            }

            int i = 0;
            bool negative = false;
            if (text[0] == '+' || text[0] == '-')
            {
                negative = text[0] == '-';
                i = 1;
            }

            int digits = text.Length - i;
            if (digits < 1 || digits > 9)
            {
                return false;
            }

            int result = 0;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                result = result * 10 + (c - '0');
            }

            value = negative ? -result : result;
            return true;
        }

        /// <summary>The number with an explicit sign for positive values ("+10", "-5", "0").</summary>
        public static string Signed(int value)
        {
            return value > 0 ? "+" + value.ToString() : value.ToString();
        }
    }
}
