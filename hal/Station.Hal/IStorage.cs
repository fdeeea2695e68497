namespace Station.Hal
{
    /// <summary>Persistent storage of named byte files (internal flash <c>I:\</c> on ESP32, an SD card, a folder or
    /// memory in the simulator). Two kinds of use: append-only journals and small whole-file records.</summary>
    /// <remarks>
    /// The adapter owns durability: <see cref="Append"/> returns once the bytes are on the medium (flushed), and
    /// <see cref="Replace"/> is atomic (write a temporary file, then rename), so a power cut leaves the old or the
    /// new content, never a mix. Framing and checksums of records are the core's.
    /// </remarks>
    public interface IStorage
    {
        /// <summary>Length of the named file in bytes, or -1 when it does not exist.</summary>
        int Length(string name);

        /// <summary>Reads up to <paramref name="count"/> bytes starting at <paramref name="position"/>; returns how many were read.</summary>
        int Read(string name, int position, byte[] buffer, int offset, int count);

        /// <summary>Appends bytes to the named file (created when missing) and flushes them to the medium.</summary>
        bool Append(string name, byte[] buffer, int offset, int count);

        /// <summary>Atomically replaces the named file's whole content.</summary>
        bool Replace(string name, byte[] buffer, int offset, int count);

        /// <summary>Deletes the named file if it exists.</summary>
        void Delete(string name);
    }
}
