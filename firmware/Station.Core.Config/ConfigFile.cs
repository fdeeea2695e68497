using Station.Core.Journal;
using Station.Hal;

namespace Station.Core.Config
{
    /// <summary>Stores the configuration in <see cref="IStorage"/> so that a power cut during a save keeps the old or
    /// the new configuration, never a mix.</summary>
    /// <remarks>
    /// Two layers, because a wrong configuration can move a two-tonne lift: each save goes through the adapter's
    /// atomic <see cref="IStorage.Replace"/>, and it alternates between two slots (<c>config.0</c>, <c>config.1</c>),
    /// each ending in a CRC-32 line and carrying a generation number. Loading takes the valid slot with the newer
    /// generation, so even an adapter whose replace tears a file falls back to the previous save. Generations run
    /// 1..<see cref="MaxGeneration"/> (what the reader parses) and wrap to 1; "newer" is judged across the wrap, so no
    /// stored generation, however large, can make the next save unreadable.
    /// File text (ASCII): <c>stationfw-config F</c> (F = the format, <see cref="FormatVersion"/>), <c>gen=N</c>, one
    /// <c>key=value</c> per line, <c>crc=XXXXXXXX</c> over every byte before that line.
    /// Across versions: a later format keeps this layout and may only add keys, so a file of a newer format whose CRC
    /// holds is read by the keys this firmware knows and reported, not taken for damage; and it is never overwritten
    /// (saves go to the other slot), so a rollback followed by a new update finds it as it was left.
    /// </remarks>
    public sealed class ConfigFile
    {
        /// <summary>Names of the two slots.</summary>
        public static readonly string[] SlotNames = new string[] { "config.0", "config.1" };

        /// <summary>Largest file accepted when loading; anything longer is treated as damaged.</summary>
        public const int MaxFileBytes = 4096;

        /// <summary>Highest generation written; the one after it is 1 again.</summary>
        public const int MaxGeneration = 999999999;

        /// <summary>Format of the files this firmware writes (the number in the first line); 1 is the first.</summary>
        public const int FormatVersion = 1;

        private const string HeaderWord = "stationfw-config ";

        private readonly IStorage _storage;
        private int _generation;
        private int _slot = -1;
        private int _newerSlot = -1; // a slot holding a newer format's file: never written

        /// <summary>A configuration store on <paramref name="storage"/>.</summary>
        public ConfigFile(IStorage storage)
        {
            _storage = storage;
        }

        /// <summary>Generation of the configuration last loaded or saved (0 when none).</summary>
        public int Generation
        {
            get { return _generation; }
        }

        /// <summary>Loads the newest valid slot into <paramref name="values"/> (defaults when none is valid).
        /// Returns a line for the log saying what was loaded and what was wrong.</summary>
        public string Load(ConfigValues values)
        {
            int bestSlot = -1;
            int bestGeneration = -1;
            ConfigValues best = null;
            string bestNotes = null;
            _newerSlot = -1;
            for (int slot = 0; slot < SlotNames.Length; slot++)
            {
                ConfigValues candidate = new ConfigValues();
                int generation;
                string notes;
                if (TryReadSlot(slot, candidate, out generation, out notes) && (best == null || Newer(generation, bestGeneration)))
                {
                    bestSlot = slot;
                    bestGeneration = generation;
                    best = candidate;
                    bestNotes = notes;
                }
            }

            if (best == null)
            {
                values.ResetToDefaults();
                _generation = 0;
                _slot = -1;
                return "config: no valid stored configuration; using defaults";
            }

            values.CopyFrom(best);
            values.Unsaved = false;
            _generation = bestGeneration;
            _slot = bestSlot;
            return bestNotes == null
                ? "config: loaded generation " + bestGeneration.ToString() + " from " + SlotNames[bestSlot]
                : "config: loaded generation " + bestGeneration.ToString() + " from " + SlotNames[bestSlot] + "; " + bestNotes;
        }

        /// <summary>Writes <paramref name="values"/> to the slot not holding the current configuration. True when stored.</summary>
        public bool Save(ConfigValues values)
        {
            int generation = _generation >= MaxGeneration || _generation < 0 ? 1 : _generation + 1;
            byte[] data = Encode(values, generation);
            int slot = _slot == 0 ? 1 : 0;
            if (slot == _newerSlot) slot = _slot < 0 ? 1 - slot : _slot;
            if (!_storage.Replace(SlotNames[slot], data, 0, data.Length))
            {
                return false;
            }

            _generation = generation;
            _slot = slot;
            values.Unsaved = false;
            return true;
        }

