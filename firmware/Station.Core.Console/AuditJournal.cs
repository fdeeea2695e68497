using Station.Hal;

namespace Station.Core.Console
{
    /// <summary>The console's audit journal: one ASCII line per console command (and emergency key) appended to
    /// <see cref="FileName"/> in the station's storage, so a technician's session survives a power cut. Subscribe
    /// <see cref="Record"/> to <see cref="StationConsole.Audit"/>; the MQTT link subscribes the same event to publish.</summary>
    /// <remarks>
    /// Line: <c>2026-11-21T23:49:05Z 123456 ok maint enter **** -&gt; maintenance on: ...</c> (UTC, monotonic ms,
    /// ok/refused, the command with PINs masked, the first line of the reply), at most <see cref="MaxLineLength"/>
    /// characters. The file is bounded: past <see cref="MaxBytes"/> the older half is dropped through an atomic
    /// replace. A torn last line after a power cut is harmless text.
    /// </remarks>
    public sealed class AuditJournal
    {
        /// <summary>Name of the audit file.</summary>
        public const string FileName = "audit.log";

        /// <summary>Largest size of the audit file, bytes.</summary>
        public const int MaxBytes = 16384;

        /// <summary>Longest line kept, characters.</summary>
        public const int MaxLineLength = 200;

        private readonly IStorage _storage;
        private readonly IClock _clock;
        private readonly byte[] _line = new byte[MaxLineLength + 1];

        /// <summary>An audit journal in <paramref name="storage"/>, stamped with <paramref name="clock"/>.</summary>
        public AuditJournal(IStorage storage, IClock clock)
        {
            _storage = storage;
            _clock = clock;
        }

        /// <summary>Number of records that could not be stored (storage refused the write).</summary>
        public int Failures { get; private set; }

        /// <summary>Appends one record (signature of <see cref="ConsoleAuditHandler"/>).</summary>
        public void Record(long atMs, string command, bool accepted, string result)
        {
            string text = Stamp(_clock.UtcNow) + " " + atMs.ToString() + (accepted ? " ok " : " refused ") + command
                + (result == null || result.Length == 0 ? "" : " -> " + result);
            int n = 0;
            for (int i = 0; i < text.Length && n < MaxLineLength; i++)
            {
                char c = text[i];
                _line[n++] = c >= ' ' && c < (char)127 ? (byte)c : (byte)'?';
            }

            _line[n++] = (byte)'\n';
            int length = _storage.Length(FileName);
            if (length > 0 && length + n > MaxBytes)
            {
                Compact(length);
            }

            if (!_storage.Append(FileName, _line, 0, n))
            {
                Failures++;
            }
        }

        /// <summary>The last <paramref name="lines"/> records, oldest first ("" when none).</summary>
        public string Tail(int lines)
        {
            int length = _storage.Length(FileName);
            if (length <= 0 || lines <= 0)
            {
                return "";
            }

            byte[] data = new byte[length];
            int end = _storage.Read(FileName, 0, data, 0, length);
            if (end > 0 && data[end - 1] == (byte)'\n')
            {
                end--;
            }

            int start = end;
            int found = 0;
            while (start > 0)
            {
                if (data[start - 1] == (byte)'\n' && ++found == lines)
                {
                    break;
                }

                start--;
            }

            char[] chars = new char[end - start];
            for (int i = start; i < end; i++)
            {
                chars[i - start] = (char)data[i];
            }

            return new string(chars);
        }

        // Keeps the newer half (from a line start) through an atomic replace.
        private void Compact(int length)
        {
            byte[] data = new byte[length];
            int read = _storage.Read(FileName, 0, data, 0, length);
            int from = read / 2;
            while (from < read && data[from - 1] != (byte)'\n')
            {
                from++;
            }

            if (!_storage.Replace(FileName, data, from, read - from))
            {
                Failures++;
            }
        }

        private static string Stamp(System.DateTime t)
        {
            return t.Year.ToString() + "-" + Two(t.Month) + "-" + Two(t.Day) + "T" + Two(t.Hour) + ":" + Two(t.Minute) + ":"
                + Two(t.Second) + "Z";
        }

        private static string Two(int v)
        {
            return v < 10 ? "0" + v.ToString() : v.ToString();
        }
    }
}
