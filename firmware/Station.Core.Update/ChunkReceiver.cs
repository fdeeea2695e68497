using Station.Core.Journal;
using Station.Hal;

namespace Station.Core.Update
{
    /// <summary>Receives a bundle in chunks straight onto storage: each chunk must start where the stored bytes end,
    /// fit the receive limit and the offered size, and match its CRC-32. Nothing is buffered, so memory stays bounded;
    /// the stored length is the progress, so a disconnect or a reboot resumes at that offset.</summary>
    public sealed class ChunkReceiver
    {
        /// <summary>Largest chunk accepted, in bytes.</summary>
        public const int MaxChunk = 4096;

        IStorage _storage;
        string _file;
        int _total, _received;

        /// <summary>Bytes stored so far (the offset the next chunk must carry).</summary>
        public int Received { get { return _received; } }

        /// <summary>The offered bundle size.</summary>
        public int Total { get { return _total; } }

        /// <summary>True when every offered byte is stored.</summary>
        public bool Complete { get { return _total > 0 && _received == _total; } }

        /// <summary>Starts a new download into <paramref name="file"/>, discarding whatever it held.</summary>
        public void Start(IStorage storage, string file, int total)
        {
            storage.Delete(file);
            Resume(storage, file, total);
        }

        /// <summary>Continues a download after a reboot: the stored length is the progress. A file longer than the
        /// offer cannot be this bundle and is discarded.</summary>
        public void Resume(IStorage storage, string file, int total)
        {
            _storage = storage;
            _file = file;
            _total = total;
            int length = storage.Length(file);
            if (length > total)
            {
                storage.Delete(file);
                length = -1;
            }
            _received = length < 0 ? 0 : length;
        }

        /// <summary>Checks and stores one chunk; returns <see cref="UpdateReason.None"/> when it was stored, otherwise
        /// why not (the sender then resends from <see cref="Received"/>).</summary>
        public UpdateReason Accept(int offset, byte[] data, int start, int count, uint crc)
        {
            if (_storage == null) return UpdateReason.OfferMalformed;
            // count > length - start, not start + count > length: a start near int.MaxValue wraps the sum round, and the
            // CRC of the wrapped (empty) range is 0, so a chunk claiming CRC 0 reached the storage with a range outside data.
            if (data == null || start < 0 || count < 1 || count > data.Length - start) return UpdateReason.ChunkCorrupt;
            if (count > MaxChunk || offset > _total - count) return UpdateReason.ChunkTooLarge;
            if (offset != _received) return UpdateReason.ChunkOutOfOrder;
            if (Crc32.Compute(data, start, count) != crc) return UpdateReason.ChunkCorrupt;
            if (!_storage.Append(_file, data, start, count))
            {
                // A failed append may have written part of the chunk: the stored length stays the truth.
                int length = _storage.Length(_file);
                _received = length < 0 ? 0 : length;
                return UpdateReason.StorageFailed;
            }
            _received += count;
            return UpdateReason.None;
        }
    }
}