        /// <summary>The file bytes for <paramref name="values"/> at <paramref name="generation"/>.</summary>
        public static byte[] Encode(ConfigValues values, int generation)
        {
            System.Text.StringBuilder text = new System.Text.StringBuilder();
            text.Append(HeaderWord).Append(FormatVersion).Append('\n');
            text.Append("gen=").Append(generation).Append('\n');
            for (int i = 0; i < ConfigTable.Keys.Length; i++)
            {
                text.Append(ConfigTable.Keys[i].Name).Append('=').Append(values.Stored(i)).Append('\n');
            }

            string body = text.ToString();
            byte[] bodyBytes = Ascii(body);
            string trailer = "crc=" + HexText.FromUInt(Crc32.Compute(bodyBytes, 0, bodyBytes.Length)) + "\n";
            byte[] data = new byte[bodyBytes.Length + trailer.Length];
            System.Array.Copy(bodyBytes, data, bodyBytes.Length);
            for (int i = 0; i < trailer.Length; i++)
            {
                data[bodyBytes.Length + i] = (byte)trailer[i];
            }

            return data;
        }

        private bool TryReadSlot(int slot, ConfigValues into, out int generation, out string notes)
        {
            generation = -1;
            notes = null;
            int length = _storage.Length(SlotNames[slot]);
            if (length <= 0 || length > MaxFileBytes)
            {
                return false;
            }

            byte[] data = new byte[length];
            if (_storage.Read(SlotNames[slot], 0, data, 0, length) != length)
            {
                return false;
            }

            // The trailer is the last line: "crc=XXXXXXXX\n" (13 bytes).
            if (length < 13 || data[length - 1] != (byte)'\n')
            {
                return false;
            }

            int trailerStart = length - 13;
            string trailer = AsciiText(data, trailerStart, 12);
            uint stored;
            if (!trailer.StartsWith("crc=") || !HexText.TryParseUInt(trailer.Substring(4), out stored)
                || stored != Crc32.Compute(data, 0, trailerStart))
            {
                return false;
            }

            string[] lines = AsciiText(data, 0, trailerStart).Split(new char[] { '\n' });
            int format;
            if (lines.Length < 2 || !lines[0].StartsWith(HeaderWord) || !NumberText.TryParse(lines[0].Substring(HeaderWord.Length), out format)
                || format < 1 || !lines[1].StartsWith("gen="))
            {
                return false;
            }

            if (format > FormatVersion)
            {
                _newerSlot = slot;
                notes = "written by format " + format.ToString() + ", newer than this firmware's " + FormatVersion.ToString()
                    + ": read by the keys it knows, the file kept as it is";
            }

            int gen;
            if (!NumberText.TryParse(lines[1].Substring(4), out gen) || gen < 1)
            {
                return false;
            }

            for (int i = 2; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.Length == 0)
                {
                    continue;
                }

                int eq = line.IndexOf('=');
                int index = eq > 0 ? ConfigTable.IndexOf(line.Substring(0, eq)) : -1;
                if (index < 0)
                {
                    notes = Append(notes, "unknown line '" + line + "' ignored");
                    continue;
                }

                string error = into.TrySetStored(index, line.Substring(eq + 1));
                if (error != null)
                {
                    notes = Append(notes, error + " (default kept)");
                }
            }

            string conflict = into.CheckTogether();
            if (conflict != null)
            {
                return false;
            }

            generation = gen;
            return true;
        }

        // True when generation a follows b (a - b is 1..half the cycle, counted across the wrap from MaxGeneration to 1).
        private static bool Newer(int a, int b)
        {
            int d = a - b;
            if (d < 0) d += MaxGeneration;
            return d > 0 && d <= MaxGeneration / 2;
        }

        private static string Append(string notes, string note)
        {
            return notes == null ? note : notes + "; " + note;
        }

        private static byte[] Ascii(string text)
        {
            byte[] data = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                data[i] = c < 128 ? (byte)c : (byte)'?';
            }

            return data;
        }

        private static string AsciiText(byte[] data, int offset, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                byte b = data[offset + i];
                chars[i] = b < 128 ? (char)b : '?';
            }

            return new string(chars);
        }
    }
}
