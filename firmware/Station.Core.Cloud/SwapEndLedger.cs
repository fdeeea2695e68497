using Station.Hal;

namespace Station.Core.Cloud
{
    /// <summary>Which swap's end record is already in the outbox: the number of the last swap whose end record was
    /// appended, kept in its own small file. The swap's end is journaled by the core before the cloud appends its
    /// record, so a power cut between the two leaves the journal ahead of the outbox; at boot the station compares the
    /// journal's last ended swap with this number and appends the missing record again.</summary>
    /// <remarks>The end record's message id is derived from the swap itself (<c>e{start}-{number}</c>, start = the
    /// swap's UTC start in seconds, 8 hex digits), not from the boot, so a record appended twice — the cut fell after the
    /// append but before this file was written — carries the same <c>mid</c> both times and a consumer that
    /// de-duplicates by <c>(sid, mid)</c> keeps one.</remarks>
    public sealed class SwapEndLedger
    {
        /// <summary>The ledger's file.</summary>
        public const string FileName = "cloud.swapend";

        private static readonly string File = FileName;
        private readonly IStorage _storage;
        private readonly byte[] _buffer = new byte[8];

        /// <summary>A ledger on <paramref name="storage"/>.</summary>
        public SwapEndLedger(IStorage storage) { _storage = storage; }

        /// <summary>The number of the last swap whose end record was appended; 0 when none (or the file is damaged).</summary>
        public int LastRecorded()
        {
            if (_storage.Length(File) != 8 || _storage.Read(File, 0, _buffer, 0, 8) != 8) return 0;
            uint v = (uint)(_buffer[0] | (_buffer[1] << 8) | (_buffer[2] << 16) | (_buffer[3] << 24));
            uint check = (uint)(_buffer[4] | (_buffer[5] << 8) | (_buffer[6] << 16) | (_buffer[7] << 24));
            return check == ~v ? (int)v : 0;
        }

        /// <summary>Notes that swap <paramref name="swapId"/>'s end record is in the outbox.</summary>
        public void Recorded(int swapId)
        {
            uint v = (uint)swapId;
            uint check = ~v;
            _buffer[0] = (byte)v; _buffer[1] = (byte)(v >> 8); _buffer[2] = (byte)(v >> 16); _buffer[3] = (byte)(v >> 24);
            _buffer[4] = (byte)check; _buffer[5] = (byte)(check >> 8); _buffer[6] = (byte)(check >> 16); _buffer[7] = (byte)(check >> 24);
            _storage.Replace(File, _buffer, 0, 8);
        }

        /// <summary>The 32-bit part of a swap end's message id: its UTC start in whole seconds.</summary>
        public static uint StartNonce(System.DateTime startUtc)
        {
            return (uint)(startUtc.Ticks / System.TimeSpan.TicksPerSecond);
        }
    }
}
