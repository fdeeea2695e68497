namespace Station.Core.Config
{
    /// <summary>The maintenance PIN as stored: <c>salt:hash</c>, an 8-byte salt and SHA-256(salt || PIN) in hex.</summary>
    /// <remarks>
    /// A 4–8 digit PIN can be brute-forced from its hash by anyone who can read the flash, so the hash only keeps the
    /// PIN out of <c>config show</c>, logs and backups; the real protection is the console lockout after three wrong
    /// PINs. The salt comes from a seed the caller supplies (clock readings), because the core has no random source.
    /// </remarks>
    public static class PinHash
    {
        /// <summary>Fewest digits in a PIN.</summary>
        public const int MinDigits = 4;
        /// <summary>Most digits in a PIN.</summary>
        public const int MaxDigits = 8;

        /// <summary>True when <paramref name="pin"/> is 4 to 8 ASCII digits.</summary>
        public static bool IsWellFormed(string pin)
        {
            if (pin == null || pin.Length < MinDigits || pin.Length > MaxDigits)
            {
                return false;
            }

            for (int i = 0; i < pin.Length; i++)
            {
                if (pin[i] < '0' || pin[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The stored form of <paramref name="pin"/> with a salt derived from <paramref name="saltSeed"/>.</summary>
        public static string Create(string pin, long saltSeed)
        {
            byte[] seed = new byte[8];
            for (int i = 0; i < 8; i++)
            {
                seed[i] = (byte)(saltSeed >> (8 * i));
            }

            byte[] salt = new byte[8];
            System.Array.Copy(Sha256.Hash(seed, 0, 8), 0, salt, 0, 8);
            return HexText.FromBytes(salt, 0, 8) + ":" + HexText.FromBytes(Digest(salt, pin), 0, 32);
        }

        /// <summary>True when <paramref name="pin"/> matches the stored form. Compares every byte, whatever differs first.</summary>
        public static bool Matches(string stored, string pin)
        {
            if (stored == null || pin == null || !IsWellFormed(pin) || !IsStoredForm(stored))
            {
                return false;
            }

            byte[] salt = HexText.ToBytes(stored.Substring(0, 16));
            byte[] expected = HexText.ToBytes(stored.Substring(17));
            byte[] actual = Digest(salt, pin);
            int difference = 0;
            for (int i = 0; i < 32; i++)
            {
                difference |= expected[i] ^ actual[i];
            }

            return difference == 0;
        }

        /// <summary>True when <paramref name="stored"/> has the shape <c>16 hex digits ':' 64 hex digits</c>.</summary>
        public static bool IsStoredForm(string stored)
        {
            return stored != null && stored.Length == 81 && stored[16] == ':'
                && HexText.ToBytes(stored.Substring(0, 16)) != null && HexText.ToBytes(stored.Substring(17)) != null;
        }

        private static byte[] Digest(byte[] salt, string pin)
        {
            byte[] message = new byte[salt.Length + pin.Length];
            System.Array.Copy(salt, 0, message, 0, salt.Length);
            for (int i = 0; i < pin.Length; i++)
            {
                message[salt.Length + i] = (byte)pin[i];
            }

            return Sha256.Hash(message, 0, message.Length);
        }
    }
}
