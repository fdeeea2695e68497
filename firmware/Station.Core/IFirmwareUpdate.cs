namespace Station.Core
{
    /// <summary>The station's over-the-air update as the cloud link drives it: offer, chunks, cancel, and its status in
    /// words. Declared here so the cloud assembly reaches the update assembly's agent without depending on it (the
    /// device wiring hands one to the other). Implementations are thread-safe: the cloud calls them from its own
    /// thread while the control loop runs the update's background work.</summary>
    public interface IFirmwareUpdate
    {
        /// <summary>Accepts an offer of a bundle of <paramref name="size"/> bytes of <paramref name="version"/>;
        /// returns null when accepted, otherwise the refusal's reason word.</summary>
        string OfferUpdate(string version, int size);

        /// <summary>Cancels an update not yet handed to the loader; null when done, otherwise the reason word.</summary>
        string CancelUpdate();

        /// <summary>Stores one chunk (offset, bytes, CRC-32); null when stored, otherwise the reason word. The sender
        /// resumes from <see cref="UpdateReceived"/> either way.</summary>
        string UpdateChunk(int offset, byte[] data, int start, int count, uint crc);

        /// <summary>Bytes stored of the offered bundle.</summary>
        int UpdateReceived { get; }

        /// <summary>The offered bundle's size in bytes (0 when none).</summary>
        int UpdateSize { get; }

        /// <summary>The offered version ("" when none).</summary>
        string UpdateVersion { get; }

        /// <summary>Where the update stands in one word (idle, offered, downloading, verifying, verified, waiting,
        /// installing, trial, confirmed, rolled_back, refused, cancelled).</summary>
        string UpdateStatus { get; }

        /// <summary>Why it stands there, as a word ("" when there is nothing to say).</summary>
        string UpdateReasonWord { get; }
    }
}
