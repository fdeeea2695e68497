using Station.Core.Config;
using System.Text;

namespace Station.Core.Update
{
    /// <summary>Reads a manifest strictly (see <see cref="BundleManifest"/>): every line in its place, every value in
    /// range, nothing extra. It runs before the signature is checked, so it must refuse anything odd without throwing.</summary>
    public static class ManifestParser
    {
        /// <summary>Parses manifest bytes into <paramref name="into"/>; returns <see cref="UpdateReason.None"/> or why not.</summary>
        public static UpdateReason Parse(byte[] text, int offset, int count, BundleManifest into)
        {
            into.AssemblyCount = 0;
            into.ErrorLine = 0;
            if (text == null || offset < 0 || count < 0 || offset + count > text.Length || count > BundleManifest.MaxLength)
                return UpdateReason.ManifestMalformed;
            int end = offset + count;
            int pos = offset;
            int line = 0;
            while (pos < end)
            {
                int eol = pos;
                while (eol < end && text[eol] != '\n') eol++;
                if (eol == end) return Fail(into, line + 1); // the last line must end in LF too
                int space = pos;
                while (space < eol && text[space] != ' ') space++;
                if (space == eol) return Fail(into, line + 1);
                UpdateReason r = Field(line, text, pos, space - pos, space + 1, eol - space - 1, into);
                if (r != UpdateReason.None)
                {
                    into.ErrorLine = line + 1;
                    return r;
                }
                line++;
                pos = eol + 1;
            }
            if (line < 5 || into.AssemblyCount == 0) return Fail(into, line + 1);
            return UpdateReason.None;
        }

        static UpdateReason Field(int line, byte[] t, int key, int keyLength, int value, int valueLength, BundleManifest m)
        {
            switch (line)
            {
                case 0:
                    if (!Is(t, key, keyLength, "station-bundle")) return UpdateReason.ManifestMalformed;
                    return Number(t, value, valueLength, 9) == BundleManifest.Format ? UpdateReason.None : UpdateReason.UnknownFormat;
                case 1:
                    if (!Is(t, key, keyLength, "firmware")) return UpdateReason.ManifestMalformed;
                    m.VersionNumber = FirmwareVersionNumber.Parse(t, value, valueLength);
                    if (m.VersionNumber == FirmwareVersionNumber.Invalid) return UpdateReason.ManifestMalformed;
                    m.Version = Encoding.UTF8.GetString(t, value, valueLength);
                    return UpdateReason.None;
                case 2:
                    if (!Is(t, key, keyLength, "commit") || !Word(t, value, valueLength, 40)) return UpdateReason.ManifestMalformed;
                    m.Commit = Encoding.UTF8.GetString(t, value, valueLength);
                    return UpdateReason.None;
                case 3:
                    if (!Is(t, key, keyLength, "board") || !Word(t, value, valueLength, 32)) return UpdateReason.ManifestMalformed;
                    m.Board = Encoding.UTF8.GetString(t, value, valueLength);
                    return UpdateReason.None;
                case 4:
                    if (!Is(t, key, keyLength, "min-loader")) return UpdateReason.ManifestMalformed;
                    m.MinimumLoader = Number(t, value, valueLength, 4);
                    return m.MinimumLoader < 1 ? UpdateReason.ManifestMalformed : UpdateReason.None;
                default:
                    if (!Is(t, key, keyLength, "assembly") || m.AssemblyCount == BundleManifest.MaxAssemblies) return UpdateReason.ManifestMalformed;
                    return Assembly(t, value, valueLength, m);
            }
        }

        // "Name.pe SIZE HEX64"
        static UpdateReason Assembly(byte[] t, int pos, int length, BundleManifest m)
        {
            int end = pos + length;
            int s1 = pos;
            while (s1 < end && t[s1] != ' ') s1++;
            int s2 = s1 + 1;
            while (s2 < end && t[s2] != ' ') s2++;
            if (s2 >= end || end - (s2 + 1) != 2 * Sha256.Length) return UpdateReason.ManifestMalformed;
            int nameLength = s1 - pos;
            if (!Word(t, pos, nameLength, 64) || nameLength < 4 || !Is(t, s1 - 3, 3, ".pe")) return UpdateReason.ManifestMalformed;
            int size = Number(t, s1 + 1, s2 - s1 - 1, 7);
            if (size < 1 || size > BundleManifest.MaxAssemblySize) return UpdateReason.ManifestMalformed;
            int index = m.AssemblyCount;
            byte[] hash = m.AssemblyHashes[index];
            for (int i = 0; i < Sha256.Length; i++)
            {
                int hi = HexDigit(t[s2 + 1 + 2 * i]), lo = HexDigit(t[s2 + 2 + 2 * i]);
                if (hi < 0 || lo < 0) return UpdateReason.ManifestMalformed;
                hash[i] = (byte)((hi << 4) | lo);
            }
            string name = Encoding.UTF8.GetString(t, pos, nameLength);
            for (int i = 0; i < index; i++) if (m.AssemblyNames[i] == name) return UpdateReason.ManifestMalformed;
            m.AssemblyNames[index] = name;
            m.AssemblySizes[index] = size;
            m.AssemblyCount = index + 1;
            return UpdateReason.None;
        }

        static UpdateReason Fail(BundleManifest m, int line)
        {
            m.ErrorLine = line;
            return UpdateReason.ManifestMalformed;
        }

        static bool Is(byte[] t, int pos, int length, string expected)
        {
            if (length != expected.Length) return false;
            for (int i = 0; i < length; i++) if (t[pos + i] != expected[i]) return false;
            return true;
        }

        // Letters, digits, '.', '-', '_': names, boards and commits never need more, and nothing else can sneak in.
        static bool Word(byte[] t, int pos, int length, int max)
        {
            if (length < 1 || length > max) return false;
            for (int i = pos; i < pos + length; i++)
            {
                int c = t[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
                if (!ok) return false;
            }
            return true;
        }

        // Decimal without sign or leading zero, at most maxDigits digits; -1 when not.
        static int Number(byte[] t, int pos, int length, int maxDigits)
        {
            if (length < 1 || length > maxDigits || (length > 1 && t[pos] == '0')) return -1;
            int v = 0;
            for (int i = pos; i < pos + length; i++)
            {
                if (t[i] < '0' || t[i] > '9') return -1;
                v = v * 10 + (t[i] - '0');
            }
            return v;
        }

        static int HexDigit(int c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1; // lower case only: one spelling per digest
        }
    }
}
